package org.mwdump.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.Compression;
import org.mwdump.DumpException;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.WriteOptions;
import org.mwdump.model.Comment;
import org.mwdump.model.Contributor;
import org.mwdump.model.Page;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.model.Slot;
import org.mwdump.model.Text;
import org.mwdump.model.Timestamps;
import org.mwdump.testing.Corpus;
import org.mwdump.write.layout.Recompressor;

/**
 * The data source against the single-machine reader: every revision of every corpus dump, as RevDoc
 * lines made from the rows (turned back into the model here) and from the reader, must be the same
 * bytes; and the same dump in the layouts that are split reads the same.
 */
class SparkReadTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("mwdump-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.adaptive.enabled", "false")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void everyCorpusDumpReadsAsTheSingleMachineReaderReadsIt() throws IOException {
        List<Path> dumps = Corpus.dumps();
        assertTrue(dumps.size() > 20, "corpus dumps: " + dumps.size());
        int compared = 0;
        for (Path dump : dumps) {
            byte[] expected;
            SiteInfo site;
            List<Revision> all = new ArrayList<>();
            try (DumpReader reader = Dumps.open(dump)) {
                site = reader.siteInfo();
                reader.revisions().forEach(all::add);
                expected = revdoc(site, all);
            } catch (DumpException e) {
                // damaged on purpose: Spark fails too
                assertThrows(Exception.class, () -> read(dump, Map.of()).collectAsList(), dump.toString());
                continue;
            }
            Dataset<Row> rows = read(dump, Map.of());
            List<Revision> got = revisions(rows.collectAsList());
            byte[] actual = revdoc(site, got);
            assertEquals(new String(expected, java.nio.charset.StandardCharsets.UTF_8),
                    new String(actual, java.nio.charset.StandardCharsets.UTF_8), dump.toString());
            // and every field of the model, RevDoc's or not (text locations and ids, origins, restrictions)
            assertEquals(all, got, dump.toString());
            compared++;
        }
        assertTrue(compared > 20, "compared " + compared);
    }

    @Test
    void theSampleReadsTheSameInEverySplitLayout(@TempDir Path dir) throws IOException {
        Path sample = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        List<Row> whole = read(sample, Map.of()).collectAsList();
        byte[] expected = revdoc(SiteInfo.EMPTY, revisions(whole));
        for (Recompressor.Layout layout : Recompressor.Layout.values()) {
            Path out = dir.resolve("sample." + layout + (layout == Recompressor.Layout.SEEKABLE_ZSTD ? ".xml.zst"
                    : ".xml.bz2"));
            try (InputStream xml = Dumps.decompress(Files.newInputStream(sample), sample)) {
                new Recompressor(layout, 5, 2).recompress(xml, out,
                        dir.resolve(layout + "-index.txt" + indexExt(layout)));
            }
            Dataset<Row> rows = read(out, Map.of("maxPartitionBytes", "20000"));
            int partitions = rows.rdd().getNumPartitions();
            assertTrue(partitions >= 8, layout + ": " + partitions + " partitions");
            List<Row> got = rows.collectAsList();
            assertEquals(whole.size(), got.size(), layout.toString());
            assertArrayEquals(expected, revdoc(SiteInfo.EMPTY, revisions(got)), layout.toString());
        }
        // one bz2 stream: split at blocks (the sample's blocks are about 25 KB compressed at level 1)
        Path single = singleStream(sample, dir.resolve("sample-single.xml.bz2"));
        Dataset<Row> rows = read(single, Map.of("maxPartitionBytes", "200000"));
        int partitions = rows.rdd().getNumPartitions();
        assertTrue(partitions >= 8, "single stream: " + partitions + " partitions");
        assertArrayEquals(expected, revdoc(SiteInfo.EMPTY, revisions(rows.collectAsList())), "single stream");
    }

    @Test
    void aPageIdRangeDecodesOnlyTheStreamsThatHoldIt(@TempDir Path dir) throws IOException {
        Path sample = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        for (Recompressor.Layout layout : Recompressor.Layout.values()) {
            String ext = layout == Recompressor.Layout.SEEKABLE_ZSTD ? ".xml.zst" : ".xml.bz2";
            Path out = dir.resolve("s" + layout + ext);
            try (InputStream xml = Dumps.decompress(Files.newInputStream(sample), sample)) {
                new Recompressor(layout, 5, 2).recompress(xml, out,
                        dir.resolve("s" + layout + "-index.txt" + indexExt(layout)));
            }
            Dataset<Row> all = read(out, Map.of());
            List<Long> ids = all.select("page_id").distinct().orderBy("page_id").as(
                    org.apache.spark.sql.Encoders.LONG()).collectAsList();
            assertTrue(ids.size() > 1000, "pages: " + ids.size());
            long lo = ids.get(500);
            long hi = ids.get(511);
            Dataset<Row> range = all.where("page_id between " + lo + " and " + hi);
            List<Row> got = range.collectAsList();
            assertEquals(12, got.stream().map(r -> r.getAs("page_id")).distinct().count(), layout.toString());
            long decoded = decodedChunks(range);
            // 12 pages in streams of 5: 3 or 4 streams, the head, and at most one stream more per split
            assertTrue(decoded >= 3 && decoded <= 8, layout + ": decoded " + decoded);
            assertTrue(decodedChunks(all.where("page_id > 0")) > 400, layout + ": the whole file");
            // a namespace other than the main one (the one with the fewest pages): only the streams whose
            // index titles name it, plus the head and one stream more for each run of them
            Map<Integer, Long> byNamespace = new java.util.TreeMap<>();
            for (Row r : all.collectAsList()) {
                byNamespace.merge(r.getAs("page_namespace_id"), 1L, Long::sum);
            }
            int ns = byNamespace.entrySet().stream().filter(e -> e.getKey() != 0)
                    .min(Map.Entry.comparingByValue()).orElseThrow().getKey();
            Dataset<Row> some = all.where("page_namespace_id = " + ns);
            assertEquals((long) byNamespace.get(ns), some.collectAsList().size(), layout + " namespace " + ns);
            long nsDecoded = decodedChunks(some);
            long nsMax = 1 + 2 * (byNamespace.get(ns) + 4) / 5;
            assertTrue(nsDecoded <= nsMax, layout + ": decoded " + nsDecoded + " for namespace " + ns + " ("
                    + byNamespace.get(ns) + " revisions), at most " + nsMax);
        }
    }

    @Test
    void aPageIdRangeOfASingleStreamFileWithItsIndexesDecodesOnlyTheBlocksNearIt(@TempDir Path dir) throws IOException {
        Path sample = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        Path single = singleStream(sample, dir.resolve("single.xml.bz2"));
        Map<String, String> small = Map.of("maxPartitionBytes", "50000");
        Dataset<Row> all = read(single, small);
        List<Long> ids = all.select("page_id").distinct().orderBy("page_id").as(
                org.apache.spark.sql.Encoders.LONG()).collectAsList();
        long lo = ids.get(500);
        long hi = ids.get(511);
        String range = "page_id between " + lo + " and " + hi;
        List<Row> expected = all.where(range).orderBy("revision_id").collectAsList();
        assertEquals(12, expected.stream().map(r -> r.getAs("page_id")).distinct().count());
        long withoutIndex = decodedChunks(read(single, small).where(range));

        org.mwdump.index.IndexedDump.buildIndex(single, org.mwdump.index.IndexedDump.Options.DEFAULT);
        Dataset<Row> narrowed = read(single, small).where(range);
        assertEquals(expected, narrowed.orderBy("revision_id").collectAsList());
        long withIndex = decodedChunks(narrowed);
        assertTrue(withIndex * 4 < withoutIndex, "decoded " + withIndex + " blocks with the indexes, "
                + withoutIndex + " without");

        // a damaged index is not used either
        Path pageIndex = Path.of(single + ".mwpidx");
        byte[] index = Files.readAllBytes(pageIndex);
        Files.write(pageIndex, java.util.Arrays.copyOf(index, index.length - 5));
        Dataset<Row> damaged = read(single, small).where(range);
        assertEquals(expected, damaged.orderBy("revision_id").collectAsList());
        assertEquals(withoutIndex, decodedChunks(damaged));
        Files.write(pageIndex, index);

        // indexes of another version of the file are not used: the same rows, from every block
        Files.setLastModifiedTime(single, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(single).toMillis() + 3_600_000));
        Dataset<Row> stale = read(single, small).where(range);
        assertEquals(expected, stale.orderBy("revision_id").collectAsList());
        assertEquals(withoutIndex, decodedChunks(stale));
    }

    @Test
    void damageFailsTheJobWithMwdumpsMessageOrBecomesCorruptRowsWhenPermissive(@TempDir Path dir) throws IOException {
        Path sample = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        Path single = singleStream(sample, dir.resolve("single.xml.bz2"));
        byte[] bytes = Files.readAllBytes(single);
        List<Row> good = read(single, Map.of()).collectAsList();
        java.util.Set<Long> goodIds = new java.util.HashSet<>();
        good.forEach(r -> goodIds.add(r.getAs("revision_id")));
        Path truncated = dir.resolve("truncated.xml.bz2");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length * 3 / 5));
        Path flipped = dir.resolve("flipped.xml.bz2");
        byte[] f = bytes.clone();
        f[f.length * 2 / 5] ^= 0x04;
        Files.write(flipped, f);
        for (Path bad : List.of(truncated, flipped)) {
            Map<String, String> small = Map.of("maxPartitionBytes", "200000");
            Exception e = assertThrows(Exception.class, () -> read(bad, small).collectAsList());
            String messages = messages(e);
            assertTrue(messages.contains(bad.toString()) && messages.contains("byte offset"), messages);

            Map<String, String> permissive = Map.of("maxPartitionBytes", "200000", "mode", "PERMISSIVE");
            List<Row> rows = read(bad, permissive).collectAsList();
            List<Row> corrupt = rows.stream().filter(r -> r.getAs("_corrupt") != null).toList();
            List<Row> kept = rows.stream().filter(r -> r.getAs("_corrupt") == null).toList();
            assertTrue(!corrupt.isEmpty(), bad + ": no _corrupt row");
            for (Row c : corrupt) {
                String why = c.getAs("_corrupt");
                assertTrue(why.contains(bad.toString()) && why.contains("byte offset"), why);
                assertEquals(bad.toUri().toString().replace("file:///", "file:/"), c.getAs("source_file"));
                assertTrue(c.isNullAt(c.fieldIndex("revision_id")));
            }
            assertTrue(kept.size() > good.size() / 4 && kept.size() < good.size(), bad + ": kept " + kept.size()
                    + " of " + good.size());
            for (Row r : kept) {
                assertTrue(goodIds.contains((Long) r.getAs("revision_id")), "a revision that is not in the dump");
            }
            assertEquals(kept.size(), kept.stream().map(r -> r.getAs("revision_id")).distinct().count(),
                    "no revision twice");
        }
    }

    /** The dump's XML as one bz2 stream of level 1 (blocks of about 25 KB compressed), at {@code out}. */
    private static Path singleStream(Path dump, Path out) throws IOException {
        try (InputStream xml = Dumps.decompress(Files.newInputStream(dump), dump);
             java.io.OutputStream bz = new org.mwdump.write.bzip2.Bzip2OutputStream(Files.newOutputStream(out), 1, 1)) {
            xml.transferTo(bz);
        }
        return out;
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    /** The scan's decodedChunks metric after running the query. */
    private static long decodedChunks(Dataset<Row> query) {
        query.collectAsList();
        org.apache.spark.sql.execution.SparkPlan plan = query.queryExecution().executedPlan();
        for (org.apache.spark.sql.execution.SparkPlan leaf
                : scala.jdk.javaapi.CollectionConverters.asJava(plan.collectLeaves())) {
            scala.Option<org.apache.spark.sql.execution.metric.SQLMetric> m = leaf.metrics().get("decodedChunks");
            if (m.isDefined()) {
                return m.get().value();
            }
        }
        throw new AssertionError("no decodedChunks metric in " + plan);
    }

    @Test
    void severalPathsADirectoryAndAGlobReadEveryDumpOnce(@TempDir Path dir) throws IOException {
        Path sample = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        Path demo = Corpus.file("mediawiki-export-demo/export-demo.xml");
        long sampleRows = read(sample, Map.of()).count();
        long demoRows = read(demo, Map.of()).count();
        Path d = Files.createDirectories(dir.resolve("dumps"));
        Files.copy(sample, d.resolve("a.xml.bz2"));
        Files.copy(demo, d.resolve("b.xml"));
        // a multistream file with its index: the index is not read as a dump
        try (InputStream xml = Dumps.decompress(Files.newInputStream(sample), sample)) {
            new Recompressor(Recompressor.Layout.BZIP2_MULTISTREAM, 50, 2).recompress(xml, d.resolve("c.xml.bz2"),
                    d.resolve("c-index.txt.bz2"));
        }
        assertEquals(2 * sampleRows + demoRows, spark.read().format("mwdump").load(d.toString()).count());
        assertEquals(2 * sampleRows, spark.read().format("mwdump").load(d + "/*.bz2").count());
        assertEquals(sampleRows + demoRows, spark.read().format("mwdump")
                .load(d.resolve("a.xml.bz2").toString(), d.resolve("b.xml").toString()).count());
        assertEquals(2, spark.read().format("mwdump").load(d + "/[ab]*").select("source_file").distinct().count());
    }

    @Test
    void theColumnsAndRowsAreThoseOfMwdumpsParquet(@TempDir Path dir) {
        for (String name : List.of("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2",
                "simplewiki-history-deleted", "mediawiki-export-demo/export-demo.xml")) {
            Path dump = Corpus.file(name);
            if (Files.isDirectory(dump)) {
                try (var files = Files.list(dump)) {
                    dump = files.filter(p -> !p.getFileName().toString().contains("index")).sorted().findFirst()
                            .orElseThrow();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            Path parquet = dir.resolve(dump.getFileName() + ".parquet");
            Dumps.convert(dump, parquet, DumpFormat.PARQUET, WriteOptions.DEFAULT);
            Dataset<Row> fromParquet = spark.read().parquet(parquet.toString());
            Dataset<Row> fromSource = read(dump, Map.of()).drop("wiki_db", "source_file");
            assertEquals(List.of(fromParquet.schema().fieldNames()), List.of(fromSource.schema().fieldNames()), name);
            for (int i = 0; i < fromParquet.schema().size(); i++) {
                assertEquals(fromParquet.schema().fields()[i].dataType().asNullable(),
                        fromSource.schema().fields()[i].dataType().asNullable(), fromParquet.schema().fields()[i].name());
            }
            long n = fromSource.count();
            assertTrue(n > 0, name);
            assertEquals(n, fromParquet.count(), name);
            // set operations take no maps: rows as JSON text; when they differ, column by column, for a
            // message that says which
            String[] all = fromSource.columns();
            if (asJson(fromSource, all).exceptAll(asJson(fromParquet, all)).count() > 0
                    || asJson(fromParquet, all).exceptAll(asJson(fromSource, all)).count() > 0) {
                for (String c : all) {
                    Dataset<Row> a = asJson(fromSource, c);
                    Dataset<Row> b = asJson(fromParquet, c);
                    List<Row> diff = a.exceptAll(b).limit(2).collectAsList();
                    assertEquals(List.of(), diff, name + ": column " + c + " differs, Parquet has " + (diff.isEmpty()
                            ? "" : b.where(b.col("revision_id").equalTo(diff.get(0).get(0))).collectAsList()));
                }
                throw new AssertionError(name + ": rows differ");
            }
        }
    }

    /** The revision id and the values of some columns as JSON (nulls included). */
    private static Dataset<Row> asJson(Dataset<Row> rows, String... columns) {
        org.apache.spark.sql.Column[] cols = new org.apache.spark.sql.Column[columns.length];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = rows.col(columns[i]);
        }
        return rows.select(rows.col("revision_id"), org.apache.spark.sql.functions.to_json(
                org.apache.spark.sql.functions.struct(cols), Map.of("ignoreNullFields", "false")).as("value"));
    }

    @Test
    void strictReadingRefusesWhatLenientReadingSkips(@TempDir Path dir) throws IOException {
        Path dump = dir.resolve("unknown-element.xml");
        Files.writeString(dump, """
                <mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">
                  <page>
                    <title>A</title>
                    <ns>0</ns>
                    <id>1</id>
                    <future>a new element</future>
                    <revision>
                      <id>2</id>
                      <timestamp>2020-01-01T00:00:00Z</timestamp>
                      <text bytes="1" xml:space="preserve">x</text>
                    </revision>
                  </page>
                </mediawiki>
                """);
        assertEquals(1, read(dump, Map.of()).count());
        Exception e = assertThrows(Exception.class, () -> read(dump, Map.of("strict", "true")).collectAsList());
        assertTrue(messages(e).contains("future"), messages(e));
    }

    @Test
    void revDocJsonLinesReadToo(@TempDir Path dir) {
        Path sample = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        Path jsonl = dir.resolve("sample.jsonl.gz");
        Dumps.convert(sample, jsonl, DumpFormat.REVDOC, WriteOptions.DEFAULT);
        List<Row> fromXml = read(sample, Map.of()).orderBy("revision_id").collectAsList();
        List<Row> fromRevDoc = read(jsonl, Map.of()).orderBy("revision_id").collectAsList();
        assertEquals(fromXml.size(), fromRevDoc.size());
        for (int i = 0; i < fromXml.size(); i++) {
            for (String c : List.of("page_id", "page_title", "page_namespace_id", "revision_id", "revision_dt",
                    "user_text", "revision_comment", "revision_sha1")) {
                assertEquals((Object) fromXml.get(i).getAs(c), fromRevDoc.get(i).getAs(c), c);
            }
            // RevDoc has its own set of slot fields; the texts are the same
            Row a = (Row) fromXml.get(i).getJavaMap(fromXml.get(i).fieldIndex("revision_content_slots")).get("main");
            Row b = (Row) fromRevDoc.get(i).getJavaMap(fromRevDoc.get(i).fieldIndex("revision_content_slots"))
                    .get("main");
            assertEquals((Object) a.getAs("content_body"), b.getAs("content_body"));
        }
    }

    @Test
    void indexFilesAreNotDumps() {
        assertTrue(MwdumpScan.isDump("enwiki-20260101-pages-articles-multistream1.xml-p1p41242.bz2"));
        assertTrue(MwdumpScan.isDump("enwiki-20260101-pages-meta-history1.xml-p1p812.7z"));
        assertTrue(MwdumpScan.isDump("dump.xml"));
        assertTrue(!MwdumpScan.isDump("enwiki-20260101-pages-articles-multistream-index.txt.bz2"));
        assertTrue(!MwdumpScan.isDump("enwiki-20260101-pages-articles-multistream-index1.txt-p1p41242.bz2"));
        assertTrue(!MwdumpScan.isDump("dump.xml.bz2.mwpidx"));
        assertTrue(!MwdumpScan.isDump("_SUCCESS"));
    }

    @Test
    void withoutTextTheBodiesAreLeftOut() {
        Path sample = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        Dataset<Row> rows = read(sample, Map.of());
        long withText = rows.where("revision_content_slots['main'].content_body is not null").count();
        assertTrue(withText > 1000, "texts: " + withText);
        List<Row> ids = rows.select("page_id", "revision_content_slots").limit(3).collectAsList();
        assertEquals(3, ids.size());
        String plan = rows.select("page_id", "revision_id").queryExecution().executedPlan().toString();
        assertTrue(plan.contains("(no text)"), plan);
    }

    private static Dataset<Row> read(Path dump, Map<String, String> options) {
        return spark.read().format("mwdump").options(options).load(dump.toString());
    }

    /** RevDoc JSON lines of the revisions, written as a reader's revisions are written. */
    private static byte[] revdoc(SiteInfo site, List<Revision> revisions) {
        return written(site, revisions, DumpFormat.REVDOC);
    }

    /** The revisions written by one writer of the given format, page by page, as a reader gives them. */
    static byte[] written(SiteInfo site, List<Revision> revisions, DumpFormat format) {
        return written(site, revisions, format, null);
    }

    /** The same, in the given XML schema version (null: the writer's choice). */
    static byte[] written(SiteInfo site, List<Revision> revisions, DumpFormat format, String schemaVersion) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DumpWriter w = Dumps.create(bytes, format, WriteOptions.builder().compression(Compression.NONE)
                .schemaVersion(schemaVersion).build());
        w.writeSiteInfo(site);
        Page last = null;
        for (Revision r : revisions) {
            if (!r.page().equals(last)) {
                w.writePage(r.page());
                last = r.page();
            }
            w.write(r);
        }
        w.finish();
        return bytes.toByteArray();
    }

    private static List<Revision> revisions(List<Row> rows) {
        List<Revision> out = new ArrayList<>();
        for (Row row : rows) {
            out.add(revision(row));
        }
        return out;
    }

    /** The model's revision a row stands for, read back column by column. */
    static Revision revision(Row r) {
        List<String> restrictions = r.isNullAt(r.fieldIndex("page_restrictions")) ? List.of()
                : r.getList(r.fieldIndex("page_restrictions"));
        Page page = new Page(r.getAs("page_id"), r.getAs("page_namespace_id"), r.getAs("page_title"),
                r.getAs("page_is_redirect"), r.getAs("page_redirect_target"), restrictions);
        Row extra = r.getAs("mwdump");
        Contributor contributor = null;
        Boolean userVisible = r.getAs("user_is_visible");
        if (userVisible != null) {
            String text = r.getAs("user_text");
            boolean isIp = extra != null && Boolean.TRUE.equals(extra.getAs("user_is_ip"));
            contributor = isIp ? new Contributor(null, r.getAs("user_id"), text, !userVisible)
                    : new Contributor(text, r.getAs("user_id"), extra == null ? null : extra.getAs("user_ip"), !userVisible);
        }
        String timestamp = extra == null ? null : extra.getAs("revision_timestamp");
        if (timestamp == null && !r.isNullAt(r.fieldIndex("revision_dt"))) {
            Instant t = ((java.sql.Timestamp) r.getAs("revision_dt")).toInstant();
            timestamp = Timestamps.format(t);
        }
        Comment comment = null;
        Boolean commentVisible = r.getAs("revision_comment_is_visible");
        if (commentVisible != null) {
            String text = r.getAs("revision_comment");
            comment = new Comment(text == null ? "" : text, !commentVisible);
        }
        List<Slot> slots = new ArrayList<>();
        if (!r.isNullAt(r.fieldIndex("revision_content_slots"))) {
            Map<String, Row> map = r.getJavaMap(r.fieldIndex("revision_content_slots"));
            for (Map.Entry<String, Row> e : map.entrySet()) {
                Row s = e.getValue();
                Boolean visible = s.getAs("content_is_visible");
                Text text = visible == null ? null : new Text(s.getAs("content_body"), s.getAs("content_size"),
                        s.getAs("content_sha1"), s.getAs("content_location"), s.getAs("content_text_id"), !visible);
                slots.add(new Slot(e.getKey().isEmpty() ? null : e.getKey(), s.getAs("origin_rev_id"),
                        s.getAs("content_model"), s.getAs("content_format"), text));
            }
        }
        return new Revision(page, r.getAs("revision_id"), r.getAs("revision_parent_id"), timestamp, contributor,
                r.getAs("revision_is_minor_edit"), comment, slots, r.getAs("revision_sha1"));
    }

    /** The extension of a recompressed dump's index: the layout's compressor. */
    private static String indexExt(Recompressor.Layout layout) {
        return layout == Recompressor.Layout.SEEKABLE_ZSTD ? ".zst" : ".bz2";
    }
}
