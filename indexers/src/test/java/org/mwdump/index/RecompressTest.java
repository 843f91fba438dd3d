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
import java.util.Map;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.testing.Corpus;
import org.mwdump.testing.Tools;
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
        // libbzip2's bytes, stream by stream: the same file and the same index as Wikimedia's, bit for bit
        assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(ours), "the multistream file");
        assertArrayEquals(Files.readAllBytes(theirIndex), Files.readAllBytes(ourIndex), "the index");

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

    static byte[] sampleXml() throws IOException {
        try (InputStream in = new BZip2CompressorInputStream(Files.newInputStream(
                Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2")), true)) {
            return in.readAllBytes();
        }
    }

    @Test
    void everyPageOfTheRecompressedSampleIsFoundInEachLayout(@TempDir Path dir) throws IOException, InterruptedException {
        byte[] xml = sampleXml();
        Path plain = dir.resolve("sample.xml");
        Files.write(plain, xml);
        Map<Long, IndexedPage> expected = IndexedDumpTest.fullScan(plain);
        assertEquals(2040, expected.size());
        for (Recompressor.Layout layout : Recompressor.Layout.values()) {
            String ext = layout == Recompressor.Layout.SEEKABLE_ZSTD ? ".xml.zst" : "-multistream.xml.bz2";
            Path dump = dir.resolve("sample" + ext);
            Path index = IndexedDump.multistreamIndexOf(dump).orElse(null);
            Path indexPath = dir.resolve(layout == Recompressor.Layout.SEEKABLE_ZSTD ? "sample-index.txt.zst"
                    : "sample-multistream-index.txt.bz2");
            new Recompressor(layout, 100, 2).recompress(new ByteArrayInputStream(xml), dump, indexPath);
            assertEquals(indexPath, IndexedDump.multistreamIndexOf(dump).orElseThrow(), "index found beside the dump");
            try (IndexedDump indexed = IndexedDump.open(dump)) {
                assertEquals(expected.size(), indexed.size());
                for (IndexedPage page : expected.values()) {
                    assertEquals(page, indexed.byId(page.page().id()).orElseThrow(), layout + " by id " + page.page().id());
                    assertEquals(page, indexed.byTitle(page.page().title()).orElseThrow(), layout + " by title");
                }
                assertTrue(indexed.byTitle("Δεν υπάρχει").isEmpty());
            }
            // the index built by scanning (its streams or frames decoded on several threads), without an index
            // file, has every page where the one built from the index file has it
            Path scanned = dir.resolve("scanned-" + layout + ".mwpidx");
            IndexedDump.buildPageIndexByScanning(dump, scanned);
            PageIndex fromScan = PageIndex.open(scanned);
            PageIndex fromIndexFile = PageIndex.open(IndexedDump.pageIndexOf(dump));
            assertEquals(expected.size(), fromScan.size());
            for (IndexedPage page : expected.values()) {
                long id = page.page().id();
                assertEquals(fromIndexFile.position(id), fromScan.position(id), layout + " position of " + id);
                assertTrue(fromIndexFile.position(id) >= 0, layout + " " + id);
                assertArrayEquals(fromIndexFile.candidates(page.page().title()),
                        fromScan.candidates(page.page().title()), layout + " " + page.page().title());
            }
            assertTrue(index == null || index.equals(indexPath));
        }
        // the third way: an ordinary single-stream bz2 file, through a block index built beside it
        Path single = dir.resolve("sample-singlestream.xml.bz2");
        Files.copy(Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2"), single);
        assertTrue(IndexBuilder.isSingleStreamBzip2(single));
        try (IndexedDump indexed = IndexedDump.open(single)) {
            assertTrue(Files.exists(BlockIndex.of(single)), "block index written beside the dump");
            assertTrue(BlockIndex.read(BlockIndex.of(single)).size() >= 11);
            assertEquals(expected.size(), indexed.size());
            for (IndexedPage page : expected.values()) {
                assertEquals(page, indexed.byId(page.page().id()).orElseThrow(), "single stream by id " + page.page().id());
                assertEquals(page, indexed.byTitle(page.page().title()).orElseThrow(), "single stream by title");
            }
            assertTrue(indexed.byTitle("Δεν υπάρχει").isEmpty());
            assertEquals(expected, indexed.byIds(expected.keySet()));
        }
        // plain zstd reads the seekable file as ordinary zstd, and bzip2 every stream of the multistream file
        Tools.require("zstd", "bzip2");
        Process p = new ProcessBuilder("zstd", "-d", "-c", dir.resolve("sample.xml.zst").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] decoded = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        assertArrayEquals(xml, decoded);
        Process b = new ProcessBuilder("bzip2", "-d", "-c", dir.resolve("sample-multistream.xml.bz2").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertArrayEquals(xml, b.getInputStream().readAllBytes());
        assertEquals(0, b.waitFor());
    }
    @Test
    void zstdFramesEndAtTheFirstPageEndPastTheByteLimit(@TempDir Path dir) throws IOException {
        byte[] xml = sampleXml();
        long limit = 20_000;
        Path dump = dir.resolve("limited.xml.zst");
        Recompressor.Result result = new Recompressor(Recompressor.Layout.SEEKABLE_ZSTD, 100, limit, 2, 3)
                .recompress(new ByteArrayInputStream(xml), dump, dir.resolve("limited-index.txt.bz2"));
        List<Long> offsets;
        List<byte[]> frames = new ArrayList<>();
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dump)) {
            Chunks chunks = Chunks.open(ch, dump.toString());
            offsets = chunks.offsets();
            for (long offset : offsets) {
                frames.add(chunks.decode(offset));
            }
        }
        // header, page frames, footer
        List<byte[]> pageFrames = frames.subList(1, frames.size() - 1);
        int pages = 0;
        for (int i = 0; i < pageFrames.size(); i++) {
            byte[] frame = pageFrames.get(i);
            List<long[]> slices = PageScanner.slices(frame);
            pages += slices.size();
            long lastPageStart = slices.get(slices.size() - 1)[1];
            assertTrue(lastPageStart < limit, "frame " + i + " went on after reaching the limit");
            if (i + 1 < pageFrames.size()) {
                assertTrue(frame.length >= limit, "frame " + i + " ended early at " + frame.length + " bytes");
            }
            assertEquals(frame.length, slices.get(slices.size() - 1)[2], "frame " + i + " ends at a page end");
        }
        assertEquals(result.pages(), pages);
        assertTrue(pageFrames.size() > result.pages() / 100 + 1, "the byte limit, not the page count, cut the frames");
    }
}
