package org.mwdump.index;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts the decoded XML of a dump into chunks of whole elements that can be parsed on their own: the
 * document's head (everything before the first page), then chunks of about a target size that end
 * either between two pages or between two revisions of one page. A cut is made only at the start of
 * a line holding {@code <page>} (or {@code <revision>}) after nothing but indentation, right after a
 * line that closes the previous {@code </page>} ({@code </revision>}), so that a chunk starts and ends
 * at element boundaries of a well-formed dump. A chunk that starts inside a page carries that page's
 * header (its bytes from {@code <page>} to its first revision) so that it parses on its own.
 *
 * <p>Anything unusual (a comment or CDATA section that happens to hold such lines) makes the piece
 * fail to parse on its own, and the caller then reads on sequentially from that piece: a cut never
 * changes what is read. Not thread-safe; the chunks it returns are not touched again.
 */
final class PageSplitter {
    /** A piece of the decoded document. */
    record Chunk(byte[] data, int length, byte[] pageHeader, boolean endsInsidePage, boolean last) {
    }

    private static final byte[] PAGE = {'<', 'p', 'a', 'g', 'e', '>'};
    private static final byte[] PAGE_END = {'<', '/', 'p', 'a', 'g', 'e', '>'};
    private static final byte[] REVISION = {'<', 'r', 'e', 'v', 'i', 's', 'i', 'o', 'n', '>'};
    private static final byte[] REVISION_END = {'<', '/', 'r', 'e', 'v', 'i', 's', 'i', 'o', 'n', '>'};
    private static final byte[] UPLOAD = {'<', 'u', 'p', 'l', 'o', 'a', 'd', '>'};
    /** Bytes a cut needs after it to be recognized. */
    private static final int LOOKAHEAD = 32;

    private final InputStream in;
    private final int target;
    private final int max;
    /** Bytes read but not yet handed out in a chunk: {@code buf[0, have)}. */
    private byte[] buf;
    private int have;
    private boolean eof;
    private byte[] head;
    /** The header of the page the next chunk starts inside, or null. */
    private byte[] openPageHeader;

    /**
     * @param in     the decoded XML, from its first byte
     * @param target the size a chunk grows to before a cut is looked for
     * @param max    the largest chunk (and head): past it, {@link #next()} gives up
     * @param pool   where chunk arrays come from (the caller gives them back when done with a chunk)
     */
    PageSplitter(InputStream in, int target, int max, BufferPool pool) {
        this.in = in;
        this.target = target;
        this.max = max;
        this.pool = pool;
        this.buf = pool.take(target + (target >> 2));
    }

    private final BufferPool pool;

    /**
     * The document's head: every byte before the line of its first page. Null if there is no page,
     * or none within the largest chunk size (the caller then reads the document as a whole).
     */
    byte[] head() throws IOException {
        int searched = 0;
        while (true) {
            int cut = findFirstPage(buf, searched, eof ? have : have - LOOKAHEAD);
            if (cut >= 0) {
                head = Arrays.copyOf(buf, cut);
                consume(cut);
                return head;
            }
            searched = Math.max(0, (eof ? have : have - LOOKAHEAD));
            if (eof || have >= max) {
                return null;
            }
            fill(have + target);
        }
    }

    /**
     * The next chunk; null at the end of the document, or when no cut was found within the largest
     * chunk size: {@link #pending()} then holds what was read.
     */
    Chunk next() throws IOException {
        if (have == 0 && eof) {
            return null;
        }
        fill(target);
        if (have == 0) {
            return null;
        }
        int searched = Math.min(have, target);
        while (true) {
            if (eof && have <= searched + LOOKAHEAD) {
                // the rest of the document, its end included
                int n = have;
                Chunk c = new Chunk(take(n), n, openPageHeader, false, true);
                openPageHeader = null;
                return c;
            }
            int limit = eof ? have : have - LOOKAHEAD;
            long found = findCut(buf, Math.max(1, searched), limit, have);
            if (found >= 0) {
                int cut = (int) found;
                boolean insidePage = (found >>> 32) != 0;
                byte[] header = openPageHeader;
                byte[] nextHeader = insidePage ? headerOfLastPage(buf, cut, header) : null;
                Chunk c = new Chunk(take(cut), cut, header, insidePage, false);
                openPageHeader = nextHeader;
                return c;
            }
            searched = Math.max(searched, limit);
            if (eof) {
                continue;
            }
            if (have >= max) {
                return null;
            }
            fill(Math.min(max, have + Math.max(target, have / 2)));
        }
    }

    /** What was read and not handed out (the header of the page it starts inside is {@link #pendingPageHeader()}). */
    byte[] pending() {
        return Arrays.copyOf(buf, have);
    }

    /** The header of the page that the bytes of {@link #pending()} start inside, or null. */
    byte[] pendingPageHeader() {
        return openPageHeader;
    }

    /** The decoded stream after {@link #pending()}. */
    InputStream rest() {
        return in;
    }

    private byte[] take(int n) {
        byte[] chunk = buf;
        byte[] next = pool.take(Math.max(target + (target >> 2), have - n + 1024));
        System.arraycopy(buf, n, next, 0, have - n);
        buf = next;
        have -= n;
        return chunk;
    }

    private void consume(int n) {
        System.arraycopy(buf, n, buf, 0, have - n);
        have -= n;
    }

    /** Reads until {@code have >= want} or the end of the input. */
    private void fill(int want) throws IOException {
        if (want > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(want, Math.min(max + LOOKAHEAD, buf.length * 2)));
        }
        while (have < want && !eof) {
            int n = in.read(buf, have, Math.min(buf.length, Math.max(want, have + (1 << 16))) - have);
            if (n < 0) {
                eof = true;
            } else {
                have += n;
            }
        }
    }

    // ---------------------------------------------------------------- byte patterns

    /** Where the line holding the first {@code <page>} starts in {@code b[from, to)}, or -1. */
    static int findFirstPage(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n' || i == 0) {
                int lineStart = b[i] == '\n' ? i + 1 : 0;
                int j = skipIndent(b, lineStart, to);
                if (startsWith(b, j, to, PAGE)) {
                    return lineStart;
                }
            }
        }
        return -1;
    }

    /**
     * The first cut in {@code b[from, to)}: the start of a line that opens a page after a closed page,
     * or a revision after a closed revision, for line feeds in {@code b[from - 1, to)} and lines read up
     * to {@code end}. The result is the cut's offset, with bit 32 set for a cut
     * between revisions; -1 if there is none.
     */
    static long findCut(byte[] b, int from, int to, int end) {
        for (int i = indexOfNewline(b, from - 1, to); i >= 0; i = indexOfNewline(b, i + 1, to)) {
            int lineStart = i + 1;
            int j = skipIndent(b, lineStart, end);
            if (j >= end || b[j] != '<') {
                continue;
            }
            if (startsWith(b, j, end, PAGE) && endsWithAfterSpace(b, i, PAGE_END)) {
                return lineStart;
            }
            if (startsWith(b, j, end, REVISION) && endsWithAfterSpace(b, i, REVISION_END)) {
                return lineStart | (1L << 32);
            }
        }
        return -1;
    }

    private static int indexOfNewline(byte[] b, int from, int to) {
        for (int i = Math.max(from, 0); i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The header of the page open at {@code cut}: from the line of the last {@code <page>} before the
     * cut to the line of its first revision or upload; the given header when the page started in an
     * earlier chunk.
     */
    static byte[] headerOfLastPage(byte[] b, int cut, byte[] previous) {
        int last = lastPageLine(b, cut);
        if (last < 0) {
            return previous;
        }
        int lineStart = last;
        while (lineStart > 0 && b[lineStart - 1] != '\n') {
            lineStart--;
        }
        for (int k = last; k < cut; k++) {
            if (b[k] == '\n') {
                int j = skipIndent(b, k + 1, cut);
                if (startsWith(b, j, cut, REVISION) || startsWith(b, j, cut, UPLOAD)) {
                    return Arrays.copyOfRange(b, lineStart, k + 1);
                }
            }
        }
        return Arrays.copyOfRange(b, lineStart, cut);
    }

    /**
     * The offset of the last {@code <page>} before {@code cut} that has nothing but indentation before it
     * on its line, or -1: searched backwards from the cut (the page open there usually began shortly
     * before it) for a {@code <}, sixteen bytes at a time (in a dump a {@code <} is rare: text escapes it).
     */
    static int lastPageLine(byte[] b, int cut) {
        int i = cut - PAGE.length;
        while (i >= 0) {
            // b[i - 15, i] tested at once for a '<'
            if (i >= 15) {
                long x = (long) LONG_LE.get(b, i - 7) ^ LESS_THANS;
                long y = (long) LONG_LE.get(b, i - 15) ^ LESS_THANS;
                if (((((x - ONES) & ~x) | ((y - ONES) & ~y)) & HIGHS) == 0) {
                    i -= 16;
                    continue;
                }
            }
            for (int stop = Math.max(i - 15, 0); i >= stop; i--) {
                if (b[i] == '<' && startsWith(b, i, cut, PAGE) && onlyIndentBefore(b, i)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LESS_THANS = ONES * '<';

    private static boolean onlyIndentBefore(byte[] b, int i) {
        for (int k = i - 1; k >= 0 && b[k] != '\n'; k--) {
            if (b[k] != ' ' && b[k] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static int skipIndent(byte[] b, int i, int to) {
        while (i < to && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** Whether the bytes before {@code end}, white space skipped, end with {@code tag}. */
    private static boolean endsWithAfterSpace(byte[] b, int end, byte[] tag) {
        int i = end - 1;
        while (i >= 0 && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
            i--;
        }
        int start = i - tag.length + 1;
        return start >= 0 && startsWith(b, start, i + 1, tag);
    }

    private static boolean startsWith(byte[] b, int at, int to, byte[] p) {
        if (at + p.length > to) {
            return false;
        }
        for (int k = 0; k < p.length; k++) {
            if (b[at + k] != p[k]) {
                return false;
            }
        }
        return true;
    }

    /** The number of line feeds in {@code b[0, n)}, eight bytes at a time. */
    static long lines(byte[] b, int n) {
        long count = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long x = (long) LONG_LE.get(b, i) ^ NEWLINES;
            // a byte of x is zero exactly where b has a line feed: set its high bit, then count
            long t = (x & LOWS) + LOWS;
            count += Long.bitCount(~(t | x | LOWS));
        }
        for (; i < n; i++) {
            if (b[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
    private static final java.lang.invoke.VarHandle LONG_LE = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
}
