package org.mwdump.read.bzip2;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

import org.mwdump.CorruptInputException;

/**
 * Decompresses a whole bzip2 file: every concatenated stream in sequence (as in Wikipedia's multistream
 * dumps, which are many small streams ending with an empty one), verifying every block CRC and every
 * stream's combined CRC.
 *
 * <p>Damage is never silently tolerated: a truncated input (end of input before a stream's end-of-stream
 * record), a bad checksum or code, or bytes after the last stream that do not start another stream, throw
 * {@link CorruptInputException} (unchecked) with the bit offset of the damage counted from the start of the
 * input. An empty input is not a bzip2 file and also throws.
 *
 * <p>Cost: about 11 MB for a stream of 900 kB blocks: the compressed input window (up to 4 MiB) and the
 * {@link Bzip2BlockDecoder}'s work arrays (about 7 MB, among them the decoded block). A block of long runs
 * of one byte decodes to up to 46 MB, held while that block is read and let go after it (the array
 * grows with the output, for such a block to about its size). Single-threaded, decoding a block at a time.
 * Reads from the underlying stream in large chunks, so wrapping it in a
 * {@link java.io.BufferedInputStream} is unnecessary. Not thread-safe.
 */
public final class Bzip2InputStream extends InputStream {
    /**
     * Compressed bytes kept available before decoding a block. A valid block is at most about 2.3 MB
     * (900,001 symbols of at most 20 bits plus tables), so with this much in the window a block never
     * straddles a refill.
     */
    private static final int WINDOW_MIN = 5 << 19;
    private static final int WINDOW_MAX = 4 << 20;

    private final InputStream in;
    private final boolean concatenated;
    private final Bzip2BlockDecoder decoder;

    /** Compressed window: valid bytes are {@code [0, limit)}; {@code buf[0]} is input byte {@code base}. */
    private byte[] buf = new byte[64 << 10];
    private int limit;
    private long base;
    private boolean inEof;
    /** Next bit to read, relative to {@code buf[0]}. */
    private long bitPos;

    /** Level of the current stream (1..9), or 0 between streams. */
    private int level;
    private int combinedCrc;
    private boolean sawStream;
    private boolean finished;
    private boolean closed;

    /** Decoded bytes of the current block not yet returned. */
    private byte[] block;
    private int blockPos;
    private int blockLen;

    /**
     * Creates a decoder reading compressed bytes from {@code in}. Nothing is read until the first
     * {@code read} call.
     *
     * @param in the compressed bytes, from the {@code BZh} header
     */
    public Bzip2InputStream(InputStream in) {
        this(in, true);
    }

    /**
     * Creates a decoder that reads every concatenated stream ({@code concatenated} true) or stops after
     * the end of the first stream (for random access to one stream of a multistream file; the bytes after
     * it are not looked at, though they may have been read into the input window).
     *
     * @param in           the compressed bytes, from the {@code BZh} header
     * @param concatenated whether to read on after the end of the first stream
     */
    public Bzip2InputStream(InputStream in, boolean concatenated) {
        this(in, concatenated, new Bzip2BlockDecoder());
    }

    /**
     * As {@link #Bzip2InputStream(InputStream, boolean)}, decoding with the given decoder and its work
     * arrays: for callers that decode many short streams one after another (random access), so that the
     * arrays are allocated once. The decoder must not be used by anyone else until this stream is done.
     *
     * @param in           the compressed bytes, from the {@code BZh} header
     * @param concatenated whether to read on after the end of the first stream
     * @param decoder      the decoder to use
     */
    public Bzip2InputStream(InputStream in, boolean concatenated, Bzip2BlockDecoder decoder) {
        this.concatenated = concatenated;
        this.in = Objects.requireNonNull(in, "in is null");
        this.decoder = Objects.requireNonNull(decoder, "decoder is null");
    }

    @Override
    public int read() throws IOException {
        if (blockPos >= blockLen && !nextBlock()) {
            return -1;
        }
        return block[blockPos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            if (blockPos >= blockLen) {
                // Hand out what is decoded before starting a block that might turn out damaged.
                if (n > 0) {
                    break;
                }
                if (!nextBlock()) {
                    break;
                }
            }
            int k = Math.min(len - n, blockLen - blockPos);
            System.arraycopy(block, blockPos, b, off + n, k);
            blockPos += k;
            n += k;
        }
        return n == 0 ? -1 : n;
    }

    /**
     * Reads everything that is left, copying each decoded block once; the array of a single-block stream
     * is allocated at its exact size.
     */
    @Override
    public byte[] readAllBytes() throws IOException {
        byte[] all = null;
        int n = 0;
        if (blockPos < blockLen) {
            all = Arrays.copyOfRange(block, blockPos, blockLen);
            n = all.length;
            blockPos = blockLen;
        }
        while (nextBlock()) {
            if (all == null) {
                all = Arrays.copyOf(block, blockLen);
            } else {
                if (all.length - n < blockLen) {
                    if ((long) n + blockLen > Integer.MAX_VALUE - 8) {
                        throw new IOException("more than 2 GiB decoded: too large for one array");
                    }
                    all = Arrays.copyOf(all, (int) Math.min(Integer.MAX_VALUE - 8,
                            Math.max(2L * all.length, (long) n + blockLen)));
                }
                System.arraycopy(block, 0, all, n, blockLen);
            }
            n += blockLen;
            blockPos = blockLen;
        }
        return all == null ? new byte[0] : all.length == n ? all : Arrays.copyOf(all, n);
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n) {
            if (blockPos >= blockLen && !nextBlock()) {
                break;
            }
            int k = (int) Math.min(n - skipped, blockLen - blockPos);
            blockPos += k;
            skipped += k;
        }
        return skipped;
    }

    @Override
    public int available() {
        return blockLen - blockPos;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            finished = true;
            block = null;
            blockPos = blockLen = 0;
            buf = null;
            decoder.releaseLargeOutput();
            in.close();
        }
    }

    /** Decodes the next non-empty block; returns false at the clean end of the input. */
    private boolean nextBlock() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        while (!finished) {
            fill();
            if (level == 0) {
                readStreamHeader();
                continue;
            }
            long magic = Bzip2BlockDecoder.peek48(buf, limit, bitPos);
            if (bitPos + 48 > 8L * limit) {
                throw truncated(bitPos);
            }
            if (magic == Bzip2BlockDecoder.BLOCK_MAGIC) {
                bitPos = decoder.decodeBlock(buf, limit, bitPos, 8 * base, level, inEof);
                int crc = decoder.storedCrc();
                combinedCrc = ((combinedCrc << 1) | (combinedCrc >>> 31)) ^ crc;
                block = decoder.output();
                blockPos = 0;
                blockLen = decoder.outputLength();
                if (blockLen > 0) {
                    return true;
                }
            } else if (magic == Bzip2BlockDecoder.END_OF_STREAM_MAGIC) {
                long at = bitPos;
                bitPos += 48;
                if (bitPos + 32 > 8L * limit) {
                    throw truncated(bitPos);
                }
                int stored = (int) (Bzip2BlockDecoder.peek48(buf, limit, bitPos) >>> 16);
                bitPos += 32;
                if (stored != combinedCrc) {
                    throw Bzip2BlockDecoder.corruptAt(String.format(
                            "stream CRC mismatch (stored %08x, computed %08x)", stored, combinedCrc), 8 * base + at);
                }
                bitPos = (bitPos + 7) & ~7L;
                level = 0;
                finished = !concatenated;
            } else {
                throw Bzip2BlockDecoder.corruptAt("bad block magic", 8 * base + bitPos);
            }
        }
        return false;
    }

    private void readStreamHeader() {
        int p = (int) (bitPos >>> 3);
        int avail = limit - p;
        if (avail == 0 && inEof) {
            if (!sawStream) {
                throw Bzip2BlockDecoder.corruptAt("not a bzip2 stream (empty input)", 8 * base + bitPos);
            }
            finished = true;
            return;
        }
        byte[] magic = {'B', 'Z', 'h'};
        for (int i = 0; i < 4; i++) {
            if (i >= avail) {
                throw truncated(bitPos + 8L * i);
            }
            int b = buf[p + i];
            boolean ok = i < 3 ? b == magic[i] : b >= '1' && b <= '9';
            if (!ok) {
                throw Bzip2BlockDecoder.corruptAt(sawStream ? "garbage after bzip2 stream" : "not a bzip2 stream",
                        8 * (base + p));
            }
        }
        level = buf[p + 3] - '0';
        combinedCrc = 0;
        sawStream = true;
        bitPos += 32;
    }

    /** Ensures the window holds at least {@link #WINDOW_MIN} unread bytes, or everything up to the end. */
    private void fill() throws IOException {
        int p = (int) (bitPos >>> 3);
        if (inEof || limit - p >= WINDOW_MIN) {
            return;
        }
        if (p > 0) {
            System.arraycopy(buf, p, buf, 0, limit - p);
            limit -= p;
            base += p;
            bitPos -= 8L * p;
        }
        while (true) {
            if (limit == buf.length) {
                if (buf.length >= WINDOW_MAX) {
                    return;
                }
                byte[] bigger = new byte[Math.min(WINDOW_MAX, buf.length * 4)];
                System.arraycopy(buf, 0, bigger, 0, limit);
                buf = bigger;
            }
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                inEof = true;
                return;
            }
            limit += r;
        }
    }

    private CorruptInputException truncated(long relBitPos) {
        return Bzip2BlockDecoder.corruptAt("unexpected end of input inside a bzip2 stream",
                8 * base + Math.min(relBitPos, 8L * limit));
    }
}
