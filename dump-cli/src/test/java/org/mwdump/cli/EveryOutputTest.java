package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mwdump.cli.MainTest.Result;
import org.mwdump.testing.Corpus;

/**
 * Every format the command writes, with every compression it offers for it, on one thread and on two:
 * each file is read back by {@code info} and {@code validate} and converted to RevDoc, which gives the
 * same lines as converting the input directly. The build runs this (with the other tests of the
 * command) once more against the packaged jar, so a class the jar lacks fails here.
 */
class EveryOutputTest {

    @ParameterizedTest
    @ValueSource(strings = {"xml", "xml.bz2", "xml.gz", "xml.xz", "xml.zst", "jsonl", "jsonl.bz2", "jsonl.gz",
        "jsonl.xz", "jsonl.zst", "revdoc-legacy:legacy.jsonl.gz", "parquet", "parquet:none.parquet",
        "parquet:gz.parquet"})
    void isReadBackAsWritten(String output, @TempDir Path dir) throws IOException {
        Path input = Corpus.file("multistream-elwikivoyage-p2566p2583/pages-articles-p2566p2583.multistream.xml.bz2");
        Path direct = dir.resolve("direct.jsonl");
        assertOk(MainTest.run("convert", "--quiet", input.toString(), direct.toString()));
        String revisions = revisions(MainTest.run("info", "--json", input.toString()));
        String[] formatAndName = output.contains(":") ? output.split(":") : new String[] {null, output};
        String name = formatAndName[1];
        for (String threads : new String[] {"1", "2"}) {
            Path out = dir.resolve("t" + threads + "." + name);
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("convert", "--quiet",
                    "--threads", threads));
            if (formatAndName[0] != null) {
                args.addAll(java.util.List.of("--to", formatAndName[0]));
            }
            if (name.startsWith("none.") || name.startsWith("gz.")) {
                args.addAll(java.util.List.of("--compress", name.substring(0, name.indexOf('.'))));
            }
            args.addAll(java.util.List.of(input.toString(), out.toString()));
            assertOk(MainTest.run(args.toArray(String[]::new)));

            assertEquals(revisions, revisions(MainTest.run("info", "--json", out.toString())), name);
            assertOk(MainTest.run("validate", "--quiet", out.toString()));

            if (!name.startsWith("legacy")) {
                Path back = dir.resolve("t" + threads + "." + name + ".back.jsonl");
                assertOk(MainTest.run("convert", "--quiet", out.toString(), back.toString()));
                assertArrayEquals(Files.readAllBytes(direct), Files.readAllBytes(back), name + " on " + threads);
            }
        }
    }

    /** The revision count that {@code info --json} printed. */
    private static String revisions(Result info) {
        assertOk(info);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"revisions\": (\\d+)").matcher(info.out());
        assertTrue(m.find(), info.out());
        return m.group(1);
    }

    private static void assertOk(Result r) {
        assertEquals(0, r.status(), r.err());
    }
}
