package org.mwdump.write.revdoc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * A byte buffer that writes JSON the way Python's {@code json.dumps} does with its defaults
 * ({@code ensure_ascii=True}): every character outside printable ASCII becomes a {@code \}{@code uXXXX}
 * escape with lower-case hex (characters beyond the BMP as their UTF-16 surrogate pair, which is what a
 * Java string already holds), {@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t}, {@code \b},
 * {@code \f} as short escapes, {@code /} unescaped. Because the output is pure ASCII, characters are
 * written as bytes without an encoder.
 *
 * <p>Cost: one pass over each string, no allocation per value; the buffer is flushed to the stream
 * when full. Text held as UTF-8 is escaped straight from its bytes ({@link #stringUtf8}), with no
 * string made.
 */
final class AsciiJsonBuffer {
    /** Eight bytes of an array at a time, little-endian: the first byte is the lowest. */
    /** Writes an ASCII character as it is, as a short escape or as a six-byte escape; returns the new end. */
    private static int ascii(byte[] b, int p, int c) {
        byte e = ESCAPE[c];
        if (e == 0) {
            b[p] = (byte) c;
            return p + 1;
        }
        if (e != 'u') {
            b[p] = '\\';
            b[p + 1] = e;
            return p + 2;
        }
        return unicodeEscape(b, p, (char) c);
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

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
                        p = ascii(b, p, c);
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

    /** Input bytes consumed per stretch of {@link #stringUtf8} between checks for room in the buffer. */
    private static final int STRETCH = 64;

    /**
     * Room a stretch needs. It ends with the first step that reaches its end, and a step consumes at most
     * eleven input bytes (seven plain ones and a four-byte character), so a stretch consumes fewer than
     * {@code STRETCH + 11}; each gives at most six output bytes; and the last eight-byte store may run up
     * to eight bytes past the output.
     */
    private static final int STRETCH_ROOM = 6 * (STRETCH + 11) + 8;

    /** UTF-8 input copied in pieces for {@link #stringUtf8}, so it can be read eight bytes at a time. */
    private final byte[] utf8Chunk = new byte[8192];

    /**
     * Appends a quoted, escaped JSON string given as UTF-8: the same bytes {@link #string(String)} writes
     * for the string these bytes decode to, with no string made. Runs of printable ASCII are copied eight
     * bytes at a time; other characters are decoded to their code point and escaped (as a UTF-16
     * surrogate pair beyond the BMP).
     *
     * @param utf8 well-formed UTF-8 (no overlong forms, no encoded surrogates), read from its position to
     *             its limit; neither the buffer's position nor its content is changed
     * @return this buffer
     * @throws IOException if flushing to the stream fails
     */
    AsciiJsonBuffer stringUtf8(ByteBuffer utf8) throws IOException {
        byteOut((byte) '"');
        byte[] src = utf8Chunk;
        int end = utf8.limit();
        int from = utf8.position();
        while (from < end) {
            int len = Math.min(src.length, end - from);
            utf8.get(from, src, 0, len);
            // the piece ends where its last whole character does (the rest is read again with the next one)
            int avail = from + len == end ? len : wholeCharacters(src, len);
            escapeUtf8(src, avail);
            from += avail;
        }
        byteOut((byte) '"');
        return this;
    }

    /** The length of the longest prefix of {@code src[0, len)} that ends with a whole character. */
    private static int wholeCharacters(byte[] src, int len) {
        // a character is at most four bytes: look for its lead among the last three
        for (int k = len - 1; k >= Math.max(0, len - 3); k--) {
            int c = src[k] & 0xff;
            if (c < 0x80) {
                return len;
            }
            if (c >= 0xc0) {
                int n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
                return k + n <= len ? len : k;
            }
        }
        return len;
    }

    /** Escapes {@code src[0, n)}, which holds whole UTF-8 characters, into the buffer. */
    private void escapeUtf8(byte[] src, int n) throws IOException {
        byte[] b = buf;
        int i = 0;
        while (i < n) {
            if (b.length - pos < STRETCH_ROOM) {
                flushBuffer();
            }
            int limit = Math.min(n, i + STRETCH);
            int p = pos;
            while (i < limit) {
                if (i + 8 <= n) {
                    long w = (long) LONGS.get(src, i);
                    long special = needsEscape(w);
                    // the plain bytes are stored all eight at once; those from the first special one on are
                    // overwritten by what follows
                    LONGS.set(b, p, w);
                    if (special == 0) {
                        p += 8;
                        i += 8;
                        continue;
                    }
                    int k = Long.numberOfTrailingZeros(special) >>> 3;
                    p += k;
                    i += k;
                }
                int c = src[i];
                if (c >= 0) {
                    p = ascii(b, p, c);
                    i++;
                } else {
                    // a run of characters beyond ASCII, without looking for plain bytes in between
                    do {
                        if (c < (byte) 0xe0) {
                            LONGS.set(b, p, TWO_BYTE_ESCAPES[(c & 0x1f) << 6 | src[i + 1] & 0x3f]);
                            p += 6;
                            i += 2;
                        } else if (c < (byte) 0xf0) {
                            p = unicodeEscape(b, p, (char) ((c & 0x0f) << 12 | (src[i + 1] & 0x3f) << 6
                                    | src[i + 2] & 0x3f));
                            i += 3;
                        } else {
                            int cp = (c & 0x07) << 18 | (src[i + 1] & 0x3f) << 12 | (src[i + 2] & 0x3f) << 6
                                    | src[i + 3] & 0x3f;
                            p = unicodeEscape(b, p, Character.highSurrogate(cp));
                            p = unicodeEscape(b, p, Character.lowSurrogate(cp));
                            i += 4;
                        }
                    } while (i < limit && (c = src[i]) < 0);
                }
            }
            pos = p;
        }
    }

    /** The escapes of the characters below U+0800 as stored by {@link #unicodeEscape}. */
    private static final long[] TWO_BYTE_ESCAPES = new long[0x800];

    static {
        byte[] b = new byte[8];
        for (int c = 0; c < TWO_BYTE_ESCAPES.length; c++) {
            unicodeEscape(b, 0, (char) c);
            TWO_BYTE_ESCAPES[c] = (long) LONGS.get(b, 0);
        }
    }

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * A mask whose lowest set bit is the high bit of the first of the eight bytes (little-endian) that
     * {@link #string(String)} does not copy as it is: a byte outside 0x20..0x7e, {@code "} or {@code \}. Zero
     * when all eight are copied. Bits above the lowest may be set spuriously (borrows), never below it.
     */
    private static long needsEscape(long w) {
        long quote = w ^ ONES * '"';
        long backslash = w ^ ONES * '\\';
        long delete = w ^ ONES * 0x7f;
        return (w                                   // bytes from 0x80 (UTF-8 sequences)
                | (w - ONES * 0x20) & ~w            // bytes below 0x20
                | (quote - ONES) & ~quote           // '"'
                | (backslash - ONES) & ~backslash   // '\\'
                | (delete - ONES) & ~delete)        // 0x7f
                & HIGHS;
    }

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
