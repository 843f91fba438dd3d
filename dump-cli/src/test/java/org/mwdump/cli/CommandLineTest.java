package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code mwdump}'s own command line, run in-process: the help and the version wherever they are asked
 * for, and what a usage error prints (its message, then the usage of the command, on standard error).
 */
class CommandLineTest {
    static MainTest.Result run(String... args) {
        return MainTest.run(args);
    }

    /** Exit status 2, nothing on standard output, the message first on standard error, then {@code then}. */
    static void assertUsageError(MainTest.Result r, String message, String then) {
        assertEquals(2, r.status(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith(message + "\n" + then), r.err());
    }

    @Test
    void version() {
        String version = Main.version();
        assertTrue(version.matches("mwdump (\\d.*|\\(development build\\))"), version);
        for (String[] args : new String[][] {{"--version"}, {"-V"}, {"-V", "info"}, {"info", "-V"},
                {"recompress", "--version", "--bogus"}, {"get", "x", "--version"}}) {
            MainTest.Result r = run(args);
            assertEquals(0, r.status(), String.join(" ", args));
            assertEquals(version + "\n", r.out(), String.join(" ", args));
            assertEquals("", r.err());
        }
    }

    /** The help text of command {@code name} that the picocli-based command line printed. */
    static String golden(String name) {
        try (java.io.InputStream in = CommandLineTest.class.getResourceAsStream("help/" + name + ".txt")) {
            assertTrue(in != null, "no help/" + name + ".txt");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void help() {
        String program = run("--help").out();
        assertTrue(program.startsWith("Usage: mwdump [-hV] [COMMAND]\n"), program);
        assertEquals(program, run("-h").out());
        assertEquals(program, run("help").out());
        assertEquals(program, run("-hV").out(), "the help wins over the version");
        assertEquals(program, run("--help", "info").out(), "mwdump's help, not info's");
        for (String name : Main.COMMANDS) {
            MainTest.Result r = run(name, "--help");
            assertEquals(0, r.status(), name);
            assertEquals("", r.err());
            // as the picocli-based command line printed it (help/NAME.txt, kept from that version); the help
            // of help itself is laid out like the others now (checked below)
            if (!name.equals("help")) {
                assertEquals(golden(name), r.out(), name);
            }
            assertEquals(r.out(), run(name, "-h").out());
            assertEquals(r.out(), run("help", name).out());
        }
        // the help wins over whatever else is wrong on the command line
        MainTest.Result r = run("convert", "--bogus", "--threads", "x", "--help");
        assertEquals(0, r.status());
        assertEquals(run("convert", "--help").out(), r.out());
        assertTrue(run("help", "help").out().startsWith("Usage: mwdump help [-h] [COMMAND]\n"));
    }

    @Test
    void noCommand() {
        String usage = run("--help").out();
        assertUsageError(run(), "a subcommand is required", usage);
        assertUsageError(run("--bogus", "info"), "Unknown option: '--bogus'", usage);
        assertUsageError(run("frobnicate"), "Unknown command: 'frobnicate'", usage);
        assertUsageError(run("help", "frobnicate"), "Unknown command: 'frobnicate'", usage);
        // a near name is suggested in place of the usage
        MainTest.Result near = run("inf", "x");
        assertEquals(2, near.status());
        assertEquals("Unknown command: 'inf'\nDid you mean: mwdump info?\n", near.err());
        assertEquals("Unknown command: 'recompres'\nDid you mean: mwdump recompress?\n", run("recompres").err());
    }

    @Test
    void usageErrorsOfACommand() {
        String convert = run("convert", "--help").out();
        assertUsageError(run("convert"), "Missing required parameters: 'IN', 'OUT'", convert);
        assertUsageError(run("convert", "in.xml"), "Missing required parameter: 'OUT'", convert);
        assertUsageError(run("convert", "a", "b", "c"), "Unmatched argument at index 3: 'c'", convert);
        assertUsageError(run("convert", "--threads", "x", "a", "b.jsonl"),
                "Invalid value for option '--threads': 'x' is not an int", convert);
        assertUsageError(run("convert", "--threads=x", "a", "b.jsonl"),
                "Invalid value for option '--threads': 'x' is not an int", convert);
        assertUsageError(run("convert", "a", "b.jsonl", "--threads"),
                "Missing required parameter for option '--threads' (N)", convert);
        assertUsageError(run("convert", "--to", "--force", "a", "b"),
                "Expected parameter for option '--to' but found '--force'", convert);
        assertUsageError(run("convert", "--force", "a", "b", "--force"),
                "option '--force' should be specified only once", convert);
        assertUsageError(run("convert", "-qx", "a", "b"), "Unknown option: '-x' (while processing option: '-qx')",
                convert);
        // a usage error found by the command itself, after parsing
        assertUsageError(run("convert", "--quiet", "a", "b"), "cannot tell the output format from 'b': use --to",
                convert);
        // an unknown option near a known one: the suggestion instead of the usage
        MainTest.Result near = run("info", "--quiet2", "x");
        assertEquals(2, near.status());
        assertEquals("Unknown option: '--quiet2'\nPossible solutions: --quiet\n", near.err());

        String recompress = run("recompress", "--help").out();
        assertUsageError(run("recompress", "a", "b"),
                "Missing required argument (specify one of these): (--multistream | --seekable-zstd | --single-stream)",
                recompress);
        assertUsageError(run("recompress", "--seekable-zstd", "--multistream", "a", "b"),
                "--multistream, --seekable-zstd are mutually exclusive (specify only one)", recompress);
        assertUsageError(run("recompress", "--multistream", "--pages-per-stream", "many", "a", "b"),
                "Invalid value for option '--pages-per-stream': 'many' is not an int", recompress);
        assertUsageError(run("recompress", "--multistream", "--pages-per-part=99999999999999999999", "a", "b"),
                "Invalid value for option '--pages-per-part': '99999999999999999999' is not a long", recompress);
        assertUsageError(run("recompress", "--multistream", "--pages-per-stream", "0", "a", "b"),
                "--pages-per-stream must be at least 1", recompress);

        String apply = run("apply", "--help").out();
        assertUsageError(run("apply"), "Missing required parameters: 'BASE', 'CHANGES... OUT'", apply);
        assertUsageError(run("apply", "base.xml", "out.xml"),
                "'CHANGES... OUT' needs at least 2 arguments, but only 1 was given: 'out.xml'", apply);

        String get = run("get", "--help").out();
        assertUsageError(run("get", "x", "--id", "ten"), "Invalid value for option '--id': 'ten' is not a page id",
                get);
        assertUsageError(run("get", "x", "--id"), "Missing required parameter for option '--id' (N)", get);
        assertUsageError(run("get", "x"), "at least one --id or --title is required", get);
        assertUsageError(run("get", "--id", "1"), "Missing required parameter: 'DUMP'", get);
        assertUsageError(run("help", "-x"), "Unknown option: '-x'", run("help", "help").out());
    }

    /** {@code --} ends the options: a file whose name begins with a dash. */
    @Test
    void doubleDash() {
        MainTest.Result r = run("info", "--", "--json");
        MainTest.assertOneLineError(r, 1, "--json");
    }
}
