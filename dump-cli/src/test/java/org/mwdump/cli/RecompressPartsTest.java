package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.index.IndexedDump;
import org.mwdump.model.Page;
import org.mwdump.testing.Corpus;

/** {@code recompress} of any dump, in part files of N pages named as Wikimedia names its parts. */
class RecompressPartsTest {
    private static final Pattern PART = Pattern.compile("s-multistream(\\d+)\\.xml-p(\\d+)p(\\d+)\\.bz2");

    static List<Long> pageIds(Path dump) {
        List<Long> ids = new ArrayList<>();
        try (DumpReader r = Dumps.open(dump)) {
            for (Page p = r.nextPage(); p != null; p = r.nextPage()) {
                ids.add(p.id());
                while (r.nextEntry() != null) {
                    // the page's revisions
                }
            }
        }
        return ids;
    }

    @Test
    void partsOfNPagesNamedByTheirPageRanges(@TempDir Path dir) throws IOException {
        Path sample = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        List<Long> all = pageIds(sample);
        MainTest.Result r = MainTest.run("recompress", "--multistream", "--pages-per-part", "300", sample.toString(),
                dir.resolve("s-multistream.xml.bz2").toString());
        assertEquals(0, r.status(), r.err());
        List<Path> parts;
        try (Stream<Path> s = Files.list(dir)) {
            parts = s.filter(p -> PART.matcher(p.getFileName().toString()).matches())
                    .sorted((a, b) -> Integer.compare(number(a), number(b))).toList();
        }
        assertEquals((all.size() + 299) / 300, parts.size(), parts.toString());
        assertTrue(r.out().contains("parts: " + parts.size() + "\n"), r.out());
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Path part = parts.get(i);
            Matcher m = PART.matcher(part.getFileName().toString());
            assertTrue(m.matches());
            assertEquals(i + 1, Integer.parseInt(m.group(1)));
            List<Long> ids = pageIds(part);
            assertTrue(ids.size() == 300 || i == parts.size() - 1, part + ": " + ids.size() + " pages");
            assertEquals(Long.parseLong(m.group(2)), ids.get(0));
            assertEquals(Long.parseLong(m.group(3)), ids.get(ids.size() - 1));
            Path index = dir.resolve(part.getFileName().toString().replace("-multistream", "-multistream-index")
                    .replace(".xml-", ".txt-"));
            assertEquals(index, IndexedDump.multistreamIndexOf(part).orElseThrow());
            try (IndexedDump indexed = IndexedDump.open(part)) {
                for (long id : ids) {
                    assertEquals(id, indexed.byId(id).orElseThrow().page().id());
                }
            }
            seen.addAll(ids);
        }
        assertEquals(all, seen);
        // without --force, the parts are not replaced
        MainTest.Result again = MainTest.run("recompress", "--multistream", "--pages-per-part", "300",
                sample.toString(), dir.resolve("s-multistream.xml.bz2").toString());
        assertEquals(1, again.status());
        assertTrue(again.err().contains("--force"), again.err());
    }

    private static int number(Path part) {
        Matcher m = PART.matcher(part.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    @Test
    void parquetIsWrittenAsTheXmlItCameFrom(@TempDir Path dir) throws IOException {
        Path sample = Corpus.file("elwikivoyage-stub-meta-history-sample/sample-stubs.gz");
        Path parquet = dir.resolve("stubs.parquet");
        Path xml = dir.resolve("stubs.xml");
        assertEquals(0, MainTest.run("convert", "--quiet", sample.toString(), parquet.toString()).status());
        assertEquals(0, MainTest.run("convert", "--quiet", sample.toString(), xml.toString()).status());
        Path out = dir.resolve("stubs.xml.bz2");
        MainTest.Result r = MainTest.run("recompress", "--multistream", parquet.toString(), out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(dir.resolve("stubs-index.txt.bz2")));
        try (InputStream in = Dumps.decompress(Files.newInputStream(out), out)) {
            assertArrayEquals(Files.readAllBytes(xml), in.readAllBytes());
        }
    }

    /**
     * A part that fails to start after both its temporary files exist (here its writer refuses the site
     * info: none) leaves neither file, and the recompressor's thread it started ends.
     */
    @Test
    void aPartThatCannotStartLeavesNothing(@TempDir Path dir) throws Exception {
        RecompressCommand command = new RecompressCommand();
        command.out = dir.resolve("s-multistream.xml.bz2");
        java.util.Set<Thread> before = sinks();
        try (org.mwdump.write.layout.Recompressor r = new org.mwdump.write.layout.Recompressor(
                org.mwdump.write.layout.Recompressor.Layout.BZIP2_MULTISTREAM, 100, 1)) {
            assertThrows(NullPointerException.class, () -> command.new Part(r, null, 1, 1L));
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.toList(), "no temporary file left");
        }
        java.util.Set<Thread> started = sinks();
        started.removeAll(before);
        for (Thread t : started) {
            t.join(10_000);
            assertFalse(t.isAlive(), "the recompressor's thread ends: " + java.util.Arrays.toString(t.getStackTrace()));
        }
    }

    /** The recompressors' threads that take a writer's XML. */
    private static java.util.Set<Thread> sinks() {
        java.util.Set<Thread> sinks = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("mwdump-recompress-sink")) {
                sinks.add(t);
            }
        }
        return sinks;
    }
}
