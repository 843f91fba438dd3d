package org.mwdump.write.bzip2;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.mwdump.spi.Bzip2Crc;

/**
 * Writes one bzip2 stream whose bytes are identical to what libbzip2 (the {@code bzip2} command, with
 * its default work factor) writes for the same input and block size: the same run-length coding and
 * block cuts, the same order of rotations (sorted in linear time by {@link SuffixArray}, or, for the
 * rare blocks that repeat themselves, by libbzip2's own procedure), and the same Huffman tables and
 * selectors. Wikimedia's dumps are libbzip2 output, so rewriting their decoded bytes gives their files
 * back bit for bit.
 *
 * <p>With more than one thread, blocks are encoded in parallel and joined at bit level in order, so the
 * output is the same at any thread count. Memory: the encoder's work space, about thirteen times the
 * block size per thread (12 MB at level 9, more while a self-repeating block is sorted), plus up to
 * {@code threads + 2} blocks waiting or in flight.
 *
 * <p>Speed: the first blocks that a JVM encodes run while its JIT compilers are still compiling the
 * encoder (the very first several times slower than later ones), and the compilers' own work competes for
 * the same cores. A process pays this once: writing many files in one JVM pays it once for all of them.
 * Once warm, on two threads, it needed less time per byte than {@code lbzip2 -n 2} in the project's
 * measurements on a 2-core machine ({@code benchmarks/README.md}).
 *
 * <p>{@link #flush()} flushes the whole bytes written so far but does not end the block (that would
 * change the output); {@link #close()} ends the stream and closes the underlying stream.
 */
public final class Bzip2OutputStream extends OutputStream {
    private static final ThreadLocal<BlockEncoder> ENCODERS = ThreadLocal.withInitial(BlockEncoder::new);
    /** Inputs shorter than this go byte by byte: finding the next pair would cost more than it saves. */
    private static final int FAST_SPAN = 32;

    private final OutputStream out;
    private final int blockLimit;
    private final int threads;
    private final BitOutput bits;
    private byte[] block;
    private int blockLength;
    /** Where the block's run counts are (the byte after four equal ones), for its CRC. */
    private int[] counts = new int[1024];
    private int countsLength;
    private int combinedCrc;
    private int runByte = -1;
    private int runLength;
    private ExecutorService pool;
    private final ArrayDeque<Future<Encoded>> pending = new ArrayDeque<>();
    private final ArrayDeque<byte[]> freeBlocks = new ArrayDeque<>();
    /** Blocks' bits already appended, for the workers to write the next blocks into. */
    private final ArrayDeque<BitOutput> freeBits = new ArrayDeque<>();
    private boolean closed;
    private final byte[] oneByte = new byte[1];

    /**
     * A stream at level 9 (900 kB blocks), on the calling thread.
     *
     * @param out where the compressed bytes go
     */
    public Bzip2OutputStream(OutputStream out) {
        this(out, 9, 1);
    }

    /**
     * A stream with blocks of {@code level × 100 kB}, encoded on {@code threads} threads.
     *
     * @param out     where the compressed bytes go
     * @param level   1 to 9, as {@code bzip2 -1} … {@code -9}
     * @param threads threads that encode blocks (1: the calling thread)
     */
    public Bzip2OutputStream(OutputStream out, int level, int threads) {
        this(out, level, threads, Long.MAX_VALUE);
    }

    /** As above, for an input of at most {@code inputSize} bytes: buffers no larger than it needs. */
    private Bzip2OutputStream(OutputStream out, int level, int threads, long inputSize) {
        this.out = Objects.requireNonNull(out, "out is null");
        if (level < 1 || level > 9) {
            throw new IllegalArgumentException("level must be 1 to 9: " + level);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.blockLimit = level * 100_000 - 19;
        this.threads = threads;
        // the run-length stage writes at most 5 bytes for every 4, and ends a block past the limit
        long needed = inputSize >= blockLimit ? blockLimit : inputSize + inputSize / 4;
        int blockBytes = (int) Math.min(blockLimit, needed) + 20;
        this.block = new byte[blockBytes];
        this.bits = new BitOutput(threads > 1 ? 1 << 16 : blockBytes / 2);
        bits.write(24, 0x425A68);
        bits.write(8, '0' + level);
    }

    /**
     * {@code data[off..off+len)} as one complete bzip2 stream, encoded on the calling thread.
     *
     * @param data  the bytes
     * @param off   where they start
     * @param len   how many there are
     * @param level 1 to 9, as {@code bzip2 -1} … {@code -9}
     * @return the bzip2 stream
     */
    public static byte[] compress(byte[] data, int off, int len, int level) {
        return compress(data, off, len, level, 1);
    }

    /**
     * {@code data[off..off+len)} as one complete bzip2 stream, its blocks encoded on {@code threads} threads
     * (the same bytes as on one).
     *
     * @param data    the bytes
     * @param off     where they start
     * @param len     how many there are
     * @param level   1 to 9, as {@code bzip2 -1} … {@code -9}
     * @param threads threads that encode blocks (1: the calling thread)
     * @return the bzip2 stream
     */
    public static byte[] compress(byte[] data, int off, int len, int level, int threads) {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(len / 4 + 64);
        try (Bzip2OutputStream bz = new Bzip2OutputStream(buf, level, threads, len)) {
            bz.write(data, off, len);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return buf.toByteArray();
    }

    /**
     * A stream that starts with the first blocks of an existing stream, copied bit for bit without being
     * decoded or encoded again, and goes on with the bytes written to it, in blocks of the existing stream's
     * level. The result is what compressing the kept blocks' bytes followed by the written ones gives, as long
     * as the input up to and including the byte after the kept blocks' bytes is the same as before: the
     * encoder ends a block when it adds a run to it, having read the byte that ended the run (the next block's
     * first), so it would have cut the same blocks. For rewriting a stream whose end changed at a cost that
     * follows the change.
     *
     * @param out        where the compressed bytes go
     * @param stream     the existing stream, from its {@code BZh} header
     * @param keptEndBit the bit offset in {@code stream} where the kept blocks end (where the next block's magic
     *                   starts); 32 keeps none
     * @param keptCrc    the kept blocks' combined CRC ({@code crc = (crc << 1 | crc >>> 31) ^ blockCrc} for each,
     *                   from 0)
     * @param threads    threads that encode the new blocks
     * @return the stream; write the bytes that follow the kept blocks' bytes, then close it
     * @throws IllegalArgumentException if {@code stream} does not start with a bzip2 header
     */
    public static Bzip2OutputStream continuing(OutputStream out, byte[] stream, long keptEndBit, int keptCrc,
                                               int threads) {
        if (stream.length < 4 || stream[0] != 'B' || stream[1] != 'Z' || stream[2] != 'h' || stream[3] < '1'
                || stream[3] > '9' || keptEndBit < 32 || keptEndBit > 8L * stream.length) {
            throw new IllegalArgumentException("not a bzip2 stream, or kept bits outside it");
        }
        Bzip2OutputStream s = new Bzip2OutputStream(out, stream[3] - '0', threads);
        s.bits.appendBits(stream, 32, keptEndBit);
        s.combinedCrc = keptCrc;
        return s;
    }

    @Override
    public void write(int b) throws IOException {
        oneByte[0] = (byte) b;
        write(oneByte, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        int run = runByte;
        int runLen = runLength;
        byte[] blk = block;
        int length = blockLength;
        int limit = blockLimit;
        // the block's CRC is not taken here, byte by byte, but where the block is encoded (on another thread)
        for (int end = off + len; off < end; off++) {
            int c = b[off] & 0xFF;
            if (runLen == 1 && c != run && end - off >= FAST_SPAN) {
                // Bytes unlike their successors, up to the next pair of equal ones, are copied as a whole:
                // taking b[off..k] one at a time would write the pending byte and b[off..k-1], in that
                // order, and end the block as soon as it is full, leaving the next byte pending.
                // (no further than the block has room for: past it, the search would be done again)
                int k = nextPair(b, off, Math.min(end, off + (limit - length)));
                int taken = k - off + 1;
                blk[length++] = (byte) run;
                System.arraycopy(b, off, blk, length, taken - 1);
                length += taken - 1;
                off += taken - 1;
                run = b[off] & 0xFF;
                if (length >= limit) {
                    blockLength = length;
                    endBlock();
                    blk = block;
                    length = blockLength;
                }
                continue;
            }
            if (c != run) {
                if (runLen == 1) {
                    // the common case, a byte unlike its neighbours, without a call
                    blk[length++] = (byte) run;
                } else if (runLen > 0) {
                    blockLength = length;
                    addRun(run, runLen);
                    length = blockLength;
                }
                run = c;
                runLen = 1;
            } else if (runLen == 255) {
                blockLength = length;
                addRun(run, runLen);
                length = blockLength;
                runLen = 1;
            } else {
                runLen++;
            }
            if (length >= limit) {
                // as libbzip2: the block ends here and the pending run goes to the next one
                blockLength = length;
                endBlock();
                blk = block;
                length = blockLength;
            }
        }
        blockLength = length;
        runByte = run;
        runLength = runLen;
    }

    /**
     * The first {@code k} in {@code [from, to - 1)} where {@code b[k] == b[k + 1]}, or {@code to - 1} if there
     * is none; eight pairs at a time. A zero byte of {@code x ^ y} (bytes and their successors) is an equal
     * pair ({@link Swar#zeroBytes}).
     */
    static int nextPair(byte[] b, int from, int to) {
        int i = from;
        for (; i + 9 <= to; i += 8) {
            long zero = Swar.zeroBytes((long) Swar.LONGS.get(b, i) ^ (long) Swar.LONGS.get(b, i + 1));
            if (zero != 0) {
                return i + Swar.firstByte(zero);
            }
        }
        for (; i + 1 < to; i++) {
            if (b[i] == b[i + 1]) {
                return i;
            }
        }
        return to - 1;
    }

    /** Appends a run of 1 to 255 copies of {@code c}: as is up to 3, else 4 copies and a count. */
    private void addRun(int c, int n) {
        byte[] blk = block;
        int p = blockLength;
        byte v = (byte) c;
        switch (n) {
            case 1:
                blk[p++] = v;
                break;
            case 2:
                blk[p++] = v;
                blk[p++] = v;
                break;
            case 3:
                blk[p++] = v;
                blk[p++] = v;
                blk[p++] = v;
                break;
            default:
                if (countsLength == counts.length) {
                    counts = java.util.Arrays.copyOf(counts, 2 * countsLength);
                }
                counts[countsLength++] = p + 4;
                blk[p++] = v;
                blk[p++] = v;
                blk[p++] = v;
                blk[p++] = v;
                blk[p++] = (byte) (n - 4);
                break;
        }
        blockLength = p;
    }

    private void endBlock() throws IOException {
        int n = blockLength;
        if (n == 0) {
            return;
        }
        blockLength = 0;
        int runs = countsLength;
        countsLength = 0;
        if (threads == 1) {
            int crc = originalCrc(block, n, counts, runs);
            combinedCrc = ((combinedCrc << 1) | (combinedCrc >>> 31)) ^ crc;
            ENCODERS.get().encode(block, n, crc, bits);
            drain(false);
            return;
        }
        int[] blockCounts = java.util.Arrays.copyOf(counts, runs);
        byte[] full = block;
        synchronized (freeBlocks) {
            block = freeBlocks.isEmpty() ? new byte[full.length] : freeBlocks.poll();
        }
        if (pool == null) {
            // idle workers end by themselves, so a stream abandoned without close() leaves no threads
            ThreadPoolExecutor workers = new ThreadPoolExecutor(threads, threads, 5, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "mwdump-bzip2");
                        t.setDaemon(true);
                        return t;
                    });
            workers.allowCoreThreadTimeOut(true);
            pool = workers;
        }
        pending.add(pool.submit(() -> {
            BitOutput o;
            synchronized (freeBits) {
                o = freeBits.poll();
            }
            if (o == null) {
                o = new BitOutput(n / 3 + 64);
            }
            int crc = originalCrc(full, n, blockCounts, runs);
            ENCODERS.get().encode(full, n, crc, o);
            synchronized (freeBlocks) {
                freeBlocks.add(full);
            }
            return new Encoded(o, crc);
        }));
        while (pending.size() > threads + 1 || (!pending.isEmpty() && pending.peek().isDone())) {
            appendNext();
        }
    }

    /** A block encoded on a worker, and its CRC. */
    private record Encoded(BitOutput bits, int crc) {
    }

    /**
     * The CRC (finished, as a block header stores it) of the bytes that a block of the run-length stage
     * stands for: its bytes, and before each of the {@code runs} counts at {@code counts}, as many more
     * copies of the byte before it as the count says (the count itself stands for no byte).
     */
    static int originalCrc(byte[] blk, int n, int[] counts, int runs) {
        Bzip2Crc.Running crc = new Bzip2Crc.Running(new byte[8192]);
        int from = 0;
        for (int i = 0; i < runs; i++) {
            int at = counts[i];
            crc.update(blk, from, at - from);
            crc.repeat(blk[at - 1], blk[at] & 0xFF);
            from = at + 1;
        }
        crc.update(blk, from, n - from);
        return crc.finish();
    }

    private void appendNext() throws IOException {
        Encoded o;
        try {
            o = pending.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
        combinedCrc = ((combinedCrc << 1) | (combinedCrc >>> 31)) ^ o.crc();
        bits.append(o.bits());
        o.bits().reset();
        synchronized (freeBits) {
            freeBits.add(o.bits());
        }
        drain(false);
    }

    private void drain(boolean pad) throws IOException {
        int n = bits.readyBytes(pad);
        if (n >= (pad ? 1 : 1 << 15)) {
            out.write(bits.buffer(), 0, n);
            bits.consumed(n);
        }
    }

    /** Writes the whole bytes encoded so far; the current block stays open. */
    @Override
    public void flush() throws IOException {
        if (!closed) {
            int n = bits.readyBytes(false);
            out.write(bits.buffer(), 0, n);
            bits.consumed(n);
        }
        out.flush();
    }

    /** Ends the last block and the stream, and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (runLength > 0) {
                addRun(runByte, runLength);
                runLength = 0;
            }
            endBlock();
            while (!pending.isEmpty()) {
                appendNext();
            }
            bits.write(24, 0x177245);
            bits.write(24, 0x385090);
            bits.writeInt(combinedCrc);
            drain(true);
        } finally {
            synchronized (freeBlocks) {
                freeBlocks.clear();
            }
            synchronized (freeBits) {
                freeBits.clear();
            }
            if (pool != null) {
                pool.shutdownNow();
            }
            out.close();
        }
    }
}
