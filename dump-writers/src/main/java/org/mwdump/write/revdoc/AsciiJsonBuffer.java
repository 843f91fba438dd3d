package org.mwdump.write.revdoc;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A byte buffer that writes JSON the way Python's {@code json.dumps} does with its defaults
 * ({@code ensure_ascii=True}): every character outside printable ASCII becomes a {@code \}{@code uXXXX}
 * escape with lower-case hex (characters beyond the BMP as their UTF-16 surrogate pair, which is what a
 * Java string already holds), {@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t}, {@code \b},
 * {@code \f} as short escapes, {@code /} unescaped. Because the output is pure ASCII, characters are
 * written as bytes without an encoder.
 *
 * <p>Cost: one pass over each string, no allocation per value; the buffer is flushed to the stream
 * when full.
 */
final class AsciiJsonBuffer {
    /** For each ASCII char: 0 = copy, otherwise the short escape letter, or 'u' for a six-char escape. */
    private static final byte[] ESCAPE = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPE[c] = 'u';
        }
        ESCAPE['"'] = '"';
        ESCAPE['\\'] = '\\';
        ESCAPE['\n'] = 'n';
        ESCAPE['\r'] = 'r';
        ESCAPE['\t'] = 't';
        ESCAPE['\b'] = 'b';
        ESCAPE['\f'] = 'f';
        ESCAPE[0x7f] = 'u';
    }

    private final OutputStream out;
    private final byte[] buf;
    private int pos;

    AsciiJsonBuffer(OutputStream out, int size) {
        this.out = out;
        this.buf = new byte[Math.max(size, 1024)];
    }

    /** Appends ASCII text that needs no escaping (keys, punctuation, numbers). */
    AsciiJsonBuffer raw(String ascii) throws IOException {
        int n = ascii.length();
        if (pos + n > buf.length) {
            flushBuffer();
            if (n > buf.length) {
                for (int i = 0; i < n; i++) {
                    byteOut((byte) ascii.charAt(i));
                }
                return this;
            }
        }
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    AsciiJsonBuffer number(long value) throws IOException {
        return raw(Long.toString(value));
    }

    AsciiJsonBuffer bool(boolean value) throws IOException {
        return raw(value ? "true" : "false");
    }

    /** Characters of the string being written, copied in bulk (cheaper than {@code charAt} per character). */
    private char[] chars = new char[4096];

    /** Appends a quoted, escaped JSON string. */
    AsciiJsonBuffer string(String s) throws IOException {
        byteOut((byte) '"');
        int n = s.length();
        char[] cs = chars;
        byte[] b = buf;
        for (int from = 0; from < n; from += cs.length) {
            int len = Math.min(cs.length, n - from);
            s.getChars(from, from + len, cs, 0);
            int i = 0;
            while (i < len) {
                // room for a whole stretch of six-byte escapes (each stored as eight bytes, the last two
                // overwritten by what follows), so the loops below need no checks
                if (b.length - pos < 6 * 64 + 2) {
                    flushBuffer();
                }
                int limit = Math.min(len, i + 64);
                int p = pos;
                for (; i < limit; i++) {
                    char c = cs[i];
                    if (c < 128) {
                        byte e = ESCAPE[c];
                        if (e == 0) {
                            b[p++] = (byte) c;
                        } else if (e != 'u') {
                            b[p] = '\\';
                            b[p + 1] = e;
                            p += 2;
                        } else {
                            p = unicodeEscape(b, p, c);
                        }
                    } else {
                        p = unicodeEscape(b, p, c);
                    }
                }
                pos = p;
            }
        }
        byteOut((byte) '"');
        return this;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * Writes {@code \}{@code uXXXX} with lower-case hex digits as one eight-byte store (the two bytes
     * after the escape are written too, and are overwritten by what follows).
     */
    private static int unicodeEscape(byte[] b, int p, char c) {
        // the four nibbles, most significant first, one per byte
        long x = (c >> 12) | (c >> 8 & 0xf) << 8 | (c >> 4 & 0xf) << 16 | (long) (c & 0xf) << 24;
        // '0' + nibble, and 'a' - 10 + nibble for nibbles of 10 and more: those are the ones where
        // adding 6 carries into bit 4
        long digits = x + 0x30303030L + ((x + 0x06060606L) >> 4 & 0x01010101L) * ('a' - '0' - 10);
        LONGS.set(b, p, '\\' | 'u' << 8 | digits << 16);
        return p + 6;
    }

    private void byteOut(byte b) throws IOException {
        if (pos == buf.length) {
            flushBuffer();
        }
        buf[pos++] = b;
    }

    void flushBuffer() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }
}
