package org.mwdump.write.xml;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A UTF-8 byte buffer with MediaWiki's XML escaping built into the encoder, so every string is
 * escaped and encoded in one pass without intermediate strings.
 */
final class Utf8Out {
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
