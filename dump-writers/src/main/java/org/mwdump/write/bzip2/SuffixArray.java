package org.mwdump.write.bzip2;

import java.util.Arrays;

/**
 * Suffix sorting by induced sorting (SA-IS, Nong, Zhang and Chan 2009): linear time whatever the text,
 * so blocks full of repeated markup sort as fast as prose. Suffixes are ordered as if the text ended
 * with a character smaller than all others, so a suffix sorts before every longer string it begins.
 *
 * <p>Work space: the suffix array itself holds the reduced problem of each recursion level; besides it,
 * one type flag per character and two bucket tables per level.
 */
final class SuffixArray {
    private SuffixArray() {
    }

    /**
     * Sorts the suffixes of {@code t[tOff .. tOff+n)}, whose characters are in {@code [0, k)}, into
     * {@code sa[saOff .. saOff+n)}.
     */
    static void sort(int[] t, int tOff, int[] sa, int saOff, int n, int k) {
        if (n == 1) {
            sa[saOff] = 0;
            return;
        }
        boolean[] stype = new boolean[n];
        for (int i = n - 2; i >= 0; i--) {
            int a = t[tOff + i];
            int b = t[tOff + i + 1];
            stype[i] = a < b || (a == b && stype[i + 1]);
        }
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            counts[t[tOff + i]]++;
        }
        int[] bucket = new int[k];

        // 1. sort the LMS substrings: seed the LMS positions at their bucket ends and induce
        Arrays.fill(sa, saOff, saOff + n, -1);
        bucketEnds(counts, bucket);
        for (int i = 1; i < n; i++) {
            if (stype[i] && !stype[i - 1]) {
                sa[saOff + --bucket[t[tOff + i]]] = i;
            }
        }
        induce(t, tOff, sa, saOff, n, stype, counts, bucket);

        // 2. name them: equal LMS substrings get equal names, in sorted order
        int m = 0;
        for (int i = 0; i < n; i++) {
            int p = sa[saOff + i];
            if (p > 0 && stype[p] && !stype[p - 1]) {
                sa[saOff + m++] = p;
            }
        }
        Arrays.fill(sa, saOff + m, saOff + n, -1);
        int names = 0;
        int prev = -1;
        for (int i = 0; i < m; i++) {
            int p = sa[saOff + i];
            if (prev < 0 || !equalLms(t, tOff, n, stype, p, prev)) {
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

        // 3. sort the LMS suffixes: recurse on the string of names unless they are all different
        int reduced = saOff + n - m;
        if (names < m) {
            sort(sa, reduced, sa, saOff, m, names);
        } else {
            for (int i = 0; i < m; i++) {
                sa[saOff + sa[reduced + i]] = i;
            }
        }
        for (int i = 1, j = 0; i < n; i++) {
            if (stype[i] && !stype[i - 1]) {
                sa[reduced + j++] = i;
            }
        }
        for (int i = 0; i < m; i++) {
            sa[saOff + i] = sa[reduced + sa[saOff + i]];
        }

        // 4. place them at their bucket ends in sorted order and induce all the others
        Arrays.fill(sa, saOff + m, saOff + n, -1);
        bucketEnds(counts, bucket);
        for (int i = m - 1; i >= 0; i--) {
            int p = sa[saOff + i];
            sa[saOff + i] = -1;
            sa[saOff + --bucket[t[tOff + p]]] = p;
        }
        induce(t, tOff, sa, saOff, n, stype, counts, bucket);
    }

    private static void induce(int[] t, int tOff, int[] sa, int saOff, int n, boolean[] stype, int[] counts,
                               int[] bucket) {
        bucketStarts(counts, bucket);
        // the suffix before the virtual end character comes first in its bucket
        sa[saOff + bucket[t[tOff + n - 1]]++] = n - 1;
        for (int i = 0; i < n; i++) {
            int p = sa[saOff + i] - 1;
            if (p >= 0 && !stype[p]) {
                sa[saOff + bucket[t[tOff + p]]++] = p;
            }
        }
        bucketEnds(counts, bucket);
        for (int i = n - 1; i >= 0; i--) {
            int p = sa[saOff + i] - 1;
            if (p >= 0 && stype[p]) {
                sa[saOff + --bucket[t[tOff + p]]] = p;
            }
        }
    }

    private static boolean equalLms(int[] t, int tOff, int n, boolean[] stype, int p, int q) {
        for (int d = 0; ; d++) {
            if (p + d == n || q + d == n) {
                return false;
            }
            if (t[tOff + p + d] != t[tOff + q + d] || stype[p + d] != stype[q + d]) {
                return false;
            }
            if (d > 0 && stype[p + d] && !stype[p + d - 1]) {
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
