package org.mwdump.write.layout;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mwdump.DumpException;
import org.mwdump.DumpLocation;
import org.mwdump.spi.OutputFiles;
import org.mwdump.write.bzip2.Bzip2OutputStream;

/**
 * Rewrites a MediaWiki XML dump (decompressed bytes) in a page-aligned layout for random access, the
 * way Wikimedia's {@code recompressxml} makes {@code *-multistream.xml.bz2} files: a header chunk up
 * to and including the line {@code </siteinfo>}, chunks of {@code pagesPerChunk} whole pages (each
 * starting at a {@code <page>} line and ending after a {@code </page>} line; for zstd also ended early at
 * a page end once it holds {@link #DEFAULT_ZSTD_FRAME_BYTES}), a footer chunk from the
 * {@code </mediawiki>} line, and an index of {@code offset:page_id:title} lines (the title as it is
 * written in the XML, so still escaped; the id the first {@code <id>} after the title), compressed with
 * the layout's own compressor: bz2 for the multistream layout (as Wikimedia's index), zstd for seekable
 * zstd (a bz2 encoder would cost that layout more than its whole compression does).
 *
 * <p>Two layouts: {@link Layout#BZIP2_MULTISTREAM}, one bz2 stream per chunk followed by the 14-byte
 * empty stream Wikimedia's tool appends; and {@link Layout#SEEKABLE_ZSTD}, one zstd frame per chunk
 * (content size and checksum set) followed by the seek table of the zstd seekable format with
 * per-frame checksums, which plain {@code zstd -d} skips.
 *
 * <p>Chunks are independent, so they are compressed on {@code threads} threads; memory is about
 * {@code 2 × threads} chunks. Outputs are written under temporary names and renamed when complete; they
 * get the mode of any new file under the process umask.
 */
public final class Recompressor implements AutoCloseable {
    /** The empty bz2 stream recompressxml writes at the end of every file. */
    static final byte[] EMPTY_BZIP2_STREAM = {0x42, 0x5A, 0x68, 0x39, 0x17, 0x72, 0x45, 0x38, 0x50, (byte) 0x90, 0, 0, 0, 0};

    /** The random-access layouts. */
    public enum Layout {
        /** Wikimedia's multistream bz2 with its text index ({@code recompressxml}). */
        BZIP2_MULTISTREAM,
        /** Zstandard frames of whole pages with the seek table, and the same text index, zstd-compressed. */
        SEEKABLE_ZSTD
    }

    /**
     * Default size, in bytes of XML, after which a seekable zstd frame ends at the next page end. A lookup
     * decodes one whole frame (to verify its checksum), so the frame size sets its latency: about 0.3 ms
     * for 256 KiB of wikitext. Bigger frames compress a few percent better.
     */
    public static final long DEFAULT_ZSTD_FRAME_BYTES = 256 << 10;

    private final Layout layout;
    private final int pagesPerChunk;
    private final long maxChunkBytes;
    private final int threads;
    private final int zstdLevel;
    /** One zstd context per compressing thread, all closed when the run ends. */
    private final List<ZstdCompressCtx> openContexts = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<ZstdCompressCtx> zstdContexts = ThreadLocal.withInitial(this::newZstdContext);
    /** Each compressing thread's output buffer, reused from frame to frame. */
    private final ThreadLocal<byte[]> zstdOutput = ThreadLocal.withInitial(() -> new byte[0]);

    /**
     * A recompressor with the default chunk size limit: none for bz2 (Wikimedia's files have exactly
     * {@code pagesPerChunk} pages per stream), {@link #DEFAULT_ZSTD_FRAME_BYTES} for zstd.
     *
     * @param layout        the output layout
     * @param pagesPerChunk whole pages per stream or frame (Wikimedia: 100)
     * @param threads       compression threads
     */
    public Recompressor(Layout layout, int pagesPerChunk, int threads) {
        this(layout, pagesPerChunk, threads, 3);
    }

    /**
     * As above, with a zstd level (ignored for bz2, which always uses 900k blocks like Wikimedia's files).
     *
     * @param layout        the output layout
     * @param pagesPerChunk whole pages per stream or frame
     * @param threads       compression threads
     * @param zstdLevel     the zstd level
     */
    public Recompressor(Layout layout, int pagesPerChunk, int threads, int zstdLevel) {
        this(layout, pagesPerChunk, defaultMaxChunkBytes(layout), threads, zstdLevel);
    }

    /**
     * The general form.
     *
     * @param maxChunkBytes a stream or frame also ends at the first page end at which it holds at least this
     *                      many bytes of XML ({@link Long#MAX_VALUE}: only {@code pagesPerChunk} counts)
     * @param layout        the output layout
     * @param pagesPerChunk whole pages per stream or frame
     * @param threads       compression threads
     * @param zstdLevel     the zstd level (ignored for bz2)
     */
    public Recompressor(Layout layout, int pagesPerChunk, long maxChunkBytes, int threads, int zstdLevel) {
        this.layout = Objects.requireNonNull(layout, "layout is null");
        if (pagesPerChunk < 1 || threads < 1 || maxChunkBytes < 1) {
            throw new IllegalArgumentException("pagesPerChunk, maxChunkBytes and threads must be at least 1");
        }
        this.pagesPerChunk = pagesPerChunk;
        this.maxChunkBytes = maxChunkBytes;
        this.threads = threads;
        this.zstdLevel = zstdLevel;
        if (layout == Layout.SEEKABLE_ZSTD) {
            loadZstdAhead();
        }
    }

    /** Whether {@link #loadZstdAhead()} has started, once per JVM. */
    private static final java.util.concurrent.atomic.AtomicBoolean ZSTD_LOADING =
            new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Starts loading zstd's native library on a thread of its own, once. Loading it copies it out of its jar
     * into a temporary file first, which takes a noticeable part of a short run (some 40 ms); otherwise that
     * would happen at the first frame, in the path of the thread that splits the input, which meanwhile
     * opens the input. A failure here is left to the first frame to report.
     */
    private static void loadZstdAhead() {
        if (ZSTD_LOADING.getAndSet(true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                com.github.luben.zstd.util.Native.load();
            } catch (RuntimeException | LinkageError e) {
                // the first frame loads it again and reports what goes wrong
            }
        }, "mwdump-zstd-load");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The chunk size limit a layout gets unless told otherwise.
     *
     * @param layout the output layout
     * @return the limit in bytes of XML
     */
    public static long defaultMaxChunkBytes(Layout layout) {
        return layout == Layout.SEEKABLE_ZSTD ? DEFAULT_ZSTD_FRAME_BYTES : Long.MAX_VALUE;
    }

    /** What was written. */
    public record Result(long pages, long chunks, long bytesIn, long bytesOut) {
    }

    /**
     * Reads decompressed XML from {@code xml} and writes the dump to {@code out} and its index to
     * {@code index} (text, compressed as the layout's class description says).
     *
     * @param xml   the dump's decompressed XML
     * @param out   the dump file to write
     * @param index the index file to write
     * @return what was written
     * @throws org.mwdump.DumpException "cannot read input: ..." when {@code xml} fails, "cannot create
     *                                  FILE: ..." when its directory is missing or cannot be written,
     *                                  "cannot write FILE: ..." when a file cannot be written (with the
     *                                  {@link IOException} as the cause); nothing is left behind
     */
    public Result recompress(InputStream xml, Path out, Path index) {
        java.util.Objects.requireNonNull(xml, "xml is null");
        try {
            return write(failingUnchecked(xml), out, index);
        } catch (ReadFailure e) {
            throw inputFailed(e);
        } catch (IOException e) {
            String file = e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null ? fs.getFile()
                    : out.toString();
            throw org.mwdump.DumpException.cannotWrite(file, e);
        }
    }

    /** The input, its failures thrown as {@link ReadFailure} so that they are not taken for the output's. */
    private static InputStream failingUnchecked(InputStream xml) {
        return new java.io.FilterInputStream(xml) {
            @Override
            public int read() {
                try {
                    return in.read();
                } catch (IOException e) {
                    throw new ReadFailure(e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) {
                try {
                    return in.read(b, off, len);
                } catch (IOException e) {
                    throw new ReadFailure(e);
                }
            }
        };
    }

    private static org.mwdump.DumpException inputFailed(ReadFailure e) {
        return org.mwdump.DumpException.cannotRead(e.getCause(),
                new org.mwdump.DumpLocation("input", -1, -1, -1, null, null, null));
    }

    /** The input failing, carried past the writing code to {@link #recompress}. */
    private static final class ReadFailure extends java.io.UncheckedIOException {
        private static final long serialVersionUID = 1L;

        ReadFailure(IOException cause) {
            super(cause);
        }
    }

    private Result write(InputStream xml, Path out, Path index) throws IOException {
        Path tempOut = OutputFiles.createTempBesideOutput(out);
        Path tempIndex;
        try {
            tempIndex = OutputFiles.createTempBesideOutput(index);
        } catch (RuntimeException e) {
            OutputFiles.discard(tempOut);
            throw e;
        }
        try {
            // the files are written by threads of their own, so that this one only splits the input
            OutputStream dump = behind(tempOut, "mwdump-write");
            OutputStream indexFile;
            try {
                indexFile = behind(tempIndex, "mwdump-write-index");
            } catch (IOException | RuntimeException | Error e) {
                dump.close();
                throw e;
            }
            Result result = write(xml, dump, indexFile);
            OutputFiles.moveIntoPlace(tempOut, out);
            OutputFiles.moveIntoPlace(tempIndex, index);
            return result;
        } finally {
            OutputFiles.discard(tempOut);
            OutputFiles.discard(tempIndex);
        }
    }

    /** A stream onto a new (empty) file, written by a thread of its own. */
    private static OutputStream behind(Path file, String threadName) throws IOException {
        return org.mwdump.spi.WriteBehindOutputStream.onFile(file, threadName, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
    }

    /**
     * Like {@link #recompress(InputStream, Path, Path)}, onto streams (for example files of another file
     * system): the dump goes to {@code out}, its index, compressed as the layout's, to {@code index}. Both
     * streams are closed when the method returns, also when it fails (and what was written then is
     * incomplete: the caller discards it).
     *
     * @param xml   the dump's decompressed XML
     * @param out   where the dump goes
     * @param index where its index goes
     * @return what was written
     * @throws org.mwdump.DumpException "cannot read input: ..." when {@code xml} fails, "cannot write
     *                                  output: ..." when a stream fails
     */
    public Result recompress(InputStream xml, OutputStream out, OutputStream index) {
        java.util.Objects.requireNonNull(xml, "xml is null");
        try {
            return write(failingUnchecked(xml), out, index);
        } catch (ReadFailure e) {
            throw inputFailed(e);
        } catch (IOException e) {
            throw org.mwdump.DumpException.cannotWrite("output", e);
        }
    }

    /**
     * A stream to write XML into, which this recompressor lays out onto {@code out} and {@code index} as it
     * comes, on a thread of its own: for writers that produce the XML (an {@code XmlDumpWriter}) rather than
     * read it. Closing the stream waits until everything is written and closes {@code out} and
     * {@code index}; {@link XmlSink#result()} then says what was written.
     *
     * @param out   where the dump goes
     * @param index where its index goes
     * @return the stream to write the XML into
     */
    public XmlSink xmlSink(OutputStream out, OutputStream index) {
        return new XmlSink(this, out, index);
    }

    /** XML going into a recompressor on another thread; see {@link #xmlSink}. */
    public static final class XmlSink extends OutputStream {
        private final java.io.PipedOutputStream pipe;
        private final java.util.concurrent.FutureTask<Result> task;
        private Result result;

        private XmlSink(Recompressor recompressor, OutputStream out, OutputStream index) {
            java.io.PipedInputStream xml = new java.io.PipedInputStream(1 << 20);
            try {
                pipe = new java.io.PipedOutputStream(xml);
            } catch (IOException e) {
                throw new IllegalStateException(e); // a new pipe is not connected yet
            }
            task = new java.util.concurrent.FutureTask<>(() -> {
                try (InputStream in = xml) {
                    return recompressor.recompress(in, out, index);
                }
            });
            Thread t = new Thread(task, "mwdump-recompress-sink");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void write(int b) throws IOException {
            check();
            pipe.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check();
            pipe.write(b, off, len);
        }

        /** Fails at once when the recompressor has failed, rather than when the pipe is full. */
        private void check() {
            if (task.isDone()) {
                result();
            }
        }

        @Override
        public void close() throws IOException {
            if (result == null) {
                pipe.close();
                result = result();
            }
        }

        /**
         * What was written, once the stream is closed (waits until then).
         *
         * @return the result
         * @throws org.mwdump.DumpException as the recompressor threw it, when it failed
         */
        public Result result() {
            if (result != null) {
                return result;
            }
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                task.cancel(true);
                throw org.mwdump.DumpException.cannotWrite("output", new java.io.InterruptedIOException(
                        "interrupted while recompressing"));
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof org.mwdump.DumpException d) {
                    throw d;
                }
                throw new org.mwdump.DumpException("recompression failed: " + e.getCause(),
                        org.mwdump.DumpLocation.UNKNOWN, e.getCause());
            }
        }
    }

    private Result write(InputStream xml, OutputStream out, OutputStream index) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mwdump-recompress");
            t.setDaemon(true);
            return t;
        });
        try (OutputStream dump = new BufferedOutputStream(out, 1 << 20);
             // the index is compressed on threads of its own, so that the split does not wait for it; its
             // lines, two writes each, are gathered before they reach the compressor, a native call a write
             OutputStream idx = new BufferedOutputStream(indexStream(new BufferedOutputStream(index, 1 << 16)),
                     1 << 16)) {
            return run(xml, dump, idx, pool);
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            close();
        }
    }

    /**
     * The stream an index is written through: bz2 for the multistream layout, zstd (with checksum) for
     * seekable zstd, as the class comment says.
     *
     * @param file where the compressed index goes
     * @return the stream to write index lines into; closing it closes {@code file}
     * @throws DumpException "cannot write index: ..." if the compressor cannot start
     */
    public OutputStream indexStream(OutputStream file) {
        if (layout == Layout.SEEKABLE_ZSTD) {
            try {
                com.github.luben.zstd.ZstdOutputStream z = new com.github.luben.zstd.ZstdOutputStream(file, zstdLevel);
                z.setChecksum(true);
                return z;
            } catch (IOException e) {
                throw DumpException.cannotWrite("index", e);
            }
        }
        return new Bzip2OutputStream(file, 9, 2);
    }

    /**
     * A chunk of XML ({@code xml[0..length)}) and the index lines of its pages without their offsets, each
     * {@code :page_id:title\n} (the offset is put in front of each when the chunk is written).
     */
    private record Chunk(byte[] xml, int length, byte[] pages) {
    }

    private static final byte[] NO_PAGES = new byte[0];
    private static final byte[] PAGE = ascii("<page>");
    private static final byte[] PAGE_ATTRS = ascii("<page ");
    private static final byte[] PAGE_END = ascii("</page>");
    private static final byte[] TITLE = ascii("<title>");
    private static final byte[] TITLE_END = ascii("</title>");
    private static final byte[] ID = ascii("<id>");
    private static final byte[] ID_END = ascii("</id>");
    private static final byte[] SITEINFO_END = ascii("</siteinfo>");
    private static final byte[] MEDIAWIKI_END = ascii("</mediawiki>");
    /** Markup is only looked at in lines no longer than this (after white space is trimmed). */
    private static final int MAX_MARKUP_LINE = 4096;
    /** Bytes read at a time: what follows a chunk's end in its buffer is moved to the next chunk's. */
    private static final int READ_SIZE = 1 << 16;
    /** Bytes after a {@code <} that tell whether its line can matter ({@code </mediawiki>} is the longest). */
    private static final int LOOKAHEAD = 12;

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The split into chunks. The input is read straight into the buffer of the chunk being formed, so a
     * chunk is a prefix of {@link #cur}; when it ends, the bytes read past its end move to the next
     * buffer. Lines are not visited one by one: a line can only matter when its first character other
     * than spaces and tabs is {@code <} (markup), and of those only {@code <page>}, {@code </page>},
     * {@code <title>}, {@code <id>}, {@code </siteinfo>} and {@code </mediawiki>} lines do, so the scan
     * jumps from {@code <} to {@code <} (in XML text {@code <} is always escaped, so they are few) and
     * looks at a line only when it starts with one of those.
     */
    private final class Splitter {
        final ExecutorService pool;
        final OutputStream dump;
        final OutputStream index;
        final ArrayDeque<Future<byte[]>> pending = new ArrayDeque<>();
        final ArrayDeque<Chunk> pendingChunks = new ArrayDeque<>();
        final List<long[]> seekTable = new ArrayList<>();
        final ArrayDeque<byte[]> free = new ArrayDeque<>();
        final int initialBuffer;
        long written;
        long pages;
        long chunks;
        long bytesIn;
        /** The chunk being formed is {@code cur[0..filled)} so far; {@code cur[0..pos)} has been scanned. */
        byte[] cur;
        int filled;
        int pos;
        boolean eof;
        /** A markup line at {@code <} {@code waitingLt} whose end was not read yet; its line feed is sought from {@code waitingFrom}. */
        int waitingLt = -1;
        int waitingFrom;
        /** The index lines of the chunk's pages so far ({@code :id:title\n} each). */
        byte[] entries = new byte[1 << 12];
        int entriesLength;
        int pagesInChunk;
        boolean header = true;
        byte[] pendingTitle;

        Splitter(ExecutorService pool, OutputStream dump, OutputStream index) {
            this.pool = pool;
            this.dump = dump;
            this.index = index;
            this.initialBuffer = (int) Math.min(1 << 20, maxChunkBytes + (maxChunkBytes >> 2) + 2L * READ_SIZE);
            this.cur = new byte[initialBuffer];
        }

        void splitAll(InputStream xml) throws IOException {
            while (true) {
                scan();
                if (eof) {
                    break;
                }
                if (cur.length - filled < READ_SIZE / 4) {
                    cur = java.util.Arrays.copyOf(cur, Math.max(cur.length * 2, filled + READ_SIZE));
                }
                int n = xml.read(cur, filled, Math.min(READ_SIZE, cur.length - filled));
                if (n < 0) {
                    eof = true; // one more scan: the last line has no line feed
                } else {
                    filled += n;
                    bytesIn += n;
                }
            }
            if (filled > 0) {
                endChunk(filled, takeEntries());
            }
            drain(true);
        }

        /** Looks at the markup lines in {@code cur[pos..filled)} that are complete (all of them at the end of the input). */
        void scan() throws IOException {
            while (true) {
                int lt = indexOf(cur, pos, filled, LESS_THANS);
                if (lt < 0) {
                    pos = filled;
                    return;
                }
                if (filled - lt < LOOKAHEAD && !eof) {
                    pos = lt; // not enough read to tell what it is
                    return;
                }
                if (!mayMatter(lt)) {
                    pos = lt + 1;
                    continue;
                }
                // only spaces and tabs before it on its line (a chunk always starts at a line start)
                int lineStart = lt;
                while (lineStart > 0 && (cur[lineStart - 1] == ' ' || cur[lineStart - 1] == '\t')) {
                    lineStart--;
                }
                if (lineStart > 0 && cur[lineStart - 1] != '\n') {
                    pos = lt + 1;
                    continue;
                }
                int nl = indexOf(cur, lt == waitingLt ? waitingFrom : lt + 1, filled, NEWLINES);
                if (nl < 0 && !eof) {
                    waitingLt = lt;
                    waitingFrom = filled;
                    pos = lt;
                    return;
                }
                waitingLt = -1;
                int end = nl < 0 ? filled : nl + 1;
                pos = end;
                markupLine(lineStart, lt, end);
            }
        }

        /** Whether a line starting with the {@code <} at {@code lt} can be one that matters (a quick first test). */
        boolean mayMatter(int lt) {
            int c1 = lt + 1 < filled ? cur[lt + 1] : 0;
            if (header) {
                return c1 == 'p' || c1 == '/';
            }
            if (c1 == '/') {
                int c2 = lt + 2 < filled ? cur[lt + 2] : 0;
                return c2 == 'p' || c2 == 'm';
            }
            return c1 == 't' || (c1 == 'i' && pendingTitle != null);
        }

        /** The line {@code cur[lineStart..end)} (with its line feed if it has one), whose markup starts at {@code s}. */
        void markupLine(int lineStart, int s, int end) throws IOException {
            byte[] b = cur;
            // trailing white space is ignored; the markup that matters is in lines of at most 4096 bytes
            int e = end;
            while (e > s && (b[e - 1] == '\n' || b[e - 1] == '\r' || b[e - 1] == ' ')) {
                e--;
            }
            // a longer line is taken as empty, which matches nothing; without a branch of its own, which would
            // be compiled as a trap (such lines are rare) and this method compiled anew at the first one
            e += (s - e) & ((MAX_MARKUP_LINE - (e - s)) >> 31);
            if (header) {
                if (startsWith(b, s, e, PAGE) || startsWith(b, s, e, PAGE_ATTRS)) {
                    // no </siteinfo>: the header ends before the first page
                    header = false;
                    endChunk(lineStart, NO_PAGES);
                } else if (equalTo(b, s, e, SITEINFO_END)) {
                    header = false;
                    endChunk(end, NO_PAGES);
                }
                return;
            }
            if (startsWith(b, s, e, MEDIAWIKI_END)) {
                if (lineStart > 0) {
                    endPages(lineStart);
                }
                return;
            }
            if (startsWith(b, s, e, TITLE) && endsWith(b, s, e, TITLE_END)) {
                pendingTitle = java.util.Arrays.copyOfRange(b, s + TITLE.length, e - TITLE_END.length);
            } else if (pendingTitle != null && startsWith(b, s, e, ID) && endsWith(b, s, e, ID_END)) {
                addEntry(b, s + ID.length, e - ID_END.length, pendingTitle);
                pendingTitle = null;
            } else if (equalTo(b, s, e, PAGE_END)) {
                pages++;
                pagesInChunk++;
                // both limits in one test, computed without a branch for each (-1 when reached): a limit first
                // reached late in a run (the page count after only frames ended by size, say) would otherwise
                // be compiled as a trap, and this method compiled anew when it is reached
                int full = (pagesPerChunk - 1 - pagesInChunk) >> 31 | (int) ((maxChunkBytes - 1 - end) >> 63);
                if (full != 0) {
                    endPages(end);
                }
            }
        }

        /** Adds {@code :id:title\n} to the chunk's index lines. */
        void addEntry(byte[] b, int idStart, int idEnd, byte[] title) {
            byte[] id = utf8(b, idStart, idEnd);
            byte[] t = utf8(title, 0, title.length);
            int n = id.length + t.length + 3;
            if (entriesLength + n > entries.length) {
                entries = java.util.Arrays.copyOf(entries, Math.max(entries.length * 2, entriesLength + n));
            }
            entries[entriesLength++] = ':';
            System.arraycopy(id, 0, entries, entriesLength, id.length);
            entriesLength += id.length;
            entries[entriesLength++] = ':';
            System.arraycopy(t, 0, entries, entriesLength, t.length);
            entriesLength += t.length;
            entries[entriesLength++] = '\n';
        }

        byte[] takeEntries() {
            byte[] taken = entriesLength == 0 ? NO_PAGES : java.util.Arrays.copyOf(entries, entriesLength);
            entriesLength = 0;
            return taken;
        }

        void endPages(int at) throws IOException {
            endChunk(at, takeEntries());
            pagesInChunk = 0;
        }

        /** Ends the chunk at {@code cur[at]}; what was read after it starts the next one. */
        void endChunk(int at, byte[] chunkPages) throws IOException {
            int rest = filled - at;
            // a buffer whose chunk has been written is used again (no fresh memory for every chunk)
            byte[] next = free.poll();
            if (next == null || next.length < rest + READ_SIZE) {
                next = new byte[Math.max(initialBuffer, rest + READ_SIZE)];
            }
            System.arraycopy(cur, at, next, 0, rest);
            Chunk chunk = new Chunk(cur, at, chunkPages);
            cur = next;
            filled = rest;
            pos -= at;
            pending.add(pool.submit(() -> compress(chunk.xml(), chunk.length())));
            pendingChunks.add(chunk);
            chunks++;
            drain(false);
        }

        void drain(boolean all) throws IOException {
            while (!pending.isEmpty() && (all || pending.size() > 2 * threads || pending.peek().isDone())) {
                byte[] compressed;
                try {
                    compressed = pending.poll().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    throw new DumpException("compression failed: " + cause, DumpLocation.UNKNOWN, cause);
                }
                Chunk chunk = pendingChunks.poll();
                free.add(chunk.xml());
                if (chunk.pages().length > 0) {
                    writeIndexLines(index, written, chunk.pages());
                }
                dump.write(compressed);
                written += compressed.length;
                if (layout == Layout.SEEKABLE_ZSTD) {
                    // the frame ends with its content checksum: the low 32 bits of XXH64, as the seek table wants
                    long checksum = frameChecksum(compressed);
                    seekTable.add(new long[] {compressed.length, chunk.length(), checksum});
                }
            }
        }
    }

    /**
     * Writes the lines {@code offset:page_id:title} of a chunk's pages ({@code :page_id:title\n} each) at
     * {@code offset} to {@code index}.
     */
    static void writeIndexLines(OutputStream index, long offset, byte[] pages) throws IOException {
        byte[] digits = Long.toString(offset).getBytes(StandardCharsets.US_ASCII);
        int from = 0;
        while (from < pages.length) {
            int next = indexOf(pages, from, pages.length, NEWLINES) + 1;
            index.write(digits);
            index.write(pages, from, next - from);
            from = next;
        }
    }

    /**
     * {@code b[from..to)} as it is when it is well-formed UTF-8, which is nearly always; otherwise as
     * Java decodes and encodes it again (each malformed sequence becomes U+FFFD).
     */
    static byte[] utf8(byte[] b, int from, int to) {
        return isUtf8(b, from, to) ? java.util.Arrays.copyOfRange(b, from, to)
                : new String(b, from, to - from, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code b[from..to)} is well-formed UTF-8 (RFC 3629: no overlong forms, surrogates or code points past U+10FFFF). */
    static boolean isUtf8(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                if (c == 0xE0) {
                    lo = 0xA0;
                } else if (c == 0xED) {
                    hi = 0x9F;
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                if (c == 0xF0) {
                    lo = 0x90;
                } else if (c == 0xF4) {
                    hi = 0x8F;
                }
            } else {
                return false;
            }
            if (i + n >= to) {
                return false; // fewer than n continuation bytes left
            }
            int c1 = b[i + 1] & 0xFF;
            if (c1 < lo || c1 > hi) {
                return false;
            }
            for (int k = 2; k <= n; k++) {
                int ck = b[i + k] & 0xFF;
                if (ck < 0x80 || ck > 0xBF) {
                    return false;
                }
            }
            i += n + 1;
        }
        return true;
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = ONES * '\n';
    private static final long LESS_THANS = ONES * '<';

    /** The index of the first {@code \n} in {@code b[from..to)}, or -1. */
    static int indexOfNewline(byte[] b, int from, int to) {
        return indexOf(b, from, to, NEWLINES);
    }

    /**
     * The index of the first byte {@code c} in {@code b[from..to)}, or -1, given {@code ONES * c}; eight bytes
     * at a time. The last one to seven bytes are looked at as a word too, the one that ends at {@code to}
     * shifted down, so that a match there takes the same path as any other: a byte-by-byte loop for them,
     * seldom finding anything, would be compiled as a trap, and every method it is inlined into compiled
     * anew once it does.
     */
    static int indexOf(byte[] b, int from, int to, long pattern) {
        for (int i = from; i < to; i += 8) {
            long x;
            long valid;
            if (to - i >= 8) {
                x = (long) LONGS.get(b, i);
                valid = HIGHS;
            } else if (to >= 8) {
                // b[to - 8..to) shifted so that b[i] is its lowest byte; the bytes shifted in are not looked at
                int shift = (8 - (to - i)) << 3;
                x = (long) LONGS.get(b, to - 8) >>> shift;
                valid = HIGHS >>> shift;
            } else {
                return indexOfByteByByte(b, i, to, (byte) pattern); // fewer than 8 bytes before to
            }
            x ^= pattern;
            long found = (x - ONES) & ~x & valid;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        return -1;
    }

    private static int indexOfByteByByte(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] b, int s, int e, byte[] token) {
        if (e - s < token.length) {
            return false;
        }
        for (int i = 0; i < token.length; i++) {
            if (b[s + i] != token[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(byte[] b, int s, int e, byte[] token) {
        return e - s >= token.length && startsWith(b, e - token.length, e, token);
    }

    private static boolean equalTo(byte[] b, int s, int e, byte[] token) {
        return e - s == token.length && startsWith(b, s, e, token);
    }

    private Result run(InputStream xml, OutputStream dump, OutputStream index, ExecutorService pool)
            throws IOException {
        Splitter split = new Splitter(pool, dump, index);
        split.splitAll(xml);
        if (layout == Layout.BZIP2_MULTISTREAM) {
            dump.write(EMPTY_BZIP2_STREAM);
            split.written += EMPTY_BZIP2_STREAM.length;
        } else {
            byte[] table = seekTable(split.seekTable);
            dump.write(table);
            split.written += table.length;
        }
        return new Result(split.pages, split.chunks, split.bytesIn, split.written);
    }

    private ZstdCompressCtx newZstdContext() {
        ZstdCompressCtx ctx = new ZstdCompressCtx();
        ctx.setLevel(zstdLevel);
        ctx.setChecksum(true);
        ctx.setContentSize(true);
        openContexts.add(ctx);
        return ctx;
    }

    private byte[] compress(byte[] xml, int length) {
        return compressChunk(xml, 0, length);
    }

    /**
     * Compresses one chunk on the calling thread, as this recompressor compresses each: one bz2 stream
     * at level 9 (byte-identical to {@code bzip2 -9}), or one zstd frame with content size and checksum.
     * For callers that lay chunks out themselves ({@code apply}); {@link #close()} releases the zstd
     * contexts made for them.
     *
     * @param xml    the chunk's XML
     * @param offset where it starts in {@code xml}
     * @param length its length
     * @return the compressed chunk
     */
    public byte[] compressChunk(byte[] xml, int offset, int length) {
        return compressChunk(xml, offset, length, 1);
    }

    /**
     * As {@link #compressChunk(byte[], int, int)}, a bz2 stream's blocks compressed on {@code threads} threads
     * (the same bytes): for a caller with fewer chunks than threads.
     *
     * @param xml     the chunk's XML
     * @param offset  where it starts in {@code xml}
     * @param length  its length
     * @param threads threads for a bz2 stream's blocks (zstd: one)
     * @return the compressed chunk
     */
    public byte[] compressChunk(byte[] xml, int offset, int length, int threads) {
        if (layout == Layout.SEEKABLE_ZSTD) {
            ZstdCompressCtx ctx = zstdContexts.get();
            int bound = (int) Zstd.compressBound(length);
            byte[] out = zstdOutput.get();
            if (out.length < bound) {
                out = new byte[bound];
                zstdOutput.set(out);
            }
            int n = ctx.compressByteArray(out, 0, out.length, xml, offset, length);
            return java.util.Arrays.copyOf(out, n);
        }
        return Bzip2OutputStream.compress(xml, offset, length, 9, threads);
    }

    /** Releases the zstd contexts that {@link #compressChunk} made (a recompression releases its own). */
    @Override
    public void close() {
        synchronized (openContexts) {
            openContexts.forEach(ZstdCompressCtx::close);
            openContexts.clear();
        }
    }

    /**
     * The checksum a seek table entry wants for a zstd frame: its content checksum, the frame's last 4 bytes.
     *
     * @param frame a frame written with a checksum
     * @return the low 32 bits of the content's XXH64
     */
    public static long frameChecksum(byte[] frame) {
        return ByteBuffer.wrap(frame, frame.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
    }

    /**
     * The seek table frame of the zstd seekable format, with checksums.
     *
     * @param entries per frame: compressed size, decompressed size, checksum
     * @return the skippable frame that ends a seekable zstd file
     */
    public static byte[] seekTable(List<long[]> entries) {
        int n = entries.size();
        ByteBuffer b = ByteBuffer.allocate(8 + n * 12 + 9).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x184D2A5E);
        b.putInt(n * 12 + 9);
        for (long[] e : entries) {
            if (e[0] > 0xFFFFFFFFL || e[1] > 0xFFFFFFFFL) {
                throw new IllegalStateException("a frame of more than 4 GiB cannot be described by a seek table");
            }
            b.putInt((int) e[0]).putInt((int) e[1]).putInt((int) e[2]);
        }
        b.putInt(n);
        b.put((byte) 0x80);
        b.putInt(0x8F92EAB1);
        return b.array();
    }
}
