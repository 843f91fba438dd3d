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
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
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
        this.buf = new byte[size];
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

    /** Appends a quoted, escaped JSON string. */
    AsciiJsonBuffer string(String s) throws IOException {
        byteOut((byte) '"');
        int n = s.length();
        int i = 0;
        while (i < n) {
            // fast path: a run of characters copied as they are
            int room = buf.length - pos;
            if (room <= 6) {
                flushBuffer();
                room = buf.length;
            }
            int limit = Math.min(n, i + room - 6);
            while (i < limit) {
                char c = s.charAt(i);
                if (c >= 128 || ESCAPE[c] != 0) {
                    break;
                }
                buf[pos++] = (byte) c;
                i++;
            }
            if (i < limit) {
                char c = s.charAt(i++);
                byte e = c < 128 ? ESCAPE[c] : (byte) 'u';
                buf[pos++] = '\\';
                if (e != 'u') {
                    buf[pos++] = e;
                } else {
                    buf[pos++] = 'u';
                    buf[pos++] = HEX[(c >> 12) & 0xf];
                    buf[pos++] = HEX[(c >> 8) & 0xf];
                    buf[pos++] = HEX[(c >> 4) & 0xf];
                    buf[pos++] = HEX[c & 0xf];
                }
            }
        }
        byteOut((byte) '"');
        return this;
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
