package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The help text: its usage line, description and the columns of parameters and options. */
class UsageTest {
    @Test
    void aCommandsHelp() {
        Option<Boolean> multi = Option.flag("--multistream", "bz2 streams");
        Option<Boolean> zstd = Option.flag("--seekable-zstd", "zstd frames");
        CommandLineSpec spec = new CommandLineSpec("demo", null,
                "Show how the help of a command is laid out, with a first paragraph long enough to be wrapped at "
                        + "the width of a terminal.",
                "A second paragraph.")
                .positionals(Positional.required("IN", Option.PATH, "the input"),
                        Positional.atLeast(0, "MORE", Option.STRING, "more inputs"))
                .oneOf(multi, zstd)
                .options(Option.flag("-q", "--quiet", "no progress bar"),
                        Option.flag("--force", "replace OUT if it exists"),
                        Option.longValue("--max-stream-bytes", "BYTES", "also end a stream at the first page end past "
                                + "BYTES of XML, a description long enough to take three lines of the column in which "
                                + "descriptions are"),
                        Option.intValue("--threads", "N", "threads (default 2)"),
                        Option.stringValue("--title", "T", "a title").repeatable(),
                        Option.flag("-k", null, "keep the input"));
        assertEquals("""
                Usage: mwdump demo [-hkqV] [--force] [--max-stream-bytes=BYTES] [--threads=N]
                                   [--title=T]... (--multistream | --seekable-zstd) IN
                                   [MORE...]
                Show how the help of a command is laid out, with a first paragraph long enough
                to be wrapped at the width of a terminal.
                A second paragraph.
                      IN                the input
                      [MORE...]         more inputs
                      --force           replace OUT if it exists
                  -h, --help            Show this help message and exit.
                  -k                    keep the input
                      --max-stream-bytes=BYTES
                                        also end a stream at the first page end past BYTES of
                                          XML, a description long enough to take three lines of
                                          the column in which descriptions are
                      --multistream     bz2 streams
                  -q, --quiet           no progress bar
                      --seekable-zstd   zstd frames
                      --threads=N       threads (default 2)
                      --title=T         a title
                  -V, --version         Print version information and exit.
                """, Usage.help(spec, "mwdump demo"));
    }

    /** The help of info, as it has been since mwdump had a help. */
    @Test
    void infosHelp() {
        assertEquals("""
                Usage: mwdump info [-hqV] [--json] DUMP
                Print the site info, schema version, format, compression and page/revision
                counts of a dump.
                      DUMP        the dump file
                  -h, --help      Show this help message and exit.
                      --json      print one JSON object instead of key: value lines
                  -q, --quiet     no progress bar
                  -V, --version   Print version information and exit.
                """, Usage.help(InfoCommand.SPEC, "mwdump info"));
    }

    @Test
    void recompressesUsageLine() {
        String help = Usage.help(RecompressCommand.SPEC, "mwdump recompress");
        assertTrue(help.startsWith("""
                Usage: mwdump recompress [-hqV] [--force] [--max-stream-bytes=BYTES]
                                         [--pages-per-part=N] [--pages-per-stream=N]
                                         [--threads=N] (--multistream | --seekable-zstd |
                                         --single-stream) IN OUT
                """), help);
        assertTrue(help.contains("""
                      --pages-per-stream=N   whole pages per stream or frame (default 100)
                """), help);
    }

    @Test
    void everyCommandsHelpFitsAndDescribesEveryOption() {
        for (String name : Main.COMMANDS) {
            CommandLineSpec spec = Main.command(name);
            String help = Usage.help(spec, "mwdump " + name);
            assertTrue(help.startsWith("Usage: mwdump " + name + " "), help);
            assertFitsInEightyColumns(help);
            String flat = help.replaceAll("\\s+", " ");
            for (Option<?> o : spec.options()) {
                assertTrue(flat.contains(" " + (o.longName() != null ? o.longName() : o.shortName())), name + ": " + o);
                assertTrue(flat.contains(o.description().replaceAll("\\s+", " ")), name + ": " + o.description());
            }
            for (Positional<?> p : spec.positionals()) {
                assertTrue(flat.contains(" " + p.synopsis() + " " + p.description()), name + ": " + p);
            }
            for (String paragraph : spec.description()) {
                assertTrue(flat.contains(paragraph.replaceAll("\\s+", " ")), name + ": " + paragraph);
            }
        }
    }

    @Test
    void theProgramsHelpListsTheCommandsAndTheExitStatuses() {
        MainTest.Result r = MainTest.run("--help");
        assertEquals(0, r.status());
        String help = r.out();
        assertFitsInEightyColumns(help);
        assertTrue(help.startsWith("""
                Usage: mwdump [-hV] [COMMAND]
                Read, convert, index and check MediaWiki database dumps.
                  -h, --help      Show this help message and exit.
                  -V, --version   Print version information and exit.
                Commands:
                  info        Print the site info, schema version, format, compression and
                                page/revision counts of a dump.
                """), help);
        int at = 0;
        for (String name : Main.COMMANDS) {
            int line = help.indexOf("\n  " + name + " ", at);
            assertTrue(line > at, name + " listed, in order: " + help);
            at = line;
        }
        assertTrue(help.endsWith("""

                Exit status:
                   0     all went well
                   1     a problem in the data, or a file that cannot be read or written
                   2     usage error
                   130   interrupted (Ctrl-C or SIGTERM); no output file is left
                   141   standard output was closed by its reader
                """), help);
    }

    @Test
    void wrapping() {
        StringBuilder s = new StringBuilder("ab");
        Usage.wrap(s, "x".repeat(70) + " " + "y".repeat(10) + "  z", 2, 4);
        assertEquals("ab" + "x".repeat(70) + "\n    " + "y".repeat(10) + " z\n", s.toString());
        // a word longer than a line is left whole
        StringBuilder long_ = new StringBuilder();
        Usage.wrap(long_, "a " + "w".repeat(90) + " b", 0, 0);
        assertEquals("a\n" + "w".repeat(90) + "\nb\n", long_.toString());
        StringBuilder empty = new StringBuilder();
        Usage.wrap(empty, "", 0, 0);
        assertEquals("\n", empty.toString());
    }

    @Test
    void nearNames() {
        assertTrue(Usage.near("quiet2", "quiet"));
        assertTrue(Usage.near("js", "json"));
        assertTrue(Usage.near("multistrem", "multistream"));
        assertTrue(Usage.near("inf", "info"));
        assertTrue(Usage.near("convrt", "convert"));
        assertFalse(Usage.near("inf", "index"));
        assertFalse(Usage.near("frobnicate", "force"));
        assertFalse(Usage.near("x", "xml"), "one letter is too short to begin anything");
        assertFalse(Usage.near("ab", "to"));
    }

    static void assertFitsInEightyColumns(String text) {
        List<String> lines = text.lines().toList();
        for (String line : lines) {
            assertTrue(line.length() <= Usage.WIDTH, "longer than " + Usage.WIDTH + ": " + line);
            assertFalse(line.endsWith(" "), "trailing space: '" + line + "'");
        }
    }
}
