package org.mwdump.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.Compression;
import org.mwdump.DumpException;
import org.mwdump.DumpFormat;
import org.mwdump.DumpLocation;
import org.mwdump.DumpReader;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.ReadOptions;
import org.mwdump.WriteOptions;
import org.mwdump.model.Comment;
import org.mwdump.model.Contributor;
import org.mwdump.model.Page;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.model.Slot;
import org.mwdump.model.Text;
import org.mwdump.testing.Corpus;

/**
 * Conversion on several threads writes the bytes of a conversion on one thread, for every format
 * and input, with chunks cut as small as a few hundred bytes so that every kind of cut (between
 * pages, between revisions of one page, a page longer than the largest chunk) happens; and a damaged
 * input fails with the error and location of the single-threaded reader.
 */
class ParallelCopyTest {
    private static final DumpFormat[] FORMATS = {DumpFormat.REVDOC, DumpFormat.REVDOC_LEGACY, DumpFormat.XML};

    /** The output of {@link Dumps#copy} on one thread, or the exception it threw. */
    static Object sequential(Path in, DumpFormat format, ReadOptions options) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DumpWriter w = Dumps.create(bytes, format, WriteOptions.builder().compression(Compression.NONE).build());
        try (DumpReader r = Dumps.open(in, options)) {
            Dumps.copy(r, w);
            w.finish();
            return bytes.toByteArray();
        } catch (DumpException e) {
            w.abort();
            return e;
        }
    }

    static Object parallel(Path in, DumpFormat format, ReadOptions options, int threads, int target, int max) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DumpWriter w = Dumps.create(bytes, format, WriteOptions.builder().compression(Compression.NONE).build());
        try {
            ParallelDumps.copy(in, w, threads, options, null, target, max);
            w.finish();
            return bytes.toByteArray();
        } catch (DumpException e) {
            w.abort();
            return e;
        }
    }

    static void assertSame(Object expected, Object actual, String what) {
        if (expected instanceof byte[] e) {
            if (actual instanceof DumpException x) {
                throw new AssertionError(what + ": parallel copy failed: " + x, x);
            }
            assertArrayEquals(e, (byte[]) actual, what);
            return;
        }
        DumpException e = (DumpException) expected;
        assertTrue(actual instanceof DumpException, what + ": expected " + e + " but the parallel copy succeeded");
        DumpException a = (DumpException) actual;
        assertEquals(e.getClass(), a.getClass(), what + ": " + a);
        assertEquals(e.reason(), a.reason(), what);
        DumpLocation l = e.location();
        DumpLocation m = a.location();
        assertEquals(List.of(String.valueOf(l.source()), l.line(), l.column(), String.valueOf(l.pageId()),
                String.valueOf(l.pageTitle()), String.valueOf(l.revisionId())),
                List.of(String.valueOf(m.source()), m.line(), m.column(), String.valueOf(m.pageId()),
                        String.valueOf(m.pageTitle()), String.valueOf(m.revisionId())), what + ": " + a);
    }

    static void check(Path dump, ReadOptions options, int[] threads, int[] targets) {
        for (DumpFormat format : FORMATS) {
            Object expected = sequential(dump, format, options);
            for (int t : threads) {
                for (int target : targets) {
                    assertSame(expected, parallel(dump, format, options, t, target, Math.max(4 * target, 1 << 16)),
                            dump.getFileName() + " " + format + " threads " + t + " chunk " + target);
                }
            }
        }
    }

    static List<Path> corpusDumps() {
        return Corpus.dumps();
    }

    @Test
    void everyCorpusDumpGivesTheSameBytes() throws IOException {
        List<Path> dumps = corpusDumps();
        assertTrue(dumps.size() > 20, "corpus dumps: " + dumps.size());
        for (Path dump : dumps) {
            check(dump, ReadOptions.DEFAULT, new int[] {1, 4}, new int[] {300, 4096});
        }
    }

    @Test
    void strictReadingToo() throws IOException {
        ReadOptions strict = ReadOptions.builder().strict(true).build();
        for (Path dump : corpusDumps()) {
            check(dump, strict, new int[] {3}, new int[] {500});
        }
    }

    /** A history dump made here: many pages, one with 3,000 revisions, non-ASCII text, deleted fields. */
    static byte[] historyXml(int bigPageRevisions) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DumpWriter w = Dumps.create(bytes, DumpFormat.XML, WriteOptions.builder().compression(Compression.NONE).build());
        w.writeSiteInfo(SiteInfo.EMPTY.withRoot("0.11", "en"));
        long rev = 1;
        for (int p = 1; p <= 40; p++) {
            Page page = new Page((long) p, p % 3 == 0 ? 1 : 0, "Σελίδα & \"page\" " + p, false, null, List.of());
            w.writePage(page);
            int n = p == 7 ? bigPageRevisions : 1 + (p * 7) % 13;
            for (int i = 0; i < n; i++) {
                String text = ("Κείμενο <b>" + p + "</b> revision " + i + " 😀 ").repeat(1 + (i * 31 + p) % 40);
                Contributor c = i % 17 == 5 ? Contributor.DELETED : new Contributor("User " + (i % 5), (long) (i % 5 + 1),
                        null, false);
                Comment comment = i % 11 == 3 ? Comment.DELETED : new Comment("edit " + i, false);
                Text t = Text.builder().content(i % 23 == 9 ? null : text)
                        .bytes((long) text.getBytes(StandardCharsets.UTF_8).length).deleted(i % 23 == 9).build();
                w.write(Revision.builder().page(page).id(rev).parentId(i == 0 ? null : rev - 1)
                        .timestamp(String.format("2020-01-01T00:%02d:%02dZ", (i / 60) % 60, i % 60)).contributor(c)
                        .minor(i % 2 == 0).comment(comment)
                        .slots(List.of(Slot.builder().model("wikitext").format("text/x-wiki").text(t).build()))
                        .sha1("abc" + rev).build());
                rev++;
            }
        }
        w.finish();
        return bytes.toByteArray();
    }

    @Test
    void historyWithALongPageIsCutBetweenRevisions(@TempDir Path dir) throws IOException {
        Path dump = dir.resolve("history.xml");
        Files.write(dump, historyXml(3000));
        check(dump, ReadOptions.DEFAULT, new int[] {1, 3}, new int[] {200, 5000, 100_000});
    }

    @Test
    void compressedInputs(@TempDir Path dir) throws IOException {
        byte[] xml = historyXml(300);
        for (Compression c : new Compression[] {Compression.BZIP2, Compression.GZIP, Compression.ZSTD, Compression.XZ}) {
            Path dump = dir.resolve("history.xml." + c.name().toLowerCase());
            try (var out = new org.mwdump.write.compress.WriteCodecs().compress(c, Files.newOutputStream(dump), -1, 1)) {
                out.write(xml);
            }
            check(dump, ReadOptions.DEFAULT, new int[] {2}, new int[] {700});
        }
    }

    /** A page with more text than the largest chunk is read on, in one piece, and nothing is lost. */
    @Test
    void revisionLargerThanTheLargestChunk(@TempDir Path dir) throws IOException {
        Path dump = dir.resolve("history.xml");
        Files.write(dump, historyXml(50));
        for (DumpFormat format : FORMATS) {
            assertSame(sequential(dump, format, ReadOptions.DEFAULT),
                    parallel(dump, format, ReadOptions.DEFAULT, 2, 300, 600), "max chunk 600");
        }
    }

    /** A head that holds more than the site info (a log item, an unknown element) is read by one reader. */
    @Test
    void headsWithMoreThanTheSiteInfo(@TempDir Path dir) throws IOException {
        String s = new String(historyXml(40), StandardCharsets.UTF_8);
        int firstPage = s.indexOf("  <page>");
        String[] extras = {
            "  <logitem>\n    <id>1</id>\n    <type>delete</type>\n  </logitem>\n",
            "  <DiscussionThreading>\n    <x>1</x>\n  </DiscussionThreading>\n",
            "  <!-- a comment -->\n"};
        int i = 0;
        for (String extra : extras) {
            Path dump = dir.resolve("head" + i++ + ".xml");
            Files.writeString(dump, s.substring(0, firstPage) + extra + s.substring(firstPage));
            check(dump, ReadOptions.DEFAULT, new int[] {2}, new int[] {600});
        }
    }

    /** Damage anywhere fails with the single-threaded reader's error: bad XML, a cut file, a bad byte. */
    @Test
    void damagedInputsFailAsOnOneThread(@TempDir Path dir) throws IOException {
        byte[] xml = historyXml(200);
        List<byte[]> damaged = new ArrayList<>();
        String s = new String(xml, StandardCharsets.UTF_8);
        damaged.add(s.replaceFirst("</revision>", "</revisio>").getBytes(StandardCharsets.UTF_8));
        int middle = s.indexOf("<title>", s.length() / 2);
        damaged.add((s.substring(0, middle) + "<title>&bogus;" + s.substring(middle + 7)).getBytes(StandardCharsets.UTF_8));
        damaged.add(java.util.Arrays.copyOf(xml, xml.length * 2 / 3));
        damaged.add(java.util.Arrays.copyOf(xml, s.lastIndexOf("</revision>")));
        byte[] flipped = xml.clone();
        flipped[xml.length * 3 / 4] = (byte) 0xff;
        damaged.add(flipped);
        byte[] nested = (s.replaceFirst("  </page>\n  <page>", "  <!--\n  </page>\n  <page>\n -->\n  </page>\n  <page>"))
                .getBytes(StandardCharsets.UTF_8);
        damaged.add(nested);
        damaged.add(s.replace("<id>5</id>", "<id>five</id>").getBytes(StandardCharsets.UTF_8));
        int i = 0;
        for (byte[] d : damaged) {
            Path dump = dir.resolve("damaged" + i++ + ".xml");
            Files.write(dump, d);
            check(dump, ReadOptions.DEFAULT, new int[] {1, 3}, new int[] {400, 9000});
        }
        // a bz2 file with a flipped bit in a late block
        Path bz = dir.resolve("damaged.xml.bz2");
        try (var out = new org.mwdump.write.compress.WriteCodecs().compress(Compression.BZIP2, Files.newOutputStream(bz),
                1, 1)) {
            out.write(historyXml(3000));
        }
        byte[] b = Files.readAllBytes(bz);
        b[b.length * 2 / 3] ^= 0x10;
        Files.write(bz, b);
        Object expected = sequential(bz, DumpFormat.REVDOC, ReadOptions.DEFAULT);
        assertNotNull(expected);
        assertTrue(expected instanceof DumpException, "damage found");
        Object actual = parallel(bz, DumpFormat.REVDOC, ReadOptions.DEFAULT, 2, 4096, 1 << 16);
        assertTrue(actual instanceof DumpException, "damage found on several threads");
        assertEquals(((DumpException) expected).getClass(), actual.getClass());
    }
}
