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

    private static final byte[] PAGE = "<page>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TITLE = "<title>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID = "<id>".getBytes(StandardCharsets.US_ASCII);

    private PageScanner() {
    }

    private static boolean startsWith(byte[] line, int from, int length, byte[] prefix) {
        if (length - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Scans one decoded chunk. */
    static void scan(byte[] xml, Sink sink) {
        try {
            scan(new java.io.ByteArrayInputStream(xml), (id, position, title) -> sink.page(id, title));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The pages of a decoded chunk as {id, start, end}: from the start of the {@code <page>} line to just
     * past the newline after {@code </page>}.
     */
    static java.util.List<long[]> slices(byte[] xml) {
        java.util.List<long[]> result = new java.util.ArrayList<>();
        int n = xml.length;
        int pageStart = -1;
        boolean haveTitle = false;
        int i = 0;
        while (i < n) {
            int lineStart = i;
            while (i < n && (xml[i] == ' ' || xml[i] == '\t')) {
                i++;
            }
            if (i < n && xml[i] == '<') {
                if (startsWith(xml, i, n, PAGE)) {
                    pageStart = lineStart;
                    haveTitle = false;
                } else if (startsWith(xml, i, n, TITLE)) {
                    haveTitle = true;
                } else if (haveTitle && startsWith(xml, i, n, ID)) {
                    int from = i + ID.length;
                    int to = from;
                    long id = 0;
                    while (to < n && xml[to] >= '0' && xml[to] <= '9') {
                        id = id * 10 + (xml[to++] - '0');
                    }
                    if (to > from) {
                        result.add(new long[] {id, Math.max(0, pageStart), -1});
                    }
                    haveTitle = false;
                }
            }
            // to the next line: text lines are skipped without looking at them twice
            while (i < n && xml[i] != '\n') {
                i++;
            }
            i++;
        }
        byte[] close = "</page>".getBytes(StandardCharsets.US_ASCII);
        for (int k = 0; k < result.size(); k++) {
            long[] slice = result.get(k);
            int from = (int) slice[1];
            int limit = k + 1 < result.size() ? (int) result.get(k + 1)[1] : xml.length;
            int end = indexOf(xml, close, from, limit);
            if (end < 0) {
                end = limit - close.length;
            }
            end += close.length;
            if (end < xml.length && xml[end] == '\n') {
                end++;
            }
            slice[2] = Math.min(end, limit);
        }
        return result;
    }

    private static int indexOf(byte[] hay, byte[] needle, int from, int limit) {
        outer:
        for (int i = from; i <= limit - needle.length; i++) {
            if (hay[i] != needle[0]) {
                continue;
            }
            for (int k = 1; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
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
                    // text is escaped, so only markup lines start with a raw '<': skip the rest cheaply
                    int k = 0;
                    while (k < lineLength && (line[k] == ' ' || line[k] == '\t')) {
                        k++;
                    }
                    if (k < lineLength && line[k] == '<') {
                        if (startsWith(line, k, lineLength, PAGE)) {
                            pageStart = lineStart;
                            title = null;
                        } else if (startsWith(line, k, lineLength, TITLE)) {
                            String t = new String(line, k, lineLength - k, StandardCharsets.UTF_8).strip();
                            if (t.endsWith("</title>")) {
                                title = MultistreamIndex.unescape(t.substring(7, t.length() - 8));
                            }
                        } else if (title != null && startsWith(line, k, lineLength, ID)) {
                            String t = new String(line, k, lineLength - k, StandardCharsets.US_ASCII).strip();
                            if (t.endsWith("</id>")) {
                                sink.page(Long.parseLong(t.substring(4, t.length() - 5)), pageStart, title);
                                title = null;
                            }
                        }
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
