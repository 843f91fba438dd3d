package org.mwdump.index;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.mwdump.CorruptInputException;
import org.mwdump.DumpException;
import org.mwdump.DumpLocation;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.MalformedDumpException;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.SiteInfo;
import org.mwdump.model.Titles;

/**
 * Random access to the pages of a multistream bz2, seekable zstd or ordinary single-stream bz2 dump
 * (the last through a block index, {@code <dump>.mwbidx}, built with the page index). A lookup decodes
 * one bz2 stream (up to 100 pages in Wikimedia's files); batch lookups decode each stream once.
 *
 * <p>{@link #open(Path)} uses the page index beside the dump ({@code <dump>.mwpidx}). When there is
 * none, or it was built from another version of the dump (an index records the size and modification
 * time of its dump), it builds one: from Wikimedia's multistream index beside the dump
 * ({@code …-multistream-index.txt.bz2}) when there is one, which takes seconds, else by decoding the whole
 * dump once (on all cores for single-stream bz2). The new index goes beside the dump, or, when the dump's
 * directory cannot be written, to the per-user cache ({@code $XDG_CACHE_HOME/mwdump}, else
 * {@code ~/.cache/mwdump}) under a name that includes a hash of the dump's path, so two dumps of the same
 * name never share an index. {@link Options} choose another directory, or forbid building.
 *
 * <p>Safe for many threads: the index is memory-mapped and the dump is read with positional reads.
 */
public final class IndexedDump implements Closeable {
    /** Suffix of the page index file written beside a dump. */
    public static final String PAGE_INDEX_SUFFIX = ".mwpidx";

    private final Path dump;
    private final ChunkCache chunks;
    private final PageIndex index;
    private final byte[] header;
    private final SiteInfo siteInfo;

    private IndexedDump(Path dump, PageIndex index, BlockIndex blocks) throws IOException {
        this.dump = dump;
        this.index = index;
        this.chunks = new ChunkCache(dump, blocks);
        byte[] first = chunks.head();
        String text = new String(first, StandardCharsets.UTF_8);
        int end = text.indexOf("</siteinfo>");
        this.header = end < 0 ? first : text.substring(0, end + "</siteinfo>".length()).concat("\n")
                .getBytes(StandardCharsets.UTF_8);
        try (DumpReader r = Dumps.open(wrap(new byte[0]), dump.toString(), org.mwdump.ReadOptions.DEFAULT)) {
            this.siteInfo = r.siteInfo();
        }
    }

    /**
     * Opens a dump for random access with the default {@link Options}: its index beside it, or in the
     * per-user cache when the dump's directory cannot be written; built first when missing or stale.
     *
     * @param dump the dump file
     * @return the dump, open for lookups; close it when done
     * @throws DumpException if the dump cannot be split into streams, frames or blocks
     */
    public static IndexedDump open(Path dump) {
        return open(dump, Options.DEFAULT);
    }

    /**
     * Opens a dump for random access, with its index where {@link #indexFiles(Path, Options)} says;
     * builds the index there first when it is missing or was built from another version of the dump,
     * unless {@link Options#withBuild(boolean) building is off}.
     *
     * @param dump    the dump file
     * @param options where indexes go and whether they are built
     * @return the dump, open for lookups; close it when done
     * @throws DumpException when building is off and there is no index of the dump as it is now
     */
    public static IndexedDump open(Path dump, Options options) {
        try {
            Objects.requireNonNull(dump, "dump is null");
            Objects.requireNonNull(options, "options is null");
            IndexBuilder.Located at = IndexBuilder.locate(dump, options);
            if (at.problem() != null) {
                if (!options.build()) {
                    throw new DumpException(at.problem(),
                            DumpLocation.of(dump.toString()));
                }
                IndexBuilder.build(dump, at.files(), options);
            }
            Path blockIndex = at.files().blockIndex();
            return new IndexedDump(dump, PageIndex.open(at.files().pageIndex()),
                    Files.exists(blockIndex) ? BlockIndex.read(blockIndex) : null);
        } catch (IOException e) {
            throw Chunks.ioFailure(dump, e);
        }
    }

    /**
     * Builds (or rebuilds) the index of a dump, whether or not a current one exists: in the index
     * directory of the options if set, else beside the dump if its directory can be written, else in
     * the cache directory. Returns where it was written.
     *
     * @param dump    the dump file
     * @param options where indexes go
     * @return the index files written
     */
    public static IndexFiles buildIndex(Path dump, Options options) {
        try {
            Objects.requireNonNull(dump, "dump is null");
            Objects.requireNonNull(options, "options is null");
            if (!Files.exists(dump)) {
                throw new NoSuchFileException(dump.toString());
            }
            IndexFiles files = IndexBuilder.destination(dump, options);
            IndexBuilder.build(dump, files, options);
            return new IndexFiles(files.pageIndex(), files.blockIndex(), true);
        } catch (IOException e) {
            throw Chunks.ioFailure(dump, e);
        }
    }

    /**
     * Checks that an index of the dump can be built: that it is MediaWiki XML in a bz2 file (multistream
     * or not) or in a zstd file with a seek table. Reads the start of the dump only (up to the end of its
     * site information) and writes nothing; {@link #open(Path, Options)} and {@link #buildIndex} make the
     * same check before they write an index, so that a file that is not such a dump leaves none behind.
     *
     * @param dump the dump file
     * @throws DumpException naming the dump: a file that is not a dump as {@link Dumps#open(Path)} reports
     *                       it, another kind of dump or compression as an
     *                       {@link org.mwdump.UnsupportedDumpException}
     */
    public static void checkIndexable(Path dump) {
        try {
            Objects.requireNonNull(dump, "dump is null");
            if (!Files.exists(dump)) {
                throw new NoSuchFileException(dump.toString());
            }
            IndexBuilder.checkHead(dump);
        } catch (IOException e) {
            throw Chunks.ioFailure(dump, e);
        }
    }

    /**
     * Where the index of a dump is, or will be built: in the index directory of the options if set;
     * else beside the dump if a current index is there; else in the cache directory if a current index
     * is there or the dump's directory cannot be written; else beside the dump. Reads the index files
     * it finds and the dump's size and modification time, never the dump itself.
     *
     * @param dump    the dump file
     * @param options where indexes go
     * @return the index files and whether they are current
     */
    public static IndexFiles indexFiles(Path dump, Options options) {
        try {
            Objects.requireNonNull(dump, "dump is null");
            Objects.requireNonNull(options, "options is null");
            return IndexBuilder.locate(dump, options).files();
        } catch (IOException e) {
            throw Chunks.ioFailure(dump, e);
        }
    }

    /**
     * The index files of one dump.
     *
     * @param pageIndex  the page index ({@code .mwpidx})
     * @param blockIndex where the block index ({@code .mwbidx}) is or would be: only single-stream bz2
     *                   dumps have one
     * @param current    whether the page index (and the block index, if there is one) exists and was
     *                   built from the dump as it is now
     */
    public record IndexFiles(Path pageIndex, Path blockIndex, boolean current) {
    }

    /**
     * Where {@link IndexedDump} keeps the indexes it builds, whether it may build them, and what is told how
     * far the building has come. Immutable; the {@code with…} methods return a copy.
     */
    public static final class Options {
        /** Indexes beside the dump or in the default cache directory, built when missing or stale. */
        public static final Options DEFAULT = new Options(null, null, true, null);

        private final Path indexDirectory;
        private final Path cacheDirectory;
        private final boolean build;
        private final ParallelDumps.ProgressListener progress;

        private Options(Path indexDirectory, Path cacheDirectory, boolean build,
                        ParallelDumps.ProgressListener progress) {
            this.indexDirectory = indexDirectory;
            this.cacheDirectory = cacheDirectory;
            this.build = build;
            this.progress = progress;
        }

        /**
         * Keeps every index in this directory (created when needed), never beside the dump, under the
         * dump's file name plus a hash of its path; {@code null} for the default.
         *
         * @param directory the index directory, or {@code null}
         * @return new options
         */
        public Options withIndexDirectory(Path directory) {
            return new Options(directory, cacheDirectory, build, progress);
        }

        /**
         * Where indexes of dumps in directories that cannot be written go; {@code null} for the default,
         * {@link #defaultCacheDirectory()}.
         *
         * @param directory the cache directory, or {@code null}
         * @return new options
         */
        public Options withCacheDirectory(Path directory) {
            return new Options(indexDirectory, directory, build, progress);
        }

        /**
         * Whether a missing or stale index is built ({@code true}, the default) or reported with a
         * {@link DumpException}.
         *
         * @param build whether to build missing or stale indexes
         * @return new options
         */
        public Options withBuild(boolean build) {
            return new Options(indexDirectory, cacheDirectory, build, progress);
        }

        /**
         * Told, on the building thread, how far the building of an index has come when it decodes the dump
         * (a dump without an index file: the bytes of the dump read and the pages found so far, after each
         * stream or frame, or at each block of a single-stream bz2 file, and at the end); {@code null}, the
         * default, for none. An index made from Wikimedia's index
         * file reads no more than that file, and reports nothing.
         *
         * @param listener the listener, or {@code null}
         * @return new options
         */
        public Options withProgress(ParallelDumps.ProgressListener listener) {
            return new Options(indexDirectory, cacheDirectory, build, listener);
        }

        /**
         * The index directory, or {@code null} when indexes go beside their dumps.
         *
         * @return the index directory, or {@code null}
         */
        public Path indexDirectory() {
            return indexDirectory;
        }

        /**
         * The cache directory for dumps in directories that cannot be written.
         *
         * @return the cache directory, or {@code null} for the default
         */
        public Path cacheDirectory() {
            return cacheDirectory != null ? cacheDirectory : defaultCacheDirectory();
        }

        /**
         * Whether a missing or stale index is built.
         *
         * @return whether indexes are built
         */
        public boolean build() {
            return build;
        }

        /**
         * What is told how far the building of an index has come.
         *
         * @return the listener, or {@code null}
         */
        public ParallelDumps.ProgressListener progress() {
            return progress;
        }

        /**
         * {@code $XDG_CACHE_HOME/mwdump} when that variable holds an absolute path, else
         * {@code $HOME/.cache/mwdump} (the home directory of the user's account when {@code HOME} is unset).
         *
         * @return the default cache directory
         */
        public static Path defaultCacheDirectory() {
            String xdg = System.getenv("XDG_CACHE_HOME");
            if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
                return Path.of(xdg, "mwdump");
            }
            String home = System.getenv("HOME");
            if (home == null || home.isEmpty() || !Path.of(home).isAbsolute()) {
                home = System.getProperty("user.home");
            }
            return Path.of(home, ".cache", "mwdump");
        }
    }

    /**
     * Opens a multistream dump with a given Wikimedia multistream index file, keeping the page index at
     * {@code pageIndex}: built there if missing or if it records another version of the dump. A page
     * index that records no dump (written by {@link PageIndex.Builder} without a stamp, or by an older
     * version) is used as given: the caller named it.
     *
     * @param dump             the multistream dump file
     * @param multistreamIndex its Wikimedia index file
     * @param pageIndex        the page index file to use, built when missing or stale
     * @return the dump, open for lookups; close it when done
     * @throws org.mwdump.MalformedDumpException if the file at {@code pageIndex} is not a page index
     */
    public static IndexedDump open(Path dump, Path multistreamIndex, Path pageIndex) {
        try {
            DumpStamp now = DumpStamp.of(dump);
            if (!Files.exists(pageIndex) || PageIndex.open(pageIndex).builtFrom().map(s -> !s.equals(now)).orElse(false)) {
                IndexBuilder.buildPageIndex(multistreamIndex, pageIndex, now);
            }
            return new IndexedDump(dump, PageIndex.open(pageIndex), null);
        } catch (IOException e) {
            throw Chunks.ioFailure(dump, e);
        }
    }

    /**
     * Builds a page index from a multistream index file. The index records no dump, so
     * {@link #open(Path)} would not trust it: it is for {@link #open(Path, Path, Path)}.
     *
     * @param multistreamIndex a Wikimedia index file
     * @param pageIndex        the page index file to write
     */
    public static void buildPageIndex(Path multistreamIndex, Path pageIndex) {
        try {
            IndexBuilder.buildPageIndex(multistreamIndex, pageIndex, null);
        } catch (IOException e) {
            throw Chunks.ioFailure(multistreamIndex, e);
        }
    }

    /**
     * Builds a page index by decoding every stream or frame of a dump that has no index file, on all
     * processors: one full decode, but it needs nothing but the dump.
     *
     * @param dump      the dump file
     * @param pageIndex the page index file to write
     */
    public static void buildPageIndexByScanning(Path dump, Path pageIndex) {
        try {
            IndexBuilder.scan(dump, pageIndex, Runtime.getRuntime().availableProcessors(), null);
        } catch (IOException e) {
            throw Chunks.ioFailure(dump, e);
        }
    }

    /**
     * Where the page index of a dump lives when it is beside the dump.
     *
     * @param dump the dump file
     * @return the page index file beside it
     */
    public static Path pageIndexOf(Path dump) {
        return dump.resolveSibling(dump.getFileName() + PAGE_INDEX_SUFFIX);
    }

    /**
     * The Wikimedia index beside a multistream dump: {@code X-multistream.xml.bz2} has
     * {@code X-multistream-index.txt.bz2}; part files {@code X-multistreamN.xml-pApB.bz2} have
     * {@code X-multistream-indexN.txt-pApB.bz2}.
     *
     * @param dump a multistream dump file
     * @return the index file, or empty when the name does not follow the pattern
     */
    public static Optional<Path> multistreamIndexOf(Path dump) {
        for (String c : DumpSplits.multistreamIndexNames(dump.getFileName().toString())) {
            Path p = dump.resolveSibling(c);
            if (Files.exists(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The dump's site info (from its header stream).
     *
     * @return the site info
     */
    public SiteInfo siteInfo() {
        return siteInfo;
    }

    /**
     * Number of pages in the index.
     *
     * @return the number of pages
     */
    public int size() {
        return index.size();
    }

    /**
     * The page with the given id, or empty.
     *
     * @param pageId the page id
     * @return the page with its revisions, or empty
     */
    public Optional<IndexedPage> byId(long pageId) {
        long position = index.position(pageId);
        if (position < 0) {
            return Optional.empty();
        }
        IndexedPage page = pages(position, List.of(pageId)).get(pageId);
        if (page == null) {
            throw misplaced(pageId, position);
        }
        return Optional.of(page);
    }

    /** The index places a page in a stream that does not hold it: the index does not belong to this dump. */
    private MalformedDumpException misplaced(long pageId, long position) {
        return new MalformedDumpException("the page index places page " + pageId + " in the stream at this offset, "
                + "which does not hold it", new DumpLocation(dump.toString(), position, -1, -1, pageId, null, null));
    }

    /**
     * The page with this title, matched as MediaWiki matches what a user types ({@link Titles#normalize}
     * with the dump's site info: {@code "project:main_page"} finds {@code "Wikipedia:Main page"}), or
     * empty. A title spelled exactly as in the dump is found even when the dump's own titles are not in
     * MediaWiki's form.
     *
     * @param title a title, in any spelling MediaWiki accepts
     * @return the page with its revisions, or empty
     */
    public Optional<IndexedPage> byTitle(String title) {
        Objects.requireNonNull(title, "title is null");
        Optional<IndexedPage> exact = byExactTitle(title);
        if (exact.isPresent()) {
            return exact;
        }
        String normalized = Titles.normalize(title, siteInfo);
        return normalized.equals(title) ? exact : byExactTitle(normalized);
    }

    private Optional<IndexedPage> byExactTitle(String title) {
        for (long id : index.candidates(title)) {
            Optional<IndexedPage> page = byId(id);
            if (page.isPresent() && title.equals(page.get().page().title())) {
                return page;
            }
        }
        return Optional.empty();
    }

    /**
     * The pages with the given ids that exist, by id; each stream or frame is decoded once.
     *
     * @param pageIds the page ids
     * @return the pages found, by id
     */
    public Map<Long, IndexedPage> byIds(Collection<Long> pageIds) {
        TreeMap<Long, List<Long>> byPosition = new TreeMap<>();
        for (long id : pageIds) {
            long position = index.position(id);
            if (position >= 0) {
                byPosition.computeIfAbsent(position, p -> new ArrayList<>()).add(id);
            }
        }
        Map<Long, IndexedPage> result = new LinkedHashMap<>();
        byPosition.forEach((position, ids) -> {
            Map<Long, IndexedPage> pages = pages(position, ids);
            for (long id : ids) {
                IndexedPage p = pages.get(id);
                if (p == null) {
                    throw misplaced(id, position);
                }
                result.put(id, p);
            }
        });
        return result;
    }

    /**
     * The wanted pages at one position: the chunk there is decoded (or taken from the cache), the
     * pages' byte ranges found by their lines, and only those pages parsed.
     */
    private Map<Long, IndexedPage> pages(long position, Collection<Long> wanted) {
        Map<Long, IndexedPage> result = new LinkedHashMap<>();
        try {
            if (chunks.blockwise()) {
                byte[] page = chunks.pageAt(position);
                parse(page, 0, page.length, result);
                result.keySet().retainAll(wanted);
                return result;
            }
            byte[] chunk = chunks.chunk(position);
            if (wanted.size() == 1) {
                int[] range = PageScanner.find(chunk, wanted.iterator().next());
                if (range != null) {
                    parse(chunk, range[0], range[1], result);
                    result.keySet().retainAll(wanted);
                    if (!result.isEmpty()) {
                        return result;
                    }
                }
            }
            for (long[] slice : PageScanner.slices(chunk)) {
                if (wanted.contains(slice[0])) {
                    parse(chunk, (int) slice[1], (int) slice[2], result);
                }
            }
        } catch (IOException e) {
            // damaged data is a CorruptInputException: this is the file failing
            throw DumpException.cannotRead(e, DumpLocation.at(dump.toString(), chunks.blockwise() ? -1 : position));
        }
        result.keySet().retainAll(wanted);
        return result;
    }

    /** Parses the pages in {@code xml[from, to)} with the dump's header around them. */
    private void parse(byte[] xml, int from, int to, Map<Long, IndexedPage> into) {
        try (DumpReader r = Dumps.open(wrap(java.util.Arrays.copyOfRange(xml, from, to)))) {
            for (Page page = r.nextPage(); page != null; page = r.nextPage()) {
                List<PageEntry> entries = new ArrayList<>();
                for (PageEntry e = r.nextEntry(); e != null; e = r.nextEntry()) {
                    entries.add(e);
                }
                if (page.id() != null) {
                    into.put(page.id(), new IndexedPage(siteInfo, page, entries));
                }
            }
        }
    }

    /** The header stream, the given page XML and a closing root: a document the XML reader reads. */
    private InputStream wrap(byte[] pages) {
        String open = new String(header, StandardCharsets.UTF_8);
        boolean hasRoot = open.contains("<mediawiki");
        List<InputStream> parts = List.of(new ByteArrayInputStream(hasRoot ? header : new byte[0]),
                new ByteArrayInputStream(pages),
                new ByteArrayInputStream(hasRoot ? "</mediawiki>\n".getBytes(StandardCharsets.UTF_8) : new byte[0]));
        return new SequenceInputStream(java.util.Collections.enumeration(parts));
    }

    /** Closes the dump file; never fails (an error closing a file only read is of no consequence). */
    @Override
    public void close() {
        chunks.close();
    }
}
