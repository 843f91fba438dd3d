package org.mwdump.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import org.mwdump.read.bzip2.Bzip2BlockDecoder;

/**
 * Finds candidate bz2 blocks: every bit position where the 48-bit block magic {@code 0x314159265359}
 * occurs. Blocks are not byte-aligned, so all eight alignments are tested at every byte. The magic can
 * also occur by chance inside compressed data; candidates must be validated (decoded, CRC checked, and
 * placed where the previous block ended), as {@link Bzip2BlockReader} does.
 */
final class Bzip2BlockScanner {
    private static final long MASK48 = 0xFFFFFFFFFFFFL;
    /**
     * The byte at bits 16..23 of the 64-bit window lies inside the magic for every alignment, so it can
     * take only eight values; other bytes rule out a magic ending in the newest byte at once.
     */
    private static final boolean[] POSSIBLE = new boolean[256];

    static {
        for (int s = 0; s < 8; s++) {
            POSSIBLE[(int) (((Bzip2BlockDecoder.BLOCK_MAGIC << s) >>> 16) & 0xFF)] = true;
        }
    }

    private Bzip2BlockScanner() {
    }

    /**
     * Bit offsets of every block magic in the file, ascending. Reads the file once.
     *
     * @param channel the file, read with positional reads
     * @return the bit offsets
     * @throws java.io.IOException if the file cannot be read
     */
    public static long[] scan(FileChannel channel) throws IOException {
        return scan(channel, 0, channel.size());
    }

    /**
     * Bit offsets of the block magics that start in the bytes {@code [from, to)} of the file, ascending
     * (the bytes after {@code to} that such a magic runs into are read too).
     *
     * @param channel the file, read with positional reads
     * @param from    the first byte
     * @param to      the byte after the last one a magic may start in
     * @return the bit offsets
     * @throws java.io.IOException if the file cannot be read
     */
    static long[] scan(FileChannel channel, long from, long to) throws IOException {
        long size = channel.size();
        long stop = Math.min(size, to + 6);
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        long[] found = new long[64];
        int n = 0;
        long acc = 0;
        long bytes = from;
        long position = from;
        while (position < stop) {
            buf.clear();
            if (stop - position < buf.capacity()) {
                buf.limit((int) (stop - position));
            }
            int r = DumpFiles.read(channel, buf, position, size);
            if (r <= 0) {
                break;
            }
            position += r;
            byte[] a = buf.array();
            for (int i = 0; i < r; i++) {
                acc = (acc << 8) | (a[i] & 0xff);
                bytes++;
                if (bytes - from < 6 || !POSSIBLE[(int) (acc >>> 16) & 0xFF]) {
                    continue;
                }
                // acc holds the last 8 bytes; a magic ending inside the newest byte starts s bits in
                for (int s = 0; s < 8; s++) {
                    if (((acc >>> s) & MASK48) == Bzip2BlockDecoder.BLOCK_MAGIC) {
                        long start = 8 * bytes - s - 48;
                        if (start < 8 * from || start >= 8 * to) {
                            continue; // begins before the range (or after it, in the bytes read past it)
                        }
                        if (n == found.length) {
                            found = Arrays.copyOf(found, n * 2);
                        }
                        found[n++] = start;
                    }
                }
            }
        }
        long[] result = Arrays.copyOf(found, n);
        Arrays.sort(result);
        return result;
    }
}
