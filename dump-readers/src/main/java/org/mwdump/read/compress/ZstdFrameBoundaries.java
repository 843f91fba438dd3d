package org.mwdump.read.compress;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.mwdump.CorruptInputException;
import org.mwdump.DumpLocation;

/**
 * Follows the frame structure of zstd data as it passes to the decoder (frame headers, block headers,
 * checksums, skippable frames) and fails when the input ends anywhere but between two frames. zstd-jni's
 * {@code ZstdInputStream} notices a cut inside the first frame, but takes a cut inside a later frame for
 * the end of the data, which would make a cut multi-frame file (seekable zstd) read as a shorter dump.
 *
 * <p>Costs a few comparisons per byte; holds no data. Once the structure is not understood (a reserved
 * block type), it stops judging and leaves the error to the decoder.
 */
final class ZstdFrameBoundaries extends FilterInputStream {
    /** Fields collected byte by byte (at most 4 bytes each). */
    private static final int MAGIC = 0, SKIPPABLE_SIZE = 1, DESCRIPTOR = 2, BLOCK_HEADER = 3;
    /** Bytes passed over, then {@link #then}. */
    private static final int PASS = 4;
    /** Structure not understood: the decoder will report it. */
    private static final int LOST = 5;

    private int state = MAGIC;
    private int need = 4;
    private long pass;
    private int then;
    private long value;
    private int collected;
    private boolean checksum;
    private long offset;

    ZstdFrameBoundaries(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            atEnd();
        } else {
            follow(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            atEnd();
        } else {
            follow(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // through read, so that every byte is followed
        byte[] buf = new byte[(int) Math.max(1, Math.min(n, 8192))];
        return Math.max(read(buf, 0, buf.length), 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void atEnd() {
        if (state != LOST && !(state == MAGIC && collected == 0)) {
            throw new CorruptInputException("zstd data ends inside a frame",
                    DumpLocation.at(null, offset), 8 * offset, null);
        }
    }

    private void follow(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && state != LOST) {
            if (state == PASS) {
                int k = (int) Math.min(pass, end - i);
                i += k;
                pass -= k;
                if (pass == 0) {
                    collect(then, then == BLOCK_HEADER ? 3 : 4);
                }
                continue;
            }
            value |= (long) (b[i++] & 0xff) << (8 * collected);
            if (++collected == need) {
                field(value);
            }
        }
        offset += len;
    }

    private void collect(int newState, int bytes) {
        state = newState;
        need = bytes;
        collected = 0;
        value = 0;
    }

    private void pass(long bytes, int next) {
        if (bytes == 0) {
            collect(next, next == BLOCK_HEADER ? 3 : 4);
        } else {
            state = PASS;
            pass = bytes;
            then = next;
        }
    }

    private void field(long v) {
        switch (state) {
            case MAGIC -> {
                if ((v & 0xFFFFFFF0L) == 0x184D2A50L) {
                    collect(SKIPPABLE_SIZE, 4);
                } else if (v == 0xFD2FB528L) {
                    collect(DESCRIPTOR, 1);
                } else {
                    state = LOST;
                }
            }
            case SKIPPABLE_SIZE -> pass(v, MAGIC);
            case DESCRIPTOR -> {
                int fhd = (int) v;
                checksum = (fhd & 0x04) != 0;
                boolean singleSegment = (fhd & 0x20) != 0;
                int fcs = fhd >>> 6;
                int rest = (singleSegment ? 0 : 1) + new int[] {0, 1, 2, 4}[fhd & 3]
                        + (fcs == 0 ? (singleSegment ? 1 : 0) : 1 << fcs);
                pass(rest, BLOCK_HEADER);
            }
            case BLOCK_HEADER -> {
                boolean last = (v & 1) != 0;
                int type = (int) (v >>> 1) & 3;
                if (type == 3) {
                    state = LOST;
                    return;
                }
                long content = type == 1 ? 1 : v >>> 3;
                if (!last) {
                    pass(content, BLOCK_HEADER);
                } else {
                    // the content checksum, when present, is the last 4 bytes of the frame
                    pass(content + (checksum ? 4 : 0), MAGIC);
                }
            }
            default -> state = LOST;
        }
    }
}
