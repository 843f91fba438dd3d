package org.mwdump.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

/**
 * Random access to the pages of a multistream bz2 or seekable zstd dump. {@link #open(Path)} looks for the page index
 * beside the dump ({@code <dump>.mwpidx}) and builds it from Wikimedia's multistream index
 * ({@code …-multistream-index.txt.bz2}) when it is missing. A lookup decodes one bz2 stream (up to
 * 100 pages in Wikimedia's files); batch lookups decode each stream once.
 *
 * <p>Safe for many threads: the index is memory-mapped and the dump is read with positional reads.
 */
public final class IndexedDump implements Closeable {
    /** Suffix of the page index file written beside a dump. */
    public static final String PAGE_INDEX_SUFFIX = ".mwpidx";

    private final Path dump;
    private final FileChannel channel;
    private final Chunks chunks;
    private final PageIndex index;
    private final byte[] header;
    private final SiteInfo siteInfo;
    /** The pages of the most recently decoded streams: neighbouring lookups often fall in the same stream. */
    private final Map<Long, Map<Long, IndexedPage>> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Map<Long, IndexedPage>> eldest) {
            return size() > 8;
        }
    };

    private IndexedDump(Path dump, PageIndex index) throws IOException {
        this.dump = dump;
        this.index = index;
        this.channel = FileChannel.open(dump, StandardOpenOption.READ);
        this.chunks = Chunks.open(channel, dump);
        byte[] first = chunks.decode(0);
        String text = new String(first, StandardCharsets.UTF_8);
        int end = text.indexOf("</siteinfo>");
        this.header = end < 0 ? first : text.substring(0, end + "</siteinfo>".length()).concat("\n")
                .getBytes(StandardCharsets.UTF_8);
        try (DumpReader r = Dumps.open(wrap(new byte[0]))) {
            this.siteInfo = r.siteInfo();
        }
    }

    /**
     * Opens a multistream dump for random access, building its page index first if needed.
     *
     * @throws DumpException if neither a page index nor a multistream index is found beside the dump
     */
    public static IndexedDump open(Path dump) throws IOException {
        Objects.requireNonNull(dump, "dump is null");
        Path pageIndex = pageIndexOf(dump);
        if (!Files.exists(pageIndex)) {
            Optional<Path> multistreamIndex = multistreamIndexOf(dump);
            if (multistreamIndex.isPresent()) {
                buildPageIndex(multistreamIndex.get(), pageIndex);
            } else {
                buildPageIndexByScanning(dump, pageIndex);
            }
        }
        return new IndexedDump(dump, PageIndex.open(pageIndex));
    }

    /**
     * Opens a dump with a given Wikimedia multistream index file, keeping the page index at
     * {@code pageIndex} (built there if missing): for dumps in read-only places.
     */
    public static IndexedDump open(Path dump, Path multistreamIndex, Path pageIndex) throws IOException {
        if (!Files.exists(pageIndex)) {
            buildPageIndex(multistreamIndex, pageIndex);
        }
        return new IndexedDump(dump, PageIndex.open(pageIndex));
    }

    /** Builds a page index from a multistream index file. */
    public static void buildPageIndex(Path multistreamIndex, Path pageIndex) throws IOException {
        PageIndex.Builder builder = new PageIndex.Builder();
        MultistreamIndex.forEach(multistreamIndex, e -> builder.add(e.pageId(), e.offset(), e.title()));
        builder.write(pageIndex);
    }

    /**
     * Builds a page index by decoding every stream or frame of a dump that has no index file: slow
     * (one full decode) but needs nothing but the dump.
     */
    public static void buildPageIndexByScanning(Path dump, Path pageIndex) throws IOException {
        PageIndex.Builder builder = new PageIndex.Builder();
        try (FileChannel ch = FileChannel.open(dump, StandardOpenOption.READ)) {
            Chunks chunks = Chunks.open(ch, dump);
            for (long offset : chunks.offsets()) {
                byte[] xml = chunks.decode(offset);
                PageScanner.scan(xml, (id, title) -> builder.add(id, offset, title));
            }
        }
        builder.write(pageIndex);
    }

    /** Where the page index of a dump lives. */
    public static Path pageIndexOf(Path dump) {
        return dump.resolveSibling(dump.getFileName() + PAGE_INDEX_SUFFIX);
    }

    /**
     * The Wikimedia index beside a multistream dump: {@code X-multistream.xml.bz2} has
     * {@code X-multistream-index.txt.bz2}; part files {@code X-multistreamN.xml-pApB.bz2} have
     * {@code X-multistream-indexN.txt-pApB.bz2}.
     */
    public static Optional<Path> multistreamIndexOf(Path dump) {
        String name = dump.getFileName().toString();
        List<String> candidates = new ArrayList<>();
        candidates.add(name.replace("multistream.xml", "multistream-index.txt"));
        candidates.add(name.replaceFirst("multistream(\\d+)\\.xml", "multistream-index$1.txt"));
        candidates.add(name.replace(".multistream.xml.bz2", ".multistream-index.xml.bz2"));
        candidates.add(name.replaceFirst("\\.xml\\.bz2$", "-index.txt.bz2"));
        candidates.add(name.replaceFirst("\\.xml\\.zstd?$", "-index.txt.bz2"));
        for (String c : candidates) {
            Path p = dump.resolveSibling(c);
            if (!c.equals(name) && Files.exists(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The dump's site info (from its header stream). */
    public SiteInfo siteInfo() {
        return siteInfo;
    }

    /** Number of pages in the index. */
    public int size() {
        return index.size();
    }

    /** The page with the given id, or empty. */
    public Optional<IndexedPage> byId(long pageId) {
        long position = index.position(pageId);
        if (position < 0) {
            return Optional.empty();
        }
        IndexedPage page = pagesOfStream(position).get(pageId);
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

    /** The page with exactly this title (with namespace prefix, spaces not underscores), or empty. */
    public Optional<IndexedPage> byTitle(String title) {
        Objects.requireNonNull(title, "title is null");
        for (long id : index.candidates(title)) {
            Optional<IndexedPage> page = byId(id);
            if (page.isPresent() && title.equals(page.get().page().title())) {
                return page;
            }
        }
        return Optional.empty();
    }

    /** The pages with the given ids that exist, by id; each stream is decoded once. */
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
            Map<Long, IndexedPage> pages = pagesOfStream(position);
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

    private Map<Long, IndexedPage> pagesOfStream(long position) {
        Map<Long, IndexedPage> cached;
        synchronized (recent) {
            cached = recent.get(position);
        }
        if (cached != null) {
            return cached;
        }
        byte[] pages;
        try {
            pages = chunks.decode(position);
        } catch (IOException e) {
            throw new CorruptInputException("cannot decode the stream at this offset: " + e.getMessage(),
                    new DumpLocation(dump.toString(), position, -1, -1, null, null, null), -1, e);
        }
        Map<Long, IndexedPage> result = new LinkedHashMap<>();
        try (DumpReader r = Dumps.open(wrap(pages))) {
            for (Page page = r.nextPage(); page != null; page = r.nextPage()) {
                List<PageEntry> entries = new ArrayList<>();
                for (PageEntry e = r.nextEntry(); e != null; e = r.nextEntry()) {
                    entries.add(e);
                }
                if (page.id() != null) {
                    result.put(page.id(), new IndexedPage(siteInfo, page, entries));
                }
            }
        }
        Map<Long, IndexedPage> parsed = java.util.Collections.unmodifiableMap(result);
        synchronized (recent) {
            recent.put(position, parsed);
        }
        return parsed;
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

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
