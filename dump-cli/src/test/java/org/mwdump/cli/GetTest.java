package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.testing.SmallDumps;
import org.mwdump.write.layout.Recompressor;

/** {@code mwdump get} on a generated multistream dump, with standard output captured. */
class GetTest {
    @TempDir
    static Path dir;
    static Path dump;

    record Result(int status, String out, String err) {
    }

    @BeforeAll
    static void makeDump() throws IOException {
        dump = dir.resolve("small-multistream.xml.bz2");
        new Recompressor(Recompressor.Layout.BZIP2_MULTISTREAM, 10, 1)
                .recompress(new ByteArrayInputStream(SmallDumps.xml(60)), dump, dir.resolve("small-multistream-index.txt.bz2"));
    }

    /** Runs the command in-process; pages go to {@code System.out}, which is captured for the call. */
    static synchronized Result run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        } finally {
            System.out.flush();
            System.setOut(saved);
        }
        return new Result(status, out + bytes.toString(StandardCharsets.UTF_8), err.toString());
    }

    static List<String> titles(String xml) {
        List<String> titles = new ArrayList<>();
        Matcher m = Pattern.compile("<title>([^<]*)</title>").matcher(xml);
        while (m.find()) {
            titles.add(m.group(1));
        }
        return titles;
    }

    @Test
    void pagesComeInTheOrderAskedWhateverTheMixOfIdsAndTitles() {
        Result r = run("get", dump.toString(), "--title", "Page 33", "--id", "100", "--title=Page 2", "--id=20",
                "--id", "590", "--title", "Page 1");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("Page 33", "Page 10", "Page 2", "Page 2", "Page 59", "Page 1"), titles(r.out()));
        assertTrue(r.out().startsWith("<mediawiki"), r.out());
        assertTrue(r.out().strip().endsWith("</mediawiki>"), r.out());

        Result revdoc = run("get", dump.toString(), "--to", "revdoc", "--id", "30", "--title", "Page 5");
        assertEquals(0, revdoc.status(), revdoc.err());
        String[] lines = revdoc.out().strip().split("\n");
        assertEquals(2, lines.length, revdoc.out());
        assertTrue(lines[0].contains("\"Page 3\""), lines[0]);
        assertTrue(lines[1].contains("\"Page 5\""), lines[1]);

        // the third format get's usage names
        Result legacy = run("get", dump.toString(), "--to", "revdoc-legacy", "--id", "30");
        assertEquals(0, legacy.status(), legacy.err());
        assertEquals(1, legacy.out().strip().split("\n").length, legacy.out());
    }

    @Test
    void eachPageNotFoundIsNamedAndTheOthersAreStillWritten() {
        Result r = run("get", dump.toString(), "--id", "10", "--title", "No such page", "--id", "99999",
                "--title", "Page 4");
        assertEquals(1, r.status(), r.err());
        assertEquals(List.of("Page 1", "Page 4"), titles(r.out()));
        assertEquals("mwdump: not found: title \"No such page\"\nmwdump: not found: id 99999\n",
                r.err().replace("\r\n", "\n").replaceAll("(?m)^building the page index.*\n", ""));
    }

    @Test
    void nothingOnStandardOutputWhenNoneIsFound() {
        Result r = run("get", dump.toString(), "--title", "Nope", "--id", "7");
        assertEquals(1, r.status(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("mwdump: not found: title \"Nope\""), r.err());
        assertTrue(r.err().contains("mwdump: not found: id 7"), r.err());
    }

    @Test
    void usageErrors() {
        assertEquals(2, run("get", dump.toString()).status());
        assertEquals(2, run("get", dump.toString(), "--id", "ten").status());
        assertEquals(2, run("get", dump.toString(), "--id").status());
        assertEquals(2, run("get", dump.toString(), "--to", "parquet", "--id", "10").status());
    }

    /** A dump of a wiktionary-like site: case-sensitive main namespace, project namespace "Wiktionary". */
    static byte[] wiktionaryLike() {
        StringBuilder x = new StringBuilder("<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" "
                + "version=\"0.11\" xml:lang=\"en\">\n  <siteinfo>\n    <sitename>Wiktionary</sitename>\n"
                + "    <dbname>enwiktionary</dbname>\n    <case>case-sensitive</case>\n    <namespaces>\n"
                + "      <namespace key=\"0\" case=\"case-sensitive\" />\n"
                + "      <namespace key=\"4\" case=\"first-letter\">Wiktionary</namespace>\n"
                + "      <namespace key=\"6\" case=\"first-letter\">File</namespace>\n"
                + "    </namespaces>\n  </siteinfo>\n");
        String[][] pages = {{"0", "apple"}, {"0", "Apple"}, {"4", "Wiktionary:Main Page"}, {"6", "File:X.png"}};
        for (int i = 0; i < pages.length; i++) {
            x.append("  <page>\n    <title>").append(pages[i][1]).append("</title>\n    <ns>").append(pages[i][0])
                    .append("</ns>\n    <id>").append(i + 1).append("</id>\n    <revision>\n      <id>").append(i + 10)
                    .append("</id>\n      <timestamp>2026-01-01T00:00:00Z</timestamp>\n      <text xml:space=\"preserve\">")
                    .append("text ").append(i).append("</text>\n    </revision>\n  </page>\n");
        }
        return x.append("</mediawiki>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void titlesAreMatchedAsMediaWikiMatchesThem() throws IOException {
        Path wikt = dir.resolve("wikt-multistream.xml.bz2");
        new Recompressor(Recompressor.Layout.BZIP2_MULTISTREAM, 2, 1)
                .recompress(new ByteArrayInputStream(wiktionaryLike()), wikt, dir.resolve("wikt-multistream-index.txt.bz2"));
        Result r = run("get", wikt.toString(), "--title", "wiktionary:main_Page", "--title", "Project:Main Page",
                "--title", " apple ", "--title", "Apple", "--title", "image:x.png", "--title", "file:X.png");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("Wiktionary:Main Page", "Wiktionary:Main Page", "apple", "Apple", "File:X.png",
                "File:X.png"), titles(r.out()));
        Result missing = run("get", wikt.toString(), "--title", "APPLE");
        assertEquals(1, missing.status());
        assertEquals("mwdump: not found: title \"APPLE\"\n", missing.err(), "the main namespace is case-sensitive");
    }

    /** {@code convert IN -} without {@code --to} writes RevDoc JSON lines to standard output. */
    @Test
    void convertToStandardOutputIsRevDocByDefault() throws IOException {
        Path xml = dir.resolve("wikt.xml");
        Files.write(xml, wiktionaryLike());
        Result r = run("convert", "--quiet", xml.toString(), "-");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("{\"id\": 10, ") && lines.get(0).contains("\"title\": \"apple\""), lines.get(0));
        MainTest.Result help = MainTest.run("convert", "--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("standard output: RevDoc JSON lines unless --to says otherwise"),
                help.out());
    }

    /** recompress refuses what is not a dump with convert's one line, exit 1 and no output; RevDoc it takes. */
    @Test
    void recompressRefusesWhatIsNotADump() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        Result convert = run("convert", text.toString(), dir.resolve("notes.jsonl").toString());
        Result recompress = run("recompress", "--multistream", text.toString(), dir.resolve("notes.xml.bz2").toString());
        assertEquals(1, recompress.status());
        assertEquals(convert.err(), recompress.err());
        assertTrue(recompress.err().startsWith("mwdump: not a MediaWiki dump") && recompress.err().lines().count() == 1,
                recompress.err());
        Path revdoc = dir.resolve("wikt.jsonl");
        Files.write(dir.resolve("wikt2.xml"), wiktionaryLike());
        assertEquals(0, run("convert", "--quiet", dir.resolve("wikt2.xml").toString(), revdoc.toString()).status());
        for (String name : new String[] {"notes.jsonl", "notes.xml.bz2", "notes-index.txt.bz2"}) {
            assertTrue(Files.notExists(dir.resolve(name)), name + " written");
        }
        // RevDoc is a dump: it is written as XML, and reads back as the same RevDoc
        Result fromRevDoc = run("recompress", "--seekable-zstd", revdoc.toString(), dir.resolve("w.xml.zst").toString());
        assertEquals(0, fromRevDoc.status(), fromRevDoc.err());
        assertTrue(Files.exists(dir.resolve("w-index.txt.zst")));
        Result back = run("convert", "--quiet", dir.resolve("w.xml.zst").toString(), "-");
        assertEquals(Files.readString(revdoc), back.out());
    }
}
