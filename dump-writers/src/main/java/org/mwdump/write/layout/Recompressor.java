package org.mwdump.write.layout;

import com.github.luben.zstd.ZstdCompressCtx;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
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
        BZIP2_MULTISTREAM,
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

    /** As above, with a zstd level (ignored for bz2, which always uses 900k blocks like Wikimedia's files). */
    public Recompressor(Layout layout, int pagesPerChunk, int threads, int zstdLevel) {
        this(layout, pagesPerChunk, defaultMaxChunkBytes(layout), threads, zstdLevel);
    }

    /**
     * The general form.
     *
     * @param maxChunkBytes a stream or frame also ends at the first page end at which it holds at least this
     *                      many bytes of XML ({@link Long#MAX_VALUE}: only {@code pagesPerChunk} counts)
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

    /** The chunk size limit a layout gets unless told otherwise. */
    public static long defaultMaxChunkBytes(Layout layout) {
        return layout == Layout.SEEKABLE_ZSTD ? DEFAULT_ZSTD_FRAME_BYTES : Long.MAX_VALUE;
    }

    /** What was written. */
    public record Result(long pages, long chunks, long bytesIn, long bytesOut) {
    }

    /**
     * Reads decompressed XML from {@code xml} and writes the dump to {@code out} and its index to
     * {@code index} (bz2-compressed text).
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
                 OutputStream idx = new Bzip2OutputStream(
                         new BufferedOutputStream(Files.newOutputStream(tempIndex), 1 << 16), 9, 1)) {
                result = run(xml, dump, idx, pool);
            }
            OutputFiles.moveIntoPlace(tempOut, out);
            OutputFiles.moveIntoPlace(tempIndex, index);
            return result;
        } finally {
            pool.shutdownNow();
            OutputFiles.discard(tempOut);
            OutputFiles.discard(tempIndex);
        }
    }

    /** A chunk of XML and the index lines of its pages (offset filled in when written). */
    private record Chunk(byte[] xml, List<String[]> pages) {
    }

    private Result run(InputStream xml, OutputStream dump, OutputStream index, ExecutorService pool)
            throws IOException {
        LineReader lines = new LineReader(xml);
        ArrayDeque<Future<byte[]>> pending = new ArrayDeque<>();
        ArrayDeque<Chunk> pendingChunks = new ArrayDeque<>();
        List<long[]> seekTable = new ArrayList<>();
        long[] written = {0};
        long pages = 0;
        long chunks = 0;

        ByteArrayOutputStream current = new ByteArrayOutputStream(1 << 20);
        List<String[]> currentPages = new ArrayList<>();
        int pagesInChunk = 0;
        boolean header = true;
        String pendingTitle = null;
        byte[] line;
        while ((line = lines.next()) != null) {
            String trimmed = trimmedAscii(line);
            if (header) {
                if (trimmed.startsWith("<page>") || trimmed.startsWith("<page ")) {
                    // no </siteinfo>: the header ends before the first page
                    chunks += submit(pool, new Chunk(current.toByteArray(), List.of()), pending, pendingChunks);
                    current.reset();
                    header = false;
                } else {
                    current.write(line);
                    if (trimmed.equals("</siteinfo>")) {
                        chunks += submit(pool, new Chunk(current.toByteArray(), List.of()), pending, pendingChunks);
                        current.reset();
                        header = false;
                    }
                    continue;
                }
            }
            if (trimmed.startsWith("</mediawiki>")) {
                if (current.size() > 0) {
                    chunks += submit(pool, new Chunk(current.toByteArray(), currentPages), pending, pendingChunks);
                    current.reset();
                    currentPages = new ArrayList<>();
                    pagesInChunk = 0;
                }
                current.write(line);
                continue;
            }
            current.write(line);
            if (trimmed.startsWith("<title>") && trimmed.endsWith("</title>")) {
                pendingTitle = trimmed.substring(7, trimmed.length() - 8);
            } else if (pendingTitle != null && trimmed.startsWith("<id>") && trimmed.endsWith("</id>")) {
                currentPages.add(new String[] {trimmed.substring(4, trimmed.length() - 5), pendingTitle});
                pendingTitle = null;
            } else if (trimmed.equals("</page>")) {
                pages++;
                if (++pagesInChunk == pagesPerChunk || current.size() >= maxChunkBytes) {
                    chunks += submit(pool, new Chunk(current.toByteArray(), currentPages), pending, pendingChunks);
                    current.reset();
                    currentPages = new ArrayList<>();
                    pagesInChunk = 0;
                }
            }
            drain(pending, pendingChunks, dump, index, seekTable, written, false);
        }
        if (current.size() > 0) {
            chunks += submit(pool, new Chunk(current.toByteArray(), currentPages), pending, pendingChunks);
        }
        drain(pending, pendingChunks, dump, index, seekTable, written, true);
        if (layout == Layout.BZIP2_MULTISTREAM) {
            dump.write(EMPTY_BZIP2_STREAM);
            written[0] += EMPTY_BZIP2_STREAM.length;
        } else {
            byte[] table = seekTable(seekTable);
            dump.write(table);
            written[0] += table.length;
        }
        return new Result(pages, chunks, lines.bytesRead(), written[0]);
    }

    private int submit(ExecutorService pool, Chunk chunk, ArrayDeque<Future<byte[]>> pending,
                       ArrayDeque<Chunk> pendingChunks) {
        pending.add(pool.submit(() -> compress(chunk.xml())));
        pendingChunks.add(chunk);
        return 1;
    }

    private void drain(ArrayDeque<Future<byte[]>> pending, ArrayDeque<Chunk> chunks, OutputStream dump,
                       OutputStream index, List<long[]> seekTable, long[] written, boolean all) throws IOException {
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
            Chunk chunk = chunks.poll();
            long offset = written[0];
            for (String[] page : chunk.pages()) {
                index.write((offset + ":" + page[0] + ":" + page[1] + "\n").getBytes(StandardCharsets.UTF_8));
            }
            dump.write(compressed);
            written[0] += compressed.length;
            if (layout == Layout.SEEKABLE_ZSTD) {
                // the frame ends with its content checksum: the low 32 bits of XXH64, as the seek table wants
                long checksum = ByteBuffer.wrap(compressed, compressed.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN)
                        .getInt() & 0xFFFFFFFFL;
                seekTable.add(new long[] {compressed.length, chunk.xml().length, checksum});
            }
        }
    }

    private byte[] compress(byte[] xml) throws IOException {
        if (layout == Layout.SEEKABLE_ZSTD) {
            try (ZstdCompressCtx ctx = new ZstdCompressCtx()) {
                ctx.setLevel(zstdLevel);
                ctx.setChecksum(true);
                ctx.setContentSize(true);
                return ctx.compress(xml);
            }
        }
        return Bzip2OutputStream.compress(xml, 0, xml.length, 9);
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

    private static String trimmedAscii(byte[] line) {
        int start = 0;
        int end = line.length;
        while (start < end && (line[start] == ' ' || line[start] == '\t')) {
            start++;
        }
        while (end > start && (line[end - 1] == '\n' || line[end - 1] == '\r' || line[end - 1] == ' ')) {
            end--;
        }
        // only lines that may be markup of interest are decoded
        if (end - start > 4096 || start == end || line[start] != '<') {
            return "";
        }
        return new String(line, start, end - start, StandardCharsets.UTF_8);
    }

    /** Splits a byte stream into lines, each with its {@code \n}; the last may lack one. */
    private static final class LineReader {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int limit;
        private long bytesRead;

        LineReader(InputStream in) {
            this.in = in;
        }

        long bytesRead() {
            return bytesRead;
        }

        byte[] next() throws IOException {
            ByteArrayOutputStream line = null;
            while (true) {
                if (pos == limit) {
                    limit = in.read(buf);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return line == null || line.size() == 0 ? null : line.toByteArray();
                    }
                    bytesRead += limit;
                }
                int nl = -1;
                for (int i = pos; i < limit; i++) {
                    if (buf[i] == '\n') {
                        nl = i;
                        break;
                    }
                }
                if (nl >= 0) {
                    byte[] result;
                    if (line == null) {
                        result = java.util.Arrays.copyOfRange(buf, pos, nl + 1);
                    } else {
                        line.write(buf, pos, nl + 1 - pos);
                        result = line.toByteArray();
                    }
                    pos = nl + 1;
                    return result;
                }
                if (line == null) {
                    line = new ByteArrayOutputStream(256);
                }
                line.write(buf, pos, limit - pos);
                pos = limit;
            }
        }
    }
}
