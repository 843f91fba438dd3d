package org.mwdump.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a command takes on its command line, declared in plain code: its name, the paragraphs that
 * describe it, its {@link Option options} (among them {@code -h, --help} and {@code -V, --version}), its
 * {@link Positional positional parameters} and the groups of options of which exactly one must be given.
 * {@link #parse} reads a command line against it into {@link Args}; {@link Usage} writes its help.
 *
 * <p>The rules of the command line:
 * <ul>
 *   <li>options and positional arguments may come in any order; {@code --} ends the options, every
 *       argument after it is positional; {@code -} alone is a positional argument (standard output or
 *       input, for the commands that take it);</li>
 *   <li>a value is given as {@code --opt VALUE} or {@code --opt=VALUE}; one-letter flags can be run
 *       together, {@code -qh}; a one-letter option that takes a value takes the rest of its word or the
 *       next argument, {@code -t4}, {@code -t=4}, {@code -t 4};</li>
 *   <li>the next argument is not taken as a value when it is one of the command's option names: the
 *       value is then missing;</li>
 *   <li>an option that is not {@linkplain Option#repeatable() repeatable} is given at most once;</li>
 *   <li>{@code --help} or {@code --version} anywhere among the options wins over any error: the help or the
 *       version is printed, and nothing else is checked.</li>
 * </ul>
 */
final class CommandLineSpec {
    /** The standard {@code -h, --help} option. */
    static final Option<Boolean> HELP = Option.flag("-h", "--help", "Show this help message and exit.");
    /** The standard {@code -V, --version} option. */
    static final Option<Boolean> VERSION = Option.flag("-V", "--version", "Print version information and exit.");

    /**
     * Options of which one at most is given ({@code --multistream | --seekable-zstd}), or exactly one
     * when it is required.
     *
     * @param options  the options, in the order the help lists them
     * @param required whether one of them must be given
     */
    record Exclusive(List<Option<?>> options, boolean required) {
        /**
         * The group as the usage line shows it: {@code (--a | --b)} when required, else {@code [--a | --b]}.
         *
         * @return the synopsis
         */
        String synopsis() {
            StringBuilder s = new StringBuilder(required ? "(" : "[");
            for (Option<?> o : options) {
                if (s.length() > 1) {
                    s.append(" | ");
                }
                s.append(Usage.optionSynopsis(o));
            }
            return s.append(required ? ")" : "]").toString();
        }
    }

    private final String name;
    private final List<String> description;
    private final Supplier<? extends Subcommand> factory;
    private final List<Option<?>> options = new ArrayList<>();
    private final List<Positional<?>> positionals = new ArrayList<>();
    private final List<Exclusive> exclusive = new ArrayList<>();
    private Option<Boolean> help = HELP;
    private Option<Boolean> version = VERSION;
    private boolean subcommandFollows;

    /**
     * A command with the standard help and version options and nothing else yet.
     *
     * @param name        the name the command is called by, {@code recompress}; for {@code mwdump} itself,
     *                    {@code mwdump}
     * @param factory     makes the command that runs with what is parsed, or {@code null} for a command
     *                    run by its caller
     * @param description the paragraphs that describe the command, for the help (the first one also in
     *                    the list of commands)
     */
    CommandLineSpec(String name, Supplier<? extends Subcommand> factory, String... description) {
        this.name = name;
        this.factory = factory;
        this.description = List.of(description);
        options.add(HELP);
        options.add(VERSION);
    }

    /**
     * Adds options.
     *
     * @param added the options, in any order (the help sorts them by name)
     * @return this spec
     */
    CommandLineSpec options(Option<?>... added) {
        for (Option<?> o : added) {
            for (Option<?> known : options) {
                if (o.shortName() != null && o.shortName().equals(known.shortName())
                        || o.longName() != null && o.longName().equals(known.longName())) {
                    throw new IllegalArgumentException(name + ": two options named " + o);
                }
            }
            options.add(o);
        }
        return this;
    }

    /**
     * Adds positional parameters, after those there are.
     *
     * @param added the parameters, in the order their arguments come
     * @return this spec
     */
    CommandLineSpec positionals(Positional<?>... added) {
        Collections.addAll(positionals, added);
        return this;
    }

    /**
     * Adds options of which exactly one must be given.
     *
     * @param members the options
     * @return this spec
     */
    CommandLineSpec oneOf(Option<?>... members) {
        options(members);
        exclusive.add(new Exclusive(List.of(members), true));
        return this;
    }

    /**
     * Adds options of which at most one may be given.
     *
     * @param members the options
     * @return this spec
     */
    CommandLineSpec atMostOneOf(Option<?>... members) {
        options(members);
        exclusive.add(new Exclusive(List.of(members), false));
        return this;
    }

    /**
     * Replaces the standard help and version options: for a command whose {@code --help} says something
     * else, or that has no {@code --version}.
     *
     * @param helpOption    the option that asks for the help
     * @param versionOption the option that asks for the version, or {@code null} for none
     * @return this spec
     */
    CommandLineSpec helpOptions(Option<Boolean> helpOption, Option<Boolean> versionOption) {
        options.remove(help);
        options.remove(version);
        help = helpOption;
        version = versionOption;
        options.add(0, helpOption);
        if (versionOption != null) {
            options.add(1, versionOption);
        }
        return this;
    }

    /**
     * Makes the first positional argument end the parsing: it names a subcommand, and the arguments after
     * it are the subcommand's, left for it to parse ({@link Args#end()}).
     *
     * @return this spec
     */
    CommandLineSpec subcommandFollows() {
        subcommandFollows = true;
        return this;
    }

    /**
     * The name the command is called by.
     *
     * @return the name
     */
    String name() {
        return name;
    }

    /**
     * The paragraphs that describe the command.
     *
     * @return the paragraphs
     */
    List<String> description() {
        return description;
    }

    /**
     * The options, the help and version options among them, in the order they were declared.
     *
     * @return the options
     */
    List<Option<?>> options() {
        return Collections.unmodifiableList(options);
    }

    /**
     * The positional parameters, in order.
     *
     * @return the parameters
     */
    List<Positional<?>> positionals() {
        return Collections.unmodifiableList(positionals);
    }

    /**
     * The groups of options that exclude each other.
     *
     * @return the groups
     */
    List<Exclusive> exclusive() {
        return Collections.unmodifiableList(exclusive);
    }

    /**
     * A new command, to run with what {@link #parse} gave.
     *
     * @return the command
     */
    Subcommand newCommand() {
        return factory.get();
    }

    /**
     * The option of that name, with its dashes.
     *
     * @param optionName {@code --threads}, {@code -q}
     * @return the option, or {@code null} when the command has none of that name
     */
    Option<?> option(String optionName) {
        for (Option<?> o : options) {
            if (o.hasName(optionName)) {
                return o;
            }
        }
        return null;
    }

    /**
     * Reads a command line.
     *
     * @param argv the whole command line ({@code main}'s arguments), for the positions messages give
     * @param from where this command's arguments start in it (after the subcommand's name)
     * @return what was given
     * @throws UsageException when the arguments do not fit this command, unless help or the version was
     *                        asked for: {@link Args#helpRequested()} and {@link Args#versionRequested()}
     *                        say so, and the arguments need not fit
     */
    Args parse(String[] argv, int from) {
        Args args = new Args(this);
        List<Integer> positional = new ArrayList<>();
        UsageException error = null;
        boolean optionsEnded = false;
        int i = from;
        while (i < argv.length) {
            String arg = argv[i++];
            if (optionsEnded || arg.length() < 2 || arg.charAt(0) != '-') {
                positional.add(i - 1);
                if (subcommandFollows) {
                    break;
                }
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            try {
                i = option(argv, i - 1, args);
            } catch (UsageException e) {
                if (error == null) {
                    error = e;
                }
            }
        }
        args.end(i);
        if (args.isSet(help) || version != null && args.isSet(version)) {
            return args;
        }
        if (error != null) {
            throw error;
        }
        assign(argv, positional, args);
        for (Exclusive group : exclusive) {
            List<String> given = new ArrayList<>();
            for (Option<?> o : group.options()) {
                // a flag turned off (--multistream=false) chooses nothing
                if (o.isFlag() ? Boolean.TRUE.equals(args.get(o)) : args.has(o)) {
                    given.add(o.name());
                }
            }
            if (given.size() > 1) {
                throw new UsageException(String.join(", ", given) + " are mutually exclusive (specify only one)");
            }
            if (given.isEmpty() && group.required()) {
                throw new UsageException("Missing required argument (specify one of these): " + group.synopsis());
            }
        }
        return args;
    }

    /**
     * Reads the option at {@code argv[at]} (a word of one or more dashes and a name), with its value.
     *
     * @return the index of the argument after the option and its value
     */
    private int option(String[] argv, int at, Args args) {
        String arg = argv[at];
        int eq = arg.indexOf('=');
        String optionName = eq < 0 ? arg : arg.substring(0, eq);
        Option<?> o = option(optionName);
        if (o != null) {
            return given(o, eq < 0 ? null : arg.substring(eq + 1), argv, at + 1, args);
        }
        if (arg.startsWith("--") || option(arg.substring(0, 2)) == null) {
            throw new UsageException("Unknown option: '" + optionName + "'", suggestion(optionName));
        }
        // one-letter options run together: -qh, or -t4 for one that takes a value
        for (int c = 1; c < arg.length(); c++) {
            Option<?> letter = option("-" + arg.charAt(c));
            if (letter == null) {
                throw new UsageException("Unknown option: '-" + arg.charAt(c) + "' (while processing option: '"
                        + arg + "')");
            }
            String rest = arg.substring(c + 1);
            if (!letter.isFlag() || rest.startsWith("=")) {
                String value = rest.startsWith("=") ? rest.substring(1) : rest.isEmpty() ? null : rest;
                return given(letter, value, argv, at + 1, args);
            }
            given(letter, null, argv, at + 1, args);
        }
        return at + 1;
    }

    /**
     * Records an option given with its value: the one attached to it ({@code --opt=VALUE}), else the next
     * argument when the option takes one.
     *
     * @return the index of the argument after the option and its value
     */
    private int given(Option<?> o, String attached, String[] argv, int next, Args args) {
        if (args.has(o) && !o.isRepeatable()) {
            throw new UsageException("option '" + o.name() + "'" + (o.isFlag() ? "" : " (" + o.label() + ")")
                    + " should be specified only once");
        }
        if (o.isFlag()) {
            args.add(o, attached == null ? Boolean.TRUE : o.convert(attached));
            return next;
        }
        if (attached != null) {
            args.add(o, o.convert(attached));
            return next;
        }
        if (next >= argv.length) {
            throw new UsageException("Missing required parameter for option '" + o.name() + "' (" + o.label() + ")");
        }
        String value = argv[next];
        if (isOptionName(value)) {
            throw new UsageException("Expected parameter for option '" + o.name() + "' but found '" + value + "'");
        }
        args.add(o, o.convert(value));
        return next + 1;
    }

    /** Whether an argument is one of this command's options, alone or with an attached value. */
    private boolean isOptionName(String arg) {
        int eq = arg.indexOf('=');
        return arg.startsWith("-") && option(eq < 0 ? arg : arg.substring(0, eq)) != null;
    }

    /** Gives the positional arguments to the positional parameters, in order, and converts them. */
    private void assign(String[] argv, List<Integer> given, Args args) {
        int needed = 0;
        for (Positional<?> p : positionals) {
            needed += p.min();
        }
        int extra = Math.max(0, given.size() - needed);
        int next = 0;
        List<String> missing = new ArrayList<>();
        for (Positional<?> p : positionals) {
            int take = Math.min(given.size() - next, p.min() + (int) Math.min(extra, (long) p.max() - p.min()));
            extra -= Math.max(0, take - p.min());
            if (take < p.min()) {
                if (take == 0) {
                    missing.add("'" + p.label() + "'");
                } else if (missing.isEmpty()) {
                    throw new UsageException("'" + p.label() + "' needs at least " + p.min() + " arguments, but only "
                            + take + (take == 1 ? " was" : " were") + " given: " + quoted(argv, given.subList(next,
                            next + take)));
                }
            }
            for (int k = 0; k < take; k++) {
                args.add(p, p.convert(argv[given.get(next + k)]));
            }
            next += take;
        }
        if (!missing.isEmpty()) {
            throw new UsageException("Missing required parameter" + (missing.size() == 1 ? "" : "s") + ": "
                    + String.join(", ", missing));
        }
        if (next < given.size()) {
            List<Integer> unmatched = given.subList(next, given.size());
            throw new UsageException("Unmatched argument" + (unmatched.size() == 1 ? " at index " : "s from index ")
                    + unmatched.get(0) + ": " + quoted(argv, unmatched));
        }
    }

    private static String quoted(String[] argv, List<Integer> indexes) {
        StringBuilder s = new StringBuilder();
        for (int i : indexes) {
            s.append(s.length() == 0 ? "'" : ", '").append(argv[i]).append('\'');
        }
        return s.toString();
    }

    /**
     * The options an unknown one was probably meant to be, as a hint: {@code Possible solutions: --quiet}.
     *
     * @return the hint, or {@code null} when no option is near enough
     */
    private String suggestion(String unknown) {
        if (!unknown.startsWith("--")) {
            return null;
        }
        List<String> near = new ArrayList<>();
        for (Option<?> o : options) {
            if (o.longName() != null && Usage.near(unknown.substring(2), o.longName().substring(2))) {
                near.add(o.longName());
            }
        }
        return near.isEmpty() ? null : "Possible solutions: " + String.join(", ", near);
    }

    /**
     * The option that asks for the help.
     *
     * @return the option
     */
    Option<Boolean> helpOption() {
        return help;
    }

    /**
     * The option that asks for the version.
     *
     * @return the option, or {@code null} when the command has none
     */
    Option<Boolean> versionOption() {
        return version;
    }
}
