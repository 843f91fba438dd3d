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
 * ones sorted and numbered. The tests also check that their texts put the naming to the test: that it
 * often does not give up, that different substrings begin others, that many share the sort key's bytes,
 * and that the table grows.
 */
class LmsNamingTest {

    /**
     * What naming should give: names in text order, and the count of LMS positions per first byte; also
     * what the text puts to the test: whether one different substring's bytes begin another's, and the
     * most different substrings that share their first seven bytes (the sort key's).
     */
    private record Expected(int[] names, int distinct, int[] lmsCounts, long[] lms, int m, int distinctOfFirst4096,
                            boolean prefixPair, int largestTie) {

        /** Whether naming gives up on this text. */
        boolean givesUp() {
            return distinct - 1 > m / 8 + 1 || m - 1 >= 4096 && distinctOfFirst4096 > 3072;
        }
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
        // the different substrings' bytes, the last one's without its end
        List<String> bytes = new ArrayList<>();
        for (int[] x : sorted.keySet()) {
            StringBuilder b = new StringBuilder();
            for (int v : x) {
                if (v >= 0) {
                    b.append((char) (v >> 1));
                }
            }
            bytes.add(b.toString());
        }
        boolean prefixPair = false;
        for (int i = 0; i < bytes.size() && !prefixPair; i++) {
            for (int j = 0; j < bytes.size() && !prefixPair; j++) {
                prefixPair = i != j && bytes.get(j).length() > bytes.get(i).length() && bytes.get(j).startsWith(bytes.get(i));
            }
        }
        TreeMap<String, Integer> ties = new TreeMap<>();
        bytes.stream().filter(x -> x.length() >= 7).forEach(x -> ties.merge(x.substring(0, 7), 1, Integer::sum));
        int largestTie = ties.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new Expected(names, sorted.size(), lmsCounts, lms, m, first4096, prefixPair, largestTie);
    }

    /**
     * Names {@code t[0..n)} (the array may go on) and checks the result against {@link #expected}; returns
     * what was expected when naming did not give up, else null.
     */
    private static Expected assertNames(byte[] t, int n) {
        Expected e = expected(t, n);
        if (e.m() == 0) {
            return null;
        }
        int[] sa = new int[n];
        int[] lmsCounts = new int[256];
        int names = LmsNaming.name(t, n, e.lms(), e.m(), sa, lmsCounts);
        if (e.givesUp()) {
            assertEquals(-1, names, "more different substrings than naming takes on");
            return null;
        }
        assertEquals(e.distinct(), names);
        assertArrayEquals(e.names(), Arrays.copyOfRange(sa, n - e.m(), n));
        assertArrayEquals(e.lmsCounts(), lmsCounts);
        return e;
    }

    @Test
    void randomTextsOfSmallAlphabets() {
        Random random = new Random(7);
        int named = 0;
        int withPrefixes = 0;
        for (int round = 0; round < 4000; round++) {
            int alphabet = 2 + random.nextInt(3);
            int n = 2 + random.nextInt(round < 3000 ? 60 : 3000);
            byte[] t = new byte[n + random.nextInt(10)];
            random.nextBytes(t); // what lies past n must not matter
            // every other text a short word over and over, one letter in twenty changed: few different
            // substrings, so that naming does not give up
            byte[] word = new byte[1 + random.nextInt(12)];
            for (int i = 0; i < word.length; i++) {
                word[i] = (byte) ('a' + random.nextInt(alphabet));
            }
            boolean repeats = (round & 1) == 0;
            for (int i = 0; i < n; i++) {
                t[i] = repeats && random.nextInt(20) > 0 ? word[i % word.length] : (byte) ('a' + random.nextInt(alphabet));
            }
            Expected e = assertNames(t, n);
            if (e != null) {
                named++;
                withPrefixes += e.prefixPair() ? 1 : 0;
            }
        }
        // the texts were named often enough, and with substrings that begin others, to say something
        assertTrue(named > 1000 && withPrefixes > 100, named + " named, " + withPrefixes + " with prefixes");
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
        int named = 0;
        int withPrefixes = 0;
        for (int round = 0; round < 600; round++) {
            StringBuilder b = new StringBuilder();
            int count = round < 200 ? 1 + random.nextInt(12) : 400 + random.nextInt(2600);
            for (int i = 0; i < count; i++) {
                b.append(words[random.nextInt(words.length)]);
            }
            byte[] text = b.toString().getBytes(StandardCharsets.UTF_8);
            Expected e = assertNames(text, text.length);
            if (e != null) {
                named++;
                withPrefixes += e.prefixPair() ? 1 : 0;
            }
            byte[] longer = Arrays.copyOf(text, text.length + 1 + random.nextInt(9));
            Arrays.fill(longer, text.length, longer.length, (byte) random.nextInt(256));
            assertNames(longer, text.length);
        }
        assertTrue(named > 200 && withPrefixes > 50, named + " named, " + withPrefixes + " with prefixes");
    }

    /**
     * Thousands of different substrings, each many times over, some twenty sharing their first seven bytes:
     * the table grows while naming succeeds, and long runs of equal keys are sorted in full. The naming
     * before, on random bytes, gave up with its table grown.
     */
    @Test
    void aGrowingTableAndLongRunsOfEqualKeys() {
        byte[] noise = new byte[100_000];
        new Random(5).nextBytes(noise);
        assertNames(noise, noise.length);

        Random random = new Random(6);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 2600; i++) {
            StringBuilder w = new StringBuilder();
            for (int j = 0; j < 3 + random.nextInt(4); j++) {
                w.append((char) ('b' + random.nextInt(20)));
            }
            words.add(w.toString());
        }
        for (int i = 0; i < 20; i++) {
            words.add("zzzzzzzzz" + (char) ('b' + i) + "zzz");
        }
        StringBuilder b = new StringBuilder();
        while (b.length() < 400_000) {
            b.append('a').append(words.get(random.nextInt(words.size())));
        }
        byte[] text = b.toString().getBytes(StandardCharsets.US_ASCII);
        Expected e = assertNames(text, text.length);
        assertTrue(e != null && e.distinct() > 2048 && e.largestTie() > 12,
                () -> e == null ? "gave up" : e.distinct() + " different, " + e.largestTie() + " tied at most");
    }

    @Test
    void givingUp() {
        // random bytes: more than one in eight different, long before the 4096th substring
        byte[] t = new byte[10_000];
        new Random(3).nextBytes(t);
        Expected e = expected(t, t.length);
        assertTrue(e.m() - 1 < 4096 && e.distinct() - 1 > e.m() / 8 + 1);
        assertEquals(-1, LmsNaming.name(t, t.length, e.lms(), e.m(), new int[t.length], new int[256]));

        // a few different substrings at first, then only new ones: gives up at one in eight
        t = new byte[120_000];
        Random random = new Random(4);
        for (int i = 0; i < t.length; i++) {
            t[i] = (byte) (i < 40_000 ? "<ab>".charAt(i % 4) : random.nextInt(256));
        }
        e = expected(t, t.length);
        assertTrue(e.distinctOfFirst4096() <= 3072 && e.distinct() - 1 > e.m() / 8 + 1);
        assertEquals(-1, LmsNaming.name(t, t.length, e.lms(), e.m(), new int[t.length], new int[256]));

        // random bytes first, then one substring over and over: fewer than one in eight different in all,
        // but more than three in four of the first 4096
        t = new byte[215_000];
        random.nextBytes(t);
        for (int i = 15_000; i < t.length; i++) {
            t[i] = (byte) "<ab>".charAt(i % 4);
        }
        e = expected(t, t.length);
        assertTrue(e.distinctOfFirst4096() > 3072 && e.distinct() - 1 <= e.m() / 8 + 1);
        assertEquals(-1, LmsNaming.name(t, t.length, e.lms(), e.m(), new int[t.length], new int[256]));
    }
}
