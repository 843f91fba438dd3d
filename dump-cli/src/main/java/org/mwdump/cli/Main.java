package org.mwdump.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.mwdump.DumpException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mwdump} command. Exit status: 0 when all went well, 1 for a problem in the data or a
 * file that cannot be read or written, 2 for a usage error.
 */
@Command(name = "mwdump", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Read, convert, index and check MediaWiki database dumps.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {" 0:all went well", " 1:a problem in the data, or a file that cannot be read or written",
                " 2:usage error", " 130:interrupted (Ctrl-C or SIGTERM); no output file is left",
                " 141:standard output was closed by its reader"})
public final class Main implements Runnable {
    /** Exit status for a problem in the data or with a file. */
    public static final int DATA_PROBLEM = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** Exit status when standard output was closed by its reader, as a shell reports SIGPIPE. */
    public static final int CLOSED_OUTPUT = 141;
    /** Exit status after Ctrl-C or SIGTERM, as a shell reports SIGINT. */
    public static final int INTERRUPTED = 130;

    private static volatile boolean exiting;

    /** picocli's system property naming built-in converters not to register (regular expressions). */
    static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";
    /** The built-in converters of types that no option of mwdump has. */
    static final String UNUSED_CONVERTERS = "java\\.sql\\..*,java\\.time\\..*,java\\.net\\..*,"
            + "java\\.nio\\.charset\\..*,java\\.util\\.(Currency|TimeZone|UUID|regex\\.Pattern)";

    public static void main(String[] args) {
        StandardOutput.processOutput = true;
        // picocli registers converters for types no option here has (java.time, java.sql, ...) by loading
        // and initialising those classes, a noticeable part of the start of every run; options are
        // strings, numbers and paths
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, UNUSED_CONVERTERS);
        }
        // Ctrl-C or SIGTERM: the JVM runs shutdown hooks; temporary outputs are removed before it exits
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!exiting) {
                org.mwdump.spi.OutputFiles.discardAll();
                System.err.println("mwdump: interrupted");
                System.err.flush();
                Runtime.getRuntime().halt(INTERRUPTED);
            }
        }, "mwdump-interrupt"));
        int status;
        try {
            status = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        } catch (RuntimeException | Error e) {
            // errors (out of memory, a failed assertion) are not handed to the execution exception handler
            exiting = true;
            org.mwdump.spi.OutputFiles.discardAll();
            System.err.println("mwdump: " + describe(e));
            traceIfAsked(e, new PrintWriter(System.err, true));
            status = DATA_PROBLEM;
        }
        exiting = true;
        System.exit(status);
    }

    /** The subcommands, in the order the help lists them. */
    private static final java.util.Map<String, java.util.function.Supplier<Object>> SUBCOMMANDS;

    static {
        java.util.Map<String, java.util.function.Supplier<Object>> m = new java.util.LinkedHashMap<>();
        m.put("info", InfoCommand::new);
        m.put("validate", ValidateCommand::new);
        m.put("convert", ConvertCommand::new);
        m.put("get", GetCommand::new);
        m.put("index", IndexCommand::new);
        m.put("recompress", RecompressCommand::new);
        m.put("apply", ApplyCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        SUBCOMMANDS = java.util.Collections.unmodifiableMap(m);
    }

    /** Runs the command in-process with the given output streams; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        // picocli reads a command's annotations when it is added, which takes a noticeable part of a
        // second for all of them: a run of one subcommand adds only that one
        String first = args.length > 0 ? args[0] : "";
        if (SUBCOMMANDS.containsKey(first) && !first.equals("help")) {
            cl.addSubcommand(first, SUBCOMMANDS.get(first).get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (StandardOutput.causedByClosedOutput(e)) {
                return CLOSED_OUTPUT; // the reader of our output has gone away: nothing to say to anyone
            }
            commandLine.getErr().println("mwdump: " + describe(e));
            traceIfAsked(e, commandLine.getErr());
            commandLine.getErr().flush();
            return DATA_PROBLEM;
        });
        int status = cl.execute(args);
        out.flush();
        err.flush();
        return status;
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

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"mwdump " + (v == null ? "(development build)" : v)};
        }
    }
}
