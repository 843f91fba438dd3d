package org.mwdump.write.bzip2;

import java.util.Arrays;

/**
 * Suffix sorting by induced sorting (SA-IS, Nong, Zhang and Chan 2009): linear time whatever the text,
 * so blocks full of repeated markup sort as fast as prose. Suffixes are ordered as if the text ended
 * with a character smaller than all others, so a suffix sorts before every longer string it begins.
 *
 * <p>The top level reads the text as bytes (a 900 kB block stays in a core's cache, where four-byte
 * characters would not). The reduced problems of the recursion are strings of ints, kept in the suffix
 * array itself; a level whose alphabet fits in 16 bits copies its text to chars first. Its passes wait on
 * the cache more than they compute (they read the text at random), and half the bytes keep more of it
 * close: on a dump's blocks, where a first recursion level has some 20,000 different characters, that
 * made the whole encoder a few percent faster. The steps that read the text come in all three kinds,
 * like {@code java.util.Arrays}' sorts for each primitive type: one method reading any would be slower,
 * and the JIT, having compiled it for bytes, would throw it away at the first ints, several times per
 * method.
 *
 * <p>The induction passes find each suffix's type from its neighbouring character and a sign bit, as in
 * Yuta Mori's sais, rather than from a table; the table (one bit per character) serves the LMS steps
 * only. Equal LMS substrings are found while they are sorted, from the groups of equal prefixes that the
 * induction passes form (a mark in bit 30 of the entry that starts each), rather than by comparing
 * neighbours' characters afterwards. At the top level, when few LMS substrings differ (markup repeats the same ones),
 * {@link LmsNaming} names them by hashing instead, which saves those two passes over the whole array.
 * Texts must be shorter than 2<sup>29</sup> characters (a bzip2 block is at most 900,000).
 */
final class SuffixArray {
    /**
     * Marks an entry that starts a group of equal prefixes while the LMS substrings are sorted, and then an
     * LMS position whose substring differs from the one before it in sorted order.
     */
    private static final int NEW = 1 << 30;
    /** Marks an LMS position as the LMS substrings are sorted, so that picking them out reads no table. */
    private static final int LMS = 1 << 29;
    /** The bits of an entry that hold its position (texts are shorter than 2<sup>29</sup>). */
    private static final int POSITION = LMS - 1;

    /**
     * Each thread's arrays over the alphabets of the recursion levels, four a level, kept from text to
     * text: made anew for every block, the larger ones (a level can have tens of thousands of names) came
     * to megabytes per block, each time memory the operating system had to hand out again. A level of a
     * text shorter than 2<sup>29</sup> characters is at most the 29th.
     */
    private static final ThreadLocal<int[][]> ALPHABET_ARRAYS = ThreadLocal.withInitial(() -> new int[4 * 30][]);

    /** Each thread's char copies of the recursion levels' texts, one a level, kept from text to text. */
    private static final ThreadLocal<char[][]> CHAR_TEXTS = ThreadLocal.withInitial(() -> new char[30][]);
    /** Alphabets up to this size are read as chars. */
    private static final int CHARS = 1 << 16;

    private SuffixArray() {
    }

    /**
     * Sorts the suffixes of the bytes {@code t[0..n)} (compared unsigned) into {@code sa[0..n)}.
     *
     * @throws IllegalArgumentException when {@code n} is not below 2<sup>29</sup>
     */
    static void sort(byte[] t, int[] sa, int n) {
        sort(t, sa, n, new byte[checked(n)]);
    }

    /**
     * {@link #sort(byte[], int[], int)}, also writing the character before each suffix in sorted order:
     * {@code before[i] = t[sa[i] - 1]} for every {@code sa[i] > 0} (the last column of the sorted rotations
     * but at the suffix {@code 0}, whose entry holds no particular value). The final induction passes
     * write it as they place each suffix, having read that character to find the suffix's type, which
     * saves a pass reading the text at random.
     *
     * @throws IllegalArgumentException when {@code n} is not below 2<sup>29</sup>
     */
    static void sort(byte[] t, int[] sa, int n, byte[] before) {
        sort(t, null, null, 0, sa, 0, checked(n), 256, before, 0, null);
    }

    /**
     * {@link #sort(byte[], int[], int, byte[])} for a caller that has counted the bytes already:
     * {@code byteCounts[b]} is how many of {@code t[0..n)} are {@code b}.
     */
    static void sort(byte[] t, int[] sa, int n, byte[] before, int[] byteCounts) {
        sort(t, null, null, 0, sa, 0, checked(n), 256, before, 0, byteCounts);
    }

    /**
     * Sorts the suffixes of {@code t[tOff..tOff+n)}, characters in {@code [0, k)}, into {@code sa[saOff..)}.
     *
     * @throws IllegalArgumentException when {@code n} is not below 2<sup>29</sup>
     */
    static void sort(int[] t, int tOff, int[] sa, int saOff, int n, int k) {
        sort(null, null, t, tOff, sa, saOff, checked(n), k, null, 0, null);
    }

    /** {@code arrays[index]}, made at least {@code size} long (its contents are left as they were). */
    private static int[] alphabetArray(int[][] arrays, int index, int size) {
        int[] a = arrays[index];
        if (a == null || a.length < size) {
            a = new int[size];
            arrays[index] = a;
        }
        return a;
    }

    /** {@code n}, when the entries' marks leave room for its positions. */
    private static int checked(int n) {
        if (n > POSITION) {
            throw new IllegalArgumentException("a text of " + n + " characters; at most " + POSITION + " can be sorted");
        }
        return n;
    }

    /** {@code t[tOff..tOff+n)} as chars, in the thread's array for level {@code depth}. */
    private static char[] chars(int[] t, int tOff, int n, int depth) {
        char[][] texts = CHAR_TEXTS.get();
        char[] c = texts[depth];
        if (c == null || c.length < n) {
            c = new char[n];
            texts[depth] = c;
        }
        for (int i = 0; i < n; i++) {
            c[i] = (char) t[tOff + i];
        }
        return c;
    }

    /**
     * Sorts bytes {@code bt} (writing {@code before}), chars {@code ct} or ints {@code it}, whichever is not
     * null ({@code before} unused but for bytes; {@code tOff} but for ints), as the recursion's level
     * {@code depth}. Ints of an alphabet that fits are sorted as chars. {@code byteCounts}, if not null,
     * counts the bytes.
     */
    private static void sort(byte[] bt, char[] ct, int[] it, int tOff, int[] sa, int saOff, int n, int k,
                             byte[] before, int depth, int[] byteCounts) {
        if (n == 1) {
            sa[saOff] = 0;
            return;
        }
        if (it != null && k <= CHARS) {
            ct = chars(it, tOff, n, depth);
            it = null;
            tOff = 0;
        }
        // Each step is its own method, so that the JIT compiles it whole after a block or two instead of
        // replacing one loop at a time in a method that a long block keeps running. The LMS positions
        // (an S-type character after an L-type one) are a bit set, visited without a test per character.
        int[][] arrays = ALPHABET_ARRAYS.get();
        int[] counts = alphabetArray(arrays, 4 * depth, k);
        if (byteCounts != null) {
            System.arraycopy(byteCounts, 0, counts, 0, 256);
        } else {
            Arrays.fill(counts, 0, k, 0);
        }
        int[] bucket = alphabetArray(arrays, 4 * depth + 1, k);
        int[] lmsCounts = alphabetArray(arrays, 4 * depth + 2, k);
        int[] last = alphabetArray(arrays, 4 * depth + 3, k);
        long[] lms = bt != null ? lmsPositions(bt, n, byteCounts == null ? counts : null)
                : ct != null ? lmsPositions(ct, n, counts) : lmsPositions(it, tOff, n, counts);

        // 1-2. name the LMS substrings, equal ones alike, in sorted order, leaving the names in text order at
        //      the end of the array: in bytes, by hashing them, when few are different
        int m = 0;
        for (long word : lms) {
            m += Long.bitCount(word);
        }
        int names = bt != null && m > 0 ? LmsNaming.name(bt, n, lms, m, sa, lmsCounts) : -1;
        if (names < 0) {
            m = sortLmsSubstrings(bt, ct, it, tOff, sa, saOff, n, k, counts, bucket, lmsCounts, last, lms);
            names = name(sa, saOff, n, m);
            gatherNames(sa, saOff, n, m);
        }

        // 3. sort the LMS suffixes: recurse on the string of names unless they are all different
        int reduced = saOff + n - m;
        if (names < m) {
            sort(null, null, sa, reduced, sa, saOff, m, names, null, depth + 1, null);
        } else {
            for (int i = 0; i < m; i++) {
                sa[saOff + sa[reduced + i]] = i;
            }
        }
        inTextOrder(sa, reduced, lms);
        for (int i = 0; i < m; i++) {
            sa[saOff + i] = sa[reduced + sa[saOff + i]];
        }

        // 4. place them at their bucket ends in sorted order and induce all the others: the L-type suffixes
        //    from left to right, then the S-type ones from right to left. An entry written as ~j is one whose
        //    predecessor must not be induced by the current pass; each pass flips what it reads so that the
        //    other pass sees the opposite, and the array ends up positive.
        placeLms(sa, saOff, n, m, counts, lmsCounts, k);
        bucketStarts(counts, bucket, k);
        if (bt != null) {
            induceL(bt, sa, n, bucket, before);
        } else if (ct != null) {
            induceL(ct, sa, saOff, n, bucket);
        } else {
            induceL(it, tOff, sa, saOff, n, bucket);
        }
        bucketEnds(counts, bucket, k);
        if (bt != null) {
            induceS(bt, sa, n, bucket, before);
        } else if (ct != null) {
            induceS(ct, sa, saOff, n, bucket);
        } else {
            induceS(it, tOff, sa, saOff, n, bucket);
        }
    }

    /**
     * Sorts the LMS substrings: seeds the LMS positions at their bucket ends and induces, marking where each
     * group of equal prefixes starts; leaves them sorted and marked at the front of the array, as
     * {@link #name} wants them, and returns their number.
     */
    private static int sortLmsSubstrings(byte[] bt, char[] ct, int[] it, int tOff, int[] sa, int saOff, int n,
                                         int k, int[] counts, int[] bucket, int[] lmsCounts, int[] last,
                                         long[] lms) {
        Arrays.fill(sa, saOff, saOff + n, -1);
        bucketEnds(counts, bucket, k);
        if (bt != null) {
            seedLms(bt, sa, saOff, lms, bucket);
        } else if (ct != null) {
            seedLms(ct, sa, saOff, lms, bucket);
        } else {
            seedLms(it, tOff, sa, saOff, lms, bucket);
        }
        markSeeds(counts, bucket, k, sa, saOff, lmsCounts);
        int m = induceGroups(bt, ct, it, tOff, sa, saOff, n, counts, bucket, last, k);
        // the S-type pass left them at the end of the array
        System.arraycopy(sa, saOff + n - m, sa, saOff, m);
        return m;
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

    private static long[] lmsPositions(char[] t, int n, int[] counts) {
        long[] stype = new long[(n + 63) >>> 6];
        int next = t[n - 1];
        counts[next]++;
        int nextS = 0;
        long word = 0;
        for (int i = n - 2; i >= 0; i--) {
            int c = t[i];
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

    /**
     * {@link #lmsPositions(int[], int, int, int[])} for bytes, 64 positions at a time, without a chain of
     * dependent steps from one position to the next. A position is S-type when its byte is below the next
     * ({@code lt}), or equal to it ({@code eq}) and the next is S-type. With a word's bits reversed (the next
     * position in the next lower bit) that is the carry of an addition, {@code lt} generating one and
     * {@code eq} passing one on; the comparisons are made eight bytes at a time ({@link Swar}). The bytes are
     * counted only if {@code counts} is not null.
     */
    private static long[] lmsPositions(byte[] t, int n, int[] counts) {
        if (counts != null) {
            for (int i = 0; i < n; i++) {
                counts[t[i] & 0xFF]++;
            }
        }
        int words = (n + 63) >>> 6;
        long[] stype = new long[words];
        long carry = 0; // the type of the position after the word: the last position's is L (the end is smaller)
        int w = words - 1;
        // byte by byte the words that hold the last position, or whose reads would pass the array's end
        for (; w >= 0 && ((w << 6) + 64 >= n || (w << 6) + 72 > t.length); w--) {
            int from = w << 6;
            long lt = 0;
            long eq = 0;
            for (int i = from; i < n - 1 && i < from + 64; i++) {
                int x = t[i] & 0xFF;
                int y = t[i + 1] & 0xFF;
                lt |= (long) ((x - y) >>> 31) << i;
                eq |= (long) (((x ^ y) - 1) >>> 31) << i;
            }
            stype[w] = sTypes(lt, eq, carry);
            carry = stype[w] & 1;
        }
        for (; w >= 0; w--) {
            int from = w << 6;
            long lt = 0;
            long eq = 0;
            for (int k = 0; k < 64; k += 8) {
                long x = (long) Swar.LONGS.get(t, from + k);
                long y = (long) Swar.LONGS.get(t, from + k + 1);
                lt |= Swar.packed(Swar.lessBytes(x, y)) << k;
                eq |= Swar.packed(Swar.equalBytes(x, y)) << k;
            }
            stype[w] = sTypes(lt, eq, carry);
            carry = stype[w] & 1;
        }
        return lmsOf(stype);
    }

    /**
     * The S-type positions of a word from its positions whose byte is below the next ({@code lt}) or equal
     * to it ({@code eq}), and the type of the position after the word ({@code next}, 0 or 1).
     */
    private static long sTypes(long lt, long eq, long next) {
        long g = Long.reverse(lt);
        long p = Long.reverse(eq);
        long either = g | p;
        long carries = (g + either + next) ^ g ^ either; // bit j: the carry into bit j
        return Long.reverse(carries >>> 1 | (g | p & carries) & Long.MIN_VALUE);
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

    private static void seedLms(char[] t, int[] sa, int saOff, long[] lms, int[] bucket) {
        for (int w = 0; w < lms.length; w++) {
            for (long bits = lms[w]; bits != 0; bits &= bits - 1) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                sa[saOff + --bucket[t[i]]] = i;
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

    /**
     * Marks where the seeds of each bucket start ({@link #NEW}): the seeds of one bucket form one group.
     * Also counts the LMS positions of each bucket into {@code lmsCounts}.
     */
    private static void markSeeds(int[] counts, int[] bucket, int k, int[] sa, int saOff, int[] lmsCounts) {
        int end = 0;
        for (int c = 0; c < k; c++) {
            end += counts[c];
            if (bucket[c] < end) {
                sa[saOff + bucket[c]] |= NEW;
            }
            lmsCounts[c] = end - bucket[c];
        }
    }

    /**
     * Names the {@code m} sorted LMS substrings, marked as the S-type pass of {@link #induceGroups} leaves
     * them, writing the name of position {@code p} at {@code sa[m + p / 2]}; returns how many different
     * names there are.
     */
    private static int name(int[] sa, int saOff, int n, int m) {
        Arrays.fill(sa, saOff + m, saOff + n, -1);
        int names = 0;
        for (int i = 0; i < m; i++) {
            int v = sa[saOff + i];
            int p = v & ~NEW;
            names += v >>> 30;
            sa[saOff + i] = p;
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

    /**
     * Moves the {@code m} sorted LMS positions at the front to the ends of their buckets, and empties (-1)
     * every other entry. Sorted, they come bucket by bucket, {@code lmsCounts[c]} for bucket {@code c}, so
     * each bucket's are moved as a block, from the last bucket down, without reading the text; no block
     * lands below where it starts, and none on a block not yet moved.
     */
    private static void placeLms(int[] sa, int saOff, int n, int m, int[] counts, int[] lmsCounts, int k) {
        int end = n;
        int from = m;
        int placed = n;
        for (int c = k - 1; c >= 0 && from > 0; c--) {
            int count = lmsCounts[c];
            if (count > 0) {
                from -= count;
                Arrays.fill(sa, saOff + end, saOff + placed, -1);
                placed = end - count;
                System.arraycopy(sa, saOff + from, sa, saOff + placed, count);
            }
            end -= counts[c];
        }
        Arrays.fill(sa, saOff, saOff + placed, -1);
    }

    /**
     * The induction passes, also keeping the groups of equal LMS prefixes (the characters up to the next LMS
     * position, or the seed itself; with their types): an entry holds {@link #NEW} when it is not equal to
     * the one before it in that sense. A suffix induced from another has that one's prefix behind its own
     * character, so two suffixes induced into the same bucket by the same pass are equal exactly when their
     * sources were: the sources of one group are read one after another, and {@code last[c]} holds the
     * group of the source that induced into bucket {@code c} last.
     *
     * <p>The mark survives the passes' sign flips: an entry {@code x} is stored as {@code x} or {@code ~x},
     * and {@code v ^ (v >> 31)} gives {@code x} back from either; flipping bit 30 of either flips it in
     * {@code x}.
     *
     * <p>Returns the number {@code m} of LMS positions, which the S-type pass leaves at the end of the
     * array, {@code sa[saOff + n - m ..)}, in sorted order and marked as that pass describes.
     */
    private static int induceGroups(byte[] bt, char[] ct, int[] it, int tOff, int[] sa, int saOff, int n,
                                    int[] counts, int[] bucket, int[] last, int k) {
        Arrays.fill(last, 0, k, -1);
        bucketStarts(counts, bucket, k);
        if (bt != null) {
            induceL(bt, sa, saOff, n, bucket, last);
        } else if (ct != null) {
            induceL(ct, sa, saOff, n, bucket, last);
        } else {
            induceL(it, tOff, sa, saOff, n, bucket, last);
        }
        Arrays.fill(last, 0, k, -1);
        bucketEnds(counts, bucket, k);
        if (bt != null) {
            return induceS(bt, sa, saOff, n, bucket, last);
        }
        return ct != null ? induceS(ct, sa, saOff, n, bucket, last) : induceS(it, tOff, sa, saOff, n, bucket, last);
    }

    /**
     * {@link #induceL(int[], int, int[], int, int, int[])} with groups: the L-type suffixes fill each bucket
     * from its start, so an entry starts a group when its source's group is not the last one that wrote
     * into its bucket. The last suffix, which runs into the virtual end, is a group of its own.
     */
    private static void induceL(int[] t, int tOff, int[] sa, int saOff, int n, int[] bucket, int[] last) {
        int j = n - 1;
        int c1 = t[tOff + j];
        sa[saOff + bucket[c1]++] = j > 0 && t[tOff + j - 1] < c1 ? ~(j | NEW) : j | NEW;
        int group = 0;
        for (int i = 0; i < n; i++) {
            int v = sa[saOff + i];
            sa[saOff + i] = ~v;
            group += (v ^ (v >> 31)) >>> 30;
            j = v & POSITION;
            if (v > 0 && j > 0) {
                j--;
                int c0 = t[tOff + j];
                int flag = (t[tOff + Math.max(j - 1, 0)] - c0) >> 31;
                sa[saOff + bucket[c0]++] = (last[c0] != group ? j | NEW : j) ^ flag;
                last[c0] = group;
            }
        }
    }

    private static void induceL(char[] t, int[] sa, int saOff, int n, int[] bucket, int[] last) {
        int j = n - 1;
        int c1 = t[j];
        sa[saOff + bucket[c1]++] = j > 0 && t[j - 1] < c1 ? ~(j | NEW) : j | NEW;
        int group = 0;
        for (int i = 0; i < n; i++) {
            int v = sa[saOff + i];
            sa[saOff + i] = ~v;
            group += (v ^ (v >> 31)) >>> 30;
            j = v & POSITION;
            if (v > 0 && j > 0) {
                j--;
                int c0 = t[j];
                int flag = (t[Math.max(j - 1, 0)] - c0) >> 31;
                sa[saOff + bucket[c0]++] = (last[c0] != group ? j | NEW : j) ^ flag;
                last[c0] = group;
            }
        }
    }

    private static void induceL(byte[] t, int[] sa, int saOff, int n, int[] bucket, int[] last) {
        int j = n - 1;
        int c1 = (t[j] & 0xFF);
        sa[saOff + bucket[c1]++] = j > 0 && (t[j - 1] & 0xFF) < c1 ? ~(j | NEW) : j | NEW;
        int group = 0;
        for (int i = 0; i < n; i++) {
            int v = sa[saOff + i];
            sa[saOff + i] = ~v;
            group += (v ^ (v >> 31)) >>> 30;
            j = v & POSITION;
            if (v > 0 && j > 0) {
                j--;
                int c0 = (t[j] & 0xFF);
                int flag = ((t[Math.max(j - 1, 0)] & 0xFF) - c0) >> 31;
                sa[saOff + bucket[c0]++] = (last[c0] != group ? j | NEW : j) ^ flag;
                last[c0] = group;
            }
        }
    }

    /**
     * {@link #induceS(int[], int, int[], int, int, int[])} with groups: the S-type suffixes fill each bucket
     * from its end, so an entry is marked as starting a group until the next one written before it turns
     * out to come from the same group; the scan reads an entry's mark only after that write, which has a
     * source at or after the entry. Every S-type position is written, so the marks of the seeds go. An
     * entry whose predecessor is L-type is an LMS position, and gets {@link #LMS}.
     *
     * <p>Entries are final once the scan has read them, and read no more, so the LMS positions are moved
     * behind the scan as it finds them, to the end of the array in sorted order, each with {@link #NEW}
     * when its LMS substring differs from the one before it (a group started between them; the first has
     * it too). Returns their count.
     */
    private static int induceS(int[] t, int tOff, int[] sa, int saOff, int n, int[] bucket, int[] last) {
        int group = 0;
        int w = n;
        int boundary = 0;
        for (int i = n - 1; i >= 0; i--) {
            int v = sa[saOff + i];
            int j = v & POSITION;
            if (v > 0 && j > 0) {
                j--;
                int c0 = t[tOff + j];
                int flag = j == 0 ? -1 : (c0 - t[tOff + Math.max(j - 1, 0)]) >> 31;
                int q = --bucket[c0];
                sa[saOff + q] = (j | NEW | (flag & (-j >> 31) & LMS)) ^ flag;
                if (last[c0] == group) {
                    sa[saOff + q + 1] ^= NEW;
                }
                last[c0] = group;
            } else {
                sa[saOff + i] = ~v;
            }
            v = sa[saOff + i];
            int mark = v >>> 30; // the entries are final here, and not negative
            group += mark;
            if ((v & LMS) != 0) {
                if (boundary != 0 && w < n) {
                    sa[saOff + w] |= NEW;
                }
                sa[saOff + --w] = v & POSITION;
                boundary = 0;
            }
            boundary |= mark;
        }
        if (w < n) {
            sa[saOff + w] |= NEW;
        }
        return n - w;
    }

    private static int induceS(char[] t, int[] sa, int saOff, int n, int[] bucket, int[] last) {
        int group = 0;
        int w = n;
        int boundary = 0;
        for (int i = n - 1; i >= 0; i--) {
            int v = sa[saOff + i];
            int j = v & POSITION;
            if (v > 0 && j > 0) {
                j--;
                int c0 = t[j];
                int flag = j == 0 ? -1 : (c0 - t[Math.max(j - 1, 0)]) >> 31;
                int q = --bucket[c0];
                sa[saOff + q] = (j | NEW | (flag & (-j >> 31) & LMS)) ^ flag;
                if (last[c0] == group) {
                    sa[saOff + q + 1] ^= NEW;
                }
                last[c0] = group;
            } else {
                sa[saOff + i] = ~v;
            }
            v = sa[saOff + i];
            int mark = v >>> 30; // the entries are final here, and not negative
            group += mark;
            if ((v & LMS) != 0) {
                if (boundary != 0 && w < n) {
                    sa[saOff + w] |= NEW;
                }
                sa[saOff + --w] = v & POSITION;
                boundary = 0;
            }
            boundary |= mark;
        }
        if (w < n) {
            sa[saOff + w] |= NEW;
        }
        return n - w;
    }

    private static int induceS(byte[] t, int[] sa, int saOff, int n, int[] bucket, int[] last) {
        int group = 0;
        int w = n;
        int boundary = 0;
        for (int i = n - 1; i >= 0; i--) {
            int v = sa[saOff + i];
            int j = v & POSITION;
            if (v > 0 && j > 0) {
                j--;
                int c0 = (t[j] & 0xFF);
                int flag = j == 0 ? -1 : (c0 - (t[Math.max(j - 1, 0)] & 0xFF)) >> 31;
                int q = --bucket[c0];
                sa[saOff + q] = (j | NEW | (flag & (-j >> 31) & LMS)) ^ flag;
                if (last[c0] == group) {
                    sa[saOff + q + 1] ^= NEW;
                }
                last[c0] = group;
            } else {
                sa[saOff + i] = ~v;
            }
            v = sa[saOff + i];
            int mark = v >>> 30; // the entries are final here, and not negative
            group += mark;
            if ((v & LMS) != 0) {
                if (boundary != 0 && w < n) {
                    sa[saOff + w] |= NEW;
                }
                sa[saOff + --w] = v & POSITION;
                boundary = 0;
            }
            boundary |= mark;
        }
        if (w < n) {
            sa[saOff + w] |= NEW;
        }
        return n - w;
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

    private static void induceL(char[] t, int[] sa, int saOff, int n, int[] bucket) {
        int j = n - 1;
        int c1 = t[j];
        sa[saOff + bucket[c1]++] = j > 0 && t[j - 1] < c1 ? ~j : j;
        for (int i = 0; i < n; i++) {
            j = sa[saOff + i];
            sa[saOff + i] = ~j;
            if (j > 0) {
                j--;
                int c0 = t[j];
                // no branch on the data: ~j (that is j ^ -1) when the previous character is smaller
                int flag = (t[Math.max(j - 1, 0)] - c0) >> 31;
                sa[saOff + bucket[c0]++] = j ^ flag;
            }
        }
    }

    /**
     * The final L-type pass over bytes, at the top level (offset 0), writing the character before each
     * suffix it places into {@code before}. The bucket it writes to is often the one it wrote to last (the
     * characters before the suffixes, in their sorted order, come in runs: they are the block's transform),
     * so that bucket's next slot is kept in a variable, and written back when another bucket comes: an
     * increment of the array's entry each time would make each write wait for the one before.
     */
    private static void induceL(byte[] t, int[] sa, int n, int[] bucket, byte[] before) {
        int j = n - 1;
        int c1 = (t[j] & 0xFF);
        byte p1 = t[j - 1];
        int q1 = bucket[c1]++;
        sa[q1] = (p1 & 0xFF) < c1 ? ~j : j;
        before[q1] = p1;
        int cur = c1;
        int next = bucket[c1];
        for (int i = 0; i < n; i++) {
            j = sa[i];
            sa[i] = ~j;
            if (j > 0) {
                j--;
                int c0 = (t[j] & 0xFF);
                byte p = t[Math.max(j - 1, 0)];
                // no branch on the data: ~j (that is j ^ -1) when the previous character is smaller
                int flag = ((p & 0xFF) - c0) >> 31;
                if (c0 != cur) {
                    bucket[cur] = next;
                    cur = c0;
                    next = bucket[c0];
                }
                int q = next++;
                sa[q] = j ^ flag;
                before[q] = p;
            }
        }
        bucket[cur] = next;
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

    private static void induceS(char[] t, int[] sa, int saOff, int n, int[] bucket) {
        for (int i = n - 1; i >= 0; i--) {
            int j = sa[saOff + i];
            if (j > 0) {
                j--;
                int c0 = t[j];
                // ~j when the previous character is larger, or there is none
                int flag = j == 0 ? -1 : (c0 - t[Math.max(j - 1, 0)]) >> 31;
                sa[saOff + --bucket[c0]] = j ^ flag;
            } else {
                sa[saOff + i] = ~j;
            }
        }
    }

    /**
     * The final S-type pass over bytes, at the top level, writing {@code before} and keeping the last bucket's
     * slot as {@link #induceL(byte[], int[], int, int[], byte[])} does.
     */
    private static void induceS(byte[] t, int[] sa, int n, int[] bucket, byte[] before) {
        int cur = 0;
        int next = bucket[0];
        for (int i = n - 1; i >= 0; i--) {
            int j = sa[i];
            if (j > 0) {
                j--;
                int c0 = (t[j] & 0xFF);
                byte p = t[Math.max(j - 1, 0)];
                // ~j when the previous character is larger, or there is none
                int flag = j == 0 ? -1 : (c0 - (p & 0xFF)) >> 31;
                if (c0 != cur) {
                    bucket[cur] = next;
                    cur = c0;
                    next = bucket[c0];
                }
                int q = --next;
                sa[q] = j ^ flag;
                before[q] = p;
            } else {
                sa[i] = ~j;
            }
        }
        bucket[cur] = next;
    }

    private static void bucketStarts(int[] counts, int[] bucket, int k) {
        int sum = 0;
        for (int i = 0; i < k; i++) {
            bucket[i] = sum;
            sum += counts[i];
        }
    }

    private static void bucketEnds(int[] counts, int[] bucket, int k) {
        int sum = 0;
        for (int i = 0; i < k; i++) {
            sum += counts[i];
            bucket[i] = sum;
        }
    }
}
