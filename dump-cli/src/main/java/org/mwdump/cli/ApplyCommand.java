package org.mwdump.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mwdump.ApplyOptions;
import org.mwdump.ApplyResult;
import org.mwdump.Dumps;
import org.mwdump.index.IndexedDump;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mwdump apply}: a dump with daily changes and change events applied. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply changes to a dump: write OUT, the dump BASE with the CHANGES applied, in BASE's format.",
                "CHANGES are adds-changes dumps (the new revisions of a day, as XML or any format convert reads) and "
                + "JSON lines of mediawiki/page/change (or legacy mediawiki/revision/create) events, in any order: "
                + "they are applied in the order of their event times (a dump's revisions: their timestamps), then "
                + "revision ids. New revisions join their page in revision id order (a current-revision dump: "
                + "replace its revision); new pages go in page id order; moves rename, deletions remove, "
                + "undeletions restore, visibility changes hide text, comment or editor. A revision already there "
                + "is skipped, and so is the deletion of a page the dump lacks, a visibility change it has already and "
                + "a change to a page that a later deletion among the CHANGES removes, "
                + "so applying the same changes twice changes nothing.",
                "A multistream bz2 or seekable zstd BASE with its index beside it, written to OUT of the same "
                + "compression, keeps its layout: streams without a changed page are copied byte for byte, the "
                + "others decoded, updated and compressed again on all threads, and the index is written beside OUT "
                + "(as recompress names it). Other dumps are rewritten in one pass, compressed as OUT's name says.",
                "Prints a summary; each change that cannot be applied is named on stderr (an error with --strict). "
                + "BASE is never modified: OUT (and the index beside it) must not be BASE, its index or a change file; "
                + "OUT appears only when complete."})
final class ApplyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BASE", description = "the dump to update")
    Path base;

    @Parameters(index = "1..*", arity = "2..*", paramLabel = "CHANGES... OUT", hideParamSyntax = true,
            description = "change files (at least one), then the output file")
    List<Path> rest;

    @Option(names = "--strict", description = "a change that cannot be applied is an error (exit 1, no output)")
    boolean strict;

    @Option(names = "--current", description = "BASE holds current revisions only (default: from its name: "
            + "pages-articles, pages-meta-current)")
    Boolean current;

    @Option(names = "--history", description = "BASE holds full histories, whatever its name says")
    boolean history;

    @Option(names = "--pages-per-stream", paramLabel = "N", defaultValue = "100",
            description = "pages per rewritten stream or frame (default 100)")
    int pagesPerStream;

    @Option(names = "--force", description = "replace OUT (and its index) if they exist")
    boolean force;

    @Option(names = "--threads", paramLabel = "N", description = "threads (default, or 0: all cores)")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        if (pagesPerStream < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pages-per-stream must be at least 1");
        }
        if (history && Boolean.TRUE.equals(current)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--current and --history exclude each other");
        }
        Path out = rest.get(rest.size() - 1);
        List<Path> changes = List.copyOf(rest.subList(0, rest.size() - 1));
        // before the refusal of an existing OUT, which --force would lift
        org.mwdump.index.DumpUpdater.refuseOverwritingInputs(base, changes, out);
        Path index = org.mwdump.index.DumpUpdater.indexBeside(out);
        Existing.refuse(force, index == null ? new Path[] {out} : new Path[] {out, index});
        ApplyOptions options = ApplyOptions.DEFAULT.withStrict(strict).withPagesPerStream(pagesPerStream)
                .withCurrent(history ? Boolean.FALSE : current)
                .withThreads(Threads.of(spec, threads));
        long start = System.nanoTime();
        ApplyResult r = Dumps.apply(base, changes, out, options);
        PrintWriter err = spec.commandLine().getErr();
        for (String line : r.notApplied()) {
            err.println("mwdump: not applied: " + line);
        }
        err.println("mwdump: " + r.summary());
        err.flush();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("streams copied: " + r.chunksCopied());
        stdout.println("streams rewritten: " + r.chunksRewritten());
        stdout.println("xml bytes decoded: " + (r.bytesDecoded() < 0 ? "all" : r.bytesDecoded()));
        stdout.printf("seconds: %.2f%n", (System.nanoTime() - start) / 1e9);
        // a page index built for an older OUT no longer fits it
        java.nio.file.Files.deleteIfExists(IndexedDump.pageIndexOf(out));
        return 0;
    }
}
