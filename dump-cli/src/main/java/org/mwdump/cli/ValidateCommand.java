package org.mwdump.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mwdump.DumpException;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.ReadOptions;
import org.mwdump.index.IndexEntry;
import org.mwdump.index.IndexedDump;
import org.mwdump.index.IndexedPage;
import org.mwdump.index.MultistreamIndex;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.Sha1Base36;
import org.mwdump.model.Slot;

/** {@code mwdump validate}: structure, content hashes, index consistency. */
final class ValidateCommand implements Subcommand {
    static final Positional<Path> DUMP = Positional.required("DUMP", Option.PATH, "the dump file");
    static final Option<Boolean> STRICT = Option.flag("--strict", "read with the strict reader: unknown elements and "
            + "other deviations from the schema are problems");

    /** What {@code mwdump validate} takes, and its help. */
    static final CommandLineSpec SPEC = new CommandLineSpec("validate", ValidateCommand::new,
            "Check a dump: its structure, the sha1 of every revision whose text is present against the recorded "
                    + "sha1, and, for a multistream dump with an index beside it, that every index line points at "
                    + "its page.",
            "Prints a count of each kind of problem; exits with 1 when there is any.")
            .positionals(DUMP).options(Progress.QUIET, STRICT);

    private Path dump;

    @Override
    public int run(Args args, PrintWriter out, PrintWriter err) {
        dump = args.get(DUMP);
        boolean quiet = args.isSet(Progress.QUIET);
        boolean strict = args.isSet(STRICT);
        Map<String, Long> problems = new TreeMap<>();
        long pages = 0;
        long revisions = 0;
        long checked = 0;
        Map<String, Long> unchecked = new TreeMap<>();
        Progress progress = new Progress(err, quiet);
        ReadOptions options = strict ? ReadOptions.builder().strict(true).build() : ReadOptions.DEFAULT;
        try (DumpReader r = Dumps.open(dump, options)) {
            for (Page p = r.nextPage(); p != null; p = r.nextPage()) {
                pages++;
                progress.page(r);
                for (PageEntry e = r.nextEntry(); e != null; e = r.nextEntry()) {
                    if (e instanceof Revision rev) {
                        revisions++;
                        checked += checkSha1(rev, problems, unchecked, err);
                    }
                }
            }
            while (r.nextLogItem() != null) {
                // log items have no content to check; reading them checks their structure
            }
            if (strict) {
                r.skippedElements().forEach((k, v) -> problems.merge("unknown element " + k, v, Long::sum));
            }
        } catch (DumpException e) {
            if (e.getClass() == DumpException.class && e.getCause() instanceof java.io.IOException) {
                // the dump could not be read (a disk error, a missing file): nothing is known of its structure
                throw e;
            }
            if (e instanceof org.mwdump.UnsupportedDumpException && pages == 0) {
                // not a dump at all (or one of a kind nothing here reads): refused with the line every
                // command gives, and no counts of a dump there is not
                throw e;
            }
            problems.merge("structure", 1L, Long::sum);
            err.println("mwdump: " + e.getMessage());
        }
        progress.done();
        Optional<Path> index = IndexedDump.multistreamIndexOf(dump);
        long indexLines = 0;
        if (index.isPresent()) {
            indexLines = checkIndex(index.get(), problems, err);
        }
        out.println("pages: " + pages);
        out.println("revisions: " + revisions);
        out.println("sha1 checked: " + checked);
        unchecked.forEach((why, n) -> out.println("sha1 not checked (" + why + "): " + n));
        if (index.isPresent()) {
            out.println("index lines checked: " + indexLines);
        }
        problems.forEach((k, v) -> out.println("problem " + k + ": " + v));
        long total = problems.values().stream().mapToLong(Long::longValue).sum();
        out.println("problems: " + total);
        return total == 0 ? 0 : Main.DATA_PROBLEM;
    }

    /**
     * Compares recorded and computed hashes of each slot with text; returns how many were checked and
     * counts, by reason, the slots that could not be.
     */
    private static int checkSha1(Revision rev, Map<String, Long> problems, Map<String, Long> unchecked,
                                 PrintWriter err) {
        int checked = 0;
        for (Slot slot : rev.slots()) {
            String why = null;
            if (slot.text() == null) {
                why = "no text element";
            } else if (slot.text().deleted()) {
                why = "text deleted";
            } else if (!slot.text().hasContent()) {
                why = slot.text().location() != null || slot.text().textId() != null ? "stub" : "text absent";
            }
            String recorded = slot.text() == null ? null : slot.text().sha1();
            if (recorded == null && rev.slots().size() == 1) {
                recorded = rev.sha1();
            }
            if (why == null && (recorded == null || recorded.isEmpty())) {
                why = "no recorded sha1";
            }
            if (why != null) {
                unchecked.merge(why, 1L, Long::sum);
                continue;
            }
            checked++;
            java.nio.ByteBuffer utf8 = slot.text().contentUtf8();
            byte[] content = new byte[utf8.remaining()];
            utf8.get(content);
            String actual = Sha1Base36.of(content);
            if (!actual.equals(recorded)) {
                if (problems.merge("sha1 mismatch", 1L, Long::sum) <= 10) {
                    err.println("sha1 mismatch: page " + rev.page().id() + " revision " + rev.id() + " slot "
                            + slot.role() + ": recorded " + recorded + ", content hashes to " + actual);
                }
            }
        }
        return checked;
    }

    private long checkIndex(Path indexFile, Map<String, Long> problems, PrintWriter err) {
        long[] lines = {0};
        try {
            java.nio.file.Path temp = java.nio.file.Files.createTempFile("mwdump-validate", ".mwpidx");
            java.nio.file.Files.delete(temp);
            try (IndexedDump indexed = IndexedDump.open(dump, indexFile, temp)) {
                MultistreamIndex.forEach(indexFile, (IndexEntry entry) -> {
                    lines[0]++;
                    Optional<IndexedPage> page = indexed.byId(entry.pageId());
                    if (page.isEmpty() || !entry.title().equals(page.get().page().title())) {
                        if (problems.merge("index mismatch", 1L, Long::sum) <= 10) {
                            err.println("index line " + lines[0] + " (" + entry.offset() + ":" + entry.pageId() + ":"
                                    + entry.title() + ") does not find its page");
                        }
                    }
                });
            } finally {
                java.nio.file.Files.deleteIfExists(temp);
            }
        } catch (java.io.IOException | DumpException e) {
            problems.merge("index unreadable", 1L, Long::sum);
            err.println("mwdump: " + indexFile + ": " + e.getMessage());
        }
        return lines[0];
    }
}
