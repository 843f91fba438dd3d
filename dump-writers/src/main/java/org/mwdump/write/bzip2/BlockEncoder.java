package org.mwdump.write.bzip2;

import java.util.Arrays;

/**
 * Encodes one block of run-length-coded bytes into its bits, exactly as libbzip2 does: the
 * Burrows–Wheeler transform, move-to-front with zero-run coding, the choice of 2 to 6 Huffman tables,
 * four rounds of table refinement over groups of 50 symbols, code lengths limited to 17 bits, and the
 * same selectors. Not thread-safe: one encoder per thread, reused from block to block (it keeps about
 * 10 bytes of work space per byte of the largest block).
 */
final class BlockEncoder {
    private static final int RUNA = 0;
    private static final int RUNB = 1;
    private static final int GROUP_SIZE = 50;
    private static final int MAX_GROUPS = 6;
    private static final int ITERATIONS = 4;
    private static final int MAX_CODE_LENGTH = 17;
    private static final int MAX_ALPHA = 258;

    private byte[] text = new byte[0];
    private byte[] twice = new byte[0];
    private int[] sa = new int[0];
    private byte[] bwt = new byte[0];
    private char[] mtf = new char[0];
    private final int[] mtfFreq = new int[MAX_ALPHA];
    private final byte[][] len = new byte[MAX_GROUPS][MAX_ALPHA];
    private final int[][] code = new int[MAX_GROUPS][MAX_ALPHA];
    private final int[][] rfreq = new int[MAX_GROUPS][MAX_ALPHA];
    private final long[] packed = new long[MAX_ALPHA];
    private final int[] byteCounts = new int[256];
    private byte[] selectors = new byte[0];
    private final Huffman huffman = new Huffman();

    /**
     * Writes the block {@code block[0..n)}, {@code n >= 1}, whose original bytes have the CRC
     * {@code crc}, to {@code out}: from the block header magic to the last code of the block.
     */
    void encode(byte[] block, int n, int crc, BitOutput out) {
        ensure(n);
        // counted once, for the byte values in use here and for the suffix sort's buckets
        int[] counts = byteCounts;
        Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) {
            counts[block[i] & 0xFF]++;
        }
        boolean[] inUse = new boolean[256];
        for (int c = 0; c < 256; c++) {
            inUse[c] = counts[c] > 0;
        }
        int origin = transform(block, n, lowest(inUse));
        out.write(24, 0x314159);
        out.write(24, 0x265359);
        out.writeInt(crc);
        out.write(1, 0);
        out.write(24, origin);

        int nMtf = moveToFront(n, inUse);
        // the symbols are the run codes, the byte values in use and the end code, which comes last
        int alphaSize = mtf[nMtf - 1] + 1;
        sendMtfValues(out, nMtf, alphaSize, inUse);
    }

    private void ensure(int n) {
        if (sa.length < n) {
            text = new byte[n];
            twice = new byte[2 * n];
            sa = new int[n];
            bwt = new byte[n + 8];
            mtf = new char[n + 1];
            selectors = new byte[(n + 1 + GROUP_SIZE - 1) / GROUP_SIZE];
        }
    }

    /**
     * Puts the last column of the sorted rotations into {@link #bwt} and returns the position of the
     * unrotated block among them.
     */
    private int transform(byte[] block, int n, int lowest) {
        System.arraycopy(block, 0, twice, 0, n);
        System.arraycopy(block, 0, twice, n, n);
        int r = leastRotation(n, twice, lowest);
        if (r < 0) {
            int[] ptr = RepetitiveBlockSort.sort(block, n);
            int origin = -1;
            for (int i = 0; i < n; i++) {
                int p = ptr[i];
                if (p == 0) {
                    origin = i;
                }
                bwt[i] = block[p == 0 ? n - 1 : p - 1];
            }
            return origin;
        }
        // All rotations differ. Starting from the least rotation (a Lyndon word), the order of the
        // rotations is the order of the suffixes, so a suffix sort of the rotated block gives it.
        System.arraycopy(block, r, text, 0, n - r);
        System.arraycopy(block, 0, text, n - r, r);
        SuffixArray.sort(text, sa, n, bwt, byteCounts);
        // the sort wrote the last column but at the suffix 0, which is preceded by the rotation's last byte
        int first = indexOf(sa, n, 0);
        bwt[first] = text[n - 1];
        return r == 0 ? first : indexOf(sa, n, n - r);
    }

    /** The index of {@code value} in {@code a[0..n)}, which holds it. */
    private static int indexOf(int[] a, int n, int value) {
        int i = 0;
        while (a[i] != value) {
            i++;
        }
        return i;
    }

    /**
     * The start of the lexicographically least rotation of {@code s[0..n)}, or {@code -1} when the block is
     * a string repeated two or more times, so that some rotations are equal (two pointers stepping over
     * rotations proven larger; a repetition is recognised when two candidates agree on all {@code n}
     * characters, which must happen, since a least rotation is never stepped over).
     */
    static int leastRotation(byte[] s, int n) {
        byte[] twice = new byte[2 * n];
        System.arraycopy(s, 0, twice, 0, n);
        System.arraycopy(s, 0, twice, n, n);
        boolean[] used = new boolean[256];
        for (int i = 0; i < n; i++) {
            used[s[i] & 0xFF] = true;
        }
        return leastRotation(n, twice, lowest(used));
    }

    /** The lowest byte value in use. */
    private static int lowest(boolean[] inUse) {
        int lo = 0;
        while (!inUse[lo]) {
            lo++;
        }
        return lo;
    }

    /**
     * As above, with {@code twice} holding the block twice, so that no index wraps around, and
     * {@code lowest} its lowest byte value. Only a rotation that starts with that value can be the least, so
     * the pointers step from one of its occurrences to the next (a line feed every few dozen bytes in a
     * dump), found eight bytes at a time; the others are passed over as proven larger.
     */
    private static int leastRotation(int n, byte[] twice, int lowest) {
        long pattern = lowest * Swar.ONES;
        int i = nextByte(twice, 0, n, pattern);
        int j = nextByte(twice, i + 1, n, pattern);
        int k = 0;
        while (i < n && j < n && k < n) {
            int a = twice[i + k] & 0xFF;
            int b = twice[j + k] & 0xFF;
            if (a == b) {
                k++;
                continue;
            }
            if (a > b) {
                i = nextByte(twice, i + k + 1, n, pattern);
            } else {
                j = nextByte(twice, j + k + 1, n, pattern);
            }
            if (i == j) {
                j = nextByte(twice, j + 1, n, pattern);
            }
            k = 0;
        }
        return k >= n ? -1 : Math.min(i, j);
    }

    /**
     * The first index in {@code [from, to)} of the byte repeated in {@code pattern} (eight copies), or {@code to}.
     * Words are read while they lie within {@code b}, also past {@code to}: a byte found there counts as none.
     */
    private static int nextByte(byte[] b, int from, int to, long pattern) {
        int i = from;
        for (; i < to && i + 8 <= b.length; i += 8) {
            long found = Swar.zeroBytes((long) Swar.LONGS.get(b, i) ^ pattern);
            if (found != 0) {
                return Math.min(to, i + Swar.firstByte(found));
            }
        }
        byte v = (byte) pattern;
        while (i < to && b[i] != v) {
            i++;
        }
        return Math.min(i, to);
    }

    /**
     * Move-to-front and zero-run coding of {@link #bwt} into {@link #mtf}; returns the symbol count.
     *
     * <p>The list of symbols is kept eight to a {@code long}, the front in the lowest byte of the first,
     * which lives in a local variable (most symbols are found among the first eight). A symbol is found by
     * testing eight bytes at once for a zero in {@code word ^ symbol * ONES} ({@link Swar#zeroBytes}; bytes
     * past the symbols in use are never reached, since every symbol in use is in the list before them).
     * Moving it to the front shifts the words before its own by a byte, and in its own word only the bytes
     * below it.
     */
    private int moveToFront(int n, boolean[] inUse) {
        byte[] seq = new byte[256];
        int inUseCount = 0;
        for (int i = 0; i < 256; i++) {
            if (inUse[i]) {
                seq[i] = (byte) inUseCount++;
            }
        }
        int eob = inUseCount + 1;
        Arrays.fill(mtfFreq, 0, eob + 1, 0);
        long[] order = new long[32];
        for (int i = 0; i < inUseCount; i++) {
            order[i >>> 3] |= (long) i << ((i & 7) << 3);
        }
        long first = order[0];
        char[] out = mtf;
        int[] freq = mtfFreq;
        int wr = 0;
        int zeros = 0;
        byte[] in = bwt;
        // A run of one byte gives its symbol and then a zero for each repetition, and only the first run
        // can start at the front; runs end where a word read from past their start differs from the
        // byte repeated, found eight bytes at a time (the array has room for a word past n, and a byte
        // unlike the last one at n ends the last run there).
        in[n] = (byte) ~in[n - 1];
        for (int i = 0; i < n; ) {
            byte b = in[i];
            long pattern8 = (b & 0xFF) * Swar.ONES;
            int end = i + 1;
            long differ;
            while ((differ = (long) Swar.LONGS.get(in, end) ^ pattern8) == 0) {
                end += 8;
            }
            end += Long.numberOfTrailingZeros(differ) >>> 3;
            int run = end - i;
            i = end;
            int c = seq[b & 0xFF] & 0xFF;
            if ((int) (first & 0xFF) == c) {
                zeros += run;
                continue;
            }
            if (zeros > 0) {
                wr = zeroRun(out, wr, freq, zeros);
            }
            zeros = run - 1;
            long pattern = c * Swar.ONES;
            long found = Swar.zeroBytes(first ^ pattern);
            int j;
            if (found != 0) {
                // the bytes up to and including the symbol's: found's lowest bit is the symbol's high bit
                long upTo = found ^ (found - 1);
                first = (first & ~upTo) | ((first << 8) & upTo) | c;
                j = Swar.firstByte(found);
            } else {
                int w = 1;
                found = Swar.zeroBytes(order[1] ^ pattern);
                while (found == 0) {
                    found = Swar.zeroBytes(order[++w] ^ pattern);
                }
                int bit = Long.numberOfTrailingZeros(found) - 7;
                long carry = (w == 1 ? first : order[w - 1]) >>> 56;
                order[w] = withoutByte(order[w], bit) | carry;
                for (int v = w - 1; v > 1; v--) {
                    order[v] = (order[v] << 8) | (order[v - 1] >>> 56);
                }
                if (w > 1) {
                    order[1] = (order[1] << 8) | (first >>> 56);
                }
                first = (first << 8) | c;
                j = (w << 3) + (bit >>> 3);
            }
            out[wr++] = (char) (j + 1);
            freq[j + 1]++;
        }
        if (zeros > 0) {
            wr = zeroRun(out, wr, freq, zeros);
        }
        out[wr++] = (char) eob;
        freq[eob]++;
        return wr;
    }

    /** {@code word} without its byte at bits {@code [bit, bit + 8)}, the bytes below it moved up one place. */
    private static long withoutByte(long word, int bit) {
        long below = (1L << bit) - 1;
        return (word & ~below & ~(0xFFL << bit)) | ((word << 8) & (below << 8));
    }

    /** A run of {@code zeros} zeros in bijective base 2, digits RUNA (1) and RUNB (2), least first. */
    private static int zeroRun(char[] out, int wr, int[] freq, int zeros) {
        int z = zeros - 1;
        while (true) {
            int sym = (z & 1) != 0 ? RUNB : RUNA;
            out[wr++] = (char) sym;
            freq[sym]++;
            if (z < 2) {
                return wr;
            }
            z = (z - 2) >> 1;
        }
    }

    /*
     * The stages of the output are methods of their own, each with a loop or two: one large method
     * made the JIT compiler spend most of a second on it, more than encoding a few blocks takes.
     */
    private void sendMtfValues(BitOutput out, int nMtf, int alphaSize, boolean[] inUse) {
        int groups = nMtf < 200 ? 2 : nMtf < 600 ? 3 : nMtf < 1200 ? 4 : nMtf < 2400 ? 5 : 6;
        initialTables(nMtf, alphaSize, groups);
        int nSelectors = 0;
        for (int iter = 0; iter < ITERATIONS; iter++) {
            nSelectors = refineTables(nMtf, alphaSize, groups);
        }
        for (int t = 0; t < groups; t++) {
            Huffman.assignCodes(code[t], len[t], alphaSize);
        }
        writeSymbolMap(out, inUse);
        writeSelectors(out, groups, nSelectors);
        writeCodeLengths(out, groups, alphaSize);
        writeSymbols(out, nMtf);
    }

    /** The initial tables: each covers a slice of the symbols holding about an equal share of the codes. */
    private void initialTables(int nMtf, int alphaSize, int groups) {
        int parts = groups;
        int remaining = nMtf;
        int gs = 0;
        while (parts > 0) {
            int target = remaining / parts;
            int ge = gs - 1;
            int sum = 0;
            while (sum < target && ge < alphaSize - 1) {
                ge++;
                sum += mtfFreq[ge];
            }
            if (ge > gs && parts != groups && parts != 1 && ((groups - parts) % 2 == 1)) {
                sum -= mtfFreq[ge];
                ge--;
            }
            byte[] l = len[parts - 1];
            for (int v = 0; v < alphaSize; v++) {
                l[v] = (byte) (v >= gs && v <= ge ? 0 : 15);
            }
            parts--;
            gs = ge + 1;
            remaining -= sum;
        }
    }

    /** One round of refinement: every group of symbols takes its cheapest table, and the tables are made again from the groups they took; returns the number of selectors. */
    private int refineTables(int nMtf, int alphaSize, int groups) {
        for (int t = 0; t < groups; t++) {
            Arrays.fill(rfreq[t], 0, alphaSize, 0);
        }
        // the cost of a symbol under every table at once, ten bits per table (at most 50 x 17 = 850)
        for (int v = 0; v < alphaSize; v++) {
            long p = 0;
            for (int t = groups - 1; t >= 0; t--) {
                p = (p << 10) | len[t][v];
            }
            packed[v] = p;
        }
        int nSelectors = chooseTables(nMtf, groups);
        for (int t = 0; t < groups; t++) {
            huffman.codeLengths(len[t], rfreq[t], alphaSize, MAX_CODE_LENGTH);
        }
        return nSelectors;
    }

    /** The cheapest table of each group of symbols (in {@link #selectors}) and the symbol counts under each table. */
    private int chooseTables(int nMtf, int groups) {
        char[] mtfv = mtf;
        int nSelectors = 0;
        for (int gs = 0; gs < nMtf; gs += GROUP_SIZE) {
            int ge = Math.min(gs + GROUP_SIZE, nMtf);
            long cost = 0;
            for (int i = gs; i < ge; i++) {
                cost += packed[mtfv[i]];
            }
            int best = 0;
            int bestCost = (int) (cost & 1023);
            for (int t = 1; t < groups; t++) {
                int c = (int) ((cost >>> (10 * t)) & 1023);
                if (c < bestCost) {
                    bestCost = c;
                    best = t;
                }
            }
            selectors[nSelectors++] = (byte) best;
            int[] f = rfreq[best];
            for (int i = gs; i < ge; i++) {
                f[mtfv[i]]++;
            }
        }
        return nSelectors;
    }

    /** The symbol map: which of 16 ranges of 16 byte values occur, then which values in those. */
    private static void writeSymbolMap(BitOutput out, boolean[] inUse) {
        int ranges = 0;
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                if (inUse[i * 16 + j]) {
                    ranges |= 0x8000 >>> i;
                    break;
                }
            }
        }
        out.write(16, ranges);
        for (int i = 0; i < 16; i++) {
            if ((ranges & (0x8000 >>> i)) != 0) {
                int bits = 0;
                for (int j = 0; j < 16; j++) {
                    if (inUse[i * 16 + j]) {
                        bits |= 0x8000 >>> j;
                    }
                }
                out.write(16, bits);
            }
        }
    }

    /** The selectors, move-to-front coded, in unary. */
    private void writeSelectors(BitOutput out, int groups, int nSelectors) {
        out.write(3, groups);
        out.write(15, nSelectors);
        byte[] pos = {0, 1, 2, 3, 4, 5};
        for (int i = 0; i < nSelectors; i++) {
            byte s = selectors[i];
            int j = 0;
            byte tmp = pos[0];
            while (s != tmp) {
                j++;
                byte tmp2 = tmp;
                tmp = pos[j];
                pos[j] = tmp2;
            }
            pos[0] = tmp;
            // j ones and a zero (j is at most 5)
            out.write(j + 1, ((1 << j) - 1) << 1);
        }
    }

    /** The code length tables, delta coded. */
    private void writeCodeLengths(BitOutput out, int groups, int alphaSize) {
        for (int t = 0; t < groups; t++) {
            byte[] l = len[t];
            int curr = l[0];
            out.write(5, curr);
            for (int i = 0; i < alphaSize; i++) {
                writeLengthChange(out, curr, l[i]);
                curr = l[i];
            }
        }
    }

    /**
     * Writes how a code length goes from {@code from} to {@code to} (1 to 20): one step of 10 for each bit
     * longer or of 11 for each bit shorter, then a 0; without a loop, as the low 2|d| + 1 bits of 0x55555554
     * or 0xFFFFFFFE, in one write, or two for more than 15 steps.
     */
    static void writeLengthChange(BitOutput out, int from, int to) {
        int d = to - from;
        int steps = Math.abs(d);
        int pattern = d > 0 ? 0x55555554 : 0xFFFFFFFE;
        if (steps > 15) {
            out.write(2 * (steps - 15), pattern >>> 1);
            steps = 15;
        }
        out.write(2 * steps + 1, pattern);
    }

    /** The symbols, each group under its table. */
    private void writeSymbols(BitOutput out, int nMtf) {
        char[] mtfv = mtf;
        int sel = 0;
        for (int gs = 0; gs < nMtf; gs += GROUP_SIZE) {
            int ge = Math.min(gs + GROUP_SIZE, nMtf);
            int t = selectors[sel++];
            byte[] l = len[t];
            int[] c = code[t];
            for (int i = gs; i < ge; i++) {
                int v = mtfv[i];
                out.write(l[v], c[v]);
            }
        }
    }
}
