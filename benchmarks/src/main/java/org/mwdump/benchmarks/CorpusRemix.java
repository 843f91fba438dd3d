package org.mwdump.benchmarks;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.model.Namespace;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.model.Slot;
import org.mwdump.write.xml.XmlDumpWriter;

/**
 * The "realistic benchmark dump": real pages of the shared corpus, repeated until the XML reaches a
 * given size. Each round writes every page of the elwikivoyage articles sample, then every page
 * and revision of the aawiki history, read through {@link Dumps#open}; the output is schema 0.11 with
 * elwikivoyage's site info, written by {@link XmlDumpWriter}.
 *
 * <p>What changes in a copy: page ids are 1, 2, 3, … through the file; revision ids increase
 * through the file too, and {@code <parentid>} and {@code <origin>} are remapped with them (within one
 * copy of a source, the same old id always gives the same new id). A parent or origin that is not in
 * the source (an articles dump's parents) gets a fresh id of its own just below the revision's, so it
 * is absent from the output as well. Titles in another site's namespaces get elwikivoyage's prefix
 * ({@code Template:X} becomes {@code Πρότυπο:X}); a title already written gets the suffix
 * {@code " (N)"} with the smallest N from 2 that makes it unique. Texts, sizes, sha1s, timestamps,
 * contributors and redirect targets stay as they are. Output stops after the first page that
 * takes the XML to the target size. The same sources and size always give the same bytes.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.mwdump.benchmarks.CorpusRemix \
 *      --corpus ../shared/corpus --size 250MB --out benchmarks/data/corpus-remix-250MB.xml
 * </pre>
 */
public final class CorpusRemix {
    /** The sources, relative to the corpus directory, in the order of each round. */
    public static final List<String> SOURCES = List.of(
            "elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2",
            "aawiki-20260101/aawiki-20260101-pages-meta-history.xml.7z");

    /** One page of a source with all its revisions. */
    record SourcePage(Page page, List<Revision> revisions) {
    }

    /** A whole source dump, held in memory (both sources together are 14 MB of XML). */
    record Source(SiteInfo site, List<SourcePage> pages) {
    }

    /** What {@link #write} wrote. */
    public record Summary(long pages, long revisions, long bytes, int rounds) {
    }

    private final List<Source> sources;
    private final SiteInfo site;
    private final Set<String> titles = new HashSet<>();
    private final Map<String, Integer> nextSuffix = new HashMap<>();
    private long nextPageId = 1;
    private long nextRevisionId = 1;

    private CorpusRemix(List<Source> sources) {
        this.sources = sources;
        this.site = sources.get(0).site();
    }

    /** Reads a source dump into memory. */
    static Source load(Path path) {
        try (DumpReader r = Dumps.open(path)) {
            List<SourcePage> pages = new ArrayList<>();
            for (Page p = r.nextPage(); p != null; p = r.nextPage()) {
                List<Revision> revisions = new ArrayList<>();
                for (PageEntry e = r.nextEntry(); e != null; e = r.nextEntry()) {
                    if (!(e instanceof Revision rev)) {
                        throw new IllegalArgumentException(path + ": uploads are not supported");
                    }
                    revisions.add(rev);
                }
                pages.add(new SourcePage(p, revisions));
            }
            return new Source(r.siteInfo(), pages);
        }
    }

    /**
     * Writes about {@code targetBytes} of XML made of copies of the given sources (the first one's
     * site info) to {@code out}, and closes it.
     */
    public static Summary write(List<Path> sourcePaths, long targetBytes, OutputStream out) throws IOException {
        if (targetBytes <= 0) {
            throw new IllegalArgumentException("size must be positive");
        }
        List<Source> sources = sourcePaths.stream().map(CorpusRemix::load).toList();
        return new CorpusRemix(sources).write(targetBytes, out);
    }

    private Summary write(long targetBytes, OutputStream os) {
        CountingStream counted = new CountingStream(os);
        XmlDumpWriter w = XmlDumpWriter.builder(counted).schemaVersion("0.11").build();
        long pages = 0;
        long revisions = 0;
        int rounds = 0;
        try {
            w.writeSiteInfo(site);
            outer:
            while (true) {
                rounds++;
                for (Source source : sources) {
                    Map<Long, Long> ids = new HashMap<>();   // this copy's revision ids, old to new
                    for (SourcePage sp : source.pages()) {
                        Page page = copy(sp.page(), source.site());
                        w.writePage(page);
                        for (Revision r : sp.revisions()) {
                            w.write(copy(r, page, ids));
                            revisions++;
                        }
                        pages++;
                        w.flush();
                        if (counted.count >= targetBytes) {
                            break outer;
                        }
                    }
                }
            }
            w.finish();
        } finally {
            w.close();
        }
        return new Summary(pages, revisions, counted.count, rounds);
    }

    private Page copy(Page p, SiteInfo from) {
        String title = p.title() == null ? null : unique(retitle(p.title(), p.namespace(), from));
        return new Page(nextPageId++, p.namespace(), title, p.redirect(), p.redirectTarget(), p.restrictions());
    }

    /** The title with the output site's prefix for its namespace instead of the source site's. */
    private String retitle(String title, Integer ns, SiteInfo from) {
        if (ns == null || ns == 0 || from == site) {
            return title;
        }
        String old = from.namespace(ns).map(Namespace::name).orElse("");
        String now = site.namespace(ns).map(Namespace::name).orElse("");
        if (old.isEmpty() || now.isEmpty() || !title.startsWith(old + ":")) {
            return title;
        }
        return now + title.substring(old.length());
    }

    private String unique(String title) {
        if (titles.add(title)) {
            return title;
        }
        int n = nextSuffix.getOrDefault(title, 2);
        String t = title + " (" + n + ")";
        while (!titles.add(t)) {
            t = title + " (" + ++n + ")";
        }
        nextSuffix.put(title, n + 1);
        return t;
    }

    private Revision copy(Revision r, Page page, Map<Long, Long> ids) {
        // ids the revision refers to are given out before its own, so they are smaller
        Long parent = earlier(r.parentId(), ids);
        for (Slot s : r.slots()) {
            if (!Objects.equals(s.origin(), r.id())) {
                earlier(s.origin(), ids);
            }
        }
        long id = nextRevisionId++;
        if (r.id() != null) {
            ids.put(r.id(), id);
        }
        List<Slot> slots = new ArrayList<>(r.slots().size());
        for (Slot s : r.slots()) {
            slots.add(new Slot(s.role(), s.origin() == null ? null : ids.get(s.origin()), s.model(), s.format(),
                    s.text()));
        }
        return new Revision(page, id, parent, r.timestamp(), r.contributor(), r.minor(), r.comment(), slots, r.sha1());
    }

    private Long earlier(Long old, Map<Long, Long> ids) {
        return old == null ? null : ids.computeIfAbsent(old, k -> nextRevisionId++);
    }

    /** Counts the bytes written through it. */
    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Command line; see {@link #usage()}. */
    public static void main(String[] args) {
        try {
            System.exit(run(args, System.err));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(usage());
            System.exit(2);
        } catch (IOException | RuntimeException e) {
            System.err.println("error: " + e);
            System.exit(1);
        }
    }

    /** The CLI's help text. */
    public static String usage() {
        return """
                usage: CorpusRemix [--corpus DIR] [--size SIZE] --out FILE.xml
                  --corpus DIR   the shared corpus (default ../shared/corpus); reads
                                 DIR/%s and
                                 DIR/%s
                  --size SIZE    stop at about this much XML (default 250MB): 250MB = 250*10^6 bytes,
                                 250MiB = 250*2^20 (see SyntheticDump)
                  --out FILE     plain XML (compress it separately), written to FILE.part and renamed
                """.formatted(SOURCES.get(0), SOURCES.get(1));
    }

    /** Runs the CLI; returns the exit status. */
    public static int run(String[] args, PrintStream log) throws IOException {
        Path corpus = Path.of("..", "shared", "corpus");
        long size = 250_000_000L;
        String out = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--corpus" -> corpus = Path.of(value(args, ++i, a));
                case "--size" -> size = SyntheticDump.parseSize(value(args, ++i, a));
                case "--out" -> out = value(args, ++i, a);
                case "-h", "--help" -> {
                    System.out.print(usage());
                    return 0;
                }
                default -> throw new IllegalArgumentException("unknown argument: " + a);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out is required");
        }
        if (out.matches(".*\\.(bz2|gz|xz|zst|7z)$")) {
            throw new IllegalArgumentException("--out is written as plain XML; compress it afterwards: " + out);
        }
        List<Path> sources = new ArrayList<>();
        for (String s : SOURCES) {
            Path p = corpus.resolve(s);
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("missing source " + p + " (give --corpus DIR)");
            }
            sources.add(p);
        }
        long start = System.nanoTime();
        Path target = Path.of(out).toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Summary s;
        try {
            s = write(sources, size, Files.newOutputStream(part));
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
        log.printf(Locale.ROOT, "%s: %,d pages, %,d revisions, %,d bytes of XML (%d rounds of the sources), %.1f s%n",
                out, s.pages(), s.revisions(), s.bytes(), s.rounds(), (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }
}
