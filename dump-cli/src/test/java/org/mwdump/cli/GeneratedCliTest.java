package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.Slot;
import org.mwdump.testing.GeneratedDump;
import org.mwdump.testing.GeneratedDump.Feature;

/**
 * The command on generated dumps of every schema version, so that {@link MainTest} and
 * {@link ConvertThreadsTest}'s checks run without the shared corpus: {@code info} counts what the dump was
 * made with; {@code validate} checks the hashes the generator computed and finds one that was changed;
 * {@code convert} on one and on four threads writes the same output in every format; {@code recompress},
 * {@code index} and {@code get} find pages as they were made.
 */
class GeneratedCliTest {

    static Stream<String> versions() {
        return GeneratedDump.VERSIONS.stream();
    }

    @ParameterizedTest(name = "schema {0}")
    @MethodSource("versions")
    void infoCountsWhatTheDumpHolds(String version, @TempDir Path dir) {
        GeneratedDump dump = GeneratedDump.full(version);
        MainTest.Result r = MainTest.run("info", dump.write(dir.resolve("dump.xml")).toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\nschema: " + version + "\n"), r.out());
        assertTrue(r.out().contains("\ncompression: none\n"), r.out());
        assertTrue(r.out().contains("\ndbname: " + (dump.has(Feature.DB_NAME) ? "genwiki" : "") + "\n"), r.out());
        assertTrue(r.out().contains("\npages: " + dump.pages().size() + "\n"), r.out());
        assertTrue(r.out().contains("\nrevisions: " + dump.revisions().size() + "\n"), r.out());
        assertTrue(r.out().contains("\nuploads: " + dump.uploads().size() + "\n"), r.out());
        assertTrue(r.out().contains("\nlogitems: " + dump.logItems().size() + "\n"), r.out());
        assertTrue(r.out().contains("\nskipped-elements: 0\n"), r.out());
    }

    /** Slots whose text the dump carries, and whether their hash is recorded (text attribute, or the revision's for one slot). */
    static long[] withText(GeneratedDump dump) {
        long recorded = 0;
        long unrecorded = 0;
        for (Revision r : dump.revisions()) {
            for (Slot s : r.slots()) {
                if (s.text().content() == null) {
                    continue;
                }
                boolean has = s.text().sha1() != null || r.slots().size() == 1 && r.sha1() != null && !r.sha1().isEmpty();
                if (has) {
                    recorded++;
                } else {
                    unrecorded++;
                }
            }
        }
        return new long[] {recorded, unrecorded};
    }

    @ParameterizedTest(name = "schema {0}")
    @MethodSource("versions")
    void validateChecksTheHashesAndFindsAChangedOne(String version, @TempDir Path dir) throws IOException {
        GeneratedDump dump = GeneratedDump.full(version);
        long[] slots = withText(dump);
        MainTest.Result ok = MainTest.run("validate", "--quiet", dump.write(dir.resolve("dump.xml")).toString());
        assertEquals(0, ok.status(), ok.out() + ok.err());
        assertTrue(ok.out().contains("revisions: " + dump.revisions().size() + "\n"), ok.out());
        assertTrue(ok.out().contains("sha1 checked: " + slots[0] + "\n"), ok.out());
        assertTrue(ok.out().contains("problems: 0\n"), ok.out());
        assertEquals(dump.has(Feature.NS_AND_SHA1), slots[0] > 0, "hashes recorded from schema 0.6");
        if (slots[1] > 0) {
            assertTrue(ok.out().contains("sha1 not checked (no recorded sha1): " + slots[1] + "\n"), ok.out());
        }
        if (dump.has(Feature.DELETED_FLAGS)) {
            long deleted = dump.revisions().stream().filter(Revision::textDeleted).count();
            assertTrue(ok.out().contains("sha1 not checked (text deleted): " + deleted + "\n"), ok.out());
        }
        if (slots[0] == 0) {
            return;
        }
        // the first revision's recorded hash (on its text from 0.11, else the revision's) no longer matches
        String xml = dump.xmlString();
        String changed = dump.has(Feature.SLOTS)
                ? xml.replaceFirst(" sha1=\"[0-9a-z]{31}\"", " sha1=\"0000000000000000000000000000000\"")
                : xml.replaceFirst("<sha1>[0-9a-z]{31}</sha1>", "<sha1>0000000000000000000000000000000</sha1>");
        Path tampered = Files.writeString(dir.resolve("tampered.xml"), changed);
        MainTest.Result bad = MainTest.run("validate", "--quiet", tampered.toString());
        assertEquals(1, bad.status(), bad.out() + bad.err());
        assertTrue(bad.out().contains("problem sha1 mismatch: 1\n"), bad.out());
        assertTrue(bad.err().contains("revision " + dump.revisions().get(0).id()), bad.err());
    }

    @ParameterizedTest(name = "schema {0}")
    @MethodSource("versions")
    void convertOnOneAndFourThreadsWritesTheSame(String version, @TempDir Path dir) throws IOException {
        GeneratedDump dump = GeneratedDump.full(version);
        Path in = dump.write(dir.resolve("dump.xml"));
        for (String ext : new String[] {"jsonl", "xml", "parquet", "jsonl.zst", "xml.gz"}) {
            Path one = dir.resolve("one." + ext);
            Path four = dir.resolve("four." + ext);
            MainTest.Result a = MainTest.run("convert", "--quiet", "--threads", "1", in.toString(), one.toString());
            MainTest.Result b = MainTest.run("convert", "--quiet", "--threads", "4", in.toString(), four.toString());
            assertEquals(0, a.status(), ext + ": " + a.err());
            assertEquals(0, b.status(), ext + ": " + b.err());
            if (ext.equals("parquet")) {
                assertEquals(dump.revisions(), ConvertThreadsTest.entries(one), "parquet keeps every revision");
                assertEquals(ConvertThreadsTest.entries(one), ConvertThreadsTest.entries(four), ext);
            } else {
                try (var x = Dumps.decompress(Files.newInputStream(one), one);
                     var y = Dumps.decompress(Files.newInputStream(four), four)) {
                    byte[] bytes = x.readAllBytes();
                    assertArrayEquals(bytes, y.readAllBytes(), ext);
                    if (ext.startsWith("xml") && dump.has(Feature.SLOTS)) {
                        assertArrayEquals(dump.xml(), bytes, "a 0.11 dump in Wikimedia's serialization is written as it was");
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--multistream", "--seekable-zstd"})
    void recompressIndexAndGetFindPagesAsMade(String layout, @TempDir Path dir) throws IOException {
        GeneratedDump dump = GeneratedDump.builder("0.11").pages(40).deletions(true).uploads(true).slots(true).build();
        Path in = dump.write(dir.resolve("gen.xml"));
        Path out = dir.resolve(layout.equals("--multistream") ? "gen-multistream.xml.bz2" : "gen.xml.zst");
        MainTest.Result r = MainTest.run("recompress", in.toString(), out.toString(), layout, "--pages-per-stream", "6");
        assertEquals(0, r.status(), r.err());
        MainTest.Result index = MainTest.run("index", out.toString());
        assertEquals(0, index.status(), index.err());
        assertTrue(index.out().contains("pages: " + dump.pages().size()), index.out());

        Page byId = dump.pages().get(23);
        Page byTitle = dump.pages().get(3);
        GetTest.Result get = GetTest.run("get", out.toString(), "--id", byId.id().toString(), "--title", byTitle.title());
        assertEquals(0, get.status(), get.err());
        List<Page> pages = new ArrayList<>();
        List<PageEntry> entries = new ArrayList<>();
        try (DumpReader found = Dumps.open(new ByteArrayInputStream(get.out().getBytes(StandardCharsets.UTF_8)))) {
            assertEquals(dump.siteInfo(), found.siteInfo());
            for (Page p = found.nextPage(); p != null; p = found.nextPage()) {
                pages.add(p);
                for (PageEntry e = found.nextEntry(); e != null; e = found.nextEntry()) {
                    entries.add(e);
                }
            }
        }
        assertEquals(List.of(byId, byTitle), pages);
        List<PageEntry> expected = new ArrayList<>(dump.entriesOf(byId));
        expected.addAll(dump.entriesOf(byTitle));
        assertEquals(expected, entries);
        assertEquals(1, GetTest.run("get", out.toString(), "--id", "99999").status());
    }
}
