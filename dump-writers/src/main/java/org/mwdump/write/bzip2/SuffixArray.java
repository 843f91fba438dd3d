package org.mwdump.write.bzip2;

import java.util.Arrays;

/**
 * Suffix sorting by induced sorting (SA-IS, Nong, Zhang and Chan 2009): linear time whatever the text,
 * so blocks full of repeated markup sort as fast as prose. Suffixes are ordered as if the text ended
 * with a character smaller than all others, so a suffix sorts before every longer string it begins.
 *
 * <p>The top level reads the text as bytes (a 900 kB block stays in a core's cache, where four-byte
 * characters would not); the reduced problems of the recursion are arrays of ints kept in the suffix
 * array itself. Both go through {@link #chr}, whose test the JIT hoists out of the loops. The induction
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

    private static int chr(byte[] bt, int[] it, int off, int i) {
        return bt != null ? bt[i] & 0xFF : it[off + i];
    }

    private static boolean isS(long[] stype, int i) {
        return (stype[i >>> 6] & (1L << i)) != 0;
    }

    private static boolean isLms(long[] stype, int i) {
        return i > 0 && isS(stype, i) && !isS(stype, i - 1);
    }

    private static void sort(byte[] bt, int[] it, int tOff, int[] sa, int saOff, int n, int k) {
        if (n == 1) {
            sa[saOff] = 0;
            return;
        }
        // Each step is its own method, so that the JIT compiles it whole after a block or two instead of
        // replacing one loop at a time in a method that a long block keeps running.
        long[] stype = new long[(n + 63) >>> 6];
        int[] counts = new int[k];
        int[] bucket = new int[k];
        classify(bt, it, tOff, n, stype, counts);

        // 1. sort the LMS substrings: seed the LMS positions at their bucket ends and induce
        Arrays.fill(sa, saOff, saOff + n, -1);
        bucketEnds(counts, bucket);
        seedLms(bt, it, tOff, sa, saOff, n, stype, bucket);
        induce(bt, it, tOff, sa, saOff, n, counts, bucket);

        // 2. name them: equal LMS substrings get equal names, in sorted order
        int m = sortedLms(sa, saOff, n, stype);
        Arrays.fill(sa, saOff + m, saOff + n, -1);
        int names = name(bt, it, tOff, sa, saOff, n, m, stype);

        // 3. sort the LMS suffixes: recurse on the string of names unless they are all different
        int reduced = saOff + n - m;
        if (names < m) {
            sort(null, sa, reduced, sa, saOff, m, names);
        } else {
            for (int i = 0; i < m; i++) {
                sa[saOff + sa[reduced + i]] = i;
            }
        }
        lmsPositions(sa, reduced, n, stype);
        for (int i = 0; i < m; i++) {
            sa[saOff + i] = sa[reduced + sa[saOff + i]];
        }

        // 4. place them at their bucket ends in sorted order and induce all the others
        Arrays.fill(sa, saOff + m, saOff + n, -1);
        bucketEnds(counts, bucket);
        placeLms(bt, it, tOff, sa, saOff, m, bucket);
        induce(bt, it, tOff, sa, saOff, n, counts, bucket);
    }

    /** Types from the right (the last character is L: the virtual end is smaller), and the counts. */
    private static void classify(byte[] bt, int[] it, int tOff, int n, long[] stype, int[] counts) {
        boolean nextS = false;
        int next = chr(bt, it, tOff, n - 1);
        counts[next]++;
        for (int i = n - 2; i >= 0; i--) {
            int c = chr(bt, it, tOff, i);
            counts[c]++;
            if (c < next || (c == next && nextS)) {
                stype[i >>> 6] |= 1L << i;
                nextS = true;
            } else {
                nextS = false;
            }
            next = c;
        }
    }

    private static void seedLms(byte[] bt, int[] it, int tOff, int[] sa, int saOff, int n, long[] stype,
                                int[] bucket) {
        for (int i = 1; i < n; i++) {
            if (isLms(stype, i)) {
                sa[saOff + --bucket[chr(bt, it, tOff, i)]] = i;
            }
        }
    }

    /** Moves the LMS positions, in their sorted order, to the front; returns their count. */
    private static int sortedLms(int[] sa, int saOff, int n, long[] stype) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            int p = sa[saOff + i];
            if (isLms(stype, p)) {
                sa[saOff + m++] = p;
            }
        }
        return m;
    }

    /**
     * Names the {@code m} sorted LMS substrings and leaves the names, in text order, at the end of the
     * suffix array; returns how many different names there are.
     */
    private static int name(byte[] bt, int[] it, int tOff, int[] sa, int saOff, int n, int m, long[] stype) {
        int names = 0;
        int prev = -1;
        for (int i = 0; i < m; i++) {
            int p = sa[saOff + i];
            if (prev < 0 || !equalLms(bt, it, tOff, n, stype, p, prev)) {
                names++;
                prev = p;
            }
            sa[saOff + m + (p >> 1)] = names - 1;
        }
        for (int i = n - 1, j = n - 1; i >= m; i--) {
            if (sa[saOff + i] >= 0) {
                sa[saOff + j--] = sa[saOff + i];
            }
        }
        return names;
    }

    /** The LMS positions in text order, from {@code sa[at]} on. */
    private static void lmsPositions(int[] sa, int at, int n, long[] stype) {
        for (int i = 1, j = 0; i < n; i++) {
            if (isLms(stype, i)) {
                sa[at + j++] = i;
            }
        }
    }

    private static void placeLms(byte[] bt, int[] it, int tOff, int[] sa, int saOff, int m, int[] bucket) {
        for (int i = m - 1; i >= 0; i--) {
            int p = sa[saOff + i];
            sa[saOff + i] = -1;
            sa[saOff + --bucket[chr(bt, it, tOff, p)]] = p;
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
        induceL(bt, it, tOff, sa, saOff, n, bucket);
        bucketEnds(counts, bucket);
        induceS(bt, it, tOff, sa, saOff, n, bucket);
    }

    private static void induceL(byte[] bt, int[] it, int tOff, int[] sa, int saOff, int n, int[] bucket) {
        int j = n - 1;
        int c1 = chr(bt, it, tOff, j);
        sa[saOff + bucket[c1]++] = j > 0 && chr(bt, it, tOff, j - 1) < c1 ? ~j : j;
        for (int i = 0; i < n; i++) {
            j = sa[saOff + i];
            sa[saOff + i] = ~j;
            if (j > 0) {
                j--;
                int c0 = chr(bt, it, tOff, j);
                // no branch on the data: ~j (that is j ^ -1) when the previous character is smaller
                int flag = (chr(bt, it, tOff, Math.max(j - 1, 0)) - c0) >> 31;
                sa[saOff + bucket[c0]++] = j ^ flag;
            }
        }
    }

    private static void induceS(byte[] bt, int[] it, int tOff, int[] sa, int saOff, int n, int[] bucket) {
        for (int i = n - 1; i >= 0; i--) {
            int j = sa[saOff + i];
            if (j > 0) {
                j--;
                int c0 = chr(bt, it, tOff, j);
                // ~j when the previous character is larger, or there is none
                int flag = j == 0 ? -1 : (c0 - chr(bt, it, tOff, Math.max(j - 1, 0))) >> 31;
                sa[saOff + --bucket[c0]] = j ^ flag;
            } else {
                sa[saOff + i] = ~j;
            }
        }
    }

    private static boolean equalLms(byte[] bt, int[] it, int tOff, int n, long[] stype, int p, int q) {
        for (int d = 0; ; d++) {
            if (p + d == n || q + d == n) {
                return false;
            }
            if (chr(bt, it, tOff, p + d) != chr(bt, it, tOff, q + d) || isS(stype, p + d) != isS(stype, q + d)) {
                return false;
            }
            if (d > 0 && isLms(stype, p + d)) {
                return true;
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
