package org.mwdump.write.bzip2;

/**
 * Orders the rotations of a block that is a repetition of a shorter string (such as {@code abab…}, or
 * {@code aaaa\u00FB} repeated, which is how the run-length stage writes a long run of one byte) exactly
 * as libbzip2 1.0 orders them. In such a block some rotations are equal; any order of equal rotations
 * gives the same transformed bytes, but the origin pointer, the position of rotation 0, depends on
 * which order the sort happened to leave them in. Reproducing libbzip2's bytes therefore means
 * reproducing its sorting procedure step for step on these blocks: its bucket-and-quicksort "main"
 * sort with a work budget for blocks of 10,000 bytes or more, and, below that size or when the budget
 * runs out (which repetitive blocks nearly always do), its prefix-doubling "fallback" sort.
 *
 * <p>This is slow (the main sort is quadratic on repetitive data until its budget stops it) and is used
 * only for these blocks; every other block has a single correct order, found by {@link SuffixArray}.
 */
final class RepetitiveBlockSort {
    private static final int N_RADIX = 2;
    private static final int N_QSORT = 12;
    private static final int N_SHELL = 18;
    private static final int N_OVERSHOOT = N_RADIX + N_QSORT + N_SHELL + 2;
    private static final int SETMASK = 1 << 21;
    private static final int CLEARMASK = ~SETMASK;
    private static final int MAIN_QSORT_SMALL_THRESH = 20;
    private static final int MAIN_QSORT_DEPTH_THRESH = N_RADIX + N_QSORT;
    private static final int QSORT_STACK = 100;
    private static final int FALLBACK_QSORT_SMALL_THRESH = 10;
    /** The {@code bzip2} command's default work factor, 30, gives a budget of 9 per byte. */
    private static final int BUDGET_PER_BYTE = (30 - 1) / 3;
    private static final int[] INCS = {1, 4, 13, 40, 121, 364, 1093, 3280, 9841, 29524, 88573, 265720, 797161,
        2391484};

    private final int n;
    private final int[] ptr;
    private byte[] blk;
    private char[] quadrant;
    private int budget;

    private RepetitiveBlockSort(int n) {
        this.n = n;
        this.ptr = new int[n];
    }

    /** The rotations of {@code block[0..n)} (by start index) in libbzip2's order. */
    static int[] sort(byte[] block, int n) {
        RepetitiveBlockSort s = new RepetitiveBlockSort(n);
        if (n < 10000) {
            s.fallbackSort(block);
        } else {
            s.budget = n * BUDGET_PER_BYTE;
            s.mainSort(block);
            if (s.budget < 0) {
                s.fallbackSort(block);
            }
        }
        return s.ptr;
    }

    // ---- the main sort ----

    private int b(int i) {
        return blk[i] & 0xFF;
    }

    private void mainSort(byte[] block) {
        blk = new byte[n + N_OVERSHOOT];
        System.arraycopy(block, 0, blk, 0, n);
        quadrant = new char[n + N_OVERSHOOT];
        int[] ftab = new int[65537];
        int j = b(0) << 8;
        for (int i = n - 1; i >= 0; i--) {
            j = (j >> 8) | (b(i) << 8);
            ftab[j]++;
        }
        for (int i = 0; i < N_OVERSHOOT; i++) {
            blk[n + i] = blk[i];
        }
        for (int i = 1; i <= 65536; i++) {
            ftab[i] += ftab[i - 1];
        }
        int s = b(0) << 8;
        for (int i = n - 1; i >= 0; i--) {
            s = (s >> 8) | (b(i) << 8);
            j = ftab[s] - 1;
            ftab[s] = j;
            ptr[j] = i;
        }

        // big buckets from the least full (a Shell sort, whose order among equal sizes matters)
        int[] runningOrder = new int[256];
        boolean[] bigDone = new boolean[256];
        for (int i = 0; i < 256; i++) {
            runningOrder[i] = i;
        }
        int h = 1;
        do {
            h = 3 * h + 1;
        } while (h <= 256);
        do {
            h = h / 3;
            for (int i = h; i <= 255; i++) {
                int vv = runningOrder[i];
                j = i;
                while (bigFreq(ftab, runningOrder[j - h]) > bigFreq(ftab, vv)) {
                    runningOrder[j] = runningOrder[j - h];
                    j = j - h;
                    if (j <= h - 1) {
                        break;
                    }
                }
                runningOrder[j] = vv;
            }
        } while (h != 1);

        int[] copyStart = new int[256];
        int[] copyEnd = new int[256];
        for (int i = 0; i <= 255; i++) {
            int ss = runningOrder[i];
            // step 1: quicksort the small buckets [ss, j] not already done
            for (j = 0; j <= 255; j++) {
                if (j != ss) {
                    int sb = (ss << 8) + j;
                    if ((ftab[sb] & SETMASK) == 0) {
                        int lo = ftab[sb] & CLEARMASK;
                        int hi = (ftab[sb + 1] & CLEARMASK) - 1;
                        if (hi > lo) {
                            mainQSort3(lo, hi, N_RADIX);
                            if (budget < 0) {
                                return;
                            }
                        }
                    }
                    ftab[sb] |= SETMASK;
                }
            }
            // step 2: derive the order of the small buckets [t, ss] from the big bucket [ss]
            for (j = 0; j <= 255; j++) {
                copyStart[j] = ftab[(j << 8) + ss] & CLEARMASK;
                copyEnd[j] = (ftab[(j << 8) + ss + 1] & CLEARMASK) - 1;
            }
            for (j = ftab[ss << 8] & CLEARMASK; j < copyStart[ss]; j++) {
                int k = ptr[j] - 1;
                if (k < 0) {
                    k += n;
                }
                int c1 = b(k);
                if (!bigDone[c1]) {
                    ptr[copyStart[c1]++] = k;
                }
            }
            for (j = (ftab[(ss + 1) << 8] & CLEARMASK) - 1; j > copyEnd[ss]; j--) {
                int k = ptr[j] - 1;
                if (k < 0) {
                    k += n;
                }
                int c1 = b(k);
                if (!bigDone[c1]) {
                    ptr[copyEnd[c1]--] = k;
                }
            }
            for (j = 0; j <= 255; j++) {
                ftab[(j << 8) + ss] |= SETMASK;
            }
            // step 3: record the order of the big bucket in the quadrant values
            bigDone[ss] = true;
            if (i < 255) {
                int bbStart = ftab[ss << 8] & CLEARMASK;
                int bbSize = (ftab[(ss + 1) << 8] & CLEARMASK) - bbStart;
                int shifts = 0;
                while ((bbSize >> shifts) > 65534) {
                    shifts++;
                }
                for (j = bbSize - 1; j >= 0; j--) {
                    int a2update = ptr[bbStart + j];
                    char qVal = (char) (j >> shifts);
                    quadrant[a2update] = qVal;
                    if (a2update < N_OVERSHOOT) {
                        quadrant[a2update + n] = qVal;
                    }
                }
            }
        }
    }

    private static int bigFreq(int[] ftab, int b) {
        return ftab[(b + 1) << 8] - ftab[b << 8];
    }

    private boolean mainGtU(int i1, int i2) {
        for (int t = 0; t < 12; t++) {
            int c1 = b(i1);
            int c2 = b(i2);
            if (c1 != c2) {
                return c1 > c2;
            }
            i1++;
            i2++;
        }
        int k = n + 8;
        do {
            for (int t = 0; t < 8; t++) {
                int c1 = b(i1);
                int c2 = b(i2);
                if (c1 != c2) {
                    return c1 > c2;
                }
                int s1 = quadrant[i1];
                int s2 = quadrant[i2];
                if (s1 != s2) {
                    return s1 > s2;
                }
                i1++;
                i2++;
            }
            if (i1 >= n) {
                i1 -= n;
            }
            if (i2 >= n) {
                i2 -= n;
            }
            k -= 8;
            budget--;
        } while (k >= 0);
        return false;
    }

    private void mainSimpleSort(int lo, int hi, int d) {
        int bigN = hi - lo + 1;
        if (bigN < 2) {
            return;
        }
        int hp = 0;
        while (INCS[hp] < bigN) {
            hp++;
        }
        hp--;
        for (; hp >= 0; hp--) {
            int h = INCS[hp];
            int i = lo + h;
            rounds:
            while (true) {
                for (int copy = 0; copy < 3; copy++) {
                    if (i > hi) {
                        break rounds;
                    }
                    int v = ptr[i];
                    int j = i;
                    while (mainGtU(ptr[j - h] + d, v + d)) {
                        ptr[j] = ptr[j - h];
                        j = j - h;
                        if (j <= lo + h - 1) {
                            break;
                        }
                    }
                    ptr[j] = v;
                    i++;
                }
                if (budget < 0) {
                    return;
                }
            }
        }
    }

    private static int med3(int a, int b, int c) {
        if (a > b) {
            int t = a;
            a = b;
            b = t;
        }
        if (b > c) {
            b = c;
            if (a > b) {
                b = a;
            }
        }
        return b;
    }

    private void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private void vswap(int[] a, int p1, int p2, int count) {
        while (count > 0) {
            swap(a, p1, p2);
            p1++;
            p2++;
            count--;
        }
    }

    private void mainQSort3(int loSt, int hiSt, int dSt) {
        int[] stackLo = new int[QSORT_STACK];
        int[] stackHi = new int[QSORT_STACK];
        int[] stackD = new int[QSORT_STACK];
        int[] nextLo = new int[3];
        int[] nextHi = new int[3];
        int[] nextD = new int[3];
        int sp = 0;
        stackLo[sp] = loSt;
        stackHi[sp] = hiSt;
        stackD[sp] = dSt;
        sp++;
        while (sp > 0) {
            sp--;
            int lo = stackLo[sp];
            int hi = stackHi[sp];
            int d = stackD[sp];
            if (hi - lo < MAIN_QSORT_SMALL_THRESH || d > MAIN_QSORT_DEPTH_THRESH) {
                mainSimpleSort(lo, hi, d);
                if (budget < 0) {
                    return;
                }
                continue;
            }
            int med = med3(b(ptr[lo] + d), b(ptr[hi] + d), b(ptr[(lo + hi) >> 1] + d));
            int unLo = lo;
            int ltLo = lo;
            int unHi = hi;
            int gtHi = hi;
            while (true) {
                while (unLo <= unHi) {
                    int c = b(ptr[unLo] + d) - med;
                    if (c == 0) {
                        swap(ptr, unLo, ltLo);
                        ltLo++;
                        unLo++;
                        continue;
                    }
                    if (c > 0) {
                        break;
                    }
                    unLo++;
                }
                while (unLo <= unHi) {
                    int c = b(ptr[unHi] + d) - med;
                    if (c == 0) {
                        swap(ptr, unHi, gtHi);
                        gtHi--;
                        unHi--;
                        continue;
                    }
                    if (c < 0) {
                        break;
                    }
                    unHi--;
                }
                if (unLo > unHi) {
                    break;
                }
                swap(ptr, unLo, unHi);
                unLo++;
                unHi--;
            }
            if (gtHi < ltLo) {
                stackLo[sp] = lo;
                stackHi[sp] = hi;
                stackD[sp] = d + 1;
                sp++;
                continue;
            }
            int c = Math.min(ltLo - lo, unLo - ltLo);
            vswap(ptr, lo, unLo - c, c);
            int m = Math.min(hi - gtHi, gtHi - unHi);
            vswap(ptr, unLo, hi - m + 1, m);
            c = lo + unLo - ltLo - 1;
            m = hi - (gtHi - unHi) + 1;
            nextLo[0] = lo;
            nextHi[0] = c;
            nextD[0] = d;
            nextLo[1] = m;
            nextHi[1] = hi;
            nextD[1] = d;
            nextLo[2] = c + 1;
            nextHi[2] = m - 1;
            nextD[2] = d + 1;
            if (nextHi[0] - nextLo[0] < nextHi[1] - nextLo[1]) {
                swapNext(nextLo, nextHi, nextD, 0, 1);
            }
            if (nextHi[1] - nextLo[1] < nextHi[2] - nextLo[2]) {
                swapNext(nextLo, nextHi, nextD, 1, 2);
            }
            if (nextHi[0] - nextLo[0] < nextHi[1] - nextLo[1]) {
                swapNext(nextLo, nextHi, nextD, 0, 1);
            }
            for (int t = 0; t < 3; t++) {
                stackLo[sp] = nextLo[t];
                stackHi[sp] = nextHi[t];
                stackD[sp] = nextD[t];
                sp++;
            }
        }
    }

    private void swapNext(int[] lo, int[] hi, int[] d, int a, int b) {
        swap(lo, a, b);
        swap(hi, a, b);
        swap(d, a, b);
    }

    // ---- the fallback sort ----

    private void fallbackSort(byte[] block) {
        int[] fmap = ptr;
        int[] eclass = new int[n];
        int[] bhtab = new int[4 + (n >> 5) + 2];
        int[] ftab = new int[257];
        for (int i = 0; i < n; i++) {
            ftab[block[i] & 0xFF]++;
        }
        for (int i = 1; i < 257; i++) {
            ftab[i] += ftab[i - 1];
        }
        for (int i = 0; i < n; i++) {
            int j = block[i] & 0xFF;
            int k = ftab[j] - 1;
            ftab[j] = k;
            fmap[k] = i;
        }
        for (int i = 0; i < 256; i++) {
            setBh(bhtab, ftab[i]);
        }
        for (int i = 0; i < 32; i++) {
            setBh(bhtab, n + 2 * i);
            clearBh(bhtab, n + 2 * i + 1);
        }
        int h = 1;
        while (true) {
            int j = 0;
            for (int i = 0; i < n; i++) {
                if (isSetBh(bhtab, i)) {
                    j = i;
                }
                int k = fmap[i] - h;
                if (k < 0) {
                    k += n;
                }
                eclass[k] = j;
            }
            int notDone = 0;
            int r = -1;
            while (true) {
                int k = r + 1;
                while (isSetBh(bhtab, k)) {
                    k++;
                }
                int l = k - 1;
                if (l >= n) {
                    break;
                }
                while (!isSetBh(bhtab, k)) {
                    k++;
                }
                r = k - 1;
                if (r >= n) {
                    break;
                }
                if (r > l) {
                    notDone += r - l + 1;
                    fallbackQSort3(fmap, eclass, l, r);
                    int cc = -1;
                    for (int i = l; i <= r; i++) {
                        int cc1 = eclass[fmap[i]];
                        if (cc != cc1) {
                            setBh(bhtab, i);
                            cc = cc1;
                        }
                    }
                }
            }
            h *= 2;
            if (h > n || notDone == 0) {
                break;
            }
        }
    }

    private static void setBh(int[] t, int i) {
        t[i >> 5] |= 1 << (i & 31);
    }

    private static void clearBh(int[] t, int i) {
        t[i >> 5] &= ~(1 << (i & 31));
    }

    private static boolean isSetBh(int[] t, int i) {
        return (t[i >> 5] & (1 << (i & 31))) != 0;
    }

    private static void fallbackSimpleSort(int[] fmap, int[] eclass, int lo, int hi) {
        if (lo == hi) {
            return;
        }
        if (hi - lo > 3) {
            for (int i = hi - 4; i >= lo; i--) {
                int tmp = fmap[i];
                int ecTmp = eclass[tmp];
                int j;
                for (j = i + 4; j <= hi && ecTmp > eclass[fmap[j]]; j += 4) {
                    fmap[j - 4] = fmap[j];
                }
                fmap[j - 4] = tmp;
            }
        }
        for (int i = hi - 1; i >= lo; i--) {
            int tmp = fmap[i];
            int ecTmp = eclass[tmp];
            int j;
            for (j = i + 1; j <= hi && ecTmp > eclass[fmap[j]]; j++) {
                fmap[j - 1] = fmap[j];
            }
            fmap[j - 1] = tmp;
        }
    }

    private void fallbackQSort3(int[] fmap, int[] eclass, int loSt, int hiSt) {
        int[] stackLo = new int[QSORT_STACK];
        int[] stackHi = new int[QSORT_STACK];
        int r = 0;
        int sp = 0;
        stackLo[sp] = loSt;
        stackHi[sp] = hiSt;
        sp++;
        while (sp > 0) {
            sp--;
            int lo = stackLo[sp];
            int hi = stackHi[sp];
            if (hi - lo < FALLBACK_QSORT_SMALL_THRESH) {
                fallbackSimpleSort(fmap, eclass, lo, hi);
                continue;
            }
            // libbzip2's pseudo-random choice among the first, middle and last element
            r = ((r * 7621) + 1) % 32768;
            int r3 = r % 3;
            int med;
            if (r3 == 0) {
                med = eclass[fmap[lo]];
            } else if (r3 == 1) {
                med = eclass[fmap[(lo + hi) >> 1]];
            } else {
                med = eclass[fmap[hi]];
            }
            int unLo = lo;
            int ltLo = lo;
            int unHi = hi;
            int gtHi = hi;
            while (true) {
                while (unLo <= unHi) {
                    int c = Integer.compare(eclass[fmap[unLo]], med);
                    if (c == 0) {
                        swap(fmap, unLo, ltLo);
                        ltLo++;
                        unLo++;
                        continue;
                    }
                    if (c > 0) {
                        break;
                    }
                    unLo++;
                }
                while (unLo <= unHi) {
                    int c = Integer.compare(eclass[fmap[unHi]], med);
                    if (c == 0) {
                        swap(fmap, unHi, gtHi);
                        gtHi--;
                        unHi--;
                        continue;
                    }
                    if (c < 0) {
                        break;
                    }
                    unHi--;
                }
                if (unLo > unHi) {
                    break;
                }
                swap(fmap, unLo, unHi);
                unLo++;
                unHi--;
            }
            if (gtHi < ltLo) {
                continue;
            }
            int c = Math.min(ltLo - lo, unLo - ltLo);
            vswap(fmap, lo, unLo - c, c);
            int m = Math.min(hi - gtHi, gtHi - unHi);
            vswap(fmap, unLo, hi - m + 1, m);
            c = lo + unLo - ltLo - 1;
            m = hi - (gtHi - unHi) + 1;
            if (c - lo > hi - m) {
                stackLo[sp] = lo;
                stackHi[sp] = c;
                sp++;
                stackLo[sp] = m;
                stackHi[sp] = hi;
                sp++;
            } else {
                stackLo[sp] = m;
                stackHi[sp] = hi;
                sp++;
                stackLo[sp] = lo;
                stackHi[sp] = c;
                sp++;
            }
        }
    }
}
