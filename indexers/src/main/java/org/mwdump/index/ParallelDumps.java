package org.mwdump.index;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mwdump.CorruptInputException;
import org.mwdump.DumpException;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.ReadOptions;
import org.mwdump.read.compress.ChunkedInputStream;

/**
 * Reads a bz2 dump (single-stream or multistream, split at blocks) or a seekable zstd dump (split at
 * frames) with the ordinary {@link DumpReader} API while it is decoded on several threads. The decoded chunks are handed to the XML parser
 * in file order, so pages come back in dump order; at most {@code 2 × threads} decoded chunks are
 * held at a time.
 */
public final class ParallelDumps {
    private ParallelDumps() {
    }

    /** Opens a dump for reading with {@code threads} decoding threads. */
    public static DumpReader open(Path dump, int threads) throws IOException {
        return open(dump, threads, ReadOptions.DEFAULT);
    }

    /** Opens a dump for reading with {@code threads} decoding threads and the given options. */
    public static DumpReader open(Path dump, int threads, ReadOptions options) throws IOException {
        Objects.requireNonNull(dump, "dump is null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        FileChannel channel = FileChannel.open(dump, StandardOpenOption.READ);
        try {
            Chunks chunks = Chunks.open(channel, dump);
            if (chunks instanceof Chunks.Bzip2) {
                // block level: parallel for single-stream files too, and no stream held whole in memory
                Bzip2BlockReader blocks = new Bzip2BlockReader(channel, dump, threads, null);
                return Dumps.open(new java.io.FilterInputStream(blocks) {
                    @Override
                    public void close() throws IOException {
                        blocks.close();
                        channel.close();
                    }
                }, options);
            }
            List<Long> offsets = chunks.offsets();
            return Dumps.open(new ChunkStream(channel, chunks, offsets, threads), options);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The decoded chunks, concatenated in order, decoded ahead on a thread pool. */
    private static final class ChunkStream extends ChunkedInputStream {
        private final FileChannel channel;
        private final Chunks chunks;
        private final List<Long> offsets;
        private final ExecutorService pool;
        private final int window;
        private final ArrayDeque<Future<byte[]>> ahead = new ArrayDeque<>();
        private int nextToSubmit;

        ChunkStream(FileChannel channel, Chunks chunks, List<Long> offsets, int threads) {
            this.channel = channel;
            this.chunks = chunks;
            this.offsets = offsets;
            this.window = 2 * threads;
            this.pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "mwdump-decode");
                t.setDaemon(true);
                return t;
            });
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
                Throwable cause = e.getCause();
                if (cause instanceof DumpException de) {
                    throw de;
                }
                throw new CorruptInputException("cannot decode: " + cause.getMessage(),
                        Chunks.location(chunks.file, -1), -1, cause);
            }
            fill();
            return chunk;
        }

        @Override
        public void close() throws IOException {
            pool.shutdownNow();
            channel.close();
        }
    }
}
