package org.mwdump.benchmarks.gen;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A buffered byte writer for dump XML that escapes the way MediaWiki's dump pipeline does
 * ({@code htmlspecialchars} with {@code ENT_COMPAT} for element content, {@code ENT_QUOTES} plus
 * escaped line breaks and tabs for attributes) and counts the bytes written.
 *
 * <p>Escaping works on UTF-8 bytes: every character that needs escaping is ASCII, and no byte of a
 * multi-byte UTF-8 sequence is in the ASCII range, so this is exact and avoids a second pass over
 * the characters. Not thread-safe; never closes the underlying stream.
 */
public final class XmlOut {
    private static final byte[] AMP = ascii("&amp;");
    private static final byte[] LT = ascii("&lt;");
    private static final byte[] GT = ascii("&gt;");
    private static final byte[] QUOT = ascii("&quot;");
    private static final byte[] APOS = ascii("&#039;");
    private static final byte[] LF = ascii("&#10;");
    private static final byte[] CR = ascii("&#13;");
    private static final byte[] TAB = ascii("&#9;");

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private long flushed;

    /** Creates a writer onto {@code out}. */
    public XmlOut(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out is null");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Bytes written so far, including those still buffered. */
    public long count() {
        return flushed + pos;
    }

    /** Writes markup that needs no escaping (element names, numbers, fixed strings). */
    public XmlOut raw(String s) throws IOException {
        int n = s.length();
        if (n > buf.length - pos) {
            flushBuffer();
            if (n > buf.length) {
                write(s.getBytes(StandardCharsets.UTF_8));
                return this;
            }
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                // rare: markup with non-ASCII text; fall back to a real encoder
                write(s.substring(i).getBytes(StandardCharsets.UTF_8));
                return this;
            }
            buf[pos++] = (byte) c;
        }
        return this;
    }

    /** Writes a decimal number. */
    public XmlOut number(long n) throws IOException {
        return raw(Long.toString(n));
    }

    /** Writes element content, escaping {@code & < > "} ({@code '} stays raw, as in the dumps). */
    public XmlOut text(String s) throws IOException {
        return text(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes UTF-8 element content, escaping {@code & < > "}. */
    public XmlOut text(byte[] utf8) throws IOException {
        int start = 0;
        for (int i = 0; i < utf8.length; i++) {
            byte[] rep;
            switch (utf8[i]) {
                case '&' -> rep = AMP;
                case '<' -> rep = LT;
                case '>' -> rep = GT;
                case '"' -> rep = QUOT;
                default -> {
                    continue;
                }
            }
            write(utf8, start, i - start);
            write(rep, 0, rep.length);
            start = i + 1;
        }
        write(utf8, start, utf8.length - start);
        return this;
    }

    /** Writes an attribute value (without the quotes) as {@code Sanitizer::encodeAttribute} does. */
    public XmlOut attribute(String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        for (int i = 0; i < utf8.length; i++) {
            byte[] rep;
            switch (utf8[i]) {
                case '&' -> rep = AMP;
                case '<' -> rep = LT;
                case '>' -> rep = GT;
                case '"' -> rep = QUOT;
                case '\'' -> rep = APOS;
                case '\n' -> rep = LF;
                case '\r' -> rep = CR;
                case '\t' -> rep = TAB;
                default -> {
                    continue;
                }
            }
            write(utf8, start, i - start);
            write(rep, 0, rep.length);
            start = i + 1;
        }
        write(utf8, start, utf8.length - start);
        return this;
    }

    private void write(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    private void write(byte[] b, int off, int len) throws IOException {
        if (len <= buf.length - pos) {
            System.arraycopy(b, off, buf, pos, len);
            pos += len;
            return;
        }
        flushBuffer();
        if (len >= buf.length) {
            out.write(b, off, len);
            flushed += len;
        } else {
            System.arraycopy(b, off, buf, 0, len);
            pos = len;
        }
    }

    private void flushBuffer() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            flushed += pos;
            pos = 0;
        }
    }

    /** Writes out the buffer and flushes the underlying stream. */
    public void flush() throws IOException {
        flushBuffer();
        out.flush();
    }
}
