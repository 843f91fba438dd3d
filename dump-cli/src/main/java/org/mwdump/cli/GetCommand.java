package org.mwdump.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Stack;
import java.util.concurrent.Callable;
import org.mwdump.Compression;
import org.mwdump.DumpException;
import org.mwdump.DumpFormat;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.WriteOptions;
import org.mwdump.index.IndexedDump;
import org.mwdump.index.IndexedPage;
import org.mwdump.model.PageEntry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mwdump get}: pages by id or title from an indexed dump. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"Print pages of an indexed dump by id or title, as convert would write them "
                + "(RevDoc: one line per revision), in the order asked for; --id and --title may be mixed and repeated.",
                "Builds the page index first if it is missing or stale, saying so on standard error (see mwdump "
                        + "index). Each page not found is named on standard error, and the exit status is then 1; "
                        + "when none is found nothing is written to standard output."})
final class GetCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DUMP", description = "a bz2 dump (multistream or not) or a seekable zstd one")
    Path dump;

    /** The pages asked for, in the order of the command line: --id and --title fill it through {@link Keys}. */
    final List<Key> keys = new ArrayList<>();

    @Option(names = "--id", paramLabel = "N", description = "a page id", parameterConsumer = Keys.class)
    List<Long> ids;

    @Option(names = "--title", paramLabel = "T", description = "a page title, with namespace prefix, matched as "
            + "MediaWiki matches it (underscores or spaces, namespace names in any case, the first letter as the "
            + "namespace capitalises it)",
            parameterConsumer = Keys.class)
    List<String> titles;

    /** The formats get writes, as the command line spells them. */
    private static final String FORMATS = "xml, revdoc or revdoc-legacy";

    @Option(names = "--to", paramLabel = "FORMAT", defaultValue = "xml", description = "xml (default), revdoc or "
            + "revdoc-legacy")
    String to;

    @Option(names = "--no-build", description = "fail, rather than build the page index, when it is missing or "
            + "was built from another version of the dump")
    boolean noBuild;

    @Mixin
    IndexPlace place;

    @Spec
    CommandSpec spec;

    /** One page asked for: by id or by title. */
    record Key(Long id, String title) {
        @Override
        public String toString() {
            return id != null ? "id " + id : "title \"" + title + "\"";
        }
    }

    /** Adds each --id and --title to {@link #keys} as it is met, so that mixed options keep their order. */
    static final class Keys implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            String option = ((CommandLine.Model.OptionSpec) argSpec).longestName();
            if (args.isEmpty()) {
                throw new CommandLine.ParameterException(commandSpec.commandLine(),
                        "Missing required parameter for option '" + option + "' (" + argSpec.paramLabel() + ")");
            }
            String value = args.pop();
            GetCommand get = (GetCommand) commandSpec.userObject();
            if (option.equals("--id")) {
                try {
                    get.keys.add(new Key(Long.parseLong(value.strip()), null));
                } catch (NumberFormatException e) {
                    throw new CommandLine.ParameterException(commandSpec.commandLine(),
                            "Invalid value for option '--id': '" + value + "' is not a page id");
                }
            } else {
                get.keys.add(new Key(null, value));
            }
        }
    }

    @Override
    public Integer call() throws IOException {
        DumpFormat format;
        try {
            format = Formats.parse(to);
        } catch (IllegalArgumentException e) {
            // not Formats' list: get writes no Parquet
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown format " + to + " (expected "
                    + FORMATS + ")");
        }
        if (format == DumpFormat.PARQUET) {
            throw new CommandLine.ParameterException(spec.commandLine(), "get writes " + FORMATS);
        }
        if (keys.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "at least one --id or --title is required");
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.exists(dump)) {
            throw new java.nio.file.NoSuchFileException(dump.toString());
        }
        IndexedDump.Options options = place.options().withBuild(!noBuild);
        IndexedDump.IndexFiles files = IndexedDump.indexFiles(dump, options);
        if (!files.current() && !noBuild) {
            // a file that cannot be indexed fails here, before the build is announced
            IndexedDump.checkIndexable(dump);
            err.println("building the page index " + IndexPlace.describe(files.pageIndex(), dump) + " ...");
            err.flush();
        }
        int missing = 0;
        try (IndexedDump indexed = open(options, files)) {
            // ids in one batch (each stream decoded once), titles one by one; written in the order asked
            List<Long> wantedIds = keys.stream().filter(k -> k.id() != null).map(Key::id).toList();
            Map<Long, IndexedPage> byId = indexed.byIds(wantedIds);
            List<IndexedPage> found = new ArrayList<>();
            for (Key key : keys) {
                Optional<IndexedPage> page = key.id() != null ? Optional.ofNullable(byId.get(key.id()))
                        : indexed.byTitle(key.title());
                if (page.isPresent()) {
                    found.add(page.get());
                } else {
                    missing++;
                    err.println("mwdump: not found: " + key);
                }
            }
            err.flush();
            if (!found.isEmpty()) {
                spec.commandLine().getOut().flush();
                DumpWriter writer = Dumps.create(new StandardOutput(), format,
                        WriteOptions.builder().compression(Compression.NONE).build());
                writer.writeSiteInfo(indexed.siteInfo());
                for (IndexedPage page : found) {
                    writer.writePage(page.page());
                    for (PageEntry e : page.entries()) {
                        writer.write(e);
                    }
                }
                writer.finish();
            }
        }
        return missing == 0 ? 0 : Main.DATA_PROBLEM;
    }

    private IndexedDump open(IndexedDump.Options options, IndexedDump.IndexFiles files) throws IOException {
        try {
            return IndexedDump.open(dump, options);
        } catch (DumpException e) {
            if (noBuild && !files.current()) {
                throw new DumpException(e.reason() + "; run mwdump index first", e.location(), e);
            }
            throw e;
        }
    }
}
