package org.mwdump.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mwdump.index.IndexedDump;

/** {@code mwdump index}: builds the page index of a dump. */
final class IndexCommand implements Subcommand {
    static final Positional<Path> DUMP = Positional.required("DUMP", Option.PATH, "a multistream dump");
    static final Option<Boolean> FORCE = Option.flag("--force", "rebuild the index even if it is up to date");

    /** What {@code mwdump index} takes, and its help. */
    static final CommandLineSpec SPEC = new CommandLineSpec("index", IndexCommand::new,
            "Build (or rebuild with --force) the page index of a dump: from Wikimedia's multistream index file next "
                    + "to it when there is one, else by decoding the dump on all cores. An index that was built from "
                    + "another version of the dump (it records the dump's size and modification time) is rebuilt.",
            "The index goes beside the dump, or to --index-dir, or, when the dump's directory cannot be written, "
                    + "to the per-user cache directory.",
            "An ordinary single-stream .bz2 dump also gets a block index (DUMP.mwbidx), which gives it random access "
                    + "and parallel decoding.")
            .positionals(DUMP).options(FORCE, IndexPlace.INDEX_DIR, Progress.QUIET);

    @Override
    public int run(Args args, PrintWriter out, PrintWriter err) throws IOException {
        Path dump = args.get(DUMP);
        boolean force = args.isSet(FORCE);
        if (!Files.exists(dump)) {
            throw new java.nio.file.NoSuchFileException(dump.toString());
        }
        Progress progress = new Progress(err, args.isSet(Progress.QUIET));
        IndexedDump.Options options = IndexPlace.options(args).withProgress(progress::update);
        long start = System.nanoTime();
        IndexedDump.IndexFiles files;
        int pages;
        try {
            files = force ? IndexedDump.buildIndex(dump, options) : IndexedDump.indexFiles(dump, options);
            try (IndexedDump indexed = IndexedDump.open(dump, options)) {
                pages = indexed.size();
            }
        } finally {
            progress.done();
        }
        out.println("pages: " + pages);
        out.println("page index: " + files.pageIndex());
        if (Files.exists(files.blockIndex())) {
            out.println("block index: " + files.blockIndex());
        }
        out.println(Progress.secondsLine(start));
        return 0;
    }
}
