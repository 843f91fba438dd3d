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
 * written in the XML, so still escaped; the id the first {@code <id>} after the title), bz2-compressed.
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
public final class Recompressor {
    /** The empty bz2 stream recompressxml writes at the end of every file. */
    static final byte[] EMPTY_BZIP2_STREAM = {0x42, 0x5A, 0x68, 0x39, 0x17, 0x72, 0x45, 0x38, 0x50, (byte) 0x90, 0, 0, 0, 0};

    /** The random-access layouts. */
    public enum Layout {
        /** Wikimedia's multistream bz2 with its text index ({@code recompressxml}). */
        BZIP2_MULTISTREAM,
        /** Zstandard frames of whole pages with the seek table, and the same text index. */
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
     * {@code index} (bz2-compressed text).
     *
     * @param xml   the dump's decompressed XML
     * @param out   the dump file to write
     * @param index the index file to write
     * @return what was written
     * @throws java.io.IOException if reading {@code xml} or writing the files fails
     */
    public Result recompress(InputStream xml, Path out, Path index) throws IOException {
        Path tempOut = OutputFiles.createTempBeside(out);
        Path tempIndex;
        try {
            tempIndex = OutputFiles.createTempBeside(index);
        } catch (IOException e) {
            OutputFiles.discard(tempOut);
            throw e;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mwdump-recompress");
            t.setDaemon(true);
            return t;
        });
        try {
            Result result;
            try (OutputStream dump = new BufferedOutputStream(Files.newOutputStream(tempOut), 1 << 20);
                 // the index is compressed on threads of its own, so that the split does not wait for it
                 OutputStream idx = new Bzip2OutputStream(
                         new BufferedOutputStream(Files.newOutputStream(tempIndex), 1 << 16), 9, 2)) {
                result = run(xml, dump, idx, pool);
            }
            OutputFiles.moveIntoPlace(tempOut, out);
            OutputFiles.moveIntoPlace(tempIndex, index);
            return result;
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (openContexts) {
                openContexts.forEach(ZstdCompressCtx::close);
                openContexts.clear();
            }
            OutputFiles.discard(tempOut);
            OutputFiles.discard(tempIndex);
        }
    }

    /** A chunk of XML ({@code xml[0..length)}) and the index lines of its pages (offset filled in when written). */
    private record Chunk(byte[] xml, int length, List<String[]> pages) {
    }

    private static final byte[] PAGE = ascii("<page>");
    private static final byte[] PAGE_ATTRS = ascii("<page ");
    private static final byte[] PAGE_END = ascii("</page>");
    private static final byte[] TITLE = ascii("<title>");
    private static final byte[] TITLE_END = ascii("</title>");
    private static final byte[] ID = ascii("<id>");
    private static final byte[] ID_END = ascii("</id>");
    private static final byte[] SITEINFO_END = ascii("</siteinfo>");
    private static final byte[] MEDIAWIKI_END = ascii("</mediawiki>");

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The state of the split into chunks, fed one line at a time. */
    private final class Splitter {
        final ExecutorService pool;
        final OutputStream dump;
        final OutputStream index;
        final ArrayDeque<Future<byte[]>> pending = new ArrayDeque<>();
        final ArrayDeque<Chunk> pendingChunks = new ArrayDeque<>();
        final List<long[]> seekTable = new ArrayList<>();
        long written;
        long pages;
        long chunks;
        byte[] current = new byte[1 << 20];
        /** Bytes of the chunk so far, and how many of them are already in {@link #current}. */
        int copied;
        byte[] spanBuf;
        int spanStart;
        int spanEnd;
        final ArrayDeque<byte[]> free = new ArrayDeque<>();
        int size;
        List<String[]> currentPages = new ArrayList<>();
        int pagesInChunk;
        boolean header = true;
        String pendingTitle;

        Splitter(ExecutorService pool, OutputStream dump, OutputStream index) {
            this.pool = pool;
            this.dump = dump;
            this.index = index;
        }

        /** One line {@code b[start..end)}, with its line feed if it has one. */
        void line(byte[] b, int start, int end) throws IOException {
            // the markup that matters starts the line after spaces or tabs; trailing white space is ignored
            int s = start;
            while (s < end && (b[s] == ' ' || b[s] == '\t')) {
                s++;
            }
            int e = end;
            while (e > s && (b[e - 1] == '\n' || b[e - 1] == '\r' || b[e - 1] == ' ')) {
                e--;
            }
            boolean markup = s < e && b[s] == '<' && e - s <= 4096;
            if (header) {
                if (markup && (startsWith(b, s, e, PAGE) || startsWith(b, s, e, PAGE_ATTRS))) {
                    // no </siteinfo>: the header ends before the first page
                    endChunk(List.of());
                    header = false;
                } else {
                    append(b, start, end);
                    if (markup && equalTo(b, s, e, SITEINFO_END)) {
                        endChunk(List.of());
                        header = false;
                    }
                    return;
                }
            }
            if (markup && startsWith(b, s, e, MEDIAWIKI_END)) {
                if (size > 0) {
                    endPages();
                }
                append(b, start, end);
                return;
            }
            append(b, start, end);
            if (!markup) {
                return;
            }
            if (startsWith(b, s, e, TITLE) && endsWith(b, s, e, TITLE_END)) {
                pendingTitle = new String(b, s + TITLE.length, e - s - TITLE.length - TITLE_END.length,
                        StandardCharsets.UTF_8);
            } else if (pendingTitle != null && startsWith(b, s, e, ID) && endsWith(b, s, e, ID_END)) {
                currentPages.add(new String[] {new String(b, s + ID.length, e - s - ID.length - ID_END.length,
                        StandardCharsets.UTF_8), pendingTitle});
                pendingTitle = null;
            } else if (equalTo(b, s, e, PAGE_END)) {
                pages++;
                if (++pagesInChunk == pagesPerChunk || size >= maxChunkBytes) {
                    endPages();
                }
            }
        }

        /**
         * Adds a line to the chunk. Lines that follow each other in the read buffer are only noted as a
         * span and copied in one piece, when the chunk ends or the buffer is about to change.
         */
        void append(byte[] b, int start, int end) {
            if (spanBuf != b || spanEnd != start) {
                flushSpan();
                spanBuf = b;
                spanStart = start;
            }
            spanEnd = end;
            size += end - start;
        }

        /** Copies the noted span into the chunk; called before the read buffer moves or is replaced. */
        void flushSpan() {
            int n = spanEnd - spanStart;
            if (spanBuf != null && n > 0) {
                if (copied + n > current.length) {
                    current = java.util.Arrays.copyOf(current, Math.max(current.length * 2, copied + n));
                }
                System.arraycopy(spanBuf, spanStart, current, copied, n);
                copied += n;
            }
            spanBuf = null;
            spanStart = 0;
            spanEnd = 0;
        }

        void endPages() throws IOException {
            endChunk(currentPages);
            currentPages = new ArrayList<>();
            pagesInChunk = 0;
        }

        void endChunk(List<String[]> chunkPages) throws IOException {
            flushSpan();
            Chunk chunk = new Chunk(current, size, chunkPages);
            // a buffer whose chunk has been written is used again (no fresh memory for every chunk)
            byte[] reuse = free.poll();
            current = reuse != null ? reuse : new byte[Math.max(1 << 16, size + (size >> 3))];
            size = 0;
            copied = 0;
            pending.add(pool.submit(() -> compress(chunk.xml(), chunk.length())));
            pendingChunks.add(chunk);
            chunks++;
            drain(false);
        }

        void finish() throws IOException {
            if (size > 0) {
                endChunk(currentPages);
            }
            drain(true);
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
                long offset = written;
                for (String[] page : chunk.pages()) {
                    index.write((offset + ":" + page[0] + ":" + page[1] + "\n").getBytes(StandardCharsets.UTF_8));
                }
                dump.write(compressed);
                written += compressed.length;
                if (layout == Layout.SEEKABLE_ZSTD) {
                    // the frame ends with its content checksum: the low 32 bits of XXH64, as the seek table wants
                    long checksum = ByteBuffer.wrap(compressed, compressed.length - 4, 4)
                            .order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
                    seekTable.add(new long[] {compressed.length, chunk.length(), checksum});
                }
            }
        }
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = ONES * '\n';

    /** The index of the first {@code \n} in {@code b[from..to)}, or -1; eight bytes at a time. */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
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
        // lines are found in a large buffer and handed over in place; a line longer than the buffer grows it
        byte[] buf = new byte[1 << 22];
        int start = 0;
        int limit = 0;
        long bytesIn = 0;
        while (true) {
            int nl = indexOfNewline(buf, start, limit);
            if (nl >= 0) {
                split.line(buf, start, nl + 1);
                start = nl + 1;
                continue;
            }
            // no complete line left: keep the partial one, read more
            split.flushSpan();
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, limit - start);
                limit -= start;
                start = 0;
            } else if (limit == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            int n = xml.read(buf, limit, buf.length - limit);
            if (n < 0) {
                if (limit > start) {
                    split.line(buf, start, limit);
                }
                break;
            }
            bytesIn += n;
            limit += n;
        }
        split.finish();
        if (layout == Layout.BZIP2_MULTISTREAM) {
            dump.write(EMPTY_BZIP2_STREAM);
            split.written += EMPTY_BZIP2_STREAM.length;
        } else {
            byte[] table = seekTable(split.seekTable);
            dump.write(table);
            split.written += table.length;
        }
        return new Result(split.pages, split.chunks, bytesIn, split.written);
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
        if (layout == Layout.SEEKABLE_ZSTD) {
            ZstdCompressCtx ctx = zstdContexts.get();
            int bound = (int) Zstd.compressBound(length);
            byte[] out = zstdOutput.get();
            if (out.length < bound) {
                out = new byte[bound];
                zstdOutput.set(out);
            }
            int n = ctx.compressByteArray(out, 0, out.length, xml, 0, length);
            return java.util.Arrays.copyOf(out, n);
        }
        return Bzip2OutputStream.compress(xml, 0, length, 9);
    }

    /** The seek table frame of the zstd seekable format, with checksums. */
    static byte[] seekTable(List<long[]> entries) {
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
