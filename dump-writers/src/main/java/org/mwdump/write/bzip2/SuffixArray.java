package org.mwdump.write.bzip2;

import java.util.Arrays;

/**
 * Suffix sorting by induced sorting (SA-IS, Nong, Zhang and Chan 2009): linear time whatever the text,
 * so blocks full of repeated markup sort as fast as prose. Suffixes are ordered as if the text ended
 * with a character smaller than all others, so a suffix sorts before every longer string it begins.
 *
 * <p>The top level reads the text as bytes (a 900 kB block stays in a core's cache, where four-byte
 * characters would not); the reduced problems of the recursion are arrays of ints kept in the suffix
 * array itself. The steps that read the text come in both kinds, like {@code java.util.Arrays}' sorts
 * for each primitive type: one method reading either would be slower, and the JIT, having compiled it
 * for bytes, would throw it away at the first ints, several times per method. The induction
 * passes find each suffix's type from its neighbouring character and a sign bit, as in Yuta Mori's
 * sais, rather than from a table; the table (one bit per character) serves the LMS steps only.
 */
final class SuffixArray {
    private SuffixArray() {
    }

    /** Sorts the suffixes of the bytes {@code t[0..n)} (compared unsigned) into {@code sa[0..n)}. */
    static void sort(byte[] t, int[] sa, int n) {
        sort(t, null, 0, sa, 0, n, 256);
    }

    /** Sorts the suffixes of {@code t[tOff..tOff+n)}, characters in {@code [0, k)}, into {@code sa[saOff..)}. */
    static void sort(int[] t, int tOff, int[] sa, int saOff, int n, int k) {
        sort(null, t, tOff, sa, saOff, n, k);
    }

    /** Bit {@code i} of a bit set. */
    private static int bit(long[] bits, int i) {
        return (int) (bits[i >>> 6] >>> i) & 1;
    }

    private static void sort(byte[] bt, int[] it, int tOff, int[] sa, int saOff, int n, int k) {
        if (n == 1) {
            sa[saOff] = 0;
            return;
        }
        // Each step is its own method, so that the JIT compiles it whole after a block or two instead of
        // replacing one loop at a time in a method that a long block keeps running. The LMS positions
        // (an S-type character after an L-type one) are a bit set, visited without a test per character.
        int[] counts = new int[k];
        int[] bucket = new int[k];
        long[] lms = bt != null ? lmsPositions(bt, n, counts) : lmsPositions(it, tOff, n, counts);

        // 1. sort the LMS substrings: seed the LMS positions at their bucket ends and induce
        Arrays.fill(sa, saOff, saOff + n, -1);
        bucketEnds(counts, bucket);
        if (bt != null) {
            seedLms(bt, sa, saOff, lms, bucket);
        } else {
            seedLms(it, tOff, sa, saOff, lms, bucket);
        }
        induce(bt, it, tOff, sa, saOff, n, counts, bucket);

        // 2. name them: equal LMS substrings get equal names, in sorted order
        int m = sortedLms(sa, saOff, n, lms);
        Arrays.fill(sa, saOff + m, saOff + n, -1);
        int names = bt != null ? name(bt, sa, saOff, m, lms) : name(it, tOff, sa, saOff, m, lms);
        gatherNames(sa, saOff, n, m);

        // 3. sort the LMS suffixes: recurse on the string of names unless they are all different
        int reduced = saOff + n - m;
        if (names < m) {
            sort(null, sa, reduced, sa, saOff, m, names);
        } else {
            for (int i = 0; i < m; i++) {
                sa[saOff + sa[reduced + i]] = i;
            }
        }
        inTextOrder(sa, reduced, lms);
        for (int i = 0; i < m; i++) {
            sa[saOff + i] = sa[reduced + sa[saOff + i]];
        }

        // 4. place them at their bucket ends in sorted order and induce all the others
        Arrays.fill(sa, saOff + m, saOff + n, -1);
        bucketEnds(counts, bucket);
        if (bt != null) {
            placeLms(bt, sa, saOff, m, bucket);
        } else {
            placeLms(it, tOff, sa, saOff, m, bucket);
        }
        induce(bt, it, tOff, sa, saOff, n, counts, bucket);
    }

    /**
     * Counts the characters and returns the LMS positions as a bit set. Types are found from the right
     * (the last character is L-type: the virtual end is smaller) without a branch on the data.
     */
    private static long[] lmsPositions(int[] t, int tOff, int n, int[] counts) {
        long[] stype = new long[(n + 63) >>> 6];
        int next = t[tOff + n - 1];
        counts[next]++;
        int nextS = 0;
        long word = 0;
        for (int i = n - 2; i >= 0; i--) {
            int c = t[tOff + i];
            counts[c]++;
            nextS = ((c - next) >>> 31) | (c == next ? nextS : 0);
            word |= (long) nextS << i;
            if ((i & 63) == 0) {
                stype[i >>> 6] = word;
                word = 0;
            }
            next = c;
        }
        return lmsOf(stype);
    }

    private static long[] lmsPositions(byte[] t, int n, int[] counts) {
        long[] stype = new long[(n + 63) >>> 6];
        int next = (t[n - 1] & 0xFF);
        counts[next]++;
        int nextS = 0;
        long word = 0;
        for (int i = n - 2; i >= 0; i--) {
            int c = (t[i] & 0xFF);
            counts[c]++;
            nextS = ((c - next) >>> 31) | (c == next ? nextS : 0);
            word |= (long) nextS << i;
            if ((i & 63) == 0) {
                stype[i >>> 6] = word;
                word = 0;
            }
            next = c;
        }
        return lmsOf(stype);
    }

    /** The LMS positions from the S-type ones: an S-type position whose left neighbour is L-type. */
    private static long[] lmsOf(long[] stype) {
        long[] lms = new long[stype.length];
        long carry = 0;
        for (int w = 0; w < stype.length; w++) {
            long s = stype[w];
            lms[w] = s & ~((s << 1) | carry);
            carry = s >>> 63;
        }
        lms[0] &= ~1L; // position 0 has no left neighbour
        return lms;
    }

    private static void seedLms(int[] t, int tOff, int[] sa, int saOff, long[] lms, int[] bucket) {
        for (int w = 0; w < lms.length; w++) {
            for (long bits = lms[w]; bits != 0; bits &= bits - 1) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                sa[saOff + --bucket[t[tOff + i]]] = i;
            }
        }
    }

    private static void seedLms(byte[] t, int[] sa, int saOff, long[] lms, int[] bucket) {
        for (int w = 0; w < lms.length; w++) {
            for (long bits = lms[w]; bits != 0; bits &= bits - 1) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                sa[saOff + --bucket[(t[i] & 0xFF)]] = i;
            }
        }
    }

    /** Moves the LMS positions, in their sorted order, to the front; returns their count. */
    private static int sortedLms(int[] sa, int saOff, int n, long[] lms) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            int p = sa[saOff + i];
            sa[saOff + m] = p;
            m += bit(lms, p);
        }
        return m;
    }

    /**
     * The length of the LMS substring at LMS position {@code p}: up to the next LMS position, both
     * included; 0 for the last one, which runs into the virtual end and equals no other.
     */
    private static int substringLength(long[] lms, int p) {
        int q = p + 1;
        int w = q >>> 6;
        if (w >= lms.length) {
            return 0;
        }
        long bits = lms[w] & (-1L << q);
        while (bits == 0) {
            if (++w == lms.length) {
                return 0;
            }
            bits = lms[w];
        }
        return (w << 6) + Long.numberOfTrailingZeros(bits) - p + 1;
    }

    /**
     * Names the {@code m} sorted LMS substrings, writing the name of position {@code p} at
     * {@code sa[m + p / 2]}; returns how many different names there are. Two substrings of the same length and
     * the same characters also have the same types (both end at an S-type position), so they are equal.
     */
    private static int name(int[] t, int tOff, int[] sa, int saOff, int m, long[] lms) {
        int names = 0;
        int prev = -1;
        int prevLength = 0;
        for (int i = 0; i < m; i++) {
            int p = sa[saOff + i];
            int length = substringLength(lms, p);
            boolean same = length == prevLength && length > 0;
            // substrings are short (a few characters): a plain loop beats a library call
            for (int d = 0; same && d < length; d++) {
                same = t[tOff + p + d] == t[tOff + prev + d];
            }
            if (!same) {
                names++;
                prev = p;
                prevLength = length;
            }
            sa[saOff + m + (p >> 1)] = names - 1;
        }
        return names;
    }

    private static int name(byte[] t, int[] sa, int saOff, int m, long[] lms) {
        int names = 0;
        int prev = -1;
        int prevLength = 0;
        int words = t.length - 8; // the last index at which eight bytes can be read
        for (int i = 0; i < m; i++) {
            int p = sa[saOff + i];
            int length = substringLength(lms, p);
            boolean same = length == prevLength && length > 0;
            // eight characters at a time (most substrings are shorter: one test, no loop to mispredict);
            // bytes read past a substring's end are masked off
            for (int d = 0; same && d < length; ) {
                if (p + d <= words && prev + d <= words) {
                    long x = (long) Swar.LONGS.get(t, p + d) ^ (long) Swar.LONGS.get(t, prev + d);
                    int rest = length - d;
                    if (rest < 8) {
                        x &= (1L << (rest << 3)) - 1;
                    }
                    same = x == 0;
                    d += 8;
                } else {
                    same = t[p + d] == t[prev + d];
                    d++;
                }
            }
            if (!same) {
                names++;
                prev = p;
                prevLength = length;
            }
            sa[saOff + m + (p >> 1)] = names - 1;
        }
        return names;
    }

    /**
     * Moves the names, written at {@code sa[m + p / 2]} for each LMS position {@code p}, to the end of
     * the suffix array in text order; without a branch: an empty slot is written and then overwritten.
     */
    private static void gatherNames(int[] sa, int saOff, int n, int m) {
        for (int i = n - 1, j = n - 1; i >= m; i--) {
            int v = sa[saOff + i];
            sa[saOff + j] = v;
            j -= ~v >>> 31;
        }
    }

    /** The LMS positions in text order, from {@code sa[at]} on. */
    private static void inTextOrder(int[] sa, int at, long[] lms) {
        int j = at;
        for (int w = 0; w < lms.length; w++) {
            for (long bits = lms[w]; bits != 0; bits &= bits - 1) {
                sa[j++] = (w << 6) + Long.numberOfTrailingZeros(bits);
            }
        }
    }

    private static void placeLms(int[] t, int tOff, int[] sa, int saOff, int m, int[] bucket) {
        for (int i = m - 1; i >= 0; i--) {
            int p = sa[saOff + i];
            sa[saOff + i] = -1;
            sa[saOff + --bucket[t[tOff + p]]] = p;
        }
    }

    private static void placeLms(byte[] t, int[] sa, int saOff, int m, int[] bucket) {
        for (int i = m - 1; i >= 0; i--) {
            int p = sa[saOff + i];
            sa[saOff + i] = -1;
            sa[saOff + --bucket[(t[p] & 0xFF)]] = p;
        }
    }

    /**
     * Induces the L-type suffixes from left to right, then the S-type ones from right to left. An entry
     * written as {@code ~j} is one whose predecessor must not be induced by the current pass; each pass
     * flips what it reads so that the other pass sees the opposite, and the array ends up positive.
     */
    private static void induce(byte[] bt, int[] it, int tOff, int[] sa, int saOff, int n, int[] counts,
                               int[] bucket) {
        bucketStarts(counts, bucket);
        if (bt != null) {
            induceL(bt, sa, saOff, n, bucket);
        } else {
            induceL(it, tOff, sa, saOff, n, bucket);
        }
        bucketEnds(counts, bucket);
        if (bt != null) {
            induceS(bt, sa, saOff, n, bucket);
        } else {
            induceS(it, tOff, sa, saOff, n, bucket);
        }
    }

    private static void induceL(int[] t, int tOff, int[] sa, int saOff, int n, int[] bucket) {
        int j = n - 1;
        int c1 = t[tOff + j];
        sa[saOff + bucket[c1]++] = j > 0 && t[tOff + j - 1] < c1 ? ~j : j;
        for (int i = 0; i < n; i++) {
            j = sa[saOff + i];
            sa[saOff + i] = ~j;
            if (j > 0) {
                j--;
                int c0 = t[tOff + j];
                // no branch on the data: ~j (that is j ^ -1) when the previous character is smaller
                int flag = (t[tOff + Math.max(j - 1, 0)] - c0) >> 31;
                sa[saOff + bucket[c0]++] = j ^ flag;
            }
        }
    }

    private static void induceL(byte[] t, int[] sa, int saOff, int n, int[] bucket) {
        int j = n - 1;
        int c1 = (t[j] & 0xFF);
        sa[saOff + bucket[c1]++] = j > 0 && (t[j - 1] & 0xFF) < c1 ? ~j : j;
        for (int i = 0; i < n; i++) {
            j = sa[saOff + i];
            sa[saOff + i] = ~j;
            if (j > 0) {
                j--;
                int c0 = (t[j] & 0xFF);
                // no branch on the data: ~j (that is j ^ -1) when the previous character is smaller
                int flag = ((t[Math.max(j - 1, 0)] & 0xFF) - c0) >> 31;
                sa[saOff + bucket[c0]++] = j ^ flag;
            }
        }
    }

    private static void induceS(int[] t, int tOff, int[] sa, int saOff, int n, int[] bucket) {
        for (int i = n - 1; i >= 0; i--) {
            int j = sa[saOff + i];
            if (j > 0) {
                j--;
                int c0 = t[tOff + j];
                // ~j when the previous character is larger, or there is none
                int flag = j == 0 ? -1 : (c0 - t[tOff + Math.max(j - 1, 0)]) >> 31;
                sa[saOff + --bucket[c0]] = j ^ flag;
            } else {
                sa[saOff + i] = ~j;
            }
        }
    }

    private static void induceS(byte[] t, int[] sa, int saOff, int n, int[] bucket) {
        for (int i = n - 1; i >= 0; i--) {
            int j = sa[saOff + i];
            if (j > 0) {
                j--;
                int c0 = (t[j] & 0xFF);
                // ~j when the previous character is larger, or there is none
                int flag = j == 0 ? -1 : (c0 - (t[Math.max(j - 1, 0)] & 0xFF)) >> 31;
                sa[saOff + --bucket[c0]] = j ^ flag;
            } else {
                sa[saOff + i] = ~j;
            }
        }
    }

    private static void bucketStarts(int[] counts, int[] bucket) {
        int sum = 0;
        for (int i = 0; i < counts.length; i++) {
            bucket[i] = sum;
            sum += counts[i];
        }
    }

    private static void bucketEnds(int[] counts, int[] bucket) {
        int sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i];
            bucket[i] = sum;
        }
    }
}
