package org.mwdump.index;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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

    /**
     * Where {@code needle} first occurs in {@code hay[from, limit)}, or -1. Looks eight bytes at a time
     * for the needle's first byte, so it is fast when that byte is rare: markup needles start with
     * {@code <}, which text never holds raw.
     */
    static int indexOf(byte[] hay, byte[] needle, int from, int limit) {
        final long firsts = (needle[0] & 0xFFL) * ONES;
        final int last = limit - needle.length;
        int i = Math.max(0, from);
        while (i <= last) {
            if (i + 8 <= limit) {
                long x = (long) LONG_LE.get(hay, i) ^ firsts;
                if (((x - ONES) & ~x & HIGHS) == 0) {
                    i += 8;
                    continue;
                }
            }
            int end = Math.min(i + 8, last + 1);
            for (; i < end; i++) {
                if (hay[i] == needle[0] && Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final byte[] NS = "<ns>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE_PAGE = "</page>".getBytes(StandardCharsets.US_ASCII);

    /**
     * The page with this id in a decoded chunk as {start, end} (as {@link #slices}), found by searching for
     * its {@code <id>} line rather than reading every line; null when the markup is not laid out line by
     * line as in Wikimedia's dumps (the caller then falls back to {@link #slices}) or the page is absent.
     * A page's id is the {@code <id>} line right after its {@code <ns>} (or, before schema 0.6, its
     * {@code <title>}) line, and its {@code <page>} line comes at most two lines earlier.
     */
    static int[] find(byte[] xml, long id) {
        byte[] needle = ("<id>" + id + "</id>").getBytes(StandardCharsets.US_ASCII);
        for (int hit = indexOf(xml, needle, 0, xml.length); hit >= 0;
                hit = indexOf(xml, needle, hit + 1, xml.length)) {
            int line = lineStart(xml, hit);
            int previous = previousLine(xml, line);
            if (previous < 0 || !(markupLineStartsWith(xml, previous, NS)
                    || markupLineStartsWith(xml, previous, TITLE))) {
                continue;
            }
            int page = previous;
            for (int k = 0; k < 2 && page >= 0 && !markupLineStartsWith(xml, page, PAGE); k++) {
                page = previousLine(xml, page);
            }
            if (page < 0 || !markupLineStartsWith(xml, page, PAGE)) {
                return null;
            }
            int end = indexOf(xml, CLOSE_PAGE, hit, xml.length);
            if (end < 0) {
                return null;
            }
            end += CLOSE_PAGE.length;
            if (end < xml.length && xml[end] == '\n') {
                end++;
            }
            return new int[] {page, end};
        }
        return null;
    }

    private static int lineStart(byte[] xml, int at) {
        int i = at;
        while (i > 0 && xml[i - 1] != '\n') {
            i--;
        }
        return i;
    }

    /** Start of the line before the one starting at {@code line}, or -1 at the start of the chunk. */
    private static int previousLine(byte[] xml, int line) {
        return line == 0 ? -1 : lineStart(xml, line - 1);
    }

    private static boolean markupLineStartsWith(byte[] xml, int line, byte[] prefix) {
        int i = line;
        while (i < xml.length && (xml[i] == ' ' || xml[i] == '\t')) {
            i++;
        }
        return startsWith(xml, i, xml.length, prefix);
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
