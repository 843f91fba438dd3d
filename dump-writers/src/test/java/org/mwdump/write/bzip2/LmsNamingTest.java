package org.mwdump.write.bzip2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Naming LMS substrings by hashing against naming them from their definition: each substring spelt out as
 * its characters with their types (the last one ending in the virtual end, smaller than all), the different
 * ones sorted and numbered.
 */
class LmsNamingTest {

    /** What naming should give: names in text order, and the count of LMS positions per first byte. */
    private record Expected(int[] names, int distinct, int[] lmsCounts, long[] lms, int m, int distinctOfFirst4096) {
    }

    private static Expected expected(byte[] t, int n) {
        boolean[] s = new boolean[n];
        for (int i = n - 2; i >= 0; i--) {
            int c = t[i] & 0xFF;
            int d = t[i + 1] & 0xFF;
            s[i] = c < d || c == d && s[i + 1];
        }
        List<Integer> positions = new ArrayList<>();
        long[] lms = new long[(n + 63) >>> 6];
        int[] lmsCounts = new int[256];
        for (int i = 1; i < n; i++) {
            if (s[i] && !s[i - 1]) {
                positions.add(i);
                lms[i >>> 6] |= 1L << i;
                lmsCounts[t[i] & 0xFF]++;
            }
        }
        int m = positions.size();
        // each substring as characters times two plus the type (S = 1); the virtual end is -1
        List<int[]> substrings = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            int from = positions.get(j);
            int to = j + 1 < m ? positions.get(j + 1) + 1 : n;
            int[] x = new int[to - from + (j + 1 < m ? 0 : 1)];
            for (int i = from; i < to; i++) {
                x[i - from] = 2 * (t[i] & 0xFF) + (s[i] ? 1 : 0);
            }
            if (j + 1 == m) {
                x[x.length - 1] = -1;
            }
            substrings.add(x);
        }
        TreeMap<int[], Integer> sorted = new TreeMap<>(Arrays::compare);
        substrings.forEach(x -> sorted.put(x, 0));
        int rank = 0;
        for (var e : sorted.entrySet()) {
            e.setValue(rank++);
        }
        int[] names = substrings.stream().mapToInt(sorted::get).toArray();
        int first4096 = (int) Arrays.stream(names).limit(Math.max(0, Math.min(4096, m - 1))).distinct().count();
        return new Expected(names, sorted.size(), lmsCounts, lms, m, first4096);
    }

    /** Names {@code t[0..n)} (the array may go on) and checks the result against {@link #expected}. */
    private static void assertNames(byte[] t, int n) {
        Expected e = expected(t, n);
        if (e.m() == 0) {
            return;
        }
        int[] sa = new int[n];
        int[] lmsCounts = new int[256];
        int names = LmsNaming.name(t, n, e.lms(), e.m(), sa, lmsCounts);
        int limit = e.m() / 8 + 1;
        if (e.distinct() - 1 > limit || e.m() - 1 >= 4096 && e.distinctOfFirst4096() > 3072) {
            assertEquals(-1, names, "more different substrings than naming takes on");
            return;
        }
        assertEquals(e.distinct(), names);
        assertArrayEquals(e.names(), Arrays.copyOfRange(sa, n - e.m(), n));
        assertArrayEquals(e.lmsCounts(), lmsCounts);
    }

    @Test
    void randomTextsOfSmallAlphabets() {
        Random random = new Random(7);
        for (int round = 0; round < 4000; round++) {
            int alphabet = 2 + random.nextInt(3);
            int n = 2 + random.nextInt(round < 3000 ? 60 : 3000);
            byte[] t = new byte[n + random.nextInt(10)];
            random.nextBytes(t); // what lies past n must not matter
            for (int i = 0; i < n; i++) {
                t[i] = (byte) ('a' + random.nextInt(alphabet));
            }
            assertNames(t, n);
        }
    }

    /**
     * Words of markup repeated with small changes: long substrings, equal ones and ones that differ only
     * past their first eight or sixteen bytes, or whose bytes begin another's; texts ending where their
     * array ends, or not.
     */
    @Test
    void repeatedMarkupWithLongSubstrings() {
        String[] words = {"<page>", "</page>", "    ", "        ", "          <text xml:space=\"preserve\">",
            "          <text xml:space=\"preserved\">", "zzzzzzzzzzzzzzzzzzzza", "zzzzzzzzzzzzzzzzzzzzb", "zzzzzzzzz",
            "aaaaaaaaaaaaaaaaaaaaaaaaaab", "aaaaaaaaaab", "ba", "bab", "baba", "\n", "~~~~~~~~~~~~~~~~~~~~~~~~~}"};
        Random random = new Random(11);
        for (int round = 0; round < 600; round++) {
            StringBuilder b = new StringBuilder();
            int count = 1 + random.nextInt(round < 400 ? 12 : 400);
            for (int i = 0; i < count; i++) {
                b.append(words[random.nextInt(words.length)]);
            }
            byte[] text = b.toString().getBytes(StandardCharsets.UTF_8);
            assertNames(text, text.length);
            byte[] longer = Arrays.copyOf(text, text.length + 1 + random.nextInt(9));
            Arrays.fill(longer, text.length, longer.length, (byte) random.nextInt(256));
            assertNames(longer, text.length);
        }
    }

    @Test
    void randomBytesHaveTooManyDifferentSubstrings() {
        // too many among the first 4096 substrings, and too many in all
        for (int size : new int[] {20_000, 100_000}) {
            byte[] t = new byte[size];
            new Random(3).nextBytes(t);
            Expected e = expected(t, t.length);
            int[] sa = new int[t.length];
            assertEquals(-1, LmsNaming.name(t, t.length, e.lms(), e.m(), sa, new int[256]));
        }
        // a few different substrings at first, then only new ones: gives up at one in eight
        byte[] t = new byte[120_000];
        Random random = new Random(4);
        for (int i = 0; i < t.length; i++) {
            t[i] = (byte) (i < 40_000 ? "<ab>".charAt(i % 4) : random.nextInt(256));
        }
        Expected e = expected(t, t.length);
        assertTrue(e.distinctOfFirst4096() <= 3072 && e.distinct() - 1 > e.m() / 8 + 1);
        assertEquals(-1, LmsNaming.name(t, t.length, e.lms(), e.m(), new int[t.length], new int[256]));
    }
}
