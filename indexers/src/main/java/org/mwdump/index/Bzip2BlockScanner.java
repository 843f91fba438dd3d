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
        long size = channel.size();
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        long[] found = new long[64];
        int n = 0;
        long acc = 0;
        long bytes = 0;
        long position = 0;
        while (position < size) {
            buf.clear();
            int r = DumpFiles.read(channel, buf, position, size);
            if (r <= 0) {
                break;
            }
            position += r;
            byte[] a = buf.array();
            for (int i = 0; i < r; i++) {
                acc = (acc << 8) | (a[i] & 0xff);
                bytes++;
                if (bytes < 7 || !POSSIBLE[(int) (acc >>> 16) & 0xFF]) {
                    continue;
                }
                // acc holds the last 8 bytes; a magic ending inside the newest byte starts s bits in
                for (int s = 0; s < 8; s++) {
                    if (((acc >>> s) & MASK48) == Bzip2BlockDecoder.BLOCK_MAGIC) {
                        long endBit = 8 * bytes - s;
                        if (n == found.length) {
                            found = Arrays.copyOf(found, n * 2);
                        }
                        found[n++] = endBit - 48;
                    }
                }
            }
        }
        long[] result = Arrays.copyOf(found, n);
        Arrays.sort(result);
        return result;
    }
}
