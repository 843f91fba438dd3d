package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.model.Sha1Base36;
import org.mwdump.testing.SmallDumps;

/** What {@code validate} and {@code info --json} print for dumps made on the spot. */
class InfoValidateTest {

    /**
     * A revision whose text element has no body and is neither deleted nor a stub ({@code <text ... />}
     * with no location or id) cannot have its sha1 checked: counted as "text absent", not as a problem.
     */
    @Test
    void validateCountsAnAbsentTextAsNotChecked(@TempDir Path dir) throws IOException {
        String text = "Some text.";
        String sha1 = Sha1Base36.of(text.getBytes(StandardCharsets.UTF_8));
        String xml = "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" version=\"0.11\">\n"
                + "  <siteinfo>\n    <sitename>Test</sitename>\n  </siteinfo>\n"
                + page(1, "<text bytes=\"10\" xml:space=\"preserve\">" + text + "</text>", sha1)
                + page(2, "<text bytes=\"10\" />", sha1)
                + "</mediawiki>\n";
        Path dump = Files.writeString(dir.resolve("absent.xml"), xml);
        MainTest.Result r = MainTest.run("validate", "--quiet", dump.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("revisions: 2\n"), r.out());
        assertTrue(r.out().contains("sha1 checked: 1\n"), r.out());
        assertTrue(r.out().contains("sha1 not checked (text absent): 1\n"), r.out());
        assertTrue(r.out().contains("problems: 0\n"), r.out());
    }

    private static String page(int id, String textElement, String sha1) {
        return "  <page>\n    <title>Page " + id + "</title>\n    <ns>0</ns>\n    <id>" + id + "</id>\n"
                + "    <revision>\n      <id>" + (100 + id) + "</id>\n      <timestamp>2020-01-01T00:00:00Z</timestamp>\n"
                + "      <model>wikitext</model>\n      <format>text/x-wiki</format>\n      " + textElement + "\n"
                + "      <sha1>" + sha1 + "</sha1>\n    </revision>\n  </page>\n";
    }

    /** The case rule of each namespace, as a key of its own in the namespaces of info --json. */
    @Test
    void infoJsonGivesEachNamespacesCase(@TempDir Path dir) throws IOException {
        Path xml = Files.write(dir.resolve("small.xml"), SmallDumps.xml(3));
        MainTest.Result r = MainTest.run("info", "--json", xml.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"case\": \"first-letter\", \"namespaces\": [{\"id\": 0, \"name\": \"\", "
                + "\"case\": \"first-letter\"}, {\"id\": 1, \"name\": \"Talk\", \"case\": \"first-letter\"}]"), r.out());
    }

    /** A file written as legacy RevDoc is named so by info --json. */
    @Test
    void infoJsonNamesLegacyRevDoc(@TempDir Path dir) throws IOException {
        Path xml = Files.write(dir.resolve("small.xml"), SmallDumps.xml(3));
        Path legacy = dir.resolve("small.jsonl");
        assertEquals(0, MainTest.run("convert", "--quiet", "--to", "revdoc-legacy", xml.toString(), legacy.toString())
                .status());
        MainTest.Result r = MainTest.run("info", "--json", legacy.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"format\": \"revdoc-legacy\", \"compression\": \"none\""), r.out());
        assertTrue(r.out().contains("\"revisions\": 3"), r.out());
    }

    /**
     * Parquet written with gzip or without compression: info --json gives the codec of its pages; a codec
     * Parquet has not is a usage error, and nothing is written.
     */
    @Test
    void infoJsonGivesTheParquetCodec(@TempDir Path dir) throws IOException {
        Path xml = Files.write(dir.resolve("small.xml"), SmallDumps.xml(3));
        for (String[] codec : new String[][] {{"gz", "gzip"}, {"none", "uncompressed"}, {"zst", "zstd"}}) {
            Path parquet = dir.resolve("small-" + codec[0] + ".parquet");
            MainTest.Result convert = MainTest.run("convert", "--quiet", "--compress", codec[0], xml.toString(),
                    parquet.toString());
            assertEquals(0, convert.status(), convert.err());
            MainTest.Result r = MainTest.run("info", "--json", parquet.toString());
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().contains("\"format\": \"parquet\", \"compression\": \"" + codec[1] + "\""), r.out());
        }
        for (String codec : new String[] {"bz2", "xz"}) {
            Path parquet = dir.resolve("small-" + codec + ".parquet");
            MainTest.Result r = MainTest.run("convert", "--quiet", "--compress", codec, xml.toString(),
                    parquet.toString());
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().startsWith("Parquet compresses its pages with zstd, gzip or none, not " + codec),
                    r.err());
            assertTrue(Files.notExists(parquet));
        }
    }
}
