package org.mwdump.write.xml;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A UTF-8 byte buffer with MediaWiki's XML escaping built into the encoder, so every string is
 * escaped and encoded in one pass without intermediate strings.
 */
final class Utf8Out {
    /** The high bit of every byte of a word. */
    private static final long HIGH = 0x8080808080808080L;
    /** The low seven bits of every byte of a word. */
    private static final long LOW = 0x7f7f7f7f7f7f7f7fL;
    /** {@code <} in every byte; {@code >} differs from it in bit 1 alone. */
    private static final long LT = 0x3c3c3c3c3c3c3c3cL;
    /** Bit 1 cleared in every byte: compared with {@link #LT} under it, {@code >} matches too. */
    private static final long LT_OR_GT = 0xfdfdfdfdfdfdfdfdL;
    /** {@code &} in every byte; {@code "} differs from it in bit 2 alone. */
    private static final long AMP = 0x2626262626262626L;
    /** Bit 2 cleared in every byte: compared with {@link #AMP} under it, {@code "} matches too. */
    private static final long AMP_OR_QUOT = 0xfbfbfbfbfbfbfbfbL;
    /** The lead byte of U+F000 to U+FFFF (among them the noncharacters U+FFFE and U+FFFF) in every byte. */
    private static final long EF = 0xefefefefefefefefL;
    /** {@code 0x60} in every byte: added to the low seven bits, carries into the high bit from 0x20 up. */
    private static final long FROM_SPACE = 0x6060606060606060L;
    /** The most an escape or a replacement takes: {@code &quot;}. */
    private static final int MAX_ESCAPE = 6;

    private final OutputStream out;
    private final byte[] buf;
    private int pos;

    Utf8Out(OutputStream out, int size) {
        this.out = out;
        this.buf = new byte[size];
    }

    /** Appends ASCII markup as it is. */
    Utf8Out raw(String ascii) throws IOException {
        int n = ascii.length();
        if (buf.length - pos < n) {
            flushBuffer();
            if (n > buf.length) {
                out.write(ascii.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return this;
            }
        }
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    Utf8Out number(long value) throws IOException {
        return raw(Long.toString(value));
    }

    /**
     * Appends element content: {@code & < >} escaped, {@code "} too when asked ({@code '} never, as
     * PHP's {@code htmlspecialchars} without {@code ENT_QUOTES}).
     */
    Utf8Out text(String s, boolean escapeQuotes) throws IOException {
        return escaped(s, false, escapeQuotes);
    }

    /**
     * Appends element content given as UTF-8: exactly the bytes {@link #text(String, boolean)} appends for the
     * string those bytes decode to. Only ASCII {@code & < > "} and controls, and the noncharacters U+FFFE and
     * U+FFFF (which become U+FFFD as in {@code text}), need anything done; every other byte, non-ASCII ones
     * included, is copied as it is, in runs found eight bytes at a time.
     *
     * @param utf8         the text as well-formed UTF-8 (no overlong forms, no encoded surrogates), from its
     *                     position to its limit; neither is changed, nor is the byte order
     * @param escapeQuotes whether {@code "} is written {@code &quot;}
     * @return this
     * @throws IOException if the stream fails
     */
    Utf8Out text(ByteBuffer utf8, boolean escapeQuotes) throws IOException {
        // a duplicate reads big-endian, so the byte at the lowest index is the word's top byte
        ByteBuffer src = utf8.order() == ByteOrder.BIG_ENDIAN ? utf8 : utf8.duplicate();
        int end = src.limit();
        int run = src.position(); // the first byte not yet copied
        int i = run;
        long quoteMask = escapeQuotes ? AMP_OR_QUOT : -1L;
        for (; i <= end - 8; i += 8) {
            long m = specials(src.getLong(i), quoteMask);
            while (m != 0) {
                int bit = Long.numberOfLeadingZeros(m);
                m &= ~(Long.MIN_VALUE >>> bit);
                run = special(src, run, i + (bit >>> 3), end, escapeQuotes);
            }
        }
        for (; i < end; i++) {
            int c = src.get(i) & 0xff;
            if (c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c == 0xef) {
                run = special(src, run, i, end, escapeQuotes);
            }
        }
        copy(src, run, end);
        return this;
    }

    /**
     * The bytes of a big-endian word that may need escaping: the high bit set in each byte that is an ASCII
     * control, {@code &}, {@code <}, {@code >}, {@code "} when {@code quoteMask} lets it match, or 0xEF. Exact,
     * with no carries between bytes: a byte's sum is at most 0xfe.
     */
    private static long specials(long x, long quoteMask) {
        long control = ((x & LOW) + FROM_SPACE) | x; // high bit clear: below 0x20
        long t = (x ^ LT) & LT_OR_GT;
        long angle = ((t & LOW) + LOW) | t; // high bit clear: < or >
        t = (x ^ AMP) & quoteMask;
        long amp = ((t & LOW) + LOW) | t; // high bit clear: &, or " when asked
        t = x ^ EF;
        long ef = ((t & LOW) + LOW) | t; // high bit clear: 0xef
        return ~(control & angle & amp & ef) & HIGH;
    }

    /**
     * Deals with the byte at {@code k}, found by {@link #specials}: copies the run before it and writes its
     * escape, or leaves it in the run when it needs none.
     *
     * @return where the run of bytes not yet copied now starts
     */
    private int special(ByteBuffer src, int run, int k, int end, boolean quotes) throws IOException {
        int c = src.get(k) & 0xff;
        String escape;
        switch (c) {
            case '&' -> escape = "&amp;";
            case '<' -> escape = "&lt;";
            case '>' -> escape = "&gt;";
            case '"' -> {
                if (!quotes) {
                    return run;
                }
                escape = "&quot;";
            }
            case '\r' -> escape = "&#13;";
            case '\n', '\t' -> {
                return run;
            }
            case 0xef -> {
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF; text(String) writes U+FFFD for them
                if (k + 2 >= end || src.get(k + 1) != (byte) 0xbf || (src.get(k + 2) & 0xfe) != 0xbe) {
                    return run;
                }
                copy(src, run, k);
                ensure();
                putFffd();
                return k + 3;
            }
            default -> {
                if (c >= 0x20) {
                    return run;
                }
                copy(src, run, k);
                ensure();
                putFffd(); // a control that XML 1.0 does not allow, as text(String) writes it
                return k + 1;
            }
        }
        copy(src, run, k);
        ensure();
        put(escape);
        return k + 1;
    }

    /** Copies {@code src}'s bytes from {@code from} to {@code to}, flushing the buffer as it fills. */
    private void copy(ByteBuffer src, int from, int to) throws IOException {
        while (from < to) {
            int room = buf.length - pos;
            if (room == 0) {
                flushBuffer();
                room = buf.length;
            }
            int n = Math.min(to - from, room);
            src.get(from, buf, pos, n);
            pos += n;
            from += n;
        }
    }

    private void ensure() throws IOException {
        if (buf.length - pos < MAX_ESCAPE) {
            flushBuffer();
        }
    }

    private void putFffd() {
        buf[pos++] = (byte) 0xef;
        buf[pos++] = (byte) 0xbf;
        buf[pos++] = (byte) 0xbd;
    }

    /** Appends an attribute value: {@code & < > " '} and the whitespace controls escaped (Sanitizer::encodeAttribute). */
    Utf8Out attribute(String s) throws IOException {
        return escaped(s, true, true);
    }

    private Utf8Out escaped(String s, boolean attribute, boolean quotes) throws IOException {
        int n = s.length();
        byte[] b = buf;
        for (int i = 0; i < n; i++) {
            if (b.length - pos < 8) {
                flushBuffer();
            }
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c > '>') {
                    b[pos++] = (byte) c;
                    continue;
                }
                switch (c) {
                    case '&' -> put("&amp;");
                    case '<' -> put("&lt;");
                    case '>' -> put("&gt;");
                    case '"' -> {
                        if (quotes) {
                            put("&quot;");
                        } else {
                            b[pos++] = '"';
                        }
                    }
                    case '\'' -> {
                        if (attribute) {
                            put("&#039;");
                        } else {
                            b[pos++] = '\'';
                        }
                    }
                    case '\n' -> {
                        if (attribute) {
                            put("&#10;");
                        } else {
                            b[pos++] = '\n';
                        }
                    }
                    case '\t' -> {
                        if (attribute) {
                            put("&#9;");
                        } else {
                            b[pos++] = '\t';
                        }
                    }
                    // a raw \r would be normalized away by any XML parser
                    case '\r' -> put("&#13;");
                    default -> {
                        if (c < 0x20) {
                            // not allowed in XML 1.0; MediaWiki's UTF-8 cleanup writes U+FFFD instead
                            b[pos++] = (byte) 0xef;
                            b[pos++] = (byte) 0xbf;
                            b[pos++] = (byte) 0xbd;
                        } else {
                            b[pos++] = (byte) c;
                        }
                    }
                }
            } else if (c < 0x800) {
                b[pos++] = (byte) (0xc0 | (c >> 6));
                b[pos++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[pos++] = (byte) (0xf0 | (cp >> 18));
                b[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                b[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                b[pos++] = (byte) (0x80 | (cp & 0x3f));
            } else if (Character.isSurrogate(c) || c == 0xfffe || c == 0xffff) {
                b[pos++] = (byte) 0xef; // a lone surrogate cannot be encoded: U+FFFD
                b[pos++] = (byte) 0xbf;
                b[pos++] = (byte) 0xbd;
            } else {
                b[pos++] = (byte) (0xe0 | (c >> 12));
                b[pos++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                b[pos++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        return this;
    }

    private void put(String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            buf[pos++] = (byte) ascii.charAt(i);
        }
    }

    void flushBuffer() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }
}
