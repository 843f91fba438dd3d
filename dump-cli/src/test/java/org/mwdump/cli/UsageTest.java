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
