package org.mwdump.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mwdump.Compression;
import org.mwdump.DumpFormat;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.WriteOptions;
import org.mwdump.index.IndexedDump;
import org.mwdump.index.IndexedPage;
import org.mwdump.model.PageEntry;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mwdump get}: pages by id or title from an indexed dump. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"Print pages of an indexed dump by id or title, as convert would write them "
                + "(RevDoc: one line per revision).",
                "Builds the page index first if it is missing, saying so on standard error. Exits with 1 if a page "
                        + "is not found."})
final class GetCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DUMP", description = "a multistream dump with its index beside it")
    Path dump;

    @ArgGroup(exclusive = false, multiplicity = "1..*")
    List<Key> keys;

    static final class Key {
        @Option(names = "--id", paramLabel = "N", description = "a page id") Long id;
        @Option(names = "--title", paramLabel = "T", description = "a page title, with namespace prefix") String title;
    }

    @Option(names = "--to", paramLabel = "FORMAT", defaultValue = "xml", description = "xml (default) or revdoc")
    String to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        DumpFormat format = Formats.parse(to);
        if (format == DumpFormat.PARQUET) {
            throw new CommandLine.ParameterException(spec.commandLine(), "get writes xml or revdoc");
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.exists(dump)) {
            throw new java.nio.file.NoSuchFileException(dump.toString());
        }
        if (!Files.exists(IndexedDump.pageIndexOf(dump))) {
            err.println("building the page index " + IndexedDump.pageIndexOf(dump).getFileName() + " ...");
            err.flush();
        }
        int missing = 0;
        try (IndexedDump indexed = IndexedDump.open(dump)) {
            spec.commandLine().getOut().flush();
            DumpWriter writer = Dumps.create(ConvertCommand.uncloseable(System.out), format,
                    WriteOptions.builder().compression(Compression.NONE).build());
            writer.writeSiteInfo(indexed.siteInfo());
            for (Key key : keys) {
                Optional<IndexedPage> page = key.id != null ? indexed.byId(key.id) : indexed.byTitle(key.title);
                if (page.isEmpty()) {
                    missing++;
                    err.println("mwdump: " + dump + ": no page " + (key.id != null ? "with id " + key.id
                            : "titled \"" + key.title + "\""));
                    continue;
                }
                writer.writePage(page.get().page());
                for (PageEntry e : page.get().entries()) {
                    writer.write(e);
                }
            }
            writer.finish();
        }
        return missing == 0 ? 0 : Main.DATA_PROBLEM;
    }
}
