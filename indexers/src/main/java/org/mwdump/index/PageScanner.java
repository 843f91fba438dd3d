package org.mwdump.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Finds pages in decoded XML by its lines, as Wikimedia's index builder does: the title is the text of
 * a {@code <title>} line (unescaped here), the id the first {@code <id>} line after it, and the page
 * starts at its {@code <page>} line. Raw {@code <title>} cannot occur inside text, which XML escapes.
 */
final class PageScanner {
    interface Sink {
        void page(long id, String title);
    }

    private PageScanner() {
    }

    /** Scans one decoded chunk. */
    static void scan(byte[] xml, Sink sink) {
        try {
            scan(new java.io.ByteArrayInputStream(xml), (id, position, title) -> sink.page(id, title));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Adds every page of a decoded stream to a page index, positioned at its {@code <page>} line; returns the size. */
    static long scan(InputStream in, PageIndex.Builder pages) throws IOException {
        return scan(in, (id, position, title) -> pages.add(id, position, title));
    }

    interface PositionSink {
        void page(long id, long position, String title);
    }

    private static long scan(InputStream in, PositionSink sink) throws IOException {
        byte[] buf = new byte[1 << 16];
        byte[] line = new byte[4096];
        int lineLength = 0;
        boolean lineTooLong = false;
        long lineStart = 0;
        long offset = 0;
        long pageStart = -1;
        String title = null;
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (b != '\n') {
                    // only short lines can be the markup looked for; long ones are text
                    if (lineLength < line.length) {
                        line[lineLength++] = b;
                    } else {
                        lineTooLong = true;
                    }
                    continue;
                }
                if (!lineTooLong) {
                    String s = new String(line, 0, lineLength, StandardCharsets.UTF_8).strip();
                    if (s.equals("<page>")) {
                        pageStart = lineStart;
                        title = null;
                    } else if (s.startsWith("<title>") && s.endsWith("</title>")) {
                        title = MultistreamIndex.unescape(s.substring(7, s.length() - 8));
                    } else if (title != null && s.startsWith("<id>") && s.endsWith("</id>")) {
                        sink.page(Long.parseLong(s.substring(4, s.length() - 5)), pageStart, title);
                        title = null;
                    }
                }
                lineLength = 0;
                lineTooLong = false;
                lineStart = offset + i + 1;
            }
            offset += n;
        }
        return offset;
    }
}
