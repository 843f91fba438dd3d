package org.mwdump.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.PageRunWriter;
import org.mwdump.PageRuns;
import org.mwdump.model.Comment;
import org.mwdump.model.Contributor;
import org.mwdump.model.LogItem;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.Text;
import org.mwdump.model.Timestamps;
import org.mwdump.model.Upload;

/**
 * Page runs, as parallel conversion uses them: whatever the cuts between runs (also inside a page,
 * and runs followed by direct writes), the rows and the counts of what is not stored are those of
 * writing everything directly; the same cuts give the same bytes.
 */
class ParquetPageRunsTest {
    @TempDir
    Path dir;

    /** writePage, write and writeLogItem calls, in order: a Page, a PageEntry or a LogItem each. */
    static List<Object> events() {
        List<Object> events = new ArrayList<>();
        Page empty = Page.of(1, 0, "Empty");
        Page file = Page.of(2, 6, "File:A.png");
        Page history = Page.of(3, 0, "History");
        Page emptyToo = Page.of(4, 0, "Empty too");
        Page last = Page.of(5, 1, "Talk:Last");
        events.add(empty);
        events.add(file);
        events.add(Upload.builder().page(file).timestamp("2001-01-01T00:00:00Z").filename("A.png").src("http://x/A.png")
                .size(3L).build());
        events.add(history);
        for (int i = 0; i < 40; i++) {
            events.add(ParquetWriterReaderTest.rev(history, 100 + i, "2020-02-" + (10 + i % 19) + "T01:02:03Z",
                    Contributor.user("U" + i % 3, i % 3), Comment.of("c" + i),
                    List.of(ParquetWriterReaderTest.main(Text.of("text " + i + " ".repeat(i)))), "s" + i));
        }
        events.add(emptyToo);
        events.add(last);
        events.add(ParquetWriterReaderTest.rev(last, 500, "20200101000000", Contributor.ip("::1"), null,
                List.of(ParquetWriterReaderTest.main(Text.of("last"))), null));
        events.add(Upload.builder().page(last).timestamp("2001-01-01T00:00:00Z").filename("B.png").src("http://x/B.png")
                .size(3L).build());
        events.add(LogItem.builder().id(1L).timestamp("2001-01-01T00:00:00Z").type("delete").action("delete")
                .logTitle("X").build());
        return events;
    }

    private Path path(String name) {
        return dir.resolve(name + "-" + System.nanoTime() + ".parquet");
    }

    private static void direct(ParquetDumpWriter w, Object event) {
        if (event instanceof Page p) {
            w.writePage(p);
        } else if (event instanceof PageEntry e) {
            w.write(e);
        } else {
            w.writeLogItem((LogItem) event);
        }
    }

    private Path writeDirectly(List<Object> events) throws IOException {
        Path out = path("direct");
        try (var stream = Files.newOutputStream(out)) {
            ParquetDumpWriter w = ParquetDumpWriter.builder(stream).build();
            w.writeSiteInfo(ParquetWriterReaderTest.SITE);
            events.forEach(e -> direct(w, e));
            w.finish();
        }
        return out;
    }

    /**
     * Writes events {@code [0, directFrom)} as runs cut at {@code cuts} (encoded on another thread) and
     * the rest directly, as parallel conversion does after a chunk it could not parse alone.
     */
    private Path writeInRuns(List<Object> events, List<Integer> cuts, int directFrom) throws Exception {
        Path out = path("runs");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (var stream = Files.newOutputStream(out)) {
            ParquetDumpWriter w = ParquetDumpWriter.builder(stream).build();
            w.writeSiteInfo(ParquetWriterReaderTest.SITE);
            List<Integer> bounds = new ArrayList<>(cuts);
            bounds.add(directFrom);
            int from = 0;
            Page current = null;
            for (int to : bounds) {
                if (to <= from) {
                    continue;
                }
                Page continued = events.get(from) instanceof PageEntry ? current : null;
                for (int i = from; i < to; i++) {
                    if (events.get(i) instanceof Page p) {
                        current = p;
                    }
                }
                boolean open = to < events.size() && events.get(to) instanceof PageEntry;
                Page openAtEnd = open ? current : null;
                PageRuns runs = w.pageRuns();
                int a = from;
                Future<byte[]> run = pool.submit(() -> {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    PageRunWriter rw = runs.newRun(bytes, continued);
                    for (Object e : events.subList(a, to)) {
                        if (e instanceof Page p) {
                            rw.writePage(p);
                        } else if (e instanceof PageEntry pe) {
                            rw.write(pe);
                        } else {
                            rw.writeLogItem((LogItem) e);
                        }
                    }
                    rw.end(open);
                    return bytes.toByteArray();
                });
                byte[] bytes = run.get();
                runs.append(bytes, 0, bytes.length, continued, openAtEnd);
                from = to;
            }
            for (Object e : events.subList(from, events.size())) {
                direct(w, e);
            }
            w.finish();
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static List<PageEntry> entries(Path file) {
        try (DumpReader r = Dumps.open(file)) {
            return r.entries().stream().toList();
        }
    }

    private static Map<String, String> footer(Path file) throws IOException {
        try (ParquetFileReader f = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            return f.getFileMetaData().getKeyValueMetaData();
        }
    }

    @Test
    void runsCutAnywhereGiveTheRowsAndCountsOfDirectWrites() throws Exception {
        List<Object> events = events();
        Path expected = writeDirectly(events);
        List<PageEntry> rows = entries(expected);
        assertEquals(41, rows.size());
        Map<String, String> meta = footer(expected);
        assertEquals("uploads=2,log_items=1,pages_without_revisions=3", meta.get("mwdump.dropped"));
        int n = events.size();
        for (int cut = 0; cut <= n; cut++) {
            // one cut, then a run of three events, the rest in one run
            List<Integer> cuts = List.of(cut, Math.min(n, cut + 3));
            Path runs = writeInRuns(events, cuts, n);
            assertEquals(rows, entries(runs), "cuts " + cuts);
            assertEquals(meta, footer(runs), "cuts " + cuts);
            // the same runs, then direct writes from the second cut on
            Path mixed = writeInRuns(events, List.of(cut), Math.min(n, cut + 3));
            assertEquals(rows, entries(mixed), "runs to " + (cut + 3));
            assertEquals(meta, footer(mixed), "runs to " + (cut + 3));
        }
        // a run per event
        List<Integer> every = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            every.add(i);
        }
        Path one = writeInRuns(events, every, n);
        assertEquals(rows, entries(one));
        assertEquals(meta, footer(one));
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(writeInRuns(events, every, n)),
                "the same runs give the same bytes");
    }

    @Test
    void canonicalTimestampsAreReadAsTheParserReadsThem() {
        for (String t : new String[] {"2024-04-15T14:38:04Z", "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
                "2000-02-29T23:59:59Z", "2024-02-29T12:00:00Z", "1999-12-31T23:59:59Z", "9999-12-31T23:59:59Z",
                "1900-02-28T00:00:00Z", "2023-11-30T10:11:12Z", "2023-01-31T10:11:12Z"}) {
            Instant i = Timestamps.parse(t);
            assertEquals(i.getEpochSecond() * 1_000_000L, org.mwdump.model.Timestamps.canonicalMicros(t), t);
            assertEquals(t, Timestamps.format(i), t);
        }
        for (String t : new String[] {"2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2023-04-31T00:00:00Z",
                "2023-13-01T00:00:00Z", "2023-00-01T00:00:00Z", "2023-01-00T00:00:00Z", "2023-01-01T24:00:00Z",
                "2023-01-01T00:60:00Z", "2023-01-01T00:00:60Z", "2023-01-01T00:00:00.5Z", "20230101000000",
                "2023-01-01 00:00:00Z", "2023-01-01T00:00:0xZ", "+2023-01-01T00:00:00Z", ""}) {
            assertEquals(Long.MIN_VALUE, org.mwdump.model.Timestamps.canonicalMicros(t), t);
        }
        assertTrue(org.mwdump.model.Timestamps.canonicalMicros("2020-01-01T00:00:00Z") > 0);
    }
}
