package org.mwdump.index;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.mwdump.Compression;
import org.mwdump.DumpException;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.ReadOptions;
import org.mwdump.UnsupportedDumpException;
import org.mwdump.read.compress.ChunkedInputStream;
import org.mwdump.spi.ReaderInput;
import org.mwdump.spi.ReaderProvider;

/**
 * Reads a bz2 dump (single-stream or multistream, split at blocks) or a seekable zstd dump (split at
 * frames) with the ordinary {@link DumpReader} API while it is decoded on several threads. The decoded chunks are handed to the XML parser
 * in file order, so pages come back in dump order; at most {@code 2 × threads} decoded chunks are
 * held at a time.
 */
public final class ParallelDumps {
    private ParallelDumps() {
    }

    /**
     * Opens a dump for reading with {@code threads} decoding threads.
     *
     * @param dump    the dump file
     * @param threads decoding threads
     * @return a reader; close it when done
     */
    public static DumpReader open(Path dump, int threads) {
        return open(dump, threads, ReadOptions.DEFAULT);
    }

    /**
     * Opens a dump for reading with {@code threads} decoding threads and the given options. Errors name
     * the file and the compressed offset, as those of {@link Dumps#open(Path, ReadOptions)} do, and
     * {@link DumpReader#progress()} counts compressed bytes.
     *
     * @param dump    the dump file
     * @param threads decoding threads
     * @param options strictness and limits
     * @return a reader; close it when done
     */
    public static DumpReader open(Path dump, int threads, ReadOptions options) {
        try {
            Objects.requireNonNull(dump, "dump is null");
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            FileChannel channel = DumpFiles.open(dump);
            try {
                long size = channel.size();
                Chunks chunks = Chunks.open(channel, dump.toString());
                if (chunks instanceof Chunks.Bzip2) {
                    // block level: parallel for single-stream files too, and no stream held whole in memory
                    Bzip2BlockReader blocks = new Bzip2BlockReader(channel, dump, threads, null);
                    return open(blocks, channel, dump, Compression.BZIP2, blocks::compressedOffset, size, options);
                }
                ChunkStream frames = new ChunkStream(null, chunks, chunks.offsets(), threads);
                return open(frames, channel, dump, Compression.ZSTD, frames::compressedOffset, size, options);
            } catch (IOException | RuntimeException | Error e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw Chunks.ioFailure(dump, e);
        }
    }

    /** A reader of the decoded content, told the file's name, compression and compressed progress. */
    private static DumpReader open(java.io.InputStream decoded, FileChannel channel, Path dump,
                                   Compression compression, java.util.function.LongSupplier consumed, long size,
                                   ReadOptions options) throws IOException {
        java.io.InputStream content = new java.io.BufferedInputStream(new java.io.FilterInputStream(decoded) {
            @Override
            public void close() throws IOException {
                try {
                    decoded.close();
                } finally {
                    channel.close();
                }
            }
        }, 1 << 16);
        boolean ok = false;
        try {
            content.mark(512);
            byte[] head = content.readNBytes(512);
            content.reset();
            for (DumpFormat format : DumpFormat.values()) {
                ReaderProvider p = Dumps.readerProvider(format);
                if (p != null && !p.readsRawFiles() && p.recognizes(head, head.length)) {
                    DumpReader reader = p.open(new ReaderInput(content, dump, dump.toString(), compression, consumed,
                            size), options);
                    ok = true;
                    return reader;
                }
            }
            throw new UnsupportedDumpException("not a MediaWiki dump (neither XML nor RevDoc JSON lines inside the "
                    + compression.extension().substring(1) + " data)", Chunks.location(dump, 0));
        } finally {
            if (!ok) {
                content.close();
            }
        }
    }

    /**
     * What {@link #copy} copied.
     *
     * @param parallel whether pages were parsed on several threads; {@code false} for inputs that are
     *                 read by one reader (RevDoc, Parquet, XML without a {@code <mediawiki>} root, one thread)
     */
    public record CopyStats(long pages, long entries, long logItems, java.util.Map<String, Long> skippedElements,
                            boolean parallel) {
    }

    /**
     * Told how far long work on a dump has come, on the thread that does it (the caller's): {@link #copy}, and
     * the building of an index ({@link IndexedDump.Options#withProgress}, {@link BlockIndex#build(Path, int,
     * PageIndex.Builder, ProgressListener)}).
     */
    @FunctionalInterface
    public interface ProgressListener {
        /**
         * Told once in a while (after a chunk, stream, frame or block), in file order.
         *
         * @param progress the dump's bytes (compressed, when it is) read so far and its size
         * @param pages    pages written ({@link #copy}) or found (an index) so far
         */
        void progress(org.mwdump.ReadProgress progress, long pages);
    }

    /**
     * The number of threads used when none is given: the number of processors available to the JVM.
     *
     * @return the number of processors
     */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Copies a dump into a writer on {@code threads} threads: decoding (a bz2 dump split at blocks,
     * seekable zstd at frames, anything else decoded ahead on one thread), parsing and, for writers
     * that offer {@linkplain DumpWriter#pageRuns() page runs} (XML, RevDoc, Parquet), serializing run in
     * parallel; pages reach the output in dump order and the output's bytes are those of a
     * single-threaded {@link Dumps#copy} (Parquet: the same rows, see the Parquet writer). Inputs that are not XML (RevDoc, Parquet) are copied on one
     * thread. The writer's site info is written; {@link DumpWriter#finish()} is left to the caller.
     *
     * <p>Memory: up to {@code 4 × threads} chunks of about 1 MiB of XML (24 MiB at most) with their
     * output, plus the decoders' buffers; a page of any length streams, split between its revisions.
     *
     * @param in       the dump file to read
     * @param out      the writer, with nothing written yet
     * @param threads  threads to use
     * @param options  how to read {@code in}
     * @param listener told about progress, or {@code null}
     * @return what was copied
     * @throws DumpException as a single-threaded copy would throw it, with the same location
     */
    public static CopyStats copy(Path in, DumpWriter out, int threads, ReadOptions options,
                                 ProgressListener listener) {
        Objects.requireNonNull(in, "in is null");
        Objects.requireNonNull(out, "out is null");
        Objects.requireNonNull(options, "options is null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (threads == 1 || !Files.isRegularFile(in)) {
            // one thread, or a pipe (which cannot be read at positions): one reader
            try (DumpReader reader = Dumps.open(in, options)) {
                return copySequentially(reader, out, listener);
            }
        }
        return copy(in, out, threads, options, listener, ParallelConversion.TARGET_CHUNK, ParallelConversion.MAX_CHUNK);
    }

    /** The parallel copy with the given chunk sizes (also on one worker thread, for tests). */
    static CopyStats copy(Path in, DumpWriter out, int threads, ReadOptions options, ProgressListener listener,
                          int targetChunk, int maxChunk) {
        // one pool decodes and converts, so that no more threads compete for the cores than asked for
        ExecutorService workers = Workers.pool(threads, "mwdump-worker");
        try (ConversionSource source = ConversionSource.open(in, threads, workers)) {
            if (source.source() == null) {
                try (DumpReader reader = threads > 1 ? openOrNull(in, threads, options) : null) {
                    DumpReader r = reader != null ? reader : Dumps.open(in, options);
                    try {
                        return copySequentially(r, out, listener);
                    } finally {
                        r.close();
                    }
                }
            }
            ParallelConversion.Source decoded = source.source();
            try {
                return new ParallelConversion(decoded, out, workers, threads, options, listener, targetChunk,
                        maxChunk).run();
            } catch (IOException e) {
                throw DumpException.cannotRead(e, Chunks.location(in, decoded.bytesRead().getAsLong()));
            }
        } catch (IOException e) {
            throw DumpException.cannotRead(e, Chunks.location(in, -1));
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * The decoded bytes of a MediaWiki XML dump file, decoded on {@code threads} threads where its layout
     * allows (bz2 split at blocks, seekable zstd at frames), else on one; for rewriting the XML as it is,
     * as {@code recompress} does. Closing the stream releases the file and the decoding threads.
     *
     * @param file    a MediaWiki XML dump, compressed or not
     * @param threads decoding threads
     * @return the decoded XML
     * @throws UnsupportedDumpException when the file is not MediaWiki XML: for what no reader takes, as
     *                                  {@link Dumps#open} says it; for RevDoc and Parquet, saying which
     * @throws DumpException            when it cannot be read
     */
    public static DecodedXml xml(Path file, int threads) {
        DecodedXml xml = xmlOrNull(file, threads);
        if (xml != null) {
            return xml;
        }
        // what is it then: a file no reader takes fails as it does for every command; another dump
        // format is named
        DumpFormat format;
        try (DumpReader reader = Dumps.open(file)) {
            format = reader.format();
        }
        throw new UnsupportedDumpException(format == DumpFormat.XML
                ? "this MediaWiki XML cannot be taken as it is (not UTF-8, or its start is damaged)"
                : "this is " + (format == DumpFormat.PARQUET ? "Parquet" : "RevDoc JSON lines")
                        + ", not MediaWiki XML", Chunks.location(file, 0));
    }

    /**
     * As {@link #xml(Path, int)}, but {@code null} when the file is not MediaWiki XML, without finding out
     * what it is instead (which {@link Dumps#open} would do, at the cost of looking up every reader on the
     * class path): for callers that take the XML as it is when they can, and read anything else otherwise.
     *
     * @param file    a dump file, compressed or not
     * @param threads decoding threads
     * @return the decoded XML, or {@code null} when the file holds something else
     * @throws DumpException when it cannot be read
     */
    public static DecodedXml xmlOrNull(Path file, int threads) {
        Objects.requireNonNull(file, "file is null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        ConversionSource source;
        try {
            source = ConversionSource.open(file, threads, null);
        } catch (IOException e) {
            throw DumpException.cannotRead(e, Chunks.location(file, -1));
        }
        if (source.source() == null) {
            try {
                source.close();
            } catch (IOException e) {
                // nothing was read that could be lost
            }
            return null;
        }
        return new DecodedXml(source);
    }

    /**
     * The decoded XML of a dump file, from {@link #xml} or {@link #xmlOrNull}, which also says how much of
     * the file has been read: for progress reports while the XML is rewritten as it is.
     */
    public static final class DecodedXml extends java.io.FilterInputStream {
        private final ConversionSource source;

        private DecodedXml(ConversionSource source) {
            super(source.source().content());
            this.source = source;
        }

        /**
         * How far decoding has come in the file: its bytes (compressed, when it is) up to the end of the
         * block, frame or buffer of the file last handed to this stream, and its size. Call it on the thread
         * that reads this stream.
         *
         * @return the bytes of the file read so far and its size
         */
        public org.mwdump.ReadProgress progress() {
            return source.source().progress();
        }

        /** Releases the file and stops the decoding threads. */
        @Override
        public void close() throws IOException {
            source.close();
        }
    }

    /**
     * Like {@link #copy(Path, DumpWriter, int, ReadOptions, ProgressListener)} with default options.
     *
     * @param in      the dump file to read
     * @param out     the writer, with nothing written yet
     * @param threads threads to use
     * @return what was copied
     */
    public static CopyStats copy(Path in, DumpWriter out, int threads) {
        return copy(in, out, threads, ReadOptions.DEFAULT, null);
    }

    /**
     * The dump opened for decoding on several threads, or null when its layout does not allow that (or
     * what it holds is read better by one reader, which then reports it). A file that cannot be read
     * is reported, not tried again.
     */
    private static DumpReader openOrNull(Path in, int threads, ReadOptions options) {
        try {
            return open(in, threads, options);
        } catch (DumpException e) {
            if (DumpFiles.isReadFailure(e)) {
                throw e;
            }
            return null;
        }
    }

    private static CopyStats copySequentially(DumpReader reader, DumpWriter writer, ProgressListener listener) {
        writer.writeSiteInfo(reader.siteInfo());
        long pages = 0;
        long entries = 0;
        long logItems = 0;
        for (org.mwdump.model.Page page = reader.nextPage(); page != null; page = reader.nextPage()) {
            writer.writePage(page);
            pages++;
            if (listener != null && (pages & 63) == 0) {
                listener.progress(reader.progress(), pages);
            }
            for (org.mwdump.model.PageEntry e = reader.nextEntry(); e != null; e = reader.nextEntry()) {
                writer.write(e);
                entries++;
            }
        }
        for (org.mwdump.model.LogItem item = reader.nextLogItem(); item != null; item = reader.nextLogItem()) {
            writer.writeLogItem(item);
            logItems++;
        }
        return new CopyStats(pages, entries, logItems, reader.skippedElements(), false);
    }

    /** The decoded chunks, concatenated in order, decoded ahead on a thread pool. */
    static final class ChunkStream extends ChunkedInputStream {
        private final FileChannel channel;
        private final Chunks chunks;
        private final List<Long> offsets;
        private final ExecutorService pool;
        private final boolean ownsPool;
        private final int window;
        private final ArrayDeque<Future<byte[]>> ahead = new ArrayDeque<>();
        private int nextToSubmit;

        /** Compressed bytes of the chunks handed out so far. */
        long compressedOffset() {
            return consumed;
        }

        private volatile long consumed;

        ChunkStream(FileChannel channel, Chunks chunks, List<Long> offsets, int threads) {
            this(channel, chunks, offsets, Workers.pool(threads, "mwdump-decode"), true, threads);
        }

        /**
         * Decoding on {@code pool} ({@code threads} threads, {@code 2 × threads} chunks ahead), which is
         * shut down on close if {@code ownsPool}, else left running for the other work that shares it.
         */
        ChunkStream(FileChannel channel, Chunks chunks, List<Long> offsets, ExecutorService pool, boolean ownsPool,
                    int threads) {
            this.channel = channel;
            this.chunks = chunks;
            this.offsets = offsets;
            this.window = 2 * threads;
            this.pool = pool;
            this.ownsPool = ownsPool;
            fill();
        }

        private void fill() {
            while (ahead.size() < window && nextToSubmit < offsets.size()) {
                long offset = offsets.get(nextToSubmit++);
                ahead.add(pool.submit(() -> chunks.decode(offset)));
            }
        }

        @Override
        protected byte[] nextChunk() throws IOException {
            Future<byte[]> next = ahead.poll();
            if (next == null) {
                return null;
            }
            byte[] chunk;
            try {
                chunk = next.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while decoding");
            } catch (ExecutionException e) {
                // damaged data (a DumpException with its location), the file failing, or a bug: as it is
                throw Workers.failure(e.getCause());
            }
            consumed = nextToSubmit - ahead.size() < offsets.size() ? offsets.get(nextToSubmit - ahead.size())
                    : chunks.channel.size();
            fill();
            return chunk;
        }

        @Override
        public void close() throws IOException {
            if (ownsPool) {
                pool.shutdownNow();
            } else {
                ahead.forEach(f -> f.cancel(true));
                ahead.clear();
            }
            if (channel != null) {
                channel.close();
            }
        }
    }
}
