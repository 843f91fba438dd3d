package org.mwdump.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mwdump.index.IndexedDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mwdump index}: builds the page index beside a dump. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Build (or rebuild with --force) the page index beside a dump: from Wikimedia's multistream "
                + "index file next to it when there is one, else by decoding the dump on all cores.",
                "An ordinary single-stream .bz2 dump also gets a block index (DUMP.mwbidx), which gives it random "
                        + "access and parallel decoding."})
final class IndexCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DUMP", description = "a multistream dump")
    Path dump;

    @Option(names = "--force", description = "rebuild an existing page index")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(dump)) {
            throw new java.nio.file.NoSuchFileException(dump.toString());
        }
        Path pageIndex = IndexedDump.pageIndexOf(dump);
        if (force) {
            Files.deleteIfExists(pageIndex);
            Files.deleteIfExists(org.mwdump.index.BlockIndex.of(dump));
        }
        long start = System.nanoTime();
        try (IndexedDump indexed = IndexedDump.open(dump)) {
            spec.commandLine().getOut().println("pages: " + indexed.size());
        }
        spec.commandLine().getOut().println("page index: " + pageIndex);
        if (Files.exists(org.mwdump.index.BlockIndex.of(dump))) {
            spec.commandLine().getOut().println("block index: " + org.mwdump.index.BlockIndex.of(dump));
        }
        spec.commandLine().getOut().printf("seconds: %.2f%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
