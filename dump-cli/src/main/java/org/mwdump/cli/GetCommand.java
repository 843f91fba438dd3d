package org.mwdump.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mwdump.Compression;
import org.mwdump.DumpException;
import org.mwdump.DumpFormat;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.WriteOptions;
import org.mwdump.index.IndexedDump;
import org.mwdump.index.IndexedPage;
import org.mwdump.model.PageEntry;

/** {@code mwdump get}: pages by id or title from an indexed dump. */
final class GetCommand implements Subcommand {
    static final Positional<Path> DUMP = Positional.required("DUMP", Option.PATH,
            "a bz2 dump (multistream or not) or a seekable zstd one");
    /** A page id: a whole number, spaces around it allowed. */
    static final Option<Long> ID = Option.value("--id", "N", text -> {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a page id");
        }
    }, "a page id").repeatable();
    static final Option<String> TITLE = Option.stringValue("--title", "T", "a page title, with namespace prefix, "
            + "matched as MediaWiki matches it (underscores or spaces, namespace names in any case, the first letter "
            + "as the namespace capitalises it)").repeatable();
    static final Option<String> TO = Option.stringValue("--to", "FORMAT", "xml (default), revdoc or revdoc-legacy")
            .withDefault("xml");
    static final Option<Boolean> NO_BUILD = Option.flag("--no-build", "fail, rather than build the page index, when "
            + "it is missing or was built from another version of the dump");

    /** What {@code mwdump get} takes, and its help. */
    static final CommandLineSpec SPEC = new CommandLineSpec("get", GetCommand::new,
            "Print pages of an indexed dump by id or title, as convert would write them (RevDoc: one line per "
                    + "revision), in the order asked for; --id and --title may be mixed and repeated.",
            "Builds the page index first if it is missing or stale, saying so on standard error (see mwdump index). "
                    + "Each page not found is named on standard error, and the exit status is then 1; when none is "
                    + "found nothing is written to standard output.")
            .positionals(DUMP).options(ID, TITLE, TO, NO_BUILD, IndexPlace.INDEX_DIR, Progress.QUIET);

    /** The formats get writes, as the command line spells them. */
    private static final String FORMATS = "xml, revdoc or revdoc-legacy";

    private Path dump;
    private boolean noBuild;

    /** One page asked for: by id or by title. */
    record Key(Long id, String title) {
        @Override
        public String toString() {
            return id != null ? "id " + id : "title \"" + title + "\"";
        }
    }

    @Override
    public int run(Args args, PrintWriter out, PrintWriter err) throws IOException {
        dump = args.get(DUMP);
        noBuild = args.isSet(NO_BUILD);
        String to = args.get(TO);
        // the pages asked for, in the order of the command line, --id and --title mixed
        List<Key> keys = new ArrayList<>();
        for (Args.Given given : args.given()) {
            if (given.option() == ID) {
                keys.add(new Key(given.valueOf(ID), null));
            } else if (given.option() == TITLE) {
                keys.add(new Key(null, given.valueOf(TITLE)));
            }
        }
        DumpFormat format;
        try {
            format = Formats.parse(to);
        } catch (IllegalArgumentException e) {
            // not Formats' list: get writes no Parquet
            throw new UsageException("unknown format " + to + " (expected " + FORMATS + ")");
        }
        if (format == DumpFormat.PARQUET) {
            throw new UsageException("get writes " + FORMATS);
        }
        if (keys.isEmpty()) {
            throw new UsageException("at least one --id or --title is required");
        }
        if (!Files.exists(dump)) {
            throw new java.nio.file.NoSuchFileException(dump.toString());
        }
        Progress progress = new Progress(err, args.isSet(Progress.QUIET));
        IndexedDump.Options options = IndexPlace.options(args).withBuild(!noBuild).withProgress(progress::update);
        IndexedDump.IndexFiles files = IndexedDump.indexFiles(dump, options);
        if (!files.current() && !noBuild) {
            // a file that cannot be indexed fails here, before the build is announced
            IndexedDump.checkIndexable(dump);
            err.println("building the page index " + IndexPlace.describe(files.pageIndex(), dump) + " ...");
            err.flush();
        }
        int missing = 0;
        IndexedDump opened;
        try {
            opened = open(options, files);
        } finally {
            progress.done();
        }
        try (IndexedDump indexed = opened) {
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
                out.flush();
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
