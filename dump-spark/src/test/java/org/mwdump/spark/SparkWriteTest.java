package org.mwdump.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.DumpWriter;
import org.mwdump.MalformedDumpException;
import org.mwdump.Dumps;
import org.mwdump.index.IndexedDump;
import org.mwdump.index.IndexedPage;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.testing.Corpus;
import org.mwdump.testing.Tools;

/**
 * The writer against the single-machine writers: the corpus dumps read with the source and written as
 * part files give, put back together as Wikimedia puts its parts together, the bytes that one writer on
 * one machine gives (and so, for Wikimedia's dumps, their own bytes); multistream parts are indexed; a
 * task that fails once leaves the output as if it had not.
 */
class SparkWriteTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        // local[2,2]: two threads, and a failed task is tried once more
        spark = SparkSession.builder().master("local[2,2]").appName("mwdump-write-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "3")
                .config("spark.sql.adaptive.enabled", "false")
                .config("spark.hadoop.fs.failonce.impl", FailOnceFileSystem.class.getName())
                .config("spark.hadoop.fs.failonce.impl.disable.cache", "true")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /**
     * The single-machine reading of a dump, its revisions in the order a write puts them: by page id, then
     * revision id; {@code reordered} when the dump has them in another order.
     */
    record Single(SiteInfo site, List<Revision> revisions, boolean reordered) {
        /** The output of one writer of the given format, as {@code mwdump convert} writes it. */
        byte[] written(DumpFormat format) {
            return written(format, null);
        }

        /** The same, in the given XML schema version (null: the writer's choice). */
        byte[] written(DumpFormat format, String schemaVersion) {
            return SparkReadTest.written(site, revisions, format, schemaVersion);
        }
    }

    /**
     * The dump as one reader reads it, in the order of a write. Fails when the dump cannot be read, or
     * cannot be written as it is: a page or revision without id, a revision twice, a page with two headers.
     */
    static Single single(Path dump) {
        try (DumpReader reader = Dumps.open(dump)) {
            List<Revision> read = new ArrayList<>();
            for (PageEntry e : reader.revisions()) {
                Revision r = assertInstanceOf(Revision.class, e, dump::toString);
                assertNotNull(r.page().id(), () -> dump + ": a page without id");
                assertNotNull(r.id(), () -> dump + ": a revision without id");
                read.add(r);
            }
            assertFalse(read.isEmpty(), dump + ": no revision");
            List<Revision> sorted = new ArrayList<>(read);
            sorted.sort(Comparator.comparing((Revision r) -> r.page().id()).thenComparing(Revision::id));
            for (int i = 1; i < sorted.size(); i++) {
                Revision before = sorted.get(i - 1);
                Revision r = sorted.get(i);
                if (before.page().id().equals(r.page().id())) {
                    // a write gives each page one header
                    assertEquals(before.page(), r.page(), dump + ": page " + r.page().id() + " with two headers");
                    assertTrue(r.id() > before.id(), dump + ": revision " + r.id() + " twice");
                }
            }
            return new Single(reader.siteInfo(), sorted, !sorted.equals(read));
        }
    }

    /** Why a corpus dump is not written and compared: what reading it gives. */
    enum NotWritten {
        /** The reader refuses it. */
        MALFORMED,
        /** A page or a revision has no id: a write orders revisions by page and revision id, names parts by page id. */
        NO_IDS
    }

    /**
     * The corpus dumps that xmlAndRevDocPartsGiveWhatOneWriterGives leaves out (paths under corpus/); every
     * other one must be written and compared, and each of these must still read as it says.
     */
    static final Map<String, NotWritten> NOT_COMPARED = Map.ofEntries(
            // MediaWiki's templates for its dump tests: <data> documents holding pieces of dumps, not dumps
            Map.entry("mediawiki-core-tests/dump-templates-reformatted/AllStubs.0.10.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/dump-templates-reformatted/AllStubs.0.11.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/dump-templates-reformatted/AllText.0.10.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/dump-templates-reformatted/AllText.0.11.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/dump-templates-reformatted/CurrentArticleStubs.0.10.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/dump-templates-reformatted/CurrentArticleStubs.0.11.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/dump-templates-reformatted/CurrentStubs.0.10.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/dump-templates-reformatted/CurrentStubs.0.11.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/dump-templates-reformatted/SiteInfo.0.10.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/dump-templates-reformatted/SiteInfo.0.11.xml", NotWritten.MALFORMED),
            // the expected results of MediaWiki's import tests: <data> documents too
            Map.entry("mediawiki-core-tests/import-reformatted/Basic.expected.0.10.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/import-reformatted/Basic.expected.0.11.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/import-reformatted/Dupes.expected.0.10.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/import-reformatted/Dupes.expected.0.11.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/import-reformatted/Interleaved.expected.0.10.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/import-reformatted/Interleaved.expected.0.11.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/import-reformatted/InterleavedMulti.expected.0.10.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/import-reformatted/InterleavedMulti.expected.0.11.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/import-reformatted/MissingMainContentModel.expected.0.10.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/import-reformatted/MissingMainContentModel.expected.0.11.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/import-reformatted/MissingSlotContentModel.expected.0.10.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/import-reformatted/MissingSlotContentModel.expected.0.11.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/import-reformatted/SiteInfo.0.10.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/import-reformatted/SiteInfo.0.11.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/import-reformatted/Slots.expected.0.10.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/import-reformatted/Slots.expected.0.11.xml", NotWritten.MALFORMED),
            // MediaWiki's import tests of broken input: a start tag closed by another end tag; no <mediawiki> root
            Map.entry("mediawiki-core-tests/import-reformatted/BadXML.xml", NotWritten.MALFORMED),
            Map.entry("mediawiki-core-tests/import-reformatted/MissingMediaWikiTag.xml", NotWritten.MALFORMED),
            // hand-made for a test of Wikimedia's refinery: revisions without ids, and a page without one
            Map.entry("edge-cases/refinery-handmade-no-ids/mediawiki-dump-test.xml", NotWritten.NO_IDS));

    /** What reading a dump gives, if it is one of the kinds that are not written; null if it is none. */
    static NotWritten notWritten(Path dump) {
        try (DumpReader reader = Dumps.open(dump)) {
            for (PageEntry e : reader.revisions()) {
                if (e instanceof Revision r && (r.page().id() == null || r.id() == null)) {
                    return NotWritten.NO_IDS;
                }
            }
            return null;
        } catch (MalformedDumpException e) {
            return NotWritten.MALFORMED;
        }
    }

    /** A corpus dump's path under corpus/. */
    static String corpusName(Path dump) {
        return Corpus.shared().resolve("corpus").relativize(dump).toString().replace(java.io.File.separatorChar, '/');
    }

    private static Dataset<Row> read(Path dump) {
        return spark.read().format("mwdump").load(dump.toString());
    }

    private static void write(Dataset<Row> rows, Path dir, Map<String, String> options) {
        rows.write().format("mwdump").options(options).option("wiki", "w").option("date", "20260101")
                .mode("overwrite").save(dir.toString());
    }

    private static final Pattern PART = Pattern.compile("w-20260101-pages-meta-history(\\d+)\\.(xml|jsonl)-p(\\d+)p(\\d+)");

    /**
     * The part files of a write, in part order (checking that the numbers run 1, 2, ..., and that each
     * part's name gives the ids of its first and last page).
     */
    static List<Path> parts(Path dir) throws IOException {
        List<Path> parts;
        try (Stream<Path> s = Files.list(dir)) {
            parts = s.filter(p -> PART.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(p -> number(p))).toList();
        }
        for (int i = 0; i < parts.size(); i++) {
            assertEquals(i + 1, number(parts.get(i)), parts.toString());
            assertNamedPages(parts.get(i), parts.get(i));
        }
        return parts;
    }

    /** The page range in a part's (or its index's) name: {@code …xml-p<first>p<last>…}. */
    private static final Pattern RANGE = Pattern.compile(".*\\.(?:xml|jsonl|txt)-p(\\d+)p(\\d+)(?:\\.(?:bz2|gz|zst))?");

    /**
     * Checks that the first and last page ids in the name of a part are those of the first and last page of
     * the part, read from {@code content} (the part itself, or its decompressed XML).
     */
    static void assertNamedPages(Path part, Path content) throws IOException {
        Matcher m = RANGE.matcher(part.getFileName().toString());
        assertTrue(m.matches(), part + ": no page range in the name");
        List<Long> ids = pageIds(content);
        assertFalse(ids.isEmpty(), part + " has no page");
        assertEquals(List.of(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))),
                List.of(ids.get(0), ids.get(ids.size() - 1)), part + ": the first and last page ids in its name");
    }

    private static final Pattern REVDOC_PAGE = Pattern.compile("\"page\": \\{\"id\": (\\d+)");

    /** The ids of the pages of a part (XML, read as a dump; RevDoc, each line's page), in the part's order. */
    static List<Long> pageIds(Path part) throws IOException {
        List<Long> ids = new ArrayList<>();
        if (part.getFileName().toString().contains(".jsonl")) {
            for (String line : Files.readAllLines(part)) {
                Matcher m = REVDOC_PAGE.matcher(line);
                assertTrue(m.find(), part + ": a line without a page id");
                long id = Long.parseLong(m.group(1));
                if (ids.isEmpty() || ids.get(ids.size() - 1) != id) {
                    ids.add(id);
                }
            }
            return ids;
        }
        try (DumpReader r = Dumps.open(part)) {
            for (Page p = r.nextPage(); p != null; p = r.nextPage()) {
                ids.add(p.id());
                while (r.nextEntry() != null) {
                    // the page's revisions
                }
            }
        }
        return ids;
    }

    private static int number(Path part) {
        Matcher m = PART.matcher(part.getFileName().toString());
        assertTrue(m.matches());
        return Integer.parseInt(m.group(1));
    }

    /**
     * XML parts put back together as Wikimedia recombines its parts: the first part's head (everything
     * before its first page), every part's pages, and the last part's end; every part must have the same head.
     */
    static byte[] recombined(List<Path> parts) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] footer = "</mediawiki>\n".getBytes(StandardCharsets.US_ASCII);
        byte[] head = null;
        for (Path p : parts) {
            byte[] b = Files.readAllBytes(p);
            String text = new String(b, StandardCharsets.ISO_8859_1);
            int pages = text.indexOf("\n  <page>") + 1;
            assertTrue(pages > 0, p + " has no page");
            byte[] h = Arrays.copyOf(b, pages);
            if (head == null) {
                head = h;
                all.write(h);
            }
            assertArrayEquals(head, h, p + ": another head");
            assertArrayEquals(footer, Arrays.copyOfRange(b, b.length - footer.length, b.length), p + ": no footer");
            all.write(b, pages, b.length - footer.length - pages);
        }
        all.write(footer);
        return all.toByteArray();
    }

    /** Equal bytes, or a failure that shows where they first differ. */
    static void assertSameBytes(byte[] expected, byte[] actual, String what) {
        int n = Math.min(expected.length, actual.length);
        int i = 0;
        while (i < n && expected[i] == actual[i]) {
            i++;
        }
        if (i < n || expected.length != actual.length) {
            int from = Math.max(0, i - 200);
            throw new org.opentest4j.AssertionFailedError(what + ": first difference at byte " + i + " of "
                    + expected.length + " (got " + actual.length + ")\nexpected: "
                    + new String(expected, from, Math.min(expected.length, i + 200) - from, StandardCharsets.UTF_8)
                    + "\nactual:   " + new String(actual, from, Math.min(actual.length, i + 200) - from, StandardCharsets.UTF_8));
        }
    }

    /**
     * Every corpus dump but those of {@link #NOT_COMPARED}, read with the source and written in parts of 7
     * pages, gives the XML and the RevDoc of one writer given the same revisions in the same order (by page
     * id, then revision id); the RevDoc of a dump in that order is mwxml's, where a reference exists.
     */
    @Test
    void xmlAndRevDocPartsGiveWhatOneWriterGives(@TempDir Path dir) throws IOException {
        List<String> compared = new ArrayList<>();
        List<String> reordered = new ArrayList<>();
        int split = 0;
        int throughMetadata = 0;
        int againstReference = 0;
        List<Path> dumps = Corpus.dumps();
        List<String> names = dumps.stream().map(SparkWriteTest::corpusName).toList();
        assertTrue(names.containsAll(NOT_COMPARED.keySet()), "dumps to leave out that the corpus has not");
        for (Path dump : dumps) {
            String name = corpusName(dump);
            NotWritten why = NOT_COMPARED.get(name);
            if (why != null) {
                assertEquals(why, notWritten(dump), name + " is left out as " + why);
                continue;
            }
            Single one = single(dump);
            if (one.reordered()) {
                reordered.add(name);
            }
            Dataset<Row> rows = read(dump);
            // the site info comes with the rows, in the metadata of wiki_db, unless the dump's start does not
            // give it (a multistream segment without its head): then it is given
            Map<String, String> options = new java.util.HashMap<>(Map.of("layout", "none", "pagesPerPart", "7"));
            if (WriteSettings.siteInfoOf(rows.schema()) == null) {
                options.put("siteInfo", org.mwdump.parquet.SiteInfoJson.write(one.site()));
            } else {
                throughMetadata++;
            }
            Path xml = dir.resolve("xml");
            write(rows, xml, options);
            List<Path> xmlParts = parts(xml);
            assertFalse(xmlParts.isEmpty(), dump.toString());
            assertSameBytes(one.written(DumpFormat.XML), recombined(xmlParts), dump.toString());
            Path revdoc = dir.resolve("revdoc");
            options.put("format", "revdoc");
            write(rows, revdoc, options);
            ByteArrayOutputStream lines = new ByteArrayOutputStream();
            for (Path p : parts(revdoc)) {
                lines.write(Files.readAllBytes(p));
            }
            // mwxml's reference has a dump's revisions in the dump's order
            Path reference = Corpus.reference().resolve(name.replace("/", "__") + ".revdocs.jsonl");
            boolean byReference = Files.exists(reference) && !one.reordered();
            assertSameBytes(byReference ? Files.readAllBytes(reference) : one.written(DumpFormat.REVDOC),
                    lines.toByteArray(), dump + (byReference ? " against mwxml's reference" : ""));
            compared.add(name);
            if (byReference) {
                againstReference++;
            }
            if (xmlParts.size() > 1) {
                split++;
            }
        }
        assertEquals(dumps.size() - NOT_COMPARED.size(), compared.size(), "dumps compared: " + compared);
        // pages out of order (gensim's), revisions out of order (MediaWiki's demo and an import test)
        assertEquals(List.of("edge-cases/gensim-enwiki-no-siteinfo/enwiki-table-markup.xml.bz2",
                "mediawiki-core-tests/import-reformatted/InterleavedMulti.import-2.xml",
                "mediawiki-export-demo/export-demo.xml"), reordered, "dumps compared in a write's order");
        assertTrue(againstReference >= 35, "RevDoc compared with mwxml's: " + againstReference);
        assertTrue(split >= 20, "dumps written in more than one part: " + split);
        assertTrue(throughMetadata >= compared.size() - 2, "site info from the source: " + throughMetadata + " of "
                + compared.size());
    }

    /**
     * The compressed layouts decode to what layout none writes; legacy RevDoc is written; schemaVersion
     * writes XML 0.10 from a 0.11 dump and 0.11 from a 0.10 one; bytesPerPart cuts parts at page ends;
     * order=timestamp orders a page's revisions by time.
     */
    @Test
    void compressedLayoutsAndTheOtherOptions(@TempDir Path dir) throws IOException {
        Path sample = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        Single one = single(sample);
        Dataset<Row> rows = read(sample).cache();
        byte[] expected = one.written(DumpFormat.XML);
        // bz2 parts and the XML they decode to, for libbzip2 at the end
        Map<Path, Path> bz2Parts = new java.util.LinkedHashMap<>();
        for (String layout : List.of("bz2", "gz", "zst")) {
            Path out = dir.resolve(layout);
            write(rows, out, Map.of("layout", layout, "parts", "2"));
            List<Path> decoded = new ArrayList<>();
            try (Stream<Path> s = Files.list(out)) {
                // (the local file system of Hadoop keeps a hidden .crc file beside each file)
                for (Path part : s.filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted(Comparator.comparingInt(p -> number(plainName(p)))).toList()) {
                    assertTrue(part.getFileName().toString().endsWith("." + layout), part.toString());
                    Path xml = dir.resolve(layout + "-" + plainName(part).getFileName());
                    try (InputStream in = Dumps.decompress(Files.newInputStream(part), part)) {
                        Files.copy(in, xml);
                    }
                    assertNamedPages(part, xml);
                    decoded.add(xml);
                    if (layout.equals("bz2")) {
                        bz2Parts.put(part, xml);
                    }
                }
            }
            assertEquals(2, decoded.size(), layout);
            assertSameBytes(expected, recombined(decoded), layout);
        }
        Path legacy = dir.resolve("legacy");
        write(rows, legacy, Map.of("layout", "none", "format", "revdoc-legacy", "parts", "1"));
        assertSameBytes(one.written(DumpFormat.REVDOC_LEGACY), Files.readAllBytes(parts(legacy).get(0)), "legacy RevDoc");

        // the schema version asked for, against the single-machine writer asked for the same: 0.10 from a
        // 0.11 dump, and 0.11 from a 0.10 one
        assertTrue(new String(expected, 0, 300, StandardCharsets.UTF_8).contains("export-0.11/"));
        Path to010 = dir.resolve("to-0.10");
        write(rows, to010, Map.of("layout", "none", "parts", "2", "schemaVersion", "0.10"));
        byte[] expected010 = one.written(DumpFormat.XML, "0.10");
        assertTrue(new String(expected010, 0, 300, StandardCharsets.UTF_8).contains("export-0.10/"));
        assertFalse(Arrays.equals(expected, expected010), "0.10 written as 0.11");
        List<Path> parts010 = parts(to010);
        assertEquals(2, parts010.size(), parts010.toString());
        assertSameBytes(expected010, recombined(parts010), "schemaVersion 0.10 from 0.11");
        Path older = Corpus.file("wikidatawiki-articles-and-stubs-samples/pages-articles-sample2.xml.bz2");
        Single one010 = single(older);
        byte[] expected011 = one010.written(DumpFormat.XML, "0.11");
        assertTrue(new String(one010.written(DumpFormat.XML), 0, 300, StandardCharsets.UTF_8).contains("export-0.10/"));
        assertTrue(new String(expected011, 0, 300, StandardCharsets.UTF_8).contains("export-0.11/"));
        Path to011 = dir.resolve("to-0.11");
        write(read(older), to011, Map.of("layout", "none", "parts", "1", "schemaVersion", "0.11"));
        assertSameBytes(expected011, recombined(parts(to011)), "schemaVersion 0.11 from 0.10");

        Path bySize = dir.resolve("bysize");
        write(rows, bySize, Map.of("layout", "none", "bytesPerPart", "60000", "parts", "1"));
        List<Path> sized = parts(bySize);
        assertTrue(sized.size() >= 4, sized.toString());
        for (Path p : sized.subList(0, sized.size() - 1)) {
            assertTrue(Files.size(p) >= 60000, p + ": " + Files.size(p) + " bytes");
        }
        assertSameBytes(expected, recombined(sized), "parts cut by size");

        // revision ids against time: swap two revisions' timestamps, and order=timestamp follows the time
        Dataset<Row> history = read(Corpus.file("aawiki-20260101/aawiki-20260101-pages-meta-history.xml.7z"));
        Path byTime = dir.resolve("bytime");
        write(history.withColumn("revision_id", org.apache.spark.sql.functions.negate(
                org.apache.spark.sql.functions.col("revision_id"))), byTime, Map.of("layout", "none", "format", "revdoc",
                "order", "timestamp", "parts", "1"));
        long previousPage = Long.MIN_VALUE;
        String previousTime = "";
        for (String line : Files.readAllLines(parts(byTime).get(0))) {
            long page = Long.parseLong(line.replaceAll(".*\"page\": \\{\"id\": (\\d+).*", "$1"));
            String time = line.replaceAll(".*\"timestamp\": \"([^\"]+)\".*", "$1");
            if (page == previousPage) {
                assertTrue(time.compareTo(previousTime) >= 0, line);
            }
            previousPage = page;
            previousTime = time;
        }

        // last, as it needs bzip2 (a skip, or a failure with -Dmwdump.requireTools=true): libbzip2's own
        // bytes for the same XML
        assertEquals(2, bz2Parts.size(), bz2Parts.toString());
        Tools.require("bzip2");
        for (Map.Entry<Path, Path> e : bz2Parts.entrySet()) {
            Process bzip2 = new ProcessBuilder("bzip2", "-9", "-c", e.getValue().toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] theirs = bzip2.getInputStream().readAllBytes();
            assertEquals(0, waitFor(bzip2));
            assertSameBytes(theirs, Files.readAllBytes(e.getKey()), "bzip2 -9 of " + e.getValue().getFileName());
        }
    }

    /** A part's name without its compression suffix. */
    private static Path plainName(Path part) {
        return part.resolveSibling(part.getFileName().toString().replaceFirst("\\.(bz2|gz|zst)$", ""));
    }

    /** mwdump's Parquet read with the source carries its site info to the writer, as a dump does. */
    @Test
    void parquetReadWithTheSourceWritesTheXmlItCameFrom(@TempDir Path dir) throws IOException {
        Path sample = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        Single one = single(sample);
        Path parquet = dir.resolve("sample.parquet");
        try (DumpWriter w = Dumps.create(parquet, DumpFormat.PARQUET)) {
            org.mwdump.index.ParallelDumps.copy(sample, w, 1);
            w.finish();
        }
        Dataset<Row> rows = read(parquet);
        assertEquals(org.mwdump.parquet.SiteInfoJson.write(one.site()), WriteSettings.siteInfoOf(rows.schema()));
        Path out = dir.resolve("xml");
        write(rows, out, Map.of("layout", "none", "parts", "2"));
        assertSameBytes(one.written(DumpFormat.XML), recombined(parts(out)), "from Parquet");
    }

    @Test
    void multistreamPartsAreIndexedAndReadBack(@TempDir Path dir) throws IOException {
        Path sample = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        Single one = single(sample);
        Dataset<Row> rows = read(sample);
        Path out = dir.resolve("ms");
        write(rows, out, Map.of("layout", "multistream", "pagesPerStream", "10", "parts", "3", "combine", "true"));
        byte[] expected = one.written(DumpFormat.XML);
        long found = checkIndexedParts(out, "w-20260101-pages-meta-history-multistream\\d+\\.xml-p\\d+p\\d+\\.bz2",
                3, one, dir.resolve("ms-decoded"));


        // the parts combined into one file with one index, as Wikimedia combines them
        Path combined = out.resolve("w-20260101-pages-meta-history-multistream.xml.bz2");
        assertEquals(out.resolve("w-20260101-pages-meta-history-multistream-index.txt.bz2"),
                IndexedDump.multistreamIndexOf(combined).orElseThrow());
        try (InputStream in = Dumps.decompress(Files.newInputStream(combined), combined)) {
            assertSameBytes(expected, in.readAllBytes(), "the combined file");
        }
        long pages = 0;
        try (IndexedDump indexed = IndexedDump.open(combined); DumpReader r = Dumps.open(combined)) {
            for (Page p = r.nextPage(); p != null; p = r.nextPage()) {
                assertEquals(p, indexed.byId(p.id()).orElseThrow().page());
                assertEquals(p.id(), indexed.byTitle(p.title()).orElseThrow().page().id());
                pages++;
                while (r.nextEntry() != null) {
                    // the page's revisions
                }
            }
        }
        assertEquals(found, pages);

        // last, as it needs bzip2 (a skip, or a failure with -Dmwdump.requireTools=true)
        Tools.require("bzip2");
        Process bzip2 = new ProcessBuilder("bzip2", "-dc", combined.toString()).redirectError(
                ProcessBuilder.Redirect.INHERIT).start();
        byte[] decoded = bzip2.getInputStream().readAllBytes();
        assertEquals(0, waitFor(bzip2), "bzip2 -dc");
        assertSameBytes(expected, decoded, "bzip2 -dc of the combined file");
    }

    /**
     * Checks the parts of a random-access write: there are {@code count} of them, each with its index beside
     * it under Wikimedia's name, through which {@link IndexedDump} finds every page by id and by title, and
     * together they decode to what one writer writes. Returns the number of pages found.
     */
    static long checkIndexedParts(Path out, String partPattern, int count, Single one, Path decodedDir)
            throws IOException {
        List<Path> parts;
        try (Stream<Path> s = Files.list(out)) {
            parts = s.filter(p -> p.getFileName().toString().matches(partPattern)).sorted().toList();
        }
        assertEquals(count, parts.size(), parts.toString());
        Files.createDirectories(decodedDir);
        long found = 0;
        List<Path> plain = new ArrayList<>();
        for (Path part : parts) {
            Path index = IndexedDump.multistreamIndexOf(part).orElseThrow(() -> new AssertionError("no index: " + part));
            assertTrue(index.getFileName().toString().matches(".*-index\\d+\\.txt-p\\d+p\\d+\\.(bz2|zst)"),
                    index.toString());
            List<Long> ids = new ArrayList<>();
            try (IndexedDump indexed = IndexedDump.open(part); DumpReader r = Dumps.open(part)) {
                for (Page p = r.nextPage(); p != null; p = r.nextPage()) {
                    IndexedPage byId = indexed.byId(p.id()).orElseThrow();
                    assertEquals(p.title(), byId.page().title());
                    assertEquals(p.id(), indexed.byTitle(p.title()).orElseThrow().page().id());
                    ids.add(p.id());
                    found++;
                    while (r.nextEntry() != null) {
                        // the page's revisions
                    }
                }
            }
            // the part and its index name the part's first and last page
            assertFalse(ids.isEmpty(), part + " has no page");
            String range = "-p" + ids.get(0) + "p" + ids.get(ids.size() - 1);
            assertTrue(part.getFileName().toString().contains(".xml" + range + "."), part + ": pages" + range);
            assertTrue(index.getFileName().toString().contains(".txt" + range + "."), index + ": pages" + range);
            Path xml = decodedDir.resolve(part.getFileName() + ".xml");
            try (InputStream in = Dumps.decompress(Files.newInputStream(part), part)) {
                Files.copy(in, xml);
            }
            plain.add(xml);
        }
        assertEquals(one.revisions().stream().map(r -> r.page().id()).distinct().count(), found);
        assertSameBytes(one.written(DumpFormat.XML), recombined(plain), partPattern);
        return found;
    }

    @Test
    void seekableZstdPartsAreIndexedAndReadBack(@TempDir Path dir) throws IOException {
        Path sample = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        Single one = single(sample);
        Path out = dir.resolve("zst");
        write(read(sample), out, Map.of("layout", "seekable-zstd", "pagesPerStream", "10", "parts", "2"));
        checkIndexedParts(out, "w-20260101-pages-meta-history\\d+\\.xml-p\\d+p\\d+\\.zst", 2, one,
                dir.resolve("decoded"));
    }

    static int waitFor(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The first file written through it fails after 20,000 bytes, once per test run (unless {@link #FAILED}
     * is set); the next rename to the file at {@link #FAIL_RENAME_TO} (a path, without scheme) fails; the
     * next deletion of a file or folder whose name ends with {@link #FAIL_DELETE_ENDING} fails.
     */
    public static final class FailOnceFileSystem extends RawLocalFileSystem {
        static final AtomicBoolean FAILED = new AtomicBoolean();
        static final AtomicReference<String> FAIL_RENAME_TO = new AtomicReference<>();
        static final AtomicInteger RENAMES_FAILED = new AtomicInteger();
        static final AtomicReference<String> FAIL_DELETE_ENDING = new AtomicReference<>();
        static final AtomicInteger DELETES_FAILED = new AtomicInteger();

        @Override
        public boolean delete(org.apache.hadoop.fs.Path p, boolean recursive) throws IOException {
            String armed = FAIL_DELETE_ENDING.get();
            if (armed != null && p.getName().endsWith(armed) && FAIL_DELETE_ENDING.compareAndSet(armed, null)) {
                DELETES_FAILED.incrementAndGet();
                throw new IOException("injected failure of the deletion of " + p);
            }
            return super.delete(p, recursive);
        }

        @Override
        public boolean rename(org.apache.hadoop.fs.Path src, org.apache.hadoop.fs.Path dst) throws IOException {
            String armed = FAIL_RENAME_TO.get();
            if (armed != null && armed.equals(dst.toUri().getPath()) && FAIL_RENAME_TO.compareAndSet(armed, null)) {
                RENAMES_FAILED.incrementAndGet();
                throw new IOException("injected failure of the rename to " + dst);
            }
            return super.rename(src, dst);
        }

        @Override
        public URI getUri() {
            return URI.create("failonce:///");
        }

        @Override
        public String getScheme() {
            return "failonce";
        }

        @Override
        public FSDataOutputStream create(org.apache.hadoop.fs.Path f, boolean overwrite, int bufferSize,
                                         short replication, long blockSize, Progressable progress) throws IOException {
            return failing(f, super.create(f, overwrite, bufferSize, replication, blockSize, progress));
        }

        @Override
        public FSDataOutputStream create(org.apache.hadoop.fs.Path f, FsPermission permission, boolean overwrite,
                                         int bufferSize, short replication, long blockSize, Progressable progress)
                throws IOException {
            return failing(f, super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress));
        }

        private static FSDataOutputStream failing(org.apache.hadoop.fs.Path f, FSDataOutputStream real) {
            if (!f.getName().startsWith("part-") || FAILED.get()) {
                return real;
            }
            OutputStream failing = new java.io.FilterOutputStream(real) {
                private long written;

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    written += len;
                    if (written > 20_000 && FAILED.compareAndSet(false, true)) {
                        throw new IOException("injected failure");
                    }
                    out.write(b, off, len);
                }
            };
            return new FSDataOutputStream(failing, null);
        }
    }

    @Test
    void aTaskThatFailsOnceLeavesTheOutputAsIfItHadNot(@TempDir Path dir) throws IOException {
        Path sample = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        Single one = single(sample);
        Dataset<Row> rows = read(sample);
        FailOnceFileSystem.FAILED.set(false);
        Path out = dir.resolve("retried");
        rows.write().format("mwdump").option("layout", "none").option("wiki", "w").option("date", "20260101")
                .mode("overwrite").save("failonce://" + out);
        assertTrue(FailOnceFileSystem.FAILED.get(), "a task failed");
        List<String> names;
        try (Stream<Path> s = Files.list(out)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        // three parts (spark.sql.shuffle.partitions), nothing else: no temporary files, no _temporary
        assertEquals(3, names.size(), names.toString());
        assertTrue(names.stream().allMatch(n -> PART.matcher(n).matches()), names.toString());
        assertSameBytes(one.written(DumpFormat.XML), recombined(parts(out)), "after a retried task");
    }

    /** Every file and folder under a directory (by relative path), with a file's size and SHA-256. */
    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> all = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> !p.equals(dir)).toList()) {
                if (Files.isDirectory(p)) {
                    all.put(dir.relativize(p).toString(), "a folder");
                    continue;
                }
                byte[] b = Files.readAllBytes(p);
                try {
                    all.put(dir.relativize(p).toString(), b.length + " bytes, SHA-256 " + java.util.HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b)));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return all;
    }

    /**
     * The options of the tests of failing commits: one task, so that the parts' names are the same in every
     * write (those of more tasks depend on the range partitioning's sampling).
     */
    private static final Map<String, String> COMMIT_TEST_OPTIONS = Map.of("layout", "multistream",
            "pagesPerStream", "10", "parts", "1", "pagesPerPart", "400", "combine", "true", "wiki", "w",
            "date", "20260101");

    /**
     * Writes {@code rows} into {@code dir} in {@code mode} once for each name in {@code failing}, the rename
     * to that name failing: each write fails with the injected failure, exactly one rename failed, and the
     * directory's contents are {@code before} again.
     */
    private static void assertFailedRenamesLeaveItAsItWas(Dataset<Row> rows, Map<String, String> options, String mode,
            Path dir, Map<String, String> before, List<String> failing) throws IOException {
        for (String name : failing) {
            FailOnceFileSystem.FAIL_RENAME_TO.set(dir.resolve(name).toString());
            FailOnceFileSystem.RENAMES_FAILED.set(0);
            try {
                Exception failed = assertThrows(Exception.class, () -> rows.write().format("mwdump").options(options)
                        .mode(mode).save("failonce://" + dir));
                assertTrue(messages(failed).contains("injected failure of the rename"), messages(failed));
            } finally {
                FailOnceFileSystem.FAIL_RENAME_TO.set(null);
            }
            assertEquals(1, FailOnceFileSystem.RENAMES_FAILED.get(), "renames failed");
            assertEquals(before, contents(dir), "after a failed rename to " + name);
        }
    }

    /** The message of a failure and of its causes. */
    private static String messages(Throwable t) {
        StringBuilder m = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            m.append(c.getMessage()).append('\n');
        }
        return m.toString();
    }

    /**
     * A job whose commit fails leaves the directory as it was. In mode append, a part name that is taken
     * fails the job before any part is named; a rename that fails part-way (a part's, or the combined
     * index's after the parts are named and the combined file written) takes back the parts named and the
     * combined file made, and puts back the combined file the write was to replace.
     */
    @Test
    void aJobWhoseCommitFailsLeavesTheDirectoryAsItWas(@TempDir Path dir) throws IOException {
        Path sample = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        Dataset<Row> rows = read(sample).cache();
        FailOnceFileSystem.FAILED.set(true); // no task fails
        Map<String, String> options = COMMIT_TEST_OPTIONS;
        Path first = dir.resolve("first");
        rows.write().format("mwdump").options(options).mode("overwrite").save("failonce://" + first);
        List<String> written = List.copyOf(contents(first).keySet());
        assertTrue(written.stream().filter(n -> n.matches(".*-multistream\\d+\\.xml-p.*")).count() >= 3,
                written.toString());
        String part3 = written.stream().filter(n -> n.contains("-multistream3.xml-p")).findFirst().orElseThrow();
        String combined = "w-20260101-pages-meta-history-multistream.xml.bz2";
        String combinedIndex = "w-20260101-pages-meta-history-multistream-index.txt.bz2";
        assertTrue(written.containsAll(List.of(combined, combinedIndex)), written.toString());

        // the name of the third part taken
        Path taken = dir.resolve("taken");
        Files.createDirectories(taken);
        Files.writeString(taken.resolve(part3), "not a part");
        Files.writeString(taken.resolve("notes.txt"), "kept");
        Map<String, String> before = contents(taken);
        Exception clash = assertThrows(Exception.class, () -> rows.write().format("mwdump").options(options)
                .mode("append").save("failonce://" + taken));
        assertTrue(messages(clash).contains(part3 + " exists already"), messages(clash));
        assertEquals(before, contents(taken), "after a name clash");

        // a rename fails: that of the second part (the first part and its index are named), and that of the
        // combined index (the last step: the parts are named, the combined file written)
        Path replacing = dir.resolve("replacing");
        Files.createDirectories(replacing);
        Files.copy(first.resolve(combined), replacing.resolve(combined));
        Files.copy(first.resolve(combinedIndex), replacing.resolve(combinedIndex));
        Files.writeString(replacing.resolve("notes.txt"), "kept");
        before = contents(replacing);
        String part2 = written.stream().filter(n -> n.contains("-multistream2.xml-p")).findFirst().orElseThrow();
        assertFailedRenamesLeaveItAsItWas(rows, options, "append", replacing, before, List.of(part2, combinedIndex));
    }

    /**
     * In mode overwrite, a commit that fails part-way leaves the directory as it was too: what it held
     * (parts of an earlier write under the same names, the combined files, other files and folders) is
     * set aside before the parts are named and put back when a rename fails (that of the second part; that
     * of the combined index, the last step). A commit that succeeds replaces it all; one whose removal of
     * what it set aside fails still succeeds, the parts in place.
     */
    @Test
    void anOverwriteWhoseCommitFailsLeavesTheDirectoryAsItWas(@TempDir Path dir) throws IOException {
        Path sample = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        Dataset<Row> rows = read(sample).cache();
        FailOnceFileSystem.FAILED.set(true); // no task fails
        Map<String, String> options = COMMIT_TEST_OPTIONS;
        Path first = dir.resolve("first");
        rows.write().format("mwdump").options(options).mode("overwrite").save("failonce://" + first);
        Map<String, String> written = contents(first);
        String part2 = written.keySet().stream().filter(n -> n.contains("-multistream2.xml-p")).findFirst()
                .orElseThrow();
        String combinedIndex = "w-20260101-pages-meta-history-multistream-index.txt.bz2";
        assertTrue(written.containsKey(combinedIndex), written.toString());

        // the same write again over the first one, with more beside it; the earlier parts made different
        // (so that a part put back is told from a new one)
        Path replacing = dir.resolve("replacing");
        Files.createDirectories(replacing.resolve("folder"));
        for (String name : written.keySet()) {
            Files.writeString(replacing.resolve(name), "earlier " + name);
        }
        Files.writeString(replacing.resolve("notes.txt"), "kept");
        Files.writeString(replacing.resolve("folder/inner.txt"), "kept too");
        Map<String, String> before = contents(replacing);
        assertFailedRenamesLeaveItAsItWas(rows, options, "overwrite", replacing, before,
                List.of(part2, combinedIndex));

        // the removal of what was set aside fails: the job succeeds all the same, and what is left of the
        // old contents is under _temporary only
        FailOnceFileSystem.FAIL_DELETE_ENDING.set(".replaced");
        FailOnceFileSystem.DELETES_FAILED.set(0);
        try {
            rows.write().format("mwdump").options(options).mode("overwrite").save("failonce://" + replacing);
        } finally {
            FailOnceFileSystem.FAIL_DELETE_ENDING.set(null);
        }
        assertEquals(1, FailOnceFileSystem.DELETES_FAILED.get(), "deletions failed");
        Map<String, String> after = contents(replacing);
        Map<String, String> outside = new java.util.TreeMap<>(after);
        outside.keySet().removeIf(n -> n.startsWith("_temporary"));
        assertEquals(written, outside, "the new parts and nothing else beside them");
        assertTrue(after.keySet().stream().anyMatch(n -> n.startsWith("_temporary") && n.endsWith("notes.txt")),
                after.keySet().toString());

        // and without failures: the new parts only
        rows.write().format("mwdump").options(options).mode("overwrite").save("failonce://" + replacing);
        Map<String, String> clean = contents(replacing);
        clean.keySet().removeIf(n -> n.startsWith("_temporary") && after.containsKey(n));
        assertEquals(written, clean, "after an overwrite");
    }
}
