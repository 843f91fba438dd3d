package org.mwdump.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.testing.Corpus;
import org.mwdump.write.layout.Recompressor;

/** Recompressing Wikimedia's input reproduces the layout of Wikimedia's own recompressxml output. */
class RecompressTest {

    static List<byte[]> decodedStreams(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        List<Long> starts = new ArrayList<>(Bzip2Streams.starts(file));
        starts.add((long) all.length);
        List<byte[]> streams = new ArrayList<>();
        for (int i = 0; i + 1 < starts.size(); i++) {
            byte[] one = Arrays.copyOfRange(all, (int) (long) starts.get(i), (int) (long) starts.get(i + 1));
            try (InputStream in = new BZip2CompressorInputStream(new ByteArrayInputStream(one), false)) {
                streams.add(in.readAllBytes());
            }
        }
        return streams;
    }

    @Test
    void sameLayoutAsRecompressxml(@TempDir Path dir) throws IOException {
        Path input = Corpus.spec("multistream/pages-articles-p2566p2583.xml.bz2");
        Path theirs = Corpus.spec("multistream/pages-articles-p2566p2583.multistream.xml.bz2");
        Path theirIndex = Corpus.spec("multistream/pages-articles-p2566p2583.multistream-index.xml.bz2");
        Path ours = dir.resolve("ours-multistream.xml.bz2");
        Path ourIndex = dir.resolve("ours-multistream-index.txt.bz2");
        Recompressor.Result result;
        try (InputStream xml = new BZip2CompressorInputStream(Files.newInputStream(input), true)) {
            result = new Recompressor(Recompressor.Layout.BZIP2_MULTISTREAM, 5, 2).recompress(xml, ours, ourIndex);
        }
        assertEquals(17, result.pages());

        List<byte[]> expected = decodedStreams(theirs);
        List<byte[]> actual = decodedStreams(ours);
        assertEquals(7, expected.size(), "header, 4 page streams, footer, empty stream");
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "stream " + i);
        }

        List<IndexEntry> theirEntries = MultistreamIndex.read(theirIndex);
        List<IndexEntry> ourEntries = MultistreamIndex.read(ourIndex);
        assertEquals(theirEntries.size(), ourEntries.size());
        List<Long> ourStarts = Bzip2Streams.starts(ours);
        List<Long> theirStarts = Bzip2Streams.starts(theirs);
        for (int i = 0; i < theirEntries.size(); i++) {
            assertEquals(theirEntries.get(i).pageId(), ourEntries.get(i).pageId());
            assertEquals(theirEntries.get(i).title(), ourEntries.get(i).title());
            assertEquals(theirStarts.indexOf(theirEntries.get(i).offset()), ourStarts.indexOf(ourEntries.get(i).offset()),
                    "the page is in the same stream, and our offset is that stream's start");
        }
        assertEquals(Files.readString(Corpus.spec("multistream/pages-articles-p2566p2583.multistream-index.decoded.txt"))
                .lines().map(l -> l.substring(l.indexOf(':'))).toList(),
                decodeIndex(ourIndex).lines().map(l -> l.substring(l.indexOf(':'))).toList());
    }

    static String decodeIndex(Path index) throws IOException {
        try (InputStream in = new BZip2CompressorInputStream(Files.newInputStream(index), true)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
