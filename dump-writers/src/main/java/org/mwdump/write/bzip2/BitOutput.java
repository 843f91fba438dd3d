package org.mwdump.write.bzip2;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable string of bits, most significant bit first, as bzip2 writes them. Blocks are encoded
 * into one each, on any thread, and then appended to the stream's at whatever bit position it has
 * reached; nothing in a bzip2 stream is byte-aligned except its start.
 */
final class BitOutput {
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private byte[] buf;
    private int bytes;
    private long acc;
    private int accBits;

    BitOutput(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    /** Appends the low {@code n} bits of {@code v}, {@code 0 <= n <= 32}. */
    void write(int n, int v) {
        if (accBits + n > 64) {
            spill();
        }
        acc = (acc << n) | (v & ((1L << n) - 1));
        accBits += n;
    }

    /**
     * Moves the oldest 32 bits of the accumulator to the buffer, when more than 32 are held; without a
     * loop, so that {@link #write}, inlined into the encoder's loops, stays small for the JIT.
     */
    private void spill() {
        if (bytes + 4 > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, bytes + 16));
        }
        accBits -= 32;
        INTS.set(buf, bytes, (int) (acc >>> accBits));
        bytes += 4;
    }

    /** Appends one bit. */
    void bit(boolean one) {
        write(1, one ? 1 : 0);
    }

    void writeInt(int v) {
        write(16, v >>> 16);
        write(16, v);
    }

    /** Moves whole bytes from the accumulator to the buffer. */
    private void drain() {
        if (bytes + 8 > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, bytes + 16));
        }
        while (accBits >= 8) {
            accBits -= 8;
            buf[bytes++] = (byte) (acc >>> accBits);
        }
    }

    /** Bits written so far. */
    long bitLength() {
        return bytes * 8L + accBits;
    }

    /** Appends every bit of {@code other}. */
    void append(BitOutput other) {
        other.drain();
        byte[] b = other.buf;
        int n = other.bytes;
        drain();
        ensure(n);
        if (accBits == 0) {
            System.arraycopy(b, 0, buf, bytes, n);
            bytes += n;
        } else {
            // fewer than eight bits are pending, and each byte appended pushes one whole byte out
            long a = acc;
            int pending = accBits;
            byte[] to = buf;
            int at = bytes;
            for (int i = 0; i < n; i++) {
                a = (a << 8) | (b[i] & 0xFF);
                to[at++] = (byte) (a >>> pending);
            }
            acc = a;
            bytes = at;
        }
        if (other.accBits > 0) {
            write(other.accBits, (int) other.acc);
        }
    }

    /**
     * Appends bits {@code [fromBit, toBit)} of {@code src} (most significant bit first), when this holds a
     * whole number of bytes and {@code fromBit} is a byte boundary.
     */
    void appendBits(byte[] src, long fromBit, long toBit) {
        drain();
        if (accBits != 0 || (fromBit & 7) != 0) {
            throw new IllegalStateException("bits are copied from and to byte boundaries only");
        }
        int from = (int) (fromBit >>> 3);
        int whole = (int) (toBit >>> 3) - from;
        ensure(whole);
        System.arraycopy(src, from, buf, bytes, whole);
        bytes += whole;
        int rest = (int) (toBit & 7);
        if (rest > 0) {
            write(rest, (src[from + whole] & 0xFF) >>> (8 - rest));
        }
    }

    private void ensure(int more) {
        if (bytes + more + 8 > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, bytes + more + 16));
        }
    }

    /**
     * Whole bytes ready to be written: all but the last partial one, or, with {@code pad}, all of them
     * with the last padded with zero bits. Call {@link #consumed} after writing them.
     */
    int readyBytes(boolean pad) {
        drain();
        if (pad && accBits > 0) {
            write(8 - accBits, 0);
            drain();
        }
        return bytes;
    }

    byte[] buffer() {
        return buf;
    }

    /** Forgets the first {@code n} buffered bytes (written elsewhere). */
    void consumed(int n) {
        System.arraycopy(buf, n, buf, 0, bytes - n);
        bytes -= n;
    }

    /** Empties this for reuse. */
    void reset() {
        bytes = 0;
        acc = 0;
        accBits = 0;
    }
}
