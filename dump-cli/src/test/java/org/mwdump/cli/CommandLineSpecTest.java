package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser on a command of every kind of option and parameter, as {@code mwdump CMD ...} gives them. */
class CommandLineSpecTest {
    static final Option<Boolean> FORCE = Option.flag("--force", "replace OUT");
    static final Option<Boolean> QUIET = Option.flag("-q", "--quiet", "no progress bar");
    static final Option<Boolean> KEEP = Option.flag("-k", null, "keep the input");
    static final Option<Integer> THREADS = Option.intValue("--threads", "N", "threads").withDefault(7);
    static final Option<Long> LIMIT = Option.longValue("--limit", "BYTES", "at most BYTES");
    static final Option<Integer> LEVEL = Option.intValue("-l", "N", "level");
    static final Option<Path> DIR = Option.pathValue("--dir", "DIR", "a directory");
    static final Option<String> TITLE = Option.stringValue("--title", "T", "a title").repeatable();
    static final Option<Long> ID = Option.longValue("--id", "N", "an id").repeatable();
    static final Positional<Path> IN = Positional.required("IN", Option.PATH, "the input");
    static final Positional<String> OUT = Positional.required("OUT", Option.STRING, "the output");

    /** {@code mwdump test [-hkqV] [--force] [--dir=DIR] [--limit=BYTES] [--threads=N] [-l=N] [--id=N]... IN OUT}. */
    static CommandLineSpec spec() {
        return new CommandLineSpec("test", null, "A command to test the parser with.")
                .positionals(IN, OUT).options(FORCE, QUIET, KEEP, THREADS, LIMIT, LEVEL, DIR, TITLE, ID);
    }

    /** Parses {@code mwdump test ARGS...}: the command's arguments start at index 1, as after its name. */
    static Args parse(CommandLineSpec spec, String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = spec.name();
        System.arraycopy(args, 0, argv, 1, args.length);
        return spec.parse(argv, 1);
    }

    static Args parse(String... args) {
        return parse(spec(), args);
    }

    /** The message of the usage error that parsing gives. */
    static String error(CommandLineSpec spec, String... args) {
        return assertThrows(UsageException.class, () -> parse(spec, args)).getMessage();
    }

    static String error(String... args) {
        return error(spec(), args);
    }

    @Test
    void flags() {
        Args none = parse("a", "b");
        assertFalse(none.isSet(FORCE));
        assertFalse(none.has(FORCE));
        assertNull(none.get(FORCE), "a flag not given has no value: an option that can be absent, on or off");
        Args all = parse("--force", "a", "-q", "b", "-k");
        assertTrue(all.isSet(FORCE));
        assertTrue(all.isSet(QUIET));
        assertTrue(all.isSet(KEEP));
        assertTrue(parse("--quiet", "a", "b").isSet(QUIET));
        assertTrue(parse("a", "b", "--force=true").isSet(FORCE));
        Args off = parse("a", "b", "--force=FALSE", "-q=false");
        assertEquals(Boolean.FALSE, off.get(FORCE));
        assertTrue(off.has(FORCE));
        assertFalse(off.isSet(QUIET));
        assertEquals("Invalid value for option '--force': 'yes' is not a boolean", error("a", "b", "--force=yes"));
    }

    @Test
    void oneLetterFlagsRunTogether() {
        Args args = parse("-qk", "a", "b");
        assertTrue(args.isSet(QUIET));
        assertTrue(args.isSet(KEEP));
        assertEquals("Unknown option: '-x' (while processing option: '-qx')", error("-qx", "a", "b"));
        assertEquals("option '--quiet' should be specified only once", error("-qq", "a", "b"));
        // a one-letter option that takes a value takes the rest of the word
        Args level = parse("-kl9", "a", "b");
        assertTrue(level.isSet(KEEP));
        assertEquals(9, level.get(LEVEL));
    }

    @Test
    void valuesSeparateOrAfterAnEqualsSign() {
        Args args = parse("--threads", "3", "a", "--limit=5000000000", "b", "--dir", "x/y", "-l", "4");
        assertEquals(3, args.get(THREADS));
        assertEquals(5_000_000_000L, args.get(LIMIT));
        assertEquals(Path.of("x/y"), args.get(DIR));
        assertEquals(4, args.get(LEVEL));
        assertEquals(5, parse("-l=5", "a", "b").get(LEVEL));
        assertEquals(6, parse("-l6", "a", "b").get(LEVEL));
        // a value may look like an option that the command does not have: a negative number
        assertEquals(-2, parse("--threads", "-2", "a", "b").get(THREADS));
        assertEquals(3, parse("--threads", "+3", "a", "b").get(THREADS));
        // only the first = separates the name: the value may hold more
        assertEquals(List.of("a=b"), parse("--title=a=b", "a", "b").all(TITLE));
        assertEquals(List.of(""), parse("--title=", "a", "b").all(TITLE));
    }

    @Test
    void defaults() {
        Args args = parse("a", "b");
        assertEquals(7, args.get(THREADS));
        assertNull(args.get(LIMIT));
        assertNull(args.get(DIR));
        assertEquals(List.of(), args.all(ID));
        assertFalse(args.has(THREADS), "a default is not a value given");
        assertEquals(1, parse("--threads=1", "a", "b").get(THREADS));
    }

    @Test
    void badNumbers() {
        assertEquals("Invalid value for option '--threads': 'x' is not an int", error("--threads", "x", "a", "b"));
        assertEquals("Invalid value for option '--threads': '' is not an int", error("--threads=", "a", "b"));
        assertEquals("Invalid value for option '--threads': ' 3' is not an int", error("--threads", " 3", "a", "b"));
        assertEquals("Invalid value for option '--threads': '0x10' is not an int", error("--threads=0x10", "a", "b"));
        assertEquals("Invalid value for option '--threads': '3000000000' is not an int",
                error("--threads=3000000000", "a", "b"));
        assertEquals("Invalid value for option '--limit': '99999999999999999999' is not a long",
                error("--limit", "99999999999999999999", "a", "b"));
        assertEquals("Invalid value for option '--limit': '1_000' is not a long", error("--limit=1_000", "a", "b"));
        assertEquals("Invalid value for option '-l': 'x' is not an int", error("-lx", "a", "b"));
    }

    @Test
    void missingValues() {
        assertEquals("Missing required parameter for option '--threads' (N)", error("a", "b", "--threads"));
        assertEquals("Missing required parameter for option '-l' (N)", error("a", "b", "-l"));
        // the next argument is not a value when it is an option of the command
        assertEquals("Expected parameter for option '--threads' but found '--force'",
                error("--threads", "--force", "a", "b"));
        assertEquals("Expected parameter for option '--title' but found '--id=3'", error("--title", "--id=3", "a", "b"));
        assertEquals("Expected parameter for option '--dir' but found '-q'", error("--dir", "-q", "a", "b"));
    }

    @Test
    void unknownOptions() {
        UsageException far = assertThrows(UsageException.class, () -> parse("--frobnicate", "a", "b"));
        assertEquals("Unknown option: '--frobnicate'", far.getMessage());
        assertNull(far.hint(), "nothing near: the usage follows");
        UsageException near = assertThrows(UsageException.class, () -> parse("--quiet2", "a", "b"));
        assertEquals("Unknown option: '--quiet2'", near.getMessage());
        assertEquals("Possible solutions: --quiet", near.hint());
        assertEquals("Possible solutions: --threads",
                assertThrows(UsageException.class, () -> parse("--treads=2", "a", "b")).hint());
        assertEquals("Possible solutions: --title",
                assertThrows(UsageException.class, () -> parse("--tit", "x", "a", "b")).hint());
        assertEquals("Unknown option: '-x'", error("-x", "a", "b"));
        assertEquals("Unknown option: '--FORCE'", error("--FORCE", "a", "b"), "names are matched in their case");
        assertEquals("Unknown option: '-1'", error("-1", "a", "b"));
    }

    @Test
    void repeatedOptions() {
        assertEquals("option '--force' should be specified only once", error("--force", "a", "b", "--force"));
        assertEquals("option '--threads' (N) should be specified only once", error("--threads=1", "--threads=2",
                "a", "b"));
        Args args = parse("--id", "3", "--title", "T", "a", "b", "--id=1", "--title", "U");
        assertEquals(List.of(3L, 1L), args.all(ID));
        assertEquals(List.of("T", "U"), args.all(TITLE));
        assertEquals(1L, args.get(ID), "the last value given");
        // in the order of the command line, the two options mixed
        StringBuilder order = new StringBuilder();
        for (Args.Given g : args.given()) {
            if (g.option() == ID) {
                order.append("id ").append(g.valueOf(ID)).append("; ");
            } else if (g.option() == TITLE) {
                order.append("title ").append(g.valueOf(TITLE)).append("; ");
                assertNull(g.valueOf(ID));
            }
        }
        assertEquals("id 3; title T; id 1; title U; ", order.toString());
    }

    @Test
    void positionalParameters() {
        Args args = parse("in.xml", "-q", "-");
        assertEquals(Path.of("in.xml"), args.get(IN));
        assertEquals("-", args.get(OUT), "- alone is an argument (standard output)");
        assertEquals("Missing required parameters: 'IN', 'OUT'", error());
        assertEquals("Missing required parameters: 'IN', 'OUT'", error("--force"));
        assertEquals("Missing required parameter: 'OUT'", error("a"));
        // the index in the whole command line, where the command's name is 0
        assertEquals("Unmatched argument at index 3: 'c'", error("a", "b", "c"));
        assertEquals("Unmatched arguments from index 4: 'c', 'd'", error("a", "--force", "b", "c", "d"));
        assertEquals("Invalid value for parameter 'IN': 'a\0b' is not a file name (Nul character not allowed)",
                error("a\0b", "b"));
    }

    @Test
    void doubleDashEndsTheOptions() {
        Args args = parse("-q", "--", "--force", "-k");
        assertEquals(Path.of("--force"), args.get(IN));
        assertEquals("-k", args.get(OUT));
        assertFalse(args.isSet(FORCE));
        assertFalse(args.isSet(KEEP));
        assertEquals("Unmatched argument at index 4: '--'", error("a", "--", "b", "--"));
    }

    @Test
    void parametersOfAnyNumberOfArguments() {
        Positional<Path> base = Positional.required("BASE", Option.PATH, "the dump");
        Positional<Path> rest = Positional.atLeast(2, "CHANGES... OUT", Option.PATH, "changes, then the output")
                .shownAs("CHANGES... OUT");
        CommandLineSpec spec = new CommandLineSpec("apply", null, "Apply.").positionals(base, rest).options(FORCE);
        Args args = parse(spec, "b", "c1", "--force", "c2", "out");
        assertEquals(Path.of("b"), args.get(base));
        assertEquals(List.of(Path.of("c1"), Path.of("c2"), Path.of("out")), args.all(rest));
        assertEquals(2, parse(spec, "b", "c", "o").all(rest).size());
        assertEquals("'CHANGES... OUT' needs at least 2 arguments, but only 1 was given: 'c'", error(spec, "b", "c"));
        assertEquals("Missing required parameter: 'CHANGES... OUT'", error(spec, "b"));
        assertEquals("Missing required parameters: 'BASE', 'CHANGES... OUT'", error(spec));

        // an optional parameter before others gets an argument only when there are enough for all
        Positional<String> first = Positional.optional("FIRST", Option.STRING, "optional");
        Positional<String> any = Positional.atLeast(0, "MORE", Option.STRING, "any number");
        Positional<String> last = Positional.required("LAST", Option.STRING, "required");
        CommandLineSpec three = new CommandLineSpec("three", null, "Three.").positionals(first, last, any);
        Args one = parse(three, "x");
        assertNull(one.get(first));
        assertEquals("x", one.get(last));
        assertEquals(List.of(), one.all(any));
        Args four = parse(three, "w", "x", "y", "z");
        assertEquals("w", four.get(first));
        assertEquals("x", four.get(last));
        assertEquals(List.of("y", "z"), four.all(any));
        assertEquals("Missing required parameter: 'LAST'", error(three));
    }

    @Test
    void exclusiveOptions() {
        Option<Boolean> a = Option.flag("--a", "one way");
        Option<Boolean> b = Option.flag("--b", "the other");
        CommandLineSpec required = new CommandLineSpec("pick", null, "Pick one.").oneOf(a, b);
        assertTrue(parse(required, "--a").isSet(a));
        assertTrue(parse(required, "--b").isSet(b));
        assertEquals("--a, --b are mutually exclusive (specify only one)", error(required, "--b", "--a"));
        assertEquals("Missing required argument (specify one of these): (--a | --b)", error(required));
        assertEquals("option '--a' should be specified only once", error(required, "--a", "--a"));
        // a flag turned off chooses nothing
        assertEquals("Missing required argument (specify one of these): (--a | --b)", error(required, "--a=false"));
        assertTrue(parse(required, "--a=false", "--b").isSet(b));

        Option<Integer> n = Option.intValue("--n", "N", "a number");
        CommandLineSpec optional = new CommandLineSpec("maybe", null, "Maybe one.").atMostOneOf(a, n);
        assertFalse(parse(optional).has(a));
        assertEquals(4, parse(optional, "--n=4").get(n));
        assertEquals("--a, --n are mutually exclusive (specify only one)", error(optional, "--n", "4", "--a"));
        assertThrows(IllegalArgumentException.class, () -> new CommandLineSpec("twice", null, "Twice.")
                .options(FORCE).oneOf(FORCE, a), "an option declared twice is a bug");
    }

    @Test
    void helpAndVersionWinOverErrors() {
        Args help = parse("--help");
        assertTrue(help.helpRequested(), "no IN and OUT: the help is asked for");
        assertTrue(parse("-h").helpRequested());
        assertTrue(parse("--frobnicate", "--threads", "x", "a", "b", "c", "--help").helpRequested());
        assertTrue(parse("-qh").helpRequested());
        assertTrue(parse("-h", "--help").helpRequested(), "given twice: still the help");
        Args version = parse("a", "-V");
        assertTrue(version.versionRequested());
        assertFalse(version.helpRequested());
        assertTrue(parse("--version", "--bogus").versionRequested());
        Args both = parse("-Vh");
        assertTrue(both.helpRequested());
        assertFalse(both.versionRequested(), "the help wins");
        // after --, --help is a file
        assertFalse(parse("--", "--help", "b").helpRequested());
        assertFalse(parse("a", "b").helpRequested());
        assertFalse(parse("a", "b").versionRequested());
        assertFalse(parse("a", "b").has(CommandLineSpec.HELP));

        Option<Boolean> ownHelp = Option.flag("-h", "--help", "Show the help of help.");
        CommandLineSpec noVersion = new CommandLineSpec("help", null, "Help.").helpOptions(ownHelp, null)
                .positionals(Positional.optional("COMMAND", Option.STRING, "a command"));
        assertTrue(parse(noVersion, "--help").helpRequested());
        assertEquals("Unknown option: '-V'", error(noVersion, "-V"));
        assertEquals("Unknown option: '--version'", error(noVersion, "--version"));
    }

    @Test
    void aSubcommandEndsTheProgramsOptions() {
        Positional<String> command = Positional.optional("COMMAND", Option.STRING, "the command");
        CommandLineSpec program = new CommandLineSpec("mwdump", null, "The program.").positionals(command)
                .subcommandFollows();
        String[] argv = {"-V", "info", "--json", "x"};
        Args args = program.parse(argv, 0);
        assertTrue(args.versionRequested());
        args = program.parse(new String[] {"info", "--json", "x"}, 0);
        assertEquals("info", args.get(command));
        assertEquals(1, args.end(), "the subcommand's arguments start after its name");
        args = program.parse(new String[] {"--", "info", "-h"}, 0);
        assertEquals("info", args.get(command));
        assertFalse(args.helpRequested(), "the subcommand's --help is not the program's");
        assertEquals(2, args.end());
        args = program.parse(new String[0], 0);
        assertNull(args.get(command));
        assertEquals(0, args.end());
        assertEquals("Unknown option: '--bogus'", assertThrows(UsageException.class,
                () -> program.parse(new String[] {"--bogus", "info"}, 0)).getMessage());
    }

    @Test
    void badDeclarationsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Option.flag("-quiet", "--quiet", "x"));
        assertThrows(IllegalArgumentException.class, () -> Option.flag("quiet", "x"));
        assertThrows(IllegalArgumentException.class, () -> Option.intValue("--a=b", "N", "x"));
        assertThrows(IllegalStateException.class, () -> FORCE.repeatable());
        assertThrows(IllegalArgumentException.class, () -> new CommandLineSpec("x", null, "X.")
                .options(Option.flag("-h", null, "not the help")));
        assertThrows(IllegalArgumentException.class, () -> Positional.atLeast(-1, "X", Option.STRING, "x"));
    }
}
