package org.mwdump.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import org.mwdump.DumpException;

/**
 * The {@code mwdump} command. Exit status: 0 when all went well, 1 for a problem in the data or a
 * file that cannot be read or written, 2 for a usage error.
 *
 * <p>The command line is read by {@link CommandLineSpec}: {@code mwdump [-hV] COMMAND ...}, where each
 * command declares what it takes in its {@code SPEC}. Only the command that runs is loaded: the others'
 * classes are loaded for the help of {@code mwdump} itself, which lists them.
 */
public final class Main {
    /** Exit status for a problem in the data or with a file. */
    public static final int DATA_PROBLEM = 1;
    /** Exit status for a command line that cannot be run as given. */
    public static final int USAGE_ERROR = 2;

    /** Exit status when standard output was closed by its reader, as a shell reports SIGPIPE. */
    public static final int CLOSED_OUTPUT = 141;
    /** Exit status after Ctrl-C or SIGTERM, as a shell reports SIGINT. */
    public static final int INTERRUPTED = 130;

    private static volatile boolean exiting;

    /**
     * Runs {@code mwdump} and exits with its exit status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        StandardOutput.processOutput = true;
        // Ctrl-C or SIGTERM: the JVM runs shutdown hooks; temporary outputs are removed before it exits
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!exiting) {
                org.mwdump.spi.OutputFiles.discardAll();
                // not on the line of a progress bar
                System.err.println((Progress.onScreen() ? "\n" : "") + "mwdump: interrupted");
                System.err.flush();
                Runtime.getRuntime().halt(INTERRUPTED);
            }
        }, "mwdump-interrupt"));
        int status;
        try {
            status = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        } catch (RuntimeException | Error e) {
            // errors (out of memory, a failed assertion), which run leaves to its caller
            exiting = true;
            org.mwdump.spi.OutputFiles.discardAll();
            System.err.println("mwdump: " + describe(e));
            traceIfAsked(e, new PrintWriter(System.err, true));
            status = DATA_PROBLEM;
        }
        exiting = true;
        System.exit(status);
    }

    /** The commands, in the order the help lists them. */
    static final List<String> COMMANDS = List.of("info", "validate", "convert", "get", "index", "recompress", "apply",
            "help");

    /** The exit statuses and what they mean, for the help. */
    private static final String[][] EXIT_STATUS = {{"0", "all went well"},
            {"1", "a problem in the data, or a file that cannot be read or written"},
            {"2", "usage error"},
            {"130", "interrupted (Ctrl-C or SIGTERM); no output file is left"},
            {"141", "standard output was closed by its reader"}};

    /** The first argument that is not an option of mwdump itself: the command. */
    private static final Positional<String> COMMAND = Positional.optional("COMMAND", Option.STRING,
            "the command to run");

    /** {@code mwdump} itself: {@code -h}, {@code -V} and the command. */
    static final CommandLineSpec PROGRAM = new CommandLineSpec("mwdump", null,
            "Read, convert, index and check MediaWiki database dumps.").positionals(COMMAND).subcommandFollows();

    /** The command that {@code mwdump help} describes. */
    private static final Positional<String> TOPIC = Positional.optional("COMMAND", Option.STRING,
            "the command to describe");

    /** {@code mwdump help [COMMAND]}. */
    static final CommandLineSpec HELP = new CommandLineSpec("help", null,
            "Display help information about the specified command.",
            "When no COMMAND is given, the help of mwdump itself is displayed; when a COMMAND is given, the "
                    + "help of that command, as mwdump COMMAND --help displays it.")
            .helpOptions(Option.flag("-h", "--help", "Show usage help for the help command and exit."), null)
            .positionals(TOPIC);

    /**
     * The command of that name. Only its class is loaded (and with it its options), not every command's.
     *
     * @param name what the command line says
     * @return its spec, or {@code null} when there is no such command
     */
    static CommandLineSpec command(String name) {
        return switch (name) {
            case "info" -> InfoCommand.SPEC;
            case "validate" -> ValidateCommand.SPEC;
            case "convert" -> ConvertCommand.SPEC;
            case "get" -> GetCommand.SPEC;
            case "index" -> IndexCommand.SPEC;
            case "recompress" -> RecompressCommand.SPEC;
            case "apply" -> ApplyCommand.SPEC;
            case "help" -> HELP;
            default -> null;
        };
    }

    /**
     * Runs the command in-process with the given output streams. A usage error prints its message and
     * the command's usage on {@code err}; {@code --help} and {@code --version} print on {@code out}.
     *
     * @param args the command line
     * @param out  standard output
     * @param err  standard error
     * @return the exit status
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // the command whose usage a usage error prints
        CommandLineSpec spec = PROGRAM;
        int status;
        try {
            Args program = PROGRAM.parse(args, 0);
            if (program.helpRequested()) {
                out.print(programHelp());
                status = 0;
            } else if (program.versionRequested()) {
                out.println(version());
                status = 0;
            } else {
                String name = program.get(COMMAND);
                if (name == null) {
                    throw new UsageException("a subcommand is required");
                }
                spec = known(name);
                Args parsed = spec.parse(args, program.end());
                if (parsed.helpRequested()) {
                    out.print(Usage.help(spec, "mwdump " + spec.name()));
                    status = 0;
                } else if (parsed.versionRequested()) {
                    out.println(version());
                    status = 0;
                } else if (spec == HELP) {
                    String topic = parsed.get(TOPIC);
                    spec = PROGRAM;
                    out.print(topic == null ? programHelp() : Usage.help(known(topic), "mwdump " + topic));
                    status = 0;
                } else {
                    ZstdNativeLibrary.loadIfUsed(args);
                    status = execute(spec.newCommand(), parsed, out, err);
                }
            }
        } catch (UsageException e) {
            err.println(e.getMessage());
            if (e.hint() != null) {
                err.println(e.hint());
            } else {
                err.print(spec == PROGRAM ? programHelp() : Usage.help(spec, "mwdump " + spec.name()));
            }
            status = USAGE_ERROR;
        }
        out.flush();
        err.flush();
        return status;
    }

    /**
     * The command of that name.
     *
     * @throws UsageException when there is none, suggesting those of a near name instead of the usage
     */
    private static CommandLineSpec known(String name) {
        CommandLineSpec spec = command(name);
        if (spec == null) {
            List<String> near = new ArrayList<>();
            for (String c : COMMANDS) {
                if (Usage.near(name, c)) {
                    near.add("mwdump " + c);
                }
            }
            throw new UsageException("Unknown command: '" + name + "'",
                    near.isEmpty() ? null : "Did you mean: " + String.join(" or ", near) + "?");
        }
        return spec;
    }

    /**
     * Runs a command: a failure other than a usage error is reported in one line on standard error (exit
     * status 1), or ends the command quietly when standard output was closed by its reader (exit status
     * 141). Errors (out of memory, a failed assertion) are left to {@link #main}.
     */
    private static int execute(Subcommand command, Args args, PrintWriter out, PrintWriter err) {
        try {
            return command.run(args, out, err);
        } catch (UsageException e) {
            throw e;
        } catch (Exception e) {
            if (StandardOutput.causedByClosedOutput(e)) {
                return CLOSED_OUTPUT; // the reader of our output has gone away: nothing to say to anyone
            }
            err.println("mwdump: " + describe(e));
            traceIfAsked(e, err);
            err.flush();
            return DATA_PROBLEM;
        }
    }

    /** The help of mwdump itself, which lists every command. */
    private static String programHelp() {
        List<CommandLineSpec> commands = new ArrayList<>();
        for (String c : COMMANDS) {
            commands.add(command(c));
        }
        return Usage.programHelp(PROGRAM, commands, EXIT_STATUS);
    }

    /**
     * One line saying what went wrong and where: no Java class names and no stack trace, which say
     * nothing to the user of a command (a bug in mwdump is called one, with its message).
     */
    static String describe(Throwable e) {
        if (e instanceof DumpException de) {
            return de.getMessage();
        }
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return describe(u.getCause());
        }
        if (e instanceof NoSuchFileException nf) {
            return nf.getFile() + ": no such file";
        }
        if (e instanceof AccessDeniedException ad) {
            return ad.getFile() + ": permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getFile() != null && fs.getReason() != null) {
            return fs.getFile() + ": " + fs.getReason();
        }
        if (e instanceof IOException) {
            return e.getMessage() == null || e.getMessage().isBlank() ? "input/output error" : e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory: give Java more (MWDUMP_JAVA_OPTS=-Xmx4g) or use fewer --threads";
        }
        String message = e.getMessage() == null || e.getMessage().isBlank() ? "no details"
                : e.getMessage().strip().lines().findFirst().orElse("");
        return "internal error (a bug in mwdump, please report it): " + message;
    }

    /**
     * With {@code MWDUMP_DEBUG} set (to anything but {@code 0}), the stack trace after the one-line
     * message, for a bug report.
     */
    static void traceIfAsked(Throwable e, PrintWriter err) {
        String debug = System.getenv("MWDUMP_DEBUG");
        if (debug != null && !debug.isEmpty() && !debug.equals("0")) {
            e.printStackTrace(err);
        }
    }

    /**
     * What {@code --version} prints: {@code mwdump} and the version from the jar manifest.
     *
     * @return the line
     */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return "mwdump " + (v == null ? "(development build)" : v);
    }
}
