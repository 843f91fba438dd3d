package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.ReadProgress;
import org.mwdump.testing.SmallDumps;

/** The progress bar: what it shows, when it is left out, and the commands that draw it. */
class ProgressTest {
    @TempDir
    Path dir;

    @AfterEach
    void detectAgain() {
        Progress.terminalForTests = null;
    }

    /** A clock the test sets, in nanoseconds. */
    private final long[] now = {0};

    private Progress drawingTo(StringWriter text) {
        return new Progress(new PrintWriter(text), false, true, () -> now[0]);
    }

    private static long seconds(double s) {
        return (long) (s * 1e9);
    }

    /** The drawings so far, each without its carriage return. */
    private static String[] drawings(StringWriter text) {
        return text.toString().substring(1).split("\r");
    }

    @Test
    void countingBytesItShowsTheShareDoneTheTimeLeftAndMegabytesPerSecond() {
        StringWriter text = new StringWriter();
        Progress p = drawingTo(text);
        now[0] = seconds(100);
        p.bytes(new ReadProgress(10L << 20, 100L << 20));
        now[0] = seconds(104);
        p.bytes(new ReadProgress(50L << 20, 100L << 20));
        p.done();
        String[] lines = drawings(text);
        assertEquals(2, lines.length, text.toString());
        // nothing to reckon from at the first report
        assertEquals("[###                           ]  10.0% 10 MB, 0.0 MB/s ", lines[0]);
        // 40% in 4 s since the first report: 50% to go takes 5 s; 40 MB in 4 s
        assertEquals("[###############               ]  50.0% 0:05 left 50 MB, 10.0 MB/s \n", lines[1]);
    }

    @Test
    void theTimeLeftWaitsForOnePercentSinceTheFirstReport() {
        StringWriter text = new StringWriter();
        Progress p = drawingTo(text);
        p.bytes(new ReadProgress(5000, 10_000));
        now[0] = seconds(1);
        p.bytes(new ReadProgress(5099, 10_000));
        now[0] = seconds(2);
        p.bytes(new ReadProgress(5200, 10_000));
        String[] lines = drawings(text);
        assertEquals(3, lines.length, text.toString());
        assertFalse(lines[1].contains("left"), lines[1]);
        // 2% in 2 s, 48% to go
        assertTrue(lines[2].contains("]  52.0% 0:48 left 0 MB, "), lines[2]);
    }

    @Test
    void countingPagesItShowsPagesPerSecond() {
        StringWriter text = new StringWriter();
        Progress p = drawingTo(text);
        p.update(new ReadProgress(3L << 20, -1), 1234);
        now[0] = seconds(2);
        p.update(new ReadProgress(4L << 20, -1), 2234);
        // no size, so no bar and no time left
        assertEquals("3 MB, 1234 pages, 0 pages/s ", drawings(text)[0]);
        assertEquals("4 MB, 2234 pages, 500 pages/s ", drawings(text)[1]);
    }

    @Test
    void aBarIsOnScreenFromItsFirstDrawingToItsEnd() {
        StringWriter text = new StringWriter();
        Progress p = drawingTo(text);
        p.done();
        assertFalse(Progress.onScreen());
        p.bytes(new ReadProgress(1, 2));
        assertTrue(Progress.onScreen());
        p.done();
        assertFalse(Progress.onScreen());
    }

    @Test
    void quietOrNoTerminalDrawsNothing() {
        for (boolean[] quietAndTerminal : new boolean[][] {{true, true}, {false, false}, {true, false}}) {
            StringWriter text = new StringWriter();
            Progress p = new Progress(new PrintWriter(text), quietAndTerminal[0], quietAndTerminal[1]);
            p.bytes(new ReadProgress(1, 2));
            p.update(new ReadProgress(1, 2), 5);
            p.done();
            assertEquals("", text.toString());
        }
    }

    @Test
    void redrawnAtMostTwiceASecondAndTheLastReportShownAtTheEnd() {
        StringWriter text = new StringWriter();
        Progress p = drawingTo(text);
        for (int i = 1; i <= 1000; i++) {
            now[0] = i * 1_000L;
            p.bytes(new ReadProgress(i, 1000));
        }
        assertEquals(1, drawings(text).length, text.toString());
        now[0] = seconds(0.6);
        p.bytes(new ReadProgress(500, 1000));
        assertEquals(2, drawings(text).length, text.toString());
        now[0] = seconds(0.7);
        p.bytes(new ReadProgress(1000, 1000));
        assertEquals(2, drawings(text).length, text.toString());
        p.done();
        String[] lines = drawings(text);
        assertEquals(3, lines.length, text.toString());
        assertTrue(lines[2].startsWith("[" + "#".repeat(30) + "] 100.0% "), lines[2]);
        assertTrue(lines[2].endsWith("\n"), lines[2]);
    }

    @Test
    void aShorterLineBlanksWhatWasLeftOfTheLongerOne() {
        StringWriter text = new StringWriter();
        Progress p = drawingTo(text);
        p.update(new ReadProgress(5L << 20, -1), 0);
        now[0] = seconds(1);
        p.update(new ReadProgress(5L << 20, -1), 123_456);
        now[0] = seconds(2);
        p.update(new ReadProgress(5L << 20, -1), 123_456);
        String[] lines = drawings(text);
        assertEquals("5 MB, 123456 pages, 123456 pages/s ", lines[1]);
        // 61728 pages/s: one digit fewer, so one more blank
        assertEquals("5 MB, 123456 pages, 61728 pages/s  ", lines[2]);
    }

    /** {@code recompress} draws the bar on standard error in each of its ways, and {@code --quiet} turns it off. */
    @Test
    void recompressShowsItsProgress() throws Exception {
        Path xml = dir.resolve("small.xml");
        Files.write(xml, SmallDumps.xml(40));
        Progress.terminalForTests = true;
        String[][] runs = {
            {"--single-stream", "out.xml.bz2"}, {"--multistream", "out-ms.xml.bz2"}, {"--seekable-zstd", "out.xml.zst"}
        };
        for (String[] run : runs) {
            MainTest.Result r = MainTest.run("recompress", run[0], xml.toString(), dir.resolve(run[1]).toString());
            assertEquals(0, r.status(), r.err());
            assertTrue(r.err().matches("(?s)\r\\[#* *\\] +[0-9.]+% .* MB/s +\n"), r.err());
            MainTest.Result quiet = MainTest.run("recompress", "-q", "--force", run[0], xml.toString(),
                    dir.resolve(run[1]).toString());
            assertEquals(0, quiet.status(), quiet.err());
            assertEquals("", quiet.err());
        }
        // read into the model first (RevDoc in, XML out): pages are counted
        Path revdoc = dir.resolve("small.jsonl");
        MainTest.Result converted = MainTest.run("convert", "--quiet", xml.toString(), revdoc.toString());
        assertEquals(0, converted.status(), converted.err());
        MainTest.Result r = MainTest.run("recompress", "--single-stream", revdoc.toString(),
                dir.resolve("from-revdoc.xml.bz2").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().matches("(?s)\r\\[#* *\\] +[0-9.]+% .* pages/s +\n"), r.err());
        // in parts: pages counted, the share from the file's bytes read
        MainTest.Result parts = MainTest.run("recompress", "--multistream", "--pages-per-part", "25", xml.toString(),
                dir.resolve("parts.xml.bz2").toString());
        assertEquals(0, parts.status(), parts.err());
        assertTrue(parts.err().matches("(?s)\r\\[#* *\\] +[0-9.]+% .* pages/s +\n"), parts.err());
    }

    /**
     * {@code index} and {@code get} draw the bar while they build an index by decoding the dump (a multistream
     * file without its index file, whose streams are scanned; a single-stream file, read block by block).
     */
    @Test
    void buildingAnIndexShowsItsProgress() throws Exception {
        Path xml = dir.resolve("small.xml");
        Files.write(xml, SmallDumps.xml(40));
        Path multistream = dir.resolve("small-multistream.xml.bz2");
        Path single = dir.resolve("small.xml.bz2");
        for (String[] run : new String[][] {{"--multistream", multistream.toString()}, {"--single-stream", single.toString()}}) {
            MainTest.Result r = MainTest.run("recompress", "-q", run[0], xml.toString(), run[1]);
            assertEquals(0, r.status(), r.err());
        }
        Files.delete(dir.resolve("small-multistream-index.txt.bz2"));
        Progress.terminalForTests = true;
        String bar = "(?s)\r\\[#* *\\] +[0-9.]+% .* pages/s +\n";
        for (Path dump : new Path[] {multistream, single}) {
            MainTest.Result r = MainTest.run("index", dump.toString());
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().contains("pages: 40\n"), r.out());
            assertTrue(r.err().matches(bar), dump + ": " + r.err());
            MainTest.Result quiet = MainTest.run("index", "-q", "--force", dump.toString());
            assertEquals(0, quiet.status(), quiet.err());
            assertEquals("", quiet.err());
            // get builds the index it needs, and says so before the bar
            Files.delete(org.mwdump.index.IndexedDump.pageIndexOf(dump));
            GetTest.Result got = GetTest.run("get", "--id", Long.toString(SmallDumps.id(3)), dump.toString());
            assertEquals(0, got.status(), got.err());
            assertTrue(got.err().matches("(?s)building the page index [^\n]*\n" + bar.substring(4)), dump + ": " + got.err());
            assertTrue(got.out().contains("<title>" + SmallDumps.title(3) + "</title>"), got.out());
        }
    }
}
