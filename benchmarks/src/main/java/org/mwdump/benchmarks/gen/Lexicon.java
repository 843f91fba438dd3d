package org.mwdump.benchmarks.gen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The words of one writing system, drawn with a Zipf-like rank distribution so that generated text
 * repeats words about as much as real prose does (which matters for compressed sizes and for the
 * cost of string handling in readers).
 */
public final class Lexicon {

    /** The writing systems the generator mixes. */
    public enum Script {
        /** English-like words. */
        LATIN(1.0),
        /** Greek, with tonos accents and final sigma. */
        GREEK(1.8),
        /** Latin with diacritics (French, German, Polish, Vietnamese-like). */
        ACCENTED(1.15),
        /** Chinese and Japanese: han characters and kana, no spaces between words. */
        CJK(2.9);

        private final double bytesPerChar;

        Script(double bytesPerChar) {
            this.bytesPerChar = bytesPerChar;
        }

        /** Approximate UTF-8 bytes per character of running text in this script. */
        public double bytesPerChar() {
            return bytesPerChar;
        }
    }

    private static final String[] LATIN_COMMON = ("the of and in to a is was for as on by with from that at his it an were "
            + "which are this also be has or had its first after their he new two who not they her but she one been all "
            + "other than more there most into during time world city year school century state national known "
            + "population may later between under team where over university used both however including since family "
            + "until part area born several series while film song album members became three river north south "
            + "government church war early american english county region second based league played building "
            + "company village district station music").split(" ");
    private static final String[] GREEK_COMMON = ("και του της το η ο με σε από για που στην των τα την στο είναι ένα μια "
            + "οι στη ως κατά μετά πόλη χωριό νησί ήταν έχει δήμος περιοχή αιώνα μέχρι").split(" ");
    private static final String[] ACCENTED_COMMON = ("de la le et der die und von của và là w i się el que en les des "
            + "à über für é près été städte région được những także również où").split(" ");

    private static final String[] LATIN_ON = {"", "", "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s",
        "t", "v", "w", "st", "tr", "pr", "ch", "sh", "th", "br", "gr", "cl", "pl", "j", "qu"};
    private static final String[] LATIN_NUC = {"a", "e", "i", "o", "u", "a", "e", "o", "ea", "ou", "io", "ai", "y"};
    private static final String[] LATIN_CODA = {"", "", "", "n", "r", "s", "t", "l", "nd", "st", "ck", "m", "rd", "x"};

    private static final String[] GREEK_ON = {"", "κ", "λ", "μ", "ν", "π", "ρ", "σ", "τ", "θ", "χ", "δ", "γ", "β",
        "φ", "ξ", "στ", "τρ", "πρ", "γρ", "ζ", "ψ"};
    private static final String[] GREEK_NUC = {"α", "ε", "η", "ι", "ο", "υ", "ω", "ά", "έ", "ή", "ί", "ό", "ύ", "ώ",
        "ου", "αι", "ει", "α", "ο"};
    private static final String[] GREEK_END = {"", "ς", "ν", "ς", "", "ς"};

    private static final String[] ACC_ON = {"", "b", "d", "g", "k", "l", "m", "n", "r", "s", "t", "v", "z", "ł",
        "ś", "ż", "ç", "ch", "sch", "tr", "ng", "nh", "đ", "pf", "kr", "ž", "š"};
    private static final String[] ACC_NUC = {"a", "e", "i", "o", "u", "é", "è", "à", "ü", "ö", "ä", "ô", "ê", "ø",
        "å", "ő", "ư", "ệ", "ạ", "ắ", "ó", "í", "ą", "ę", "ñ"};
    private static final String[] ACC_CODA = {"", "", "n", "r", "s", "t", "ß", "ng", "nt", "ł", "ch", "c"};

    /** Characters outside the Basic Multilingual Plane; UTF-16 surrogate pairs in Java. */
    private static final String[] ASTRAL = {"😀", "😂", "👍", "🎉", "🌍", "🚀", "𝒜", "𝒞", "𝓐", "𠀋", "𠮷", "𐌰",
        "🇬🇷", "𝄞"};

    private final Script script;
    private final String[] words;
    private final double[] cumulative;

    private Lexicon(Script script, String[] words) {
        this.script = script;
        this.words = words;
        // Zipf with exponent 1: weight of rank r is 1/(r+1)
        cumulative = new double[words.length];
        double sum = 0;
        for (int i = 0; i < words.length; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < words.length; i++) {
            cumulative[i] /= sum;
        }
    }

    /**
     * Builds a lexicon of {@code size} distinct words (the script's function words first, at the
     * most frequent ranks).
     */
    public static Lexicon build(Script script, int size, SplittableRandom rng) {
        Objects.requireNonNull(script, "script is null");
        Objects.requireNonNull(rng, "rng is null");
        Set<String> set = new LinkedHashSet<>();
        String[] common = switch (script) {
            case LATIN -> LATIN_COMMON;
            case GREEK -> GREEK_COMMON;
            case ACCENTED -> ACCENTED_COMMON;
            case CJK -> new String[0];
        };
        for (String w : common) {
            set.add(w);
        }
        while (set.size() < size) {
            set.add(inventWord(script, rng));
        }
        return new Lexicon(script, set.toArray(new String[0]));
    }

    /** Makes up one word of the script. */
    public static String inventWord(Script script, SplittableRandom rng) {
        StringBuilder sb = new StringBuilder(12);
        switch (script) {
            case LATIN -> {
                int syllables = 1 + rng.nextInt(3) + (rng.nextInt(4) == 0 ? 1 : 0);
                for (int i = 0; i < syllables; i++) {
                    sb.append(pick(LATIN_ON, rng)).append(pick(LATIN_NUC, rng));
                }
                sb.append(pick(LATIN_CODA, rng));
            }
            case GREEK -> {
                int syllables = 1 + rng.nextInt(3) + (rng.nextInt(3) == 0 ? 1 : 0);
                for (int i = 0; i < syllables; i++) {
                    sb.append(pick(GREEK_ON, rng)).append(pick(GREEK_NUC, rng));
                }
                sb.append(pick(GREEK_END, rng));
            }
            case ACCENTED -> {
                int syllables = 1 + rng.nextInt(3);
                for (int i = 0; i < syllables; i++) {
                    sb.append(pick(ACC_ON, rng)).append(pick(ACC_NUC, rng));
                }
                sb.append(pick(ACC_CODA, rng));
            }
            case CJK -> {
                int chars = 1 + rng.nextInt(3);
                boolean kana = rng.nextInt(5) == 0;
                for (int i = 0; i < chars; i++) {
                    if (kana) {
                        // hiragana or katakana, precomposed only (no combining voicing marks)
                        sb.append((char) (rng.nextBoolean() ? 0x3042 + rng.nextInt(0x3093 - 0x3042)
                                : 0x30A2 + rng.nextInt(0x30F3 - 0x30A2)));
                    } else {
                        // a few thousand frequent-looking ideographs; U+4E00..U+9FA5 are all NFC-stable
                        sb.append((char) (0x4E00 + rng.nextInt(0x5200)));
                    }
                }
            }
        }
        return sb.toString();
    }

    private static String pick(String[] a, SplittableRandom rng) {
        return a[rng.nextInt(a.length)];
    }

    /** The script of this lexicon. */
    public Script script() {
        return script;
    }

    /** A word drawn by frequency rank. */
    public String word(SplittableRandom rng) {
        double u = rng.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return words[lo];
    }

    /** The word at a frequency rank (0 is the most frequent). */
    public String wordAt(int rank) {
        return words[rank];
    }

    /** Number of distinct words. */
    public int size() {
        return words.length;
    }

    /** A character outside the Basic Multilingual Plane (emoji, mathematical letters, rare ideographs). */
    public static String astral(SplittableRandom rng) {
        return pick(ASTRAL, rng);
    }

    /** Distinct capitalized words of a script, for titles and names. */
    public static List<String> titleWords(Script script, int size, SplittableRandom rng, Set<String> taken) {
        List<String> out = new ArrayList<>(size);
        while (out.size() < size) {
            String w = capitalize(inventWord(script, rng));
            if (taken.add(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** Upper-cases the first character, as MediaWiki's first-letter case does for titles. */
    public static String capitalize(String w) {
        if (w.isEmpty()) {
            return w;
        }
        int cp = w.codePointAt(0);
        int up = Character.toUpperCase(cp);
        if (up == cp) {
            return w;
        }
        return new StringBuilder(w.length()).appendCodePoint(up).append(w, Character.charCount(cp), w.length())
                .toString();
    }
}
