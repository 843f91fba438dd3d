package org.mwdump.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where the concatenated bz2 streams of a file start. Every stream starts byte-aligned with
 * {@code BZh1}..{@code BZh9} followed by a block magic ({@code 1AY&SY}) or, for an empty stream, the
 * end-of-stream magic: ten fixed bytes, so a chance match inside compressed data has a probability
 * of about 2^-76 per position. Callers that cannot accept even that validate a start by decoding it.
 */
final class Bzip2Streams {
    private static final byte[] BLOCK = {0x31, 0x41, 0x59, 0x26, 0x53, 0x59};
    private static final byte[] END = {0x17, 0x72, 0x45, 0x38, 0x50, (byte) 0x90};

    private Bzip2Streams() {
    }

    /**
     * Byte offsets of the streams of a file, in order; reads the file once.
     *
     * @param file a bz2 file
     * @return the byte offset of each stream
     * @throws java.io.IOException if the file cannot be read
     */
    public static List<Long> starts(Path file) throws IOException {
        try (FileChannel ch = DumpFiles.open(file)) {
            return starts(ch);
        }
    }

    /**
     * Byte offsets of the streams of a file open as a channel, in order; reads it once with positional
     * reads (the channel's position is not used).
     *
     * @param ch a bz2 file
     * @return the byte offset of each stream
     * @throws java.io.IOException if the file cannot be read
     */
    static List<Long> starts(FileChannel ch) throws IOException {
        List<Long> starts = new ArrayList<>();
        long size = ch.size();
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        long base = 0;
        int carry = 0;
        while (true) {
            int n = DumpFiles.read(ch, buf, base + buf.position(), size);
            if (n <= 0) {
                break;
            }
            byte[] a = buf.array();
            int limit = buf.position();
            for (int i = 0; i + 10 <= limit; i++) {
                if (a[i] == 'B' && a[i + 1] == 'Z' && a[i + 2] == 'h' && a[i + 3] >= '1' && a[i + 3] <= '9'
                        && (matches(a, i + 4, BLOCK) || matches(a, i + 4, END))) {
                    starts.add(base + i);
                }
            }
            // keep the last 9 bytes: a magic may straddle two reads
            carry = Math.min(9, limit);
            System.arraycopy(a, limit - carry, a, 0, carry);
            base += limit - carry;
            buf.position(carry);
        }
        return starts;
    }

    private static boolean matches(byte[] a, int at, byte[] magic) {
        for (int k = 0; k < magic.length; k++) {
            if (a[at + k] != magic[k]) {
                return false;
            }
        }
        return true;
    }
}
