package org.mwdump.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.mwdump.Compression;
import org.mwdump.DumpFormat;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.ReadOptions;
import org.mwdump.WriteOptions;
import org.mwdump.index.ParallelDumps;

/** {@code mwdump convert}: any readable dump into XML, RevDoc or Parquet. */
final class ConvertCommand implements Subcommand {
    static final Positional<Path> IN = Positional.required("IN", Option.PATH,
            "the input dump (any format and compression)");
    static final Positional<String> OUT = Positional.required("OUT", Option.STRING,
            "the output file, or - for standard output (RevDoc JSON lines by default)");
    static final Option<String> TO = Option.stringValue("--to", "FORMAT", "xml, revdoc, revdoc-legacy or parquet");
    static final Option<String> COMPRESS = Option.stringValue("--compress", "CODEC",
            "none, bz2, gz, xz or zst (default: from OUT)");
    static final Option<Integer> THREADS = Option.intValue("--threads", "N",
            "threads for decoding, parsing and writing (default, or 0: the number of processors, "
                    + ParallelDumps.defaultThreads() + ")").withDefault(ParallelDumps.defaultThreads());
    static final Option<Boolean> FORCE = Option.flag("--force", "replace OUT if it exists");

    /** What {@code mwdump convert} takes, and its help. */
    static final CommandLineSpec SPEC = new CommandLineSpec("convert", ConvertCommand::new,
            "Convert a dump to MediaWiki XML, RevDoc JSON lines or Parquet.",
            "The output format and compression come from --to/--compress or from OUT's extension (.jsonl.zst, "
                    + ".xml.bz2, .parquet, ...). OUT '-' is standard output: RevDoc JSON lines unless --to says "
                    + "otherwise. The output file appears only when complete.")
            .positionals(IN, OUT).options(TO, COMPRESS, THREADS, FORCE, Progress.QUIET);

    private static final String SEVEN_Z_OUTPUT = "7z output is not supported: write bz2, gz, xz or zst";

    @Override
    public int run(Args args, PrintWriter outWriter, PrintWriter err) {
        Path in = args.get(IN);
        String out = args.get(OUT);
        String to = args.get(TO);
        String compress = args.get(COMPRESS);
        boolean quiet = args.isSet(Progress.QUIET);
        boolean stdout = "-".equals(out);
        DumpFormat format;
        try {
            // standard output without --to: RevDoc JSON lines, the line-oriented format pipes expect
            format = to != null ? Formats.parse(to) : stdout ? DumpFormat.REVDOC : Formats.fromFileName(out);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (format == null) {
            throw new UsageException("cannot tell the output format from '" + out + "': use --to");
        }
        // Parquet compresses its own pages (zstd by default): only an explicit --compress changes its codec
        Compression compression = compress != null ? compression(compress)
                : format == DumpFormat.PARQUET ? null
                : stdout ? Compression.NONE : Compression.fromFileName(out);
        if (format == DumpFormat.PARQUET && compression != null && compression != Compression.NONE
                && compression != Compression.GZIP && compression != Compression.ZSTD) {
            throw new UsageException("Parquet compresses its pages with zstd, "
                    + "gzip or none, not " + Formats.name(compression));
        }
        if (compression == Compression.SEVEN_Z) {
            // mwdump reads 7z but does not write it: a usage error, as --compress 7z is
            throw new UsageException(SEVEN_Z_OUTPUT);
        }
        int n = Threads.of(args.get(THREADS));
        WriteOptions options = WriteOptions.builder().compression(compression).threads(n).build();
        if (!stdout) {
            Existing.refuseUnlessSpecial(args.isSet(FORCE), Path.of(out));
        }
        Progress progress = new Progress(err, quiet);
        long entries;
        DumpWriter writer = stdout ? Dumps.create(StandardOutput.forConversion(), format, options)
                : Dumps.create(Path.of(out), format, options);
        try {
            ParallelDumps.CopyStats stats = ParallelDumps.copy(in, writer, n, ReadOptions.DEFAULT,
                    progress::update);
            entries = stats.entries();
            if (n > 1 && !stats.parallel() && !quiet) {
                err.println("mwdump: note: " + in.getFileName() + (java.nio.file.Files.isRegularFile(in)
                        ? " is not MediaWiki XML that can be split" : " is not a file (a pipe cannot be split)")
                        + ": it was read on one thread");
            }
            writer.finish();
        } catch (RuntimeException | Error e) {
            writer.abort();
            throw e;
        }
        progress.done();
        if (!quiet && !stdout) {
            err.println("wrote " + entries + " revisions to " + out);
        }
        return 0;
    }

    private static Compression compression(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "none" -> Compression.NONE;
            case "bz2", "bzip2" -> Compression.BZIP2;
            case "gz", "gzip" -> Compression.GZIP;
            case "xz" -> Compression.XZ;
            case "zst", "zstd" -> Compression.ZSTD;
            case "7z" -> throw new UsageException(SEVEN_Z_OUTPUT);
            default -> throw new UsageException("unknown compression " + name);
        };
    }
}
