package org.mwdump.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mwdump.index.IndexedDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mwdump index}: builds the page index of a dump. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Build (or rebuild with --force) the page index of a dump: from Wikimedia's multistream "
                + "index file next to it when there is one, else by decoding the dump on all cores. An index that "
                + "was built from another version of the dump (it records the dump's size and modification time) "
                + "is rebuilt.",
                "The index goes beside the dump, or to --index-dir, or, when the dump's directory cannot be "
                        + "written, to the per-user cache directory.",
                "An ordinary single-stream .bz2 dump also gets a block index (DUMP.mwbidx), which gives it random "
                        + "access and parallel decoding."})
final class IndexCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DUMP", description = "a multistream dump")
    Path dump;

    @Option(names = "--force", description = "rebuild the index even if it is up to date")
    boolean force;

    @Mixin
    IndexPlace place;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(dump)) {
            throw new java.nio.file.NoSuchFileException(dump.toString());
        }
        IndexedDump.Options options = place.options();
        long start = System.nanoTime();
        IndexedDump.IndexFiles files = force ? IndexedDump.buildIndex(dump, options)
                : IndexedDump.indexFiles(dump, options);
        PrintWriter out = spec.commandLine().getOut();
        try (IndexedDump indexed = IndexedDump.open(dump, options)) {
            out.println("pages: " + indexed.size());
        }
        out.println("page index: " + files.pageIndex());
        if (Files.exists(files.blockIndex())) {
            out.println("block index: " + files.blockIndex());
        }
        out.printf("seconds: %.2f%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
