package org.mwdump.index;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.mwdump.Compression;
import org.mwdump.DumpException;
import org.mwdump.DumpFormat;
import org.mwdump.DumpLocation;
import org.mwdump.DumpReader;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.PageRunWriter;
import org.mwdump.PageRuns;
import org.mwdump.ReadOptions;
import org.mwdump.ReadProgress;
import org.mwdump.model.LogItem;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.spi.ReaderInput;
import org.mwdump.spi.ReaderProvider;

/**
 * The engine of {@link ParallelDumps#copy}: the decoded XML is cut into chunks of whole pages (or of
 * whole revisions of one page) by a {@link PageSplitter} on the calling thread; each chunk is parsed on
 * a worker thread together with a copy of the document's head, and written there into a buffer in the
 * target format through the writer's {@link PageRuns}; the buffers are appended to the output in dump
 * order (for Parquet the run is encoded column pages, and appending it adds them to the row group being
 * assembled). A writer without page runs gets the parsed pages instead, in order, on the calling
 * thread. At most {@code 4 × threads} chunks and {@link #BUDGET} bytes of them are in flight.
 *
 * <p>Whatever cannot be done in pieces is done as one thread would do it: a dump whose head or pages
 * cannot be found, a chunk that does not parse on its own (damage, or a cut that a comment fooled), a
 * revision larger than {@link #MAX_CHUNK}, or damaged compressed data. From that point on the rest of
 * the dump is read by a single reader, so the output, and the error and its location if there is one,
 * are those of a single-threaded conversion.
 */
final class ParallelConversion {
    /** Size a chunk grows to before a cut is looked for. */
    static final int TARGET_CHUNK = 1 << 20;
    /** The largest chunk; a page whose next cut is further away is read sequentially. */
    static final int MAX_CHUNK = 64 << 20;
    /** Chunk bytes in flight (at least one chunk is always allowed). */
    static final long BUDGET = 24L << 20;

    private static final byte[] FOOTER = "</mediawiki>\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAGE_AND_FOOTER = "  </page>\n</mediawiki>\n".getBytes(StandardCharsets.US_ASCII);

    /** The decoded dump and what is known about its compressed form. */
    record Source(InputStream content, String name, java.nio.file.Path file, Compression compression,
                  java.util.function.LongSupplier bytesRead, long totalBytes) {
        ReadProgress progress() {
            return new ReadProgress(bytesRead.getAsLong(), totalBytes);
        }
    }

    private final Source source;
    private final DumpWriter writer;
    private final ExecutorService workers;
    private final int threads;
    private final ReadOptions options;
    private final ParallelDumps.ProgressListener listener;
    private final ReaderProvider xml;
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private final int target;
    private final int max;
    /** Chunk and output arrays, recycled (in flight: two per chunk, at most 4 × threads chunks). */
    private final BufferPool pool;

    private byte[] head;
    private long headLines;
    /** Line feeds before the next chunk to be appended. */
    private long linesBefore;
    private long pages;
    private long entries;
    private long logItems;
    private boolean siteInfoWritten;

    /**
     * @param workers the pool the chunks are converted on ({@code threads} threads), shared with the
     *                source's decoding and shut down by the caller
     */
    ParallelConversion(Source source, DumpWriter writer, ExecutorService workers, int threads, ReadOptions options,
                       ParallelDumps.ProgressListener listener, int target, int max) {
        this.source = source;
        this.writer = writer;
        this.workers = workers;
        this.threads = threads;
        this.options = options;
        this.listener = listener;
        this.target = target;
        this.max = max;
        // two arrays per chunk in flight, and no more chunks than the budget lets in
        this.pool = new BufferPool(2 * (int) Math.min(4L * threads, BUDGET / target + 2) + 4);
        this.xml = Dumps.readerProvider(DumpFormat.XML);
        if (xml == null) {
            throw new org.mwdump.UnsupportedDumpException("no XML reader: add org.mwdump:dump-readers to the class path",
                    DumpLocation.UNKNOWN);
        }
    }

    /** One chunk in flight. */
    private record Task(PageSplitter.Chunk chunk, PageRuns runs, Future<Result> result) {
    }

    /** What a worker made of a chunk: the run's bytes, or the parsed items when the writer has no runs. */
    private record Result(byte[] bytes, int length, List<Object> items, Page continued, Page openAtEnd, long lines,
                          Copied counts, Map<String, Long> skipped) {
    }

    /** Pages started, entries and log items copied, and the last page seen. */
    private record Copied(long pages, long entries, long logItems, Page last) {
    }

    ParallelDumps.CopyStats run() throws IOException {
        PageSplitter splitter = new PageSplitter(source.content(), target, max, pool);
        head = splitter.head();
        if (head == null) {
            // no page line within reach: one reader for everything
            sequential(null, List.of(splitter.pending()), splitter.rest());
            return stats();
        }
        headLines = PageSplitter.lines(head, head.length);
        linesBefore = headLines;
        // the site info comes first, for writers whose runs depend on it (namespace names); the head is
        // parsed again with every chunk, so it must hold nothing but the root and the site info
        org.mwdump.model.SiteInfo site = null;
        try (DumpReader reader = open(new SequenceInputStream(new ByteArrayInputStream(head),
                new ByteArrayInputStream(FOOTER)), () -> -1)) {
            org.mwdump.model.SiteInfo s = reader.siteInfo();
            if (reader.nextPage() == null && reader.nextLogItem() == null && reader.skippedElements().isEmpty()) {
                site = s;
            }
        } catch (DumpException e) {
            // a head that does not parse on its own: the single reader below reports it
        }
        if (site == null) {
            byte[] h = head;
            head = null;
            headLines = 0;
            linesBefore = 0;
            sequential(null, List.of(h, splitter.pending()), splitter.rest());
            return stats();
        }
        writer.writeSiteInfo(site);
        siteInfoWritten = true;
        ArrayDeque<Task> inFlight = new ArrayDeque<>();
        long inFlightBytes = 0;
        try {
            while (true) {
                PageSplitter.Chunk chunk;
                try {
                    chunk = splitter.next();
                } catch (IOException | DumpException e) {
                    // damaged compressed data: what was read before it is converted, then a single reader
                    // meets the damage where it would have
                    if (!drain(inFlight, splitter)) {
                        return stats();
                    }
                    sequential(splitter.pendingPageHeader(), List.of(splitter.pending()), failing(e));
                    return stats();
                }
                if (chunk == null) {
                    if (!drain(inFlight, splitter)) {
                        return stats();
                    }
                    if (splitter.pending().length > 0) {
                        // a revision too large for a chunk: the rest is read in one piece
                        sequential(splitter.pendingPageHeader(), List.of(splitter.pending()), splitter.rest());
                    }
                    return stats();
                }
                PageRuns runs = writer.pageRuns();
                inFlight.add(new Task(chunk, runs, workers.submit(() -> work(chunk, runs))));
                inFlightBytes += chunk.length();
                while (!inFlight.isEmpty() && (inFlight.size() >= 4 * threads || inFlightBytes > BUDGET
                        || inFlight.peek().result().isDone())) {
                    Task t = inFlight.peek();
                    if (!appendHead(inFlight, splitter)) {
                        return stats();
                    }
                    inFlightBytes -= t.chunk().length();
                }
            }
        } finally {
            // whatever is still in flight after a failure stops (the pool itself is the caller's)
            inFlight.forEach(t -> t.result().cancel(true));
        }
    }

    /** Appends every chunk in flight; false if one failed and the rest of the dump was then read sequentially. */
    private boolean drain(ArrayDeque<Task> inFlight, PageSplitter splitter) throws IOException {
        while (!inFlight.isEmpty()) {
            if (!appendHead(inFlight, splitter)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends the oldest chunk's result. If its worker failed, the rest of the dump, from that chunk on,
     * is read sequentially instead (returns false).
     */
    private boolean appendHead(ArrayDeque<Task> inFlight, PageSplitter splitter) throws IOException {
        Task t = inFlight.poll();
        Result r;
        try {
            r = t.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while converting");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof DumpException)) {
                // not a property of the input (a bug, or out of memory): report it as it is
                throw Workers.failure(cause);
            }
            List<byte[]> bytes = new ArrayList<>();
            bytes.add(java.util.Arrays.copyOf(t.chunk().data(), t.chunk().length()));
            for (Task later : inFlight) {
                later.result().cancel(true);
                bytes.add(java.util.Arrays.copyOf(later.chunk().data(), later.chunk().length()));
            }
            inFlight.clear();
            bytes.add(splitter.pending());
            sequential(t.chunk().pageHeader(), bytes, splitter.rest());
            return false;
        }
        if (r.bytes() != null) {
            t.runs().append(r.bytes(), 0, r.length(), r.continued(), r.openAtEnd());
        } else {
            replay(r.items());
        }
        pool.give(t.chunk().data());
        pool.give(r.bytes());
        r.skipped().forEach((k, v) -> skipped.merge(k, v, Long::sum));
        linesBefore += r.lines();
        pages += r.counts().pages();
        entries += r.counts().entries();
        logItems += r.counts().logItems();
        if (listener != null) {
            listener.progress(source.progress(), pages);
        }
        return true;
    }

    /** Writes parsed items through the writer itself. */
    private void replay(List<Object> items) {
        for (Object o : items) {
            if (o instanceof PageEntry e) {
                writer.write(e);
            } else if (o instanceof Page p) {
                writer.writePage(p);
            } else {
                writer.writeLogItem((LogItem) o);
            }
        }
    }

    // ---------------------------------------------------------------- workers

    /** Parses one chunk (with the head, and its page's header when it starts inside a page). */
    private Result work(PageSplitter.Chunk chunk, PageRuns runs) throws IOException {
        List<InputStream> parts = new ArrayList<>(4);
        parts.add(new ByteArrayInputStream(head));
        if (chunk.pageHeader() != null) {
            parts.add(new ByteArrayInputStream(chunk.pageHeader()));
        }
        parts.add(new ByteArrayInputStream(chunk.data(), 0, chunk.length()));
        if (!chunk.last()) {
            parts.add(new ByteArrayInputStream(chunk.endsInsidePage() ? PAGE_AND_FOOTER : FOOTER));
        }
        long lines = PageSplitter.lines(chunk.data(), chunk.length());
        try (DumpReader reader = open(new SequenceInputStream(Collections.enumeration(parts)), () -> -1)) {
            PageRunWriter sink;
            ByteSink bytes = null;
            List<Object> items = null;
            Page continued = null;
            Page page = reader.nextPage();
            if (chunk.pageHeader() != null) {
                continued = page;
            }
            if (runs != null) {
                bytes = new ByteSink(pool.take(Math.max(1024, chunk.length() + (chunk.length() >> 1))));
                sink = runs.newRun(bytes, continued);
            } else {
                items = new ArrayList<>();
                sink = new Collector(items);
            }
            Copied counts = copy(reader, page, continued != null, sink);
            sink.end(chunk.endsInsidePage());
            return new Result(bytes == null ? null : bytes.buffer(), bytes == null ? 0 : bytes.size(), items,
                    continued, chunk.endsInsidePage() ? counts.last() : null, lines, counts,
                    Map.copyOf(reader.skippedElements()));
        }
    }

    /** Keeps what a chunk holds, in order, for a writer without page runs. */
    private record Collector(List<Object> items) implements PageRunWriter {
        @Override
        public void writePage(Page page) {
            items.add(page);
        }

        @Override
        public void write(PageEntry entry) {
            items.add(entry);
        }

        @Override
        public void writeLogItem(LogItem item) {
            items.add(item);
        }

        @Override
        public void end(boolean leaveLastPageOpen) {
        }
    }

    /**
     * Copies pages, entries and log items from a reader positioned on {@code page} into a sink;
     * the first page is not started when it continues one of an earlier piece.
     */
    private static Copied copy(DumpReader reader, Page page, boolean continues, PageRunWriter sink) {
        long pages = 0;
        long entries = 0;
        long logItems = 0;
        Page last = null;
        boolean started = continues;
        for (Page p = page; p != null; p = reader.nextPage()) {
            if (!started) {
                sink.writePage(p);
                pages++;
            }
            started = false;
            last = p;
            for (PageEntry e = reader.nextEntry(); e != null; e = reader.nextEntry()) {
                sink.write(e);
                entries++;
            }
        }
        for (LogItem item = reader.nextLogItem(); item != null; item = reader.nextLogItem()) {
            sink.writeLogItem(item);
            logItems++;
        }
        return new Copied(pages, entries, logItems, last);
    }

    private DumpReader open(InputStream content, java.util.function.LongSupplier bytesRead) throws IOException {
        return xml.open(new ReaderInput(new BufferedInputStream(content, 1 << 16), source.file(), source.name(),
                source.compression(), bytesRead, source.totalBytes()), options);
    }

    // ---------------------------------------------------------------- one reader from here on

    /**
     * Reads the rest of the dump with one reader, from the given bytes on (the start of a chunk and
     * everything read after it), writing through the writer itself. Errors are reported with the lines
     * of the whole document.
     *
     * @param pageHeader the header of the page the bytes start inside, or null
     */
    private void sequential(byte[] pageHeader, List<byte[]> bytes, InputStream rest) throws IOException {
        List<InputStream> parts = new ArrayList<>();
        long syntheticLines = 0;
        if (head != null) {
            parts.add(new ByteArrayInputStream(head));
            syntheticLines += headLines;
        }
        if (pageHeader != null) {
            parts.add(new ByteArrayInputStream(pageHeader));
            syntheticLines += PageSplitter.lines(pageHeader, pageHeader.length);
        }
        for (byte[] b : bytes) {
            parts.add(new ByteArrayInputStream(b));
        }
        parts.add(rest);
        long lineShift = linesBefore - syntheticLines;
        try (DumpReader reader = open(new SequenceInputStream(Collections.enumeration(parts)), source.bytesRead())) {
            if (!siteInfoWritten) {
                writer.writeSiteInfo(reader.siteInfo());
                siteInfoWritten = true;
            }
            Page page = reader.nextPage();
            long pagesBefore = pages;
            Copied counts = copy(reader, page, pageHeader != null, new PageRunWriter() {
                private long started;

                @Override
                public void writePage(Page p) {
                    writer.writePage(p);
                    if (listener != null && (++started & 63) == 0) {
                        listener.progress(source.progress(), pagesBefore + started);
                    }
                }

                @Override
                public void write(PageEntry e) {
                    writer.write(e);
                }

                @Override
                public void writeLogItem(LogItem item) {
                    writer.writeLogItem(item);
                }

                @Override
                public void end(boolean leaveLastPageOpen) {
                }
            });
            pages += counts.pages();
            entries += counts.entries();
            logItems += counts.logItems();
            reader.skippedElements().forEach((k, v) -> skipped.merge(k, v, Long::sum));
        } catch (DumpException e) {
            throw shifted(e, lineShift);
        }
    }

    /** The exception with its line moved from the reader's document to the whole dump's. */
    private static DumpException shifted(DumpException e, long lineShift) {
        DumpLocation l = e.location();
        if (l.line() < 0 || lineShift == 0) {
            return e;
        }
        return e.at(new DumpLocation(l.source(), l.compressedOffset(), l.line() + lineShift, l.column(), l.pageId(),
                l.pageTitle(), l.revisionId()));
    }

    /** A stream that fails as the decoded input failed. */
    private static InputStream failing(Exception e) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                if (e instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) e;
            }
        };
    }

    ParallelDumps.CopyStats stats() {
        return new ParallelDumps.CopyStats(pages, entries, logItems, Collections.unmodifiableMap(skipped), true);
    }

    /** An unsynchronized byte array output stream that hands out its buffer. */
    static final class ByteSink extends OutputStream {
        private byte[] buf;
        private int size;

        ByteSink(byte[] buffer) {
            buf = buffer;
        }

        @Override
        public void write(int b) {
            if (size == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            buf[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (buf.length - size < len) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + len));
            }
            System.arraycopy(b, off, buf, size, len);
            size += len;
        }

        byte[] buffer() {
            return buf;
        }

        int size() {
            return size;
        }
    }
}
