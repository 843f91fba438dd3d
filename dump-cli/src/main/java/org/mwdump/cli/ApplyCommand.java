package org.mwdump.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.mwdump.ApplyOptions;
import org.mwdump.ApplyResult;
import org.mwdump.Dumps;
import org.mwdump.index.IndexedDump;

/** {@code mwdump apply}: a dump with daily changes and change events applied. */
final class ApplyCommand implements Subcommand {
    static final Positional<Path> BASE = Positional.required("BASE", Option.PATH, "the dump to update");
    static final Positional<Path> CHANGES_AND_OUT = Positional.atLeast(2, "CHANGES... OUT", Option.PATH,
            "change files (at least one), then the output file").shownAs("CHANGES... OUT");
    static final Option<Boolean> STRICT = Option.flag("--strict",
            "a change that cannot be applied is an error (exit 1, no output)");
    static final Option<Boolean> CURRENT = Option.flag("--current",
            "BASE holds current revisions only (default: from its name: pages-articles, pages-meta-current)");
    static final Option<Boolean> HISTORY = Option.flag("--history", "BASE holds full histories, whatever its name says");
    static final Option<Integer> PAGES_PER_STREAM = Option.intValue("--pages-per-stream", "N",
            "pages per rewritten stream or frame (default 100)").withDefault(100);
    static final Option<Boolean> FORCE = Option.flag("--force", "replace OUT (and its index) if they exist");
    static final Option<Integer> THREADS = Option.intValue("--threads", "N", "threads (default, or 0: all cores)");

    /** What {@code mwdump apply} takes, and its help. */
    static final CommandLineSpec SPEC = new CommandLineSpec("apply", ApplyCommand::new,
            "Apply changes to a dump: write OUT, the dump BASE with the CHANGES applied, in BASE's format.",
            "CHANGES are adds-changes dumps (the new revisions of a day, as XML or any format convert reads) and "
                    + "JSON lines of mediawiki/page/change (or legacy mediawiki/revision/create) events, in any order: "
                    + "they are applied in the order of their event times (a dump's revisions: their timestamps), then "
                    + "revision ids. New revisions join their page in revision id order (a current-revision dump: "
                    + "replace its revision); new pages go in page id order; moves rename, deletions remove, "
                    + "undeletions restore, visibility changes hide text, comment or editor. A revision already there "
                    + "is skipped, and so is the deletion of a page the dump lacks, a visibility change it has already "
                    + "and a change to a page that a later deletion among the CHANGES removes, so applying the same "
                    + "changes twice changes nothing.",
            "A multistream bz2 or seekable zstd BASE with its index beside it, written to OUT of the same "
                    + "compression, keeps its layout: streams without a changed page are copied byte for byte, the "
                    + "others decoded, updated and compressed again on all threads, and the index is written beside "
                    + "OUT (as recompress names it). Other dumps are rewritten in one pass, compressed as OUT's name "
                    + "says.",
            "Prints a summary; each change that cannot be applied is named on stderr (an error with --strict). "
                    + "BASE is never modified: OUT (and the index beside it) must not be BASE, its index or a change "
                    + "file; OUT appears only when complete.")
            .positionals(BASE, CHANGES_AND_OUT).options(STRICT, CURRENT, HISTORY, PAGES_PER_STREAM, FORCE, THREADS);

    @Override
    public int run(Args args, PrintWriter stdout, PrintWriter err) throws java.io.IOException {
        Path base = args.get(BASE);
        List<Path> rest = args.all(CHANGES_AND_OUT);
        int pagesPerStream = args.get(PAGES_PER_STREAM);
        boolean history = args.isSet(HISTORY);
        Boolean current = args.get(CURRENT);
        if (pagesPerStream < 1) {
            throw new UsageException("--pages-per-stream must be at least 1");
        }
        if (history && Boolean.TRUE.equals(current)) {
            throw new UsageException("--current and --history exclude each other");
        }
        Path out = rest.get(rest.size() - 1);
        List<Path> changes = List.copyOf(rest.subList(0, rest.size() - 1));
        // before the refusal of an existing OUT, which --force would lift
        org.mwdump.index.DumpUpdater.refuseOverwritingInputs(base, changes, out);
        Path index = org.mwdump.index.DumpUpdater.indexBeside(out);
        Existing.refuse(args.isSet(FORCE), index == null ? new Path[] {out} : new Path[] {out, index});
        ApplyOptions options = ApplyOptions.DEFAULT.withStrict(args.isSet(STRICT)).withPagesPerStream(pagesPerStream)
                .withCurrent(history ? Boolean.FALSE : current)
                .withThreads(Threads.of(args.get(THREADS)));
        long start = System.nanoTime();
        ApplyResult r = Dumps.apply(base, changes, out, options);
        for (String line : r.notApplied()) {
            err.println("mwdump: not applied: " + line);
        }
        err.println("mwdump: " + r.summary());
        err.flush();
        stdout.println("streams copied: " + r.chunksCopied());
        stdout.println("streams rewritten: " + r.chunksRewritten());
        stdout.println("xml bytes decoded: " + (r.bytesDecoded() < 0 ? "all" : r.bytesDecoded()));
        stdout.println(Progress.secondsLine(start));
        // a page index built for an older OUT no longer fits it
        java.nio.file.Files.deleteIfExists(IndexedDump.pageIndexOf(out));
        return 0;
    }
}
