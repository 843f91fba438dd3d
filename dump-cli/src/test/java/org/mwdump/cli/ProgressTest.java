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

    @Test
    void countingBytesItShowsTheShareDoneAndMegabytesPerSecond() {
        StringWriter text = new StringWriter();
        Progress p = new Progress(new PrintWriter(text), false, true);
        p.bytes(new ReadProgress(50L << 20, 100L << 20));
        p.done();
        String line = text.toString();
        assertTrue(line.startsWith("\r[" + "#".repeat(15) + " ".repeat(15) + "]  50.0% "), line);
        assertTrue(line.contains(" left 50 MB, "), line);
        assertTrue(line.matches("(?s).* 50 MB, [0-9]+\\.[0-9] MB/s \n"), line);
        assertFalse(line.contains("pages"), line);
    }

    @Test
    void theTimeLeftWaitsForOnePercent() {
        StringWriter text = new StringWriter();
        Progress p = new Progress(new PrintWriter(text), false, true);
        p.bytes(new ReadProgress(99, 10_000));
        assertTrue(text.toString().startsWith("\r[" + " ".repeat(30) + "]   1.0% 0 MB, "), text.toString());
        assertFalse(text.toString().contains("left"), text.toString());
    }

    @Test
    void countingPagesItShowsPagesPerSecond() {
        StringWriter text = new StringWriter();
        Progress p = new Progress(new PrintWriter(text), false, true);
        p.update(new ReadProgress(3L << 20, -1), 1234);
        String line = text.toString();
        // no size, so no bar and no time left
        assertTrue(line.matches("\r3 MB, 1234 pages, [0-9]+ pages/s "), line);
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
    void redrawnAtMostTwiceASecond() {
        StringWriter text = new StringWriter();
        Progress p = new Progress(new PrintWriter(text), false, true);
        for (int i = 1; i <= 1000; i++) {
            p.bytes(new ReadProgress(i, 1000));
        }
        // a thousand calls in far less than half a second: the first is drawn, the others wait
        assertEquals(1, text.toString().chars().filter(c -> c == '\r').count(), text.toString());
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
            assertTrue(r.err().matches("(?s)\r\\[#* *\\] +[0-9.]+% .* MB/s \n"), r.err());
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
        assertTrue(r.err().matches("(?s)\r\\[#* *\\] +[0-9.]+% .* pages/s \n"), r.err());
        // in parts: pages counted, the share from the file's bytes read
        MainTest.Result parts = MainTest.run("recompress", "--multistream", "--pages-per-part", "25", xml.toString(),
                dir.resolve("parts.xml.bz2").toString());
        assertEquals(0, parts.status(), parts.err());
        assertTrue(parts.err().matches("(?s)\r\\[#* *\\] +[0-9.]+% .* pages/s \n"), parts.err());
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
        String bar = "(?s)\r\\[#* *\\] +[0-9.]+% .* pages/s \n";
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
            assertTrue(got.err().matches("building the page index .*\n" + bar.substring(4)), dump + ": " + got.err());
            assertTrue(got.out().contains("<title>" + SmallDumps.title(3) + "</title>"), got.out());
        }
    }
}
