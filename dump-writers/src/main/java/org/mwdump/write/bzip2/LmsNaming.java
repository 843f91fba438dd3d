package org.mwdump.write.bzip2;

import java.util.Arrays;

/**
 * Names the LMS substrings of a byte text by finding equal ones in a hash table and sorting only the
 * different ones, instead of sorting all of them by two induction passes over the whole suffix array. In
 * markup most LMS substrings repeat, so the table of different ones stays small enough for a core's cache,
 * and their sort is short. When the different ones are many (random or compressed bytes) the induction
 * is cheaper, and naming gives up as soon as it has found more than a set share of them, or early on, when
 * nearly all the first ones differ.
 *
 * <p>The names are those of the induction: two LMS substrings (from an LMS position up to and including the
 * next; the last one up to the virtual end, smaller than every character) get the same name when they are
 * equal as strings of characters and types, and names follow their order. Within a substring but the last
 * the types follow from its bytes (its last position, an LMS position, is S-type), so equal bytes mean
 * equal substrings. The order by characters and types is the order by bytes, but for one substring's
 * bytes being a prefix of another's: at the shorter one's end the longer has an L-type position (an
 * S-type one would end it), so the longer one is the smaller. The last substring compares as its bytes
 * followed by the virtual end.
 */
final class LmsNaming {
    /** Naming gives up when more than one LMS substring in this many is different from all before it. */
    private static final int SHARE = 8;
    /** Symbols of the sort key: the virtual end, a byte {@code b} as {@code b + 1}, then a string's end. */
    private static final int END = 257;
    private static final int KEY_SYMBOLS = 7;
    /** A table slot holds an entry's number plus one in its low bits and the top bits of its hash in these. */
    private static final int TAG = 0xFFFF0000;
    /** A bound on the entries in the table, whose numbers plus one must fit below {@link #TAG}. */
    private static final int MAX_ENTRIES = 0xFFFE;
    /**
     * Naming also gives up when more than {@code EARLY_LIMIT} of the first {@code EARLY} substrings are
     * different from all before them: in bytes that do not repeat themselves (random or compressed), nearly
     * all are.
     */
    private static final int EARLY = 4096;
    private static final int EARLY_LIMIT = 3072;

    private static final ThreadLocal<LmsNaming> ARRAYS = ThreadLocal.withInitial(LmsNaming::new);

    private int[] table = new int[0];
    /**
     * Per entry: its first eight bytes (fewer when shorter, the rest zero; none for the last), and its start
     * and length.
     */
    private long[] entries = new long[0];
    private int[] hashes = new int[0];
    private int[] ids = new int[0];
    private int[] ids2 = new int[0];
    private long[] keys = new long[0];
    private long[] keys2 = new long[0];
    private final int[] digitCounts = new int[256];

    private byte[] t;
    private int n;
    private int last;
    /** The table's size less one (a power of two less one). */
    private int mask;
    /** The last LMS position, where the last substring starts. */
    private int lastStart;

    private LmsNaming() {
    }

    /**
     * Names the {@code m} LMS substrings of {@code t[0..n)}, whose positions are the bits of {@code lms},
     * writing the name of the {@code i}-th in text order at {@code sa[n - m + i]} and counting them by first
     * byte into {@code lmsCounts}; returns the number of different names, or {@code -1} (with {@code sa} and
     * {@code lmsCounts} in no particular state) when more than {@code m / SHARE + 1} but the last are
     * different (or more than {@link #MAX_ENTRIES}), or more than {@link #EARLY_LIMIT} of the first
     * {@link #EARLY}. {@code m} must be at least 1.
     */
    static int name(byte[] t, int n, long[] lms, int m, int[] sa, int[] lmsCounts) {
        LmsNaming naming = ARRAYS.get();
        try {
            return naming.run(t, n, lms, m, sa, lmsCounts);
        } finally {
            naming.t = null;
        }
    }

    /*
     * Each loop is a method of its own: the JIT compiles a loop that a long block keeps running on its own
     * (on-stack replacement), and in a method with several, it compiled the method again for each,
     * everything after the loop included.
     */
    private int run(byte[] text, int size, long[] lms, int m, int[] sa, int[] lmsCounts) {
        this.t = text;
        this.n = size;
        int limit = Math.min(m / SHARE + 1, MAX_ENTRIES);
        ensure(limit + 1);
        int d = enter(lms, m, sa, limit);
        if (d < 0) {
            return -1;
        }
        // counted apart from the hashing, where the counters' updates held up the loop
        countFirstBytes(lms, lmsCounts);
        // the last substring runs into the virtual end: different from all others
        // (no first bytes: it is never looked up, and sorting reads the text)
        int prev = lastStart;
        last = d;
        entries[2 * d + 1] = (long) prev << 32 | (n - prev);
        sa[n - 1] = d++;
        sortEntries(d);
        rename(d, sa, n - m, n);
        return d;
    }

    private void countFirstBytes(long[] lms, int[] lmsCounts) {
        Arrays.fill(lmsCounts, 0, 256, 0);
        for (int w = 0; w < lms.length; w++) {
            for (long bits = lms[w]; bits != 0; bits &= bits - 1) {
                lmsCounts[t[(w << 6) + Long.numberOfTrailingZeros(bits)] & 0xFF]++;
            }
        }
    }

    /**
     * Enters every LMS substring but the last in the table, writing its entry's number at
     * {@code sa[n - m + i]}; returns the number of entries, or {@code -1} when there would be more than
     * {@code limit}, or when the first {@link #EARLY} make more than {@link #EARLY_LIMIT}. Leaves the last
     * LMS position in {@link #lastStart}.
     */
    private int enter(long[] lms, int m, int[] sa, int limit) {
        int capacity = Math.min(1 << 12, table.length);
        Arrays.fill(table, 0, capacity, 0);
        mask = capacity - 1;
        long[] ent = entries;
        int d = 0;
        int out = n - m;
        int prev = -1;
        for (int w = 0; w < lms.length; w++) {
            for (long bits = lms[w]; bits != 0; bits &= bits - 1) {
                int p = (w << 6) + Long.numberOfTrailingZeros(bits);
                if (prev >= 0) {
                    int len = p - prev + 1;
                    long first = word(prev, len);
                    int h = len <= 8 ? mix(first + len) : hash(prev, len, first);
                    int e = find(h, first, prev, len);
                    if (e < 0) {
                        if (d == limit) {
                            return -1;
                        }
                        table[~e] = (h & TAG) | (d + 1);
                        e = d++;
                        ent[2 * e] = first;
                        ent[2 * e + 1] = (long) prev << 32 | len;
                        hashes[e] = h;
                        if (2 * d > capacity) {
                            capacity <<= 1;
                            rehash(d, capacity);
                        }
                    }
                    sa[out++] = e;
                    if (out - (n - m) == EARLY && d > EARLY_LIMIT) {
                        return -1;
                    }
                }
                prev = p;
            }
        }
        lastStart = prev;
        return d;
    }

    /**
     * The entry of the substring {@code t[start..start+len)}, whose hash is {@code h} and first bytes
     * {@code first}, or {@code ~slot} for the empty slot where it would go. (A method of its own, so that
     * its loop, which seldom goes round, gives the JIT no second place to enter {@link #enter} at.)
     */
    private int find(int h, long first, int start, int len) {
        int[] tab = table;
        int tag = h & TAG;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int v = tab[slot];
            if (v == 0) {
                return ~slot;
            }
            if ((v & TAG) == tag) {
                int e = (v & ~TAG) - 1;
                long info = entries[2 * e + 1];
                if (entries[2 * e] == first && (int) info == len
                        && (len <= 8 || equalFrom8((int) (info >>> 32), start, len))) {
                    return e;
                }
            }
        }
    }

    /** Replaces the entry numbers at {@code sa[from..to)} by the entries' names, their ranks in {@link #ids}. */
    private void rename(int d, int[] sa, int from, int to) {
        int[] name = ids2;
        for (int r = 0; r < d; r++) {
            name[ids[r]] = r;
        }
        for (int i = from; i < to; i++) {
            sa[i] = name[sa[i]];
        }
    }

    /** Puts the {@code d} entries into a table of {@code capacity} slots. */
    private void rehash(int d, int capacity) {
        int[] tab = table;
        Arrays.fill(tab, 0, capacity, 0);
        int mask = capacity - 1;
        this.mask = mask;
        for (int e = 0; e < d; e++) {
            int h = hashes[e];
            int slot = h & mask;
            while (tab[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            tab[slot] = (h & TAG) | (e + 1);
        }
    }

    private void ensure(int size) {
        if (hashes.length < size) {
            entries = new long[2 * size];
            hashes = new int[size];
            ids = new int[size];
            ids2 = new int[size];
            keys = new long[size];
            keys2 = new long[size];
            table = new int[Integer.highestOneBit(size - 1) << 2];
        }
    }

    /** Up to eight bytes from {@code t[i]} on, no further than {@code len} of them, the first lowest. */
    private long word(int i, int len) {
        int k = Math.min(len, 8);
        if (i + 8 <= t.length) {
            return (long) Swar.LONGS.get(t, i) & (-1L >>> (64 - 8 * k));
        }
        long x = 0;
        for (int j = 0; j < k; j++) {
            x |= (long) (t[i + j] & 0xFF) << (8 * j);
        }
        return x;
    }

    private static int mix(long x) {
        return (int) ((x * 0x9E3779B97F4A7C15L) >>> 32);
    }

    private int hash(int s, int len, long first) {
        long h = first ^ len;
        for (int i = 8; i < len; i += 8) {
            h = (h * 0xC2B2AE3D27D4EB4FL) ^ word(s + i, len - i);
            h ^= h >>> 29;
        }
        return mix(h);
    }

    /** Whether {@code t[a+8..a+len)} and {@code t[b+8..b+len)} are equal (the first eight are known to be). */
    private boolean equalFrom8(int a, int b, int len) {
        return Arrays.equals(t, a + 8, a + len, t, b + 8, b + len);
    }

    /** Symbol {@code h} of entry {@code e}: its byte plus one, the virtual end (0), or {@link #END}. */
    private int symbol(int e, int h) {
        long info = entries[2 * e + 1];
        int len = (int) info;
        if (h < len) {
            return (t[(int) (info >>> 32) + h] & 0xFF) + 1;
        }
        return e == last && h == len ? 0 : END;
    }

    /** Sorts the entries {@code 0..d)} into {@code ids}: by a key of their first symbols, then ties in full. */
    private void sortEntries(int d) {
        makeKeys(d);
        radixSort(d);
        sortTies(d);
    }

    private void makeKeys(int d) {
        for (int e = 0; e < d; e++) {
            long key = 0;
            for (int h = 0; h < KEY_SYMBOLS; h++) {
                int s = symbol(e, h);
                key = key << 9 | s;
                if (s == 0 || s == END) {
                    key <<= 9 * (KEY_SYMBOLS - 1 - h);
                    break;
                }
            }
            keys[e] = key;
            ids[e] = e;
        }
    }

    /** Sorts the runs of equal keys in full. */
    private void sortTies(int d) {
        for (int i = 0; i < d; ) {
            int j = i + 1;
            while (j < d && keys[j] == keys[i]) {
                j++;
            }
            if (j - i > 1) {
                // equal keys: all at least as long as the key's symbols (an end within them would make them
                // equal)
                mergeSort(i, j);
            }
            i = j;
        }
    }

    /** Least significant digit first, eight bits a pass, passes over digits all alike left out. */
    private void radixSort(int d) {
        long[] k1 = keys;
        long[] k2 = keys2;
        int[] i1 = ids;
        int[] i2 = ids2;
        for (int shift = 0; shift < 9 * KEY_SYMBOLS; shift += 8) {
            if (radixPass(d, shift, k1, i1, k2, i2)) {
                long[] kt = k1;
                k1 = k2;
                k2 = kt;
                int[] it = i1;
                i1 = i2;
                i2 = it;
            }
        }
        if (k1 != keys) {
            System.arraycopy(k1, 0, keys, 0, d);
            System.arraycopy(i1, 0, ids, 0, d);
        }
    }

    /**
     * Moves {@code from[0..d)} (with their ids) into {@code to} in the order of their digit at {@code shift};
     * returns false, having moved nothing, when all those digits are alike. (A method of its own, called
     * for each digit, so that the JIT compiles it once rather than the sort again for each loop in it.)
     */
    private boolean radixPass(int d, int shift, long[] from, int[] fromIds, long[] to, int[] toIds) {
        int[] count = digitCounts;
        Arrays.fill(count, 0);
        for (int i = 0; i < d; i++) {
            count[(int) (from[i] >>> shift) & 0xFF]++;
        }
        if (count[(int) (from[0] >>> shift) & 0xFF] == d) {
            return false;
        }
        int sum = 0;
        for (int c = 0; c < 256; c++) {
            int x = count[c];
            count[c] = sum;
            sum += x;
        }
        for (int i = 0; i < d; i++) {
            int at = count[(int) (from[i] >>> shift) & 0xFF]++;
            to[at] = from[i];
            toIds[at] = fromIds[i];
        }
        return true;
    }

    /** Sorts {@code ids[from..to)} by comparing the entries in full (from the key's end on). */
    private void mergeSort(int from, int to) {
        if (to - from <= 12) {
            for (int i = from + 1; i < to; i++) {
                int x = ids[i];
                int j = i - 1;
                while (j >= from && compare(ids[j], x) > 0) {
                    ids[j + 1] = ids[j];
                    j--;
                }
                ids[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(from, mid);
        mergeSort(mid, to);
        if (compare(ids[mid - 1], ids[mid]) <= 0) {
            return;
        }
        int[] tmp = ids2;
        System.arraycopy(ids, from, tmp, from, to - from);
        int a = from;
        int b = mid;
        for (int i = from; i < to; i++) {
            if (b >= to || a < mid && compare(tmp[a], tmp[b]) <= 0) {
                ids[i] = tmp[a++];
            } else {
                ids[i] = tmp[b++];
            }
        }
    }

    private int compare(int a, int b) {
        for (int h = KEY_SYMBOLS; ; h++) {
            int x = symbol(a, h);
            int y = symbol(b, h);
            if (x != y) {
                return x - y;
            }
            if (x == 0 || x == END) {
                return 0;
            }
        }
    }
}
