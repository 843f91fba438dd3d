package org.mwdump.write.bzip2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The suffix sort against sorting the suffixes by comparing them character by character (a suffix that
 * another begins with sorts first), on texts chosen to make many equal LMS substrings, deep recursion and
 * suffixes that run into the end of the text equal to others up to there.
 */
class SuffixArrayTest {

    /** The suffixes of {@code t} (characters compared as unsigned ints) sorted by comparing them. */
    private static int[] bySorting(int[] t) {
        Integer[] order = new Integer[t.length];
        for (int i = 0; i < t.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int x = a;
            int y = b;
            while (x < t.length && y < t.length) {
                if (t[x] != t[y]) {
                    return Integer.compare(t[x], t[y]);
                }
                x++;
                y++;
            }
            return x == t.length ? (y == t.length ? 0 : -1) : 1;
        });
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    private static void assertSortsBytes(byte[] b) {
        int[] t = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            t[i] = b[i] & 0xFF;
        }
        int[] sa = new int[b.length];
        // the byte before each suffix, as the sort writes it (but the suffix 0's, which has none)
        byte[] before = new byte[b.length];
        SuffixArray.sort(b, sa, b.length, before);
        int[] expected = bySorting(t);
        assertArrayEquals(expected, sa, () -> "bytes " + Arrays.toString(t.length <= 64 ? t : new int[0]));
        for (int i = 0; i < b.length; i++) {
            int p = expected[i];
            if (p > 0 && before[i] != b[p - 1]) {
                throw new AssertionError("byte before the suffix " + p + " at " + i + ": " + before[i] + ", not " + b[p - 1]);
            }
        }
    }

    private static void assertSortsInts(int[] t, int k) {
        // the text sits behind other values in its array, and the suffix array behind others in its own
        int[] text = new int[t.length + 3];
        System.arraycopy(t, 0, text, 3, t.length);
        int[] sa = new int[t.length + 5];
        SuffixArray.sort(text, 3, sa, 5, t.length, k);
        assertArrayEquals(bySorting(t), Arrays.copyOfRange(sa, 5, sa.length),
                () -> "ints " + Arrays.toString(t.length <= 64 ? t : new int[0]));
    }

    private static byte[] random(Random random, int n, int alphabet) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (255 - random.nextInt(alphabet));
        }
        return b;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 256})
    void randomTextsOfSmallAlphabets(int alphabet) {
        Random random = new Random(alphabet);
        for (int round = 0; round < 3000; round++) {
            assertSortsBytes(random(random, 1 + random.nextInt(80), alphabet));
        }
        for (int round = 0; round < 30; round++) {
            assertSortsBytes(random(random, 1 + random.nextInt(5000), alphabet));
        }
    }

    @Test
    void everyTextOfTwoLettersUpToLengthTwelve() {
        for (int n = 1; n <= 12; n++) {
            for (int bits = 0; bits < 1 << n; bits++) {
                byte[] b = new byte[n];
                for (int i = 0; i < n; i++) {
                    b[i] = (byte) ('a' + (bits >>> i & 1));
                }
                assertSortsBytes(b);
            }
        }
    }

    @Test
    void repetitionsAndRuns() {
        for (String unit : new String[] {"a", "ab", "ba", "aab", "abb", "abcab", "<page>\n", "zyx"}) {
            for (int times = 1; times <= 40; times++) {
                String s = unit.repeat(times);
                assertSortsBytes(s.getBytes(StandardCharsets.ISO_8859_1));
                assertSortsBytes((s + "a").getBytes(StandardCharsets.ISO_8859_1));
                assertSortsBytes(("z" + s).getBytes(StandardCharsets.ISO_8859_1));
            }
        }
    }

    @Test
    void markupLikeText() {
        // many short, equal LMS substrings, as in a dump: recursion several levels deep
        Random random = new Random(7);
        String[] words = {"<page>", "</page>", "<title>", "</title>", "\n    ", "the ", "of ", "[[", "]]", "{{cite",
            "}}", "a", "ab", "aba", "abab"};
        StringBuilder text = new StringBuilder();
        while (text.length() < 60_000) {
            text.append(words[random.nextInt(words.length)]);
            if (random.nextInt(50) == 0) {
                text.append(text, Math.max(0, text.length() - 2000), text.length()); // a long repeat
            }
        }
        assertSortsBytes(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Texts too long for the marks in the entries are refused, not sorted wrongly. */
    @Test
    void textsOfTwoToThe29CharactersAreRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SuffixArray.sort(new byte[0], new int[0], 1 << 29));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(Integer.toString(1 << 29)), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SuffixArray.sort(new int[0], 0, new int[0], 0, 1 << 29, 2));
    }

    @Test
    void intTextsWithLargeAlphabets() {
        Random random = new Random(11);
        for (int round = 0; round < 2000; round++) {
            int k = 1 + random.nextInt(round % 2 == 0 ? 4 : 1000);
            int[] t = new int[1 + random.nextInt(60)];
            for (int i = 0; i < t.length; i++) {
                t[i] = random.nextInt(k);
            }
            assertSortsInts(t, k);
        }
        int[] periodic = new int[3000];
        for (int i = 0; i < periodic.length; i++) {
            periodic[i] = (i * 7 % 13) % 5;
        }
        assertSortsInts(periodic, 5);
    }

    /**
     * Alphabets of up to 2<sup>16</sup> characters are sorted as chars, larger ones as ints: both, either side
     * of the bound, and characters at its top.
     */
    @ParameterizedTest
    @ValueSource(ints = {65_535, 65_536, 65_537, 1 << 20})
    void intTextsEitherSideOfTheCharAlphabet(int k) {
        Random random = new Random(k);
        for (int round = 0; round < 200; round++) {
            int[] t = new int[1 + random.nextInt(300)];
            for (int i = 0; i < t.length; i++) {
                // few characters, all near the alphabet's top, so that LMS substrings repeat
                t[i] = k - 1 - random.nextInt(1 + round % 4);
            }
            assertSortsInts(t, k);
        }
        assertSortsInts(withRepeats(random, 20_000, k), k);
    }

    /**
     * Texts whose first recursion level has an alphabet too large for chars: so many different LMS substrings
     * (random characters) that they take more than 2<sup>16</sup> names, yet not all different (copied
     * stretches), so that the recursion goes on in ints.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void recursionLevelsWithMoreThanTwoToTheSixteenNames(boolean bytes) {
        Random random = new Random(5);
        if (!bytes) {
            assertSortsInts(withRepeats(random, 400_000, 1 << 20), 1 << 20);
            return;
        }
        int[] t = withRepeats(random, 400_000, 256);
        byte[] b = new byte[t.length];
        for (int i = 0; i < t.length; i++) {
            b[i] = (byte) t[i];
        }
        assertSortsBytes(b);
    }

    /** {@code n} random characters below {@code k}, a tenth of them then overwritten by copies of others. */
    private static int[] withRepeats(Random random, int n, int k) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = random.nextInt(k);
        }
        for (int copied = 0; copied < n / 10; copied += 500) {
            System.arraycopy(t, random.nextInt(n - 500), t, random.nextInt(n - 500), 500);
        }
        return t;
    }
}
