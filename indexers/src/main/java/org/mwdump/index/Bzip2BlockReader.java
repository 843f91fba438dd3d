package org.mwdump.index;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.mwdump.CorruptInputException;
import org.mwdump.DumpLocation;
import org.mwdump.read.bzip2.Bzip2BlockDecoder;
import org.mwdump.read.compress.ChunkedInputStream;

/**
 * Decodes a bz2 file (one stream or many) block by block on several threads, handing the decoded
 * bytes back in file order. Blocks are found by scanning for the 48-bit block magic at every bit
 * position ({@link Bzip2BlockScanner}); a candidate is accepted only where the chain of blocks puts
 * one — where the previous block ended, or after a stream header — and only if it decodes with a
 * matching block CRC, so a chance match of the magic inside compressed data is never used. Every
 * stream's combined CRC is checked too.
 *
 * <p>Memory: {@code 2 × threads} decoded blocks (up to about 45 MB each for a block of one repeated
 * byte, 900 KB for text) and the same number of 2.5 MB compressed windows.
 */
final class Bzip2BlockReader extends ChunkedInputStream {
    /** Compressed bytes read for one block: more than any valid block of level 9 takes. */
    static final int WINDOW = 5 << 19;

    /** Called for every block in file order (for building a block index). */
    public interface BlockListener {
        /**
         * Told about one block.
         *
         * @param bitOffset     the bit offset of the block's magic in the file
         * @param decodedOffset the decoded offset of its first byte
         * @param level         the level of its stream (1 to 9)
         * @param decodedLength its decoded length in bytes
         */
        void block(long bitOffset, long decodedOffset, int level, int decodedLength);
    }

    private final FileChannel channel;
    private final Path file;
    private final long size;
    private final long[] candidates;
    private final ExecutorService pool;
    /** Whether the pool is this reader's own (shut down on close) or shared with other work. */
    private final boolean ownsPool;
    private final int window;
    private final BlockListener listener;
    private final ArrayDeque<Future<Bzip2BlockDecoder.Block>> ahead = new ArrayDeque<>();
    private final ArrayDeque<Long> aheadOffsets = new ArrayDeque<>();
    private int nextCandidate;

    /** Where the chain expects the next block magic (or end-of-stream magic), in bits. */
    private long expected;
    private int level;
    private int combinedCrc;
    private long decodedOffset;
    private boolean finished;

    /**
     * A reader decoding on a pool of its own.
     *
     * @param channel  the file, read with positional reads (not closed by this stream)
     * @param file     the file's name, for messages
     * @param threads  decoding threads
     * @param listener told about each block, or {@code null}
     * @throws java.io.IOException if the start of the file cannot be read
     */
    public Bzip2BlockReader(FileChannel channel, Path file, int threads, BlockListener listener) throws IOException {
        this(channel, file, Workers.pool(threads, "mwdump-bzip2-block"), true, threads, listener);
    }

    /**
     * A reader decoding on a pool it may share with other work (a conversion's workers, so that no more
     * threads compete for the cores than there are workers), which it then leaves running on close.
     *
     * @param pool     the threads that decode
     * @param ownsPool whether close shuts the pool down
     * @param threads  the pool's size: {@code 2 × threads} blocks are decoded ahead
     */
    Bzip2BlockReader(FileChannel channel, Path file, ExecutorService pool, boolean ownsPool, int threads,
                     BlockListener listener) throws IOException {
        this.channel = Objects.requireNonNull(channel, "channel is null");
        this.file = file;
        this.pool = pool;
        this.ownsPool = ownsPool;
        this.listener = listener;
        this.window = 2 * threads;
        try {
            this.size = channel.size();
            this.candidates = Bzip2BlockScanner.scan(channel);
            startStream(0);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        fill();
    }

    private DumpLocation where(long bitOffset) {
        return DumpLocation.at(String.valueOf(file), bitOffset < 0 ? -1 : bitOffset / 8);
    }

    private byte[] read(long position, int length) throws IOException {
        return DumpFiles.readFully(channel, position, length, size);
    }

    /** Reads a stream header at a byte offset and expects its first block after it. */
    private void startStream(long byteOffset) throws IOException {
        byte[] header = read(byteOffset, 4);
        if (header.length < 4 || header[0] != 'B' || header[1] != 'Z' || header[2] != 'h' || header[3] < '1'
                || header[3] > '9') {
            throw new CorruptInputException(byteOffset == 0 ? "not a bzip2 stream"
                    : header.length < 4 ? "truncated bzip2 stream header" : "garbage after bzip2 stream",
                    where(8 * byteOffset), 8 * byteOffset, null);
        }
        level = header[3] - '0';
        combinedCrc = 0;
        expected = 8 * byteOffset + 32;
    }

    private void fill() {
        while (ahead.size() < window && nextCandidate < candidates.length) {
            long bit = candidates[nextCandidate++];
            // usually the block ends where the next candidate starts (or at an end-of-stream record just
            // before it): read that much, and the full window only if the block turns out longer
            long hint = nextCandidate < candidates.length ? (candidates[nextCandidate] >>> 3) + 16 : size;
            aheadOffsets.add(bit);
            ahead.add(pool.submit(() -> decodeAt(bit, hint)));
        }
    }

    private Bzip2BlockDecoder.Block decodeAt(long bitOffset, long endHint) throws IOException {
        long start = bitOffset >>> 3;
        long end = Math.min(size, Math.min(endHint, start + WINDOW));
        byte[] data = read(start, (int) (end - start));
        try {
            return DECODERS.get().decode(data, data.length, bitOffset - 8 * start, 9);
        } catch (CorruptInputException e) {
            if (end >= Math.min(size, start + WINDOW)) {
                throw e;
            }
            // the next candidate was a chance match inside this block: decode again with the whole window
            data = read(start, (int) Math.min(WINDOW, size - start));
            return DECODERS.get().decode(data, data.length, bitOffset - 8 * start, 9);
        }
    }

    private static final ThreadLocal<Bzip2BlockDecoder> DECODERS = ThreadLocal.withInitial(Bzip2BlockDecoder::new);

    /** The next block's data, following the chain of blocks; null at the clean end of the file. */
    @Override
    protected byte[] nextChunk() throws IOException {
        while (!finished) {
            // the end-of-stream record where the chain is
            byte[] magic = read(expected >>> 3, 11);
            if (Bzip2BlockDecoder.isEndOfStreamMagic(magic, expected & 7)) {
                endStream();
                continue;
            }
            Future<Bzip2BlockDecoder.Block> future = null;
            while (!aheadOffsets.isEmpty() && aheadOffsets.peek() <= expected) {
                long bit = aheadOffsets.poll();
                Future<Bzip2BlockDecoder.Block> f = ahead.poll();
                if (bit == expected) {
                    future = f;
                    break;
                }
                f.cancel(false); // a chance match inside a block already decoded
            }
            fill();
            if (future == null) {
                throw new CorruptInputException(expected >= 8 * size ? "truncated bzip2 data: no end-of-stream record"
                        : "bad block magic", where(expected), expected, null);
            }
            Bzip2BlockDecoder.Block block;
            try {
                block = future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while decoding");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof CorruptInputException ce) {
                    long bit = ce.bitOffset() >= 0 ? 8 * (expected >>> 3) + ce.bitOffset() : expected;
                    throw new CorruptInputException(ce.reason().replaceFirst(" at bit \\d+$", ""), where(bit), bit, ce);
                }
                // the file could not be read (passed on as a read on this thread would pass it on), or a
                // bug: neither is damaged data
                throw Workers.failure(cause);
            }
            if (block.data().length > level * 100_000 * 46) {
                throw new CorruptInputException("block larger than its stream's level allows", where(expected),
                        expected, null);
            }
            combinedCrc = ((combinedCrc << 1) | (combinedCrc >>> 31)) ^ block.storedCrc();
            if (listener != null) {
                listener.block(expected, decodedOffset, level, block.data().length);
            }
            long blockStart = 8 * (expected >>> 3);
            expected = blockStart + block.endBitOffset();
            decodedOffset += block.data().length;
            return block.data();
        }
        return null;
    }

    private void endStream() throws IOException {
        byte[] record = read(expected >>> 3, 12);
        long bit = (expected & 7) + 48;
        long crc = 0;
        if (record.length * 8L < bit + 32) {
            throw new CorruptInputException("truncated bzip2 data in the end-of-stream record", where(expected),
                    expected, null);
        }
        for (int i = 0; i < 32; i++, bit++) {
            crc = (crc << 1) | ((record[(int) (bit >>> 3)] >>> (7 - (bit & 7))) & 1);
        }
        if ((int) crc != combinedCrc) {
            throw new CorruptInputException(String.format("stream CRC mismatch (stored %08x, computed %08x)", crc,
                    combinedCrc), where(expected), expected, null);
        }
        long next = (expected + 80 + 7) >>> 3;
        if (next >= size) {
            finished = true;
            return;
        }
        startStream(next);
    }

    /**
     * The compressed byte offset that decoding has reached (the end of the block handed out last).
     *
     * @return the compressed byte offset
     */
    public long compressedOffset() {
        return expected >>> 3;
    }

    /**
     * Bytes decoded and handed out so far, plus the current block.
     *
     * @return the decoded byte count
     */
    public long decodedOffset() {
        return decodedOffset;
    }

    @Override
    public void close() {
        if (ownsPool) {
            pool.shutdownNow();
        } else {
            for (Future<Bzip2BlockDecoder.Block> f : ahead) {
                f.cancel(true);
            }
            ahead.clear();
            aheadOffsets.clear();
        }
    }
}
