package org.mwdump.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.CorruptInputException;
import org.mwdump.read.bzip2.Bzip2InputStream;
import org.mwdump.testing.Corpus;

/** Block-parallel decoding gives exactly what sequential decoding gives, for every kind of bz2 file. */
class Bzip2BlockReaderTest {

    static byte[] sequential(Path file) throws IOException {
        try (InputStream in = new Bzip2InputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    static byte[] parallel(Path file, int threads, List<long[]> blocks) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             Bzip2BlockReader r = new Bzip2BlockReader(ch, file, threads,
                     (bit, decoded, level, length) -> blocks.add(new long[] {bit, decoded, level, length}))) {
            return r.readAllBytes();
        }
    }

    @Test
    void everyCorpusBz2(@TempDir Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (var s = Files.walk(Corpus.shared(), FileVisitOption.FOLLOW_LINKS)) {
            s.filter(p -> p.toString().endsWith(".bz2")).forEach(files::add);
        }
        assertTrue(files.size() >= 15);
        for (Path f : files) {
            List<long[]> blocks = new ArrayList<>();
            byte[] expected = sequential(f);
            assertArrayEquals(expected, parallel(f, 3, blocks), f.toString());
            long total = blocks.stream().mapToLong(b -> b[3]).sum();
            assertEquals(expected.length, total, f + ": block lengths add up");
        }
    }

    @Test
    void multiBlockSingleStreamIsSplit() throws IOException {
        Path f = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        List<long[]> blocks = new ArrayList<>();
        byte[] out = parallel(f, 2, blocks);
        assertEquals(10302260, out.length);
        assertTrue(blocks.size() >= 11, "a 10 MB level-9 stream has at least 11 blocks: " + blocks.size());
        assertEquals(32, blocks.get(0)[0], "the first block starts after the 4-byte header");
        for (int i = 1; i < blocks.size(); i++) {
            assertEquals(blocks.get(i - 1)[1] + blocks.get(i - 1)[3], blocks.get(i)[1]);
        }
    }

    @Test
    void truncatedAndDamagedFilesFail(@TempDir Path dir) throws IOException {
        Path f = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        byte[] whole = Files.readAllBytes(f);
        for (double at : new double[] {0.3, 0.7, 0.9999}) {
            Path cut = dir.resolve("cut.bz2");
            Files.write(cut, Arrays.copyOf(whole, (int) (whole.length * at)));
            CorruptInputException e = assertThrows(CorruptInputException.class, () -> parallel(cut, 2, new ArrayList<>()));
            assertTrue(e.location().compressedOffset() >= 0, e.getMessage());
        }
        byte[] flipped = whole.clone();
        flipped[whole.length / 2] ^= 0x10;
        Path bad = dir.resolve("bad.bz2");
        Files.write(bad, flipped);
        CorruptInputException e = assertThrows(CorruptInputException.class, () -> parallel(bad, 2, new ArrayList<>()));
        assertTrue(e.bitOffset() > 0, e.getMessage());
    }
}
