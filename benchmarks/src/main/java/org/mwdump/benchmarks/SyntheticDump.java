package org.mwdump.benchmarks;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.mwdump.benchmarks.gen.Lexicon;
import org.mwdump.benchmarks.gen.Lexicon.Script;
import org.mwdump.benchmarks.gen.Wikitext;
import org.mwdump.benchmarks.gen.Wikitext.EditKind;
import org.mwdump.benchmarks.gen.XmlOut;
import org.mwdump.model.Sha1Base36;

/**
 * A deterministic generator of realistic MediaWiki XML dumps, for benchmarks and tests.
 *
 * <p>The output is schema 0.11 exactly as Wikimedia's production dumps serialize it: no XML
 * declaration, the {@code <mediawiki …>} root line, site info with namespaces, two-space
 * indentation steps, {@code <text bytes=".." sha1=".." xml:space="preserve">}, {@code <origin>},
 * {@code <model>}, {@code <format>}, {@code <sha1>}, {@code <minor />}, {@code &quot;} in element
 * content, {@code &#039;} in attributes. Pages are in namespaces 0, 1, 2, 4, 10 and 14, with titles
 * and text in Latin, accented Latin, Greek and CJK scripts and occasional characters outside the
 * Basic Multilingual Plane. Text sizes follow a log-normal distribution (median a few KB, a few
 * pages over 100 KB); in {@linkplain Mode#HISTORY history mode} a page has a log-normally
 * distributed number of revisions (median {@code medianRevisions}, some pages with hundreds), each
 * a small edit of the previous one, including vandalism and its revert, and null edits.
 * Registered, IP, imported and deleted contributors appear, comments are sometimes absent.
 * {@code bytes} is always the UTF-8 length of the text and {@code sha1} its base-36 SHA-1.
 *
 * <p>The same options always give byte-identical output. Page ids and revision ids increase
 * through the file, {@code parentid} is the previous revision of the page, timestamps increase
 * within a page. Memory use does not depend on the output size.
 *
 * <p>Generation stops when the page limit is reached or when the output reaches the target size
 * (the page being written is then closed after its current revision, so the file may exceed the
 * target by one revision plus closing tags).
 */
public final class SyntheticDump {

    /** Which revisions the dump holds. */
    public enum Mode {
        /** One revision per page, like {@code pages-articles} (see {@link Builder#historyFraction}). */
        ARTICLES,
        /** Every revision of every page, like {@code pages-meta-history}. */
        HISTORY
    }

    /** What {@link #write} produced. */
    public record Summary(long pages, long revisions, long bytes) {
    }

    /** The root line of a schema 0.11 dump, as Wikimedia writes it. */
    public static final String ROOT_LINE = "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
            + "xsi:schemaLocation=\"http://www.mediawiki.org/xml/export-0.11/ "
            + "http://www.mediawiki.org/xml/export-0.11.xsd\" version=\"0.11\" xml:lang=\"en\">";

    private static final int[] NAMESPACES = {0, 1, 2, 4, 10, 14};
    private static final String[] NS_PREFIX = {"", "Talk:", "User:", "Wikipedia:", "Template:", "Category:"};
    /** Cumulative percentages of pages per namespace (same order as {@link #NAMESPACES}). */
    private static final int[] NS_CUMULATIVE = {55, 67, 79, 83, 92, 100};
    private static final double[] NS_REDIRECT = {0.15, 0.03, 0.03, 0.10, 0.10, 0.02};
    private static final double[] NS_MEDIAN_BYTES = {3500, 2500, 900, 5000, 1500, 250};
    private static final double[] NS_SIGMA = {1.25, 1.6, 1.3, 1.5, 1.2, 0.9};
    /** MediaWiki's default {@code $wgMaxArticleSize}. */
    private static final int MAX_TEXT_BYTES = 2 * 1024 * 1024;

    private static final String[] SITE_NAMESPACES = {
        "-2\">Media", "-1\">Special", "0\"", "1\">Talk", "2\">User", "3\">User talk", "4\">Wikipedia",
        "5\">Wikipedia talk", "6\">File", "7\">File talk", "8\">MediaWiki", "9\">MediaWiki talk",
        "10\">Template", "11\">Template talk", "12\">Help", "13\">Help talk", "14\">Category",
        "15\">Category talk", "710\">TimedText", "711\">TimedText talk", "828\">Module", "829\">Module talk"};

    private static final long FIRST_TIME = Instant.parse("2002-01-25T00:00:00Z").getEpochSecond();
    private static final long LAST_TIME = Instant.parse("2025-12-31T23:59:59Z").getEpochSecond();
    private static final long ARTICLES_FROM = Instant.parse("2012-01-01T00:00:00Z").getEpochSecond();

    private final long seed;
    private final Mode mode;
    private final long targetBytes;
    private final long maxPages;
    private final int medianRevisions;
    private final int maxRevisions;
    private final double historyFraction;

    // built from the seed once; read-only afterwards
    private final Lexicon[] lexicons;
    private final Wikitext wikitext;
    private final String[][] titleWords;
    private final String[] userNames;
    private final long[] userIds;
    private final double[] userCumulative;

    private SyntheticDump(Builder b) {
        this.seed = b.seed;
        this.mode = b.mode;
        this.targetBytes = b.targetBytes;
        this.maxPages = b.pages;
        this.medianRevisions = b.medianRevisions;
        this.maxRevisions = b.maxRevisions;
        this.historyFraction = b.historyFraction;

        SplittableRandom rng = new SplittableRandom(seed);
        Script[] scripts = Script.values();
        lexicons = new Lexicon[scripts.length];
        for (Script s : scripts) {
            lexicons[s.ordinal()] = Lexicon.build(s, s == Script.LATIN ? 20_000 : 6_000, rng.split());
        }
        wikitext = new Wikitext(lexicons);

        // Title words are distinct across all scripts, so that a title is a unique encoding of its
        // namespace, script and sequence number (see title()).
        Set<String> taken = new HashSet<>();
        titleWords = new String[scripts.length][];
        for (Script s : scripts) {
            List<String> words;
            if (s == Script.CJK) {
                // fixed width: concatenation without spaces stays unambiguous
                words = new ArrayList<>();
                SplittableRandom r = rng.split();
                while (words.size() < 3000) {
                    String w = new String(new char[] {cjk(r), cjk(r)});
                    if (taken.add(w)) {
                        words.add(w);
                    }
                }
            } else {
                words = Lexicon.titleWords(s, s == Script.LATIN ? 4000 : 2000, rng.split(), taken);
            }
            if (s == Script.LATIN) {
                // titles with characters that need escaping
                String[] special = {"&", "O'Brien", "AT&T", "C++", "\"Weird\"", "100%", "Rock'n'Roll", "R&B", "O'Neill",
                    "D'Arcy", "L'Oréal", "M&M's", "S&P", "Q&A", "Marks&Spencer", "Ain't", "Rock'n'Roll's", "Tom+Jerry",
                    "AC/DC", "Don't"};
                for (int i = 0; i < special.length; i++) {
                    if (taken.add(special[i])) {
                        words.set(37 + 190 * i, special[i]);
                    }
                }
            }
            titleWords[s.ordinal()] = words.toArray(new String[0]);
        }

        // editors: a few very active ones, a long tail of occasional ones
        int users = 3000;
        SplittableRandom r = rng.split();
        Set<String> names = new HashSet<>();
        userNames = new String[users];
        TreeSet<Long> ids = new TreeSet<>();
        while (ids.size() < users) {
            ids.add(1 + (long) r.nextInt(48_000_000));
        }
        List<Long> idList = new ArrayList<>(ids);
        userIds = new long[users];
        for (int i = 0; i < users; i++) {
            String name;
            do {
                name = userName(r);
            } while (!names.add(name));
            userNames[i] = name;
            // the most active editors have the oldest accounts
            userIds[i] = idList.get(i);
        }
        userCumulative = new double[users];
        double sum = 0;
        for (int i = 0; i < users; i++) {
            sum += 1.0 / Math.pow(i + 1, 0.9);
            userCumulative[i] = sum;
        }
        for (int i = 0; i < users; i++) {
            userCumulative[i] /= sum;
        }
    }

    private static char cjk(SplittableRandom r) {
        return (char) (0x4E00 + r.nextInt(0x5200));
    }

    private String userName(SplittableRandom r) {
        Script s = pickScript(r);
        String w = Lexicon.capitalize(Lexicon.inventWord(s, r));
        return switch (r.nextInt(10)) {
            case 0 -> w + r.nextInt(10_000);
            case 1 -> w + "Bot";
            case 2, 3 -> w + (s == Script.CJK ? "" : " ") + Lexicon.capitalize(Lexicon.inventWord(s, r));
            case 4 -> w + "~" + "enwiki";
            default -> w;
        };
    }

    private static Script pickScript(SplittableRandom r) {
        int x = r.nextInt(100);
        return x < 70 ? Script.LATIN : x < 80 ? Script.GREEK : x < 92 ? Script.ACCENTED : Script.CJK;
    }

    /** A new builder with the defaults: seed 1, history mode, no limits set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options of a {@link SyntheticDump}. At least one of {@link #pages} and {@link #targetBytes} must be set. */
    public static final class Builder {
        private long seed = 1;
        private Mode mode = Mode.HISTORY;
        private long targetBytes;
        private long pages;
        private int medianRevisions = 20;
        private int maxRevisions = 2000;
        private double historyFraction;

        private Builder() {
        }

        /** The random seed; equal options and seed give byte-identical output. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** One revision per page, or full histories. */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode is null");
            return this;
        }

        /** Stop after about this many bytes of (uncompressed) XML; 0 for no size limit. */
        public Builder targetBytes(long targetBytes) {
            if (targetBytes < 0) {
                throw new IllegalArgumentException("targetBytes must be >= 0");
            }
            this.targetBytes = targetBytes;
            return this;
        }

        /** Stop after this many pages; 0 for no page limit. */
        public Builder pages(long pages) {
            if (pages < 0) {
                throw new IllegalArgumentException("pages must be >= 0");
            }
            this.pages = pages;
            return this;
        }

        /** History mode: the median number of revisions of a (non-redirect) page; default 20. */
        public Builder medianRevisions(int medianRevisions) {
            if (medianRevisions < 1) {
                throw new IllegalArgumentException("medianRevisions must be >= 1");
            }
            this.medianRevisions = medianRevisions;
            return this;
        }

        /** History mode: the most revisions a page can have; default 2000. */
        public Builder maxRevisions(int maxRevisions) {
            if (maxRevisions < 1) {
                throw new IllegalArgumentException("maxRevisions must be >= 1");
            }
            this.maxRevisions = maxRevisions;
            return this;
        }

        /**
         * Articles mode: the fraction of pages that get a short history of 3 to 10 revisions
         * instead of one revision (default 0), to mix both shapes in a small file.
         */
        public Builder historyFraction(double historyFraction) {
            if (!(historyFraction >= 0 && historyFraction <= 1)) {
                throw new IllegalArgumentException("historyFraction must be in [0, 1]");
            }
            this.historyFraction = historyFraction;
            return this;
        }

        /** Builds the generator (this prepares the vocabularies, which takes a fraction of a second). */
        public SyntheticDump build() {
            if (pages == 0 && targetBytes == 0) {
                throw new IllegalStateException("set pages or targetBytes (or both)");
            }
            return new SyntheticDump(this);
        }
    }

    /**
     * Writes the whole dump to {@code out} and flushes it; does not close it.
     *
     * @return counts of what was written
     */
    public Summary write(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out is null");
        return new Run(new XmlOut(out)).run();
    }

    /** The state of one {@link #write} call. */
    private final class Run {
        private final XmlOut x;
        private final long[][][] titleCounters = new long[NAMESPACES.length][Script.values().length][4];
        private long pageId;
        private long revId = 1000;
        private long pages;
        private long revisions;

        Run(XmlOut x) {
            this.x = x;
        }

        Summary run() throws IOException {
            x.raw(ROOT_LINE).raw("\n");
            siteInfo();
            for (long ordinal = 0; ; ordinal++) {
                if (maxPages > 0 && ordinal >= maxPages) {
                    break;
                }
                if (targetBytes > 0 && x.count() >= targetBytes) {
                    break;
                }
                page(new SplittableRandom(new SplittableRandom(seed * 0x9E3779B97F4A7C15L + ordinal).nextLong()));
                pages++;
            }
            x.raw("</mediawiki>\n");
            x.flush();
            return new Summary(pages, revisions, x.count());
        }

        private void siteInfo() throws IOException {
            x.raw("  <siteinfo>\n    <sitename>Wikipedia</sitename>\n    <dbname>synthwiki</dbname>\n"
                    + "    <base>https://synth.wikipedia.example.org/wiki/Main_Page</base>\n"
                    + "    <generator>MediaWiki 1.46.0-wmf.7</generator>\n    <case>first-letter</case>\n"
                    + "    <namespaces>\n");
            for (String ns : SITE_NAMESPACES) {
                int q = ns.indexOf('"');
                x.raw("      <namespace key=\"").raw(ns.substring(0, q + 1)).raw(" case=\"first-letter\"");
                if (q + 1 == ns.length()) {
                    x.raw(" />\n");
                } else {
                    x.raw(">").text(ns.substring(q + 2)).raw("</namespace>\n");
                }
            }
            x.raw("    </namespaces>\n  </siteinfo>\n");
        }

        /** A unique title: namespace, script, word count and a per-combination counter, permuted. */
        private String title(SplittableRandom rng, int nsIndex, Script s) {
            String[] words = titleWords[s.ordinal()];
            long v = words.length;
            int k = rng.nextInt(100) < 35 ? 1 : rng.nextInt(100) < 70 ? 2 : 3;
            long[] counters = titleCounters[nsIndex][s.ordinal()];
            long m = pow(v, k);
            while (counters[k] >= m) {
                k++;
                m = pow(v, k);
            }
            long n = counters[k]++;
            // an affine bijection of [0, m): a prime above every v never shares a factor with v^k; the
            // offset differs per namespace so that Talk:, User: etc. do not repeat the same sequence
            long perm = Math.floorMod(Math.multiplyExact(2_654_435_761L, n) + 7_919L * k + 104_729L * nsIndex, m);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < k; i++) {
                if (i > 0 && s != Script.CJK) {
                    sb.append(' ');
                }
                sb.append(words[(int) (perm % v)]);
                perm /= v;
            }
            return sb.toString();
        }

        /** A title-like target; it need not exist, as with real redirects to missing pages. */
        private String redirectTarget(SplittableRandom rng, Script s) {
            String[] words = titleWords[s.ordinal()];
            int k = 1 + rng.nextInt(3);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < k; i++) {
                if (i > 0 && s != Script.CJK) {
                    sb.append(' ');
                }
                sb.append(words[rng.nextInt(words.length)]);
            }
            if (rng.nextInt(5) == 0) {
                sb.append('#').append(wikitext.phrase(rng, s, 2));
            }
            return sb.toString();
        }

        private static long pow(long v, int k) {
            long m = 1;
            for (int i = 0; i < k; i++) {
                m *= v;
            }
            return m;
        }

        private void page(SplittableRandom rng) throws IOException {
            int nsRoll = rng.nextInt(100);
            int nsIndex = 0;
            while (nsRoll >= NS_CUMULATIVE[nsIndex]) {
                nsIndex++;
            }
            int ns = NAMESPACES[nsIndex];
            Script script = pickScript(rng);
            String title = title(rng, nsIndex, script);
            boolean js = false;
            if (ns == 2) {
                int r = rng.nextInt(100);
                if (r < 8) {
                    title += "/common.js";
                    js = true;
                } else if (r < 25) {
                    title += "/sandbox";
                }
            }
            String fullTitle = NS_PREFIX[nsIndex] + title;
            boolean redirect = !js && rng.nextDouble() < NS_REDIRECT[nsIndex];
            String target = redirect ? NS_PREFIX[nsIndex] + redirectTarget(rng, script) : null;

            int revCount;
            if (mode == Mode.HISTORY) {
                if (redirect) {
                    revCount = 1 + rng.nextInt(3);
                } else {
                    double median = ns == 14 || ns == 2 ? Math.max(1, medianRevisions / 3.0) : medianRevisions;
                    revCount = (int) Math.min(maxRevisions, Math.max(1, Math.round(logNormal(rng, median, 1.1))));
                }
            } else {
                revCount = rng.nextDouble() < historyFraction ? 3 + rng.nextInt(8) : 1;
            }
            revCount = Math.min(revCount, maxRevisions);
            int finalBytes = (int) Math.min(MAX_TEXT_BYTES,
                    Math.max(40, logNormal(rng, NS_MEDIAN_BYTES[nsIndex], NS_SIGMA[nsIndex])));
            int finalChars = (int) (finalBytes / (js ? 1.0 : script.bytesPerChar()));

            pageId += 1 + (rng.nextInt(4) == 0 ? rng.nextInt(40) : 0);
            x.raw("  <page>\n    <title>").text(fullTitle).raw("</title>\n    <ns>").number(ns)
                    .raw("</ns>\n    <id>").number(pageId).raw("</id>\n");
            if (redirect) {
                x.raw("    <redirect title=\"").attribute(target).raw("\" />\n");
            }

            // time span of the history
            long t;
            if (revCount == 1 && mode == Mode.ARTICLES) {
                t = ARTICLES_FROM + (long) (rng.nextDouble() * (LAST_TIME - ARTICLES_FROM));
            } else {
                t = FIRST_TIME + (long) (rng.nextDouble() * (LAST_TIME - FIRST_TIME) * 0.85);
            }

            // the revision before the first one written, when the dump does not start at the page's creation
            long parent = 0;
            if (mode == Mode.ARTICLES && revCount == 1 && rng.nextInt(10) != 0) {
                parent = revId + 1 + rng.nextInt(50);
                revId = parent;
            }

            StringBuilder text = new StringBuilder();
            long previousId = parent;
            String current = null;
            String revertTo = null;
            String vandal = null;
            long origin = 0;
            for (int i = 0; i < revCount; i++) {
                if (i > 0 && targetBytes > 0 && x.count() >= targetBytes) {
                    break;
                }
                revId += 1 + (rng.nextInt(3) == 0 ? rng.nextInt(200) : 0);
                long id = revId;
                boolean nullEdit = false;
                boolean minor = false;
                boolean quick = false;
                String comment;
                Contributor who = contributor(rng);
                if (i == 0) {
                    if (redirect) {
                        current = wikitext.redirect(rng, target);
                    } else {
                        int initial = revCount == 1 ? finalChars
                                : (int) Math.max(60, finalChars * (0.03 + 0.27 * rng.nextDouble()));
                        current = create(rng, ns, js, script, title, initial);
                    }
                    text.setLength(0);
                    text.append(current);
                    if (redirect && rng.nextBoolean()) {
                        comment = "Redirected page to [[" + target + "]]";
                    } else if (redirect) {
                        // the redirect left behind by a page move; only registered users move pages
                        who = registered(rng);
                        comment = "[[User:" + who.name + "|" + who.name + "]] moved page [[" + fullTitle + "]] to [["
                                + target + "]]";
                    } else if (revCount > 1 || mode == Mode.HISTORY) {
                        comment = creationSummary(current);
                    } else {
                        // the latest edit of a page whose older revisions are not in the dump
                        comment = rng.nextInt(100) < 12 ? null
                                : summary(rng, EditKind.values()[rng.nextInt(EditKind.CATEGORY.ordinal() + 1)], script);
                    }
                } else if (revertTo != null) {
                    current = revertTo;
                    text.setLength(0);
                    text.append(current);
                    revertTo = null;
                    quick = true;
                    minor = rng.nextInt(3) != 0;
                    who = registered(rng);
                    comment = rng.nextBoolean()
                            ? "Reverted edits by [[Special:Contributions/" + vandal + "|" + vandal + "]] ([[User talk:"
                                    + vandal + "|talk]]) to last version by " + userNames[rng.nextInt(userNames.length)]
                            : "Undid revision " + (id - 1 - rng.nextInt(3)) + " by [[Special:Contributions/" + vandal
                                    + "|" + vandal + "]] ([[User talk:" + vandal + "|talk]])";
                } else if (rng.nextInt(100) == 0) {
                    nullEdit = true;
                    minor = true;
                    who = registered(rng);
                    comment = "Protected \"" + fullTitle + "\": Persistent [[WP:Vandalism|vandalism]] "
                            + "([Edit=Require autoconfirmed or confirmed access] (expires "
                            + Instant.ofEpochSecond(t + 86_400L * (1 + rng.nextInt(90))) + "))";
                } else if (rng.nextInt(100) < 4 && !redirect) {
                    wikitext.vandalize(text, rng);
                    revertTo = current;
                    if (who.deleted || rng.nextInt(10) < 7) {
                        who = new Contributor(ip(rng), 0, true, false);
                    }
                    vandal = who.name;
                    current = text.toString();
                    comment = rng.nextBoolean() ? null : "/* " + wikitext.phrase(rng, script, 2) + " */";
                } else if (redirect) {
                    current = wikitext.redirect(rng, target);
                    text.setLength(0);
                    text.append(current);
                    comment = "fix redirect";
                } else {
                    int left = revCount - i;
                    int growth = text.length() < finalChars
                            ? (int) Math.max(20, (finalChars - text.length()) / (double) left * logNormal(rng, 1, 0.8))
                            : 0;
                    EditKind kind = wikitext.edit(text, rng, script, growth);
                    current = text.toString();
                    minor = kind == EditKind.COPYEDIT && rng.nextInt(3) == 0;
                    comment = rng.nextInt(100) < 22 ? null : summary(rng, kind, script);
                }
                if (!nullEdit) {
                    origin = id;
                }
                if (i > 0) {
                    long left = LAST_TIME - t;
                    long gap;
                    if (quick) {
                        gap = 5 + rng.nextInt(3600);
                    } else {
                        double mean = left / (double) (revCount - i + 1);
                        gap = (long) (mean * -Math.log(1 - rng.nextDouble()));
                    }
                    t += Math.max(1, Math.min(gap, left / 2));
                }
                revision(rng, id, previousId, t, who, minor, comment, origin, js, current);
                previousId = id;
                revisions++;
            }
            x.raw("  </page>\n");
        }

        private String create(SplittableRandom rng, int ns, boolean js, Script s, String title, int chars) {
            return switch (ns) {
                case 0 -> wikitext.article(rng, s, title, chars);
                case 1 -> wikitext.talk(rng, s, pickUsers(rng), chars);
                case 2 -> js ? wikitext.userScript(rng, chars) : wikitext.userPage(rng, s, chars);
                case 4 -> wikitext.projectPage(rng, s, title, chars);
                case 10 -> wikitext.template(rng, s, chars);
                default -> wikitext.category(rng, s, chars);
            };
        }

        private String[] pickUsers(SplittableRandom rng) {
            String[] users = new String[2 + rng.nextInt(6)];
            for (int i = 0; i < users.length; i++) {
                users[i] = userNames[userIndex(rng)];
            }
            return users;
        }

        private void revision(SplittableRandom rng, long id, long parentId, long time, Contributor who, boolean minor,
                              String comment, long origin, boolean js, String text) throws IOException {
            x.raw("    <revision>\n      <id>").number(id).raw("</id>\n");
            if (parentId > 0) {
                x.raw("      <parentid>").number(parentId).raw("</parentid>\n");
            }
            x.raw("      <timestamp>").raw(Instant.ofEpochSecond(time).toString()).raw("</timestamp>\n");
            if (who.deleted) {
                x.raw("      <contributor deleted=\"deleted\" />\n");
            } else if (who.ip) {
                x.raw("      <contributor>\n        <ip>").text(who.name).raw("</ip>\n      </contributor>\n");
            } else {
                x.raw("      <contributor>\n        <username>").text(who.name).raw("</username>\n        <id>")
                        .number(who.id).raw("</id>\n      </contributor>\n");
            }
            if (minor) {
                x.raw("      <minor />\n");
            }
            if (mode == Mode.HISTORY && rng.nextInt(300) == 0) {
                x.raw("      <comment deleted=\"deleted\" />\n");
            } else if (comment != null && !comment.isEmpty()) {
                x.raw("      <comment>").text(comment).raw("</comment>\n");
            }
            x.raw("      <origin>").number(origin).raw("</origin>\n");
            x.raw(js ? "      <model>javascript</model>\n      <format>text/javascript</format>\n"
                    : "      <model>wikitext</model>\n      <format>text/x-wiki</format>\n");
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            String sha1 = Sha1Base36.of(utf8);
            x.raw("      <text bytes=\"").number(utf8.length).raw("\" sha1=\"").raw(sha1);
            if (mode == Mode.HISTORY && rng.nextInt(1000) == 0) {
                // suppressed text: size and hash stay, the content and the revision hash go
                x.raw("\" deleted=\"deleted\" />\n      <sha1 />\n");
            } else if (utf8.length == 0) {
                x.raw("\" />\n      <sha1>").raw(sha1).raw("</sha1>\n");
            } else {
                x.raw("\" xml:space=\"preserve\">").text(utf8).raw("</text>\n      <sha1>").raw(sha1).raw("</sha1>\n");
            }
            x.raw("    </revision>\n");
        }

        private Contributor contributor(SplittableRandom rng) {
            int r = rng.nextInt(1000);
            if (mode == Mode.HISTORY && r < 3) {
                return new Contributor(null, 0, false, true);
            }
            if (mode == Mode.HISTORY && r < 5) {
                return new Contributor("imported>" + userNames[userIndex(rng)], 0, false, false);
            }
            if (r < (mode == Mode.HISTORY ? 185 : 100)) {
                return new Contributor(ip(rng), 0, true, false);
            }
            return registered(rng);
        }

        private Contributor registered(SplittableRandom rng) {
            int u = userIndex(rng);
            return new Contributor(userNames[u], userIds[u], false, false);
        }

        private int userIndex(SplittableRandom rng) {
            double u = rng.nextDouble();
            int lo = 0;
            int hi = userCumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (userCumulative[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    private record Contributor(String name, long id, boolean ip, boolean deleted) {
    }

    private static String ip(SplittableRandom rng) {
        if (rng.nextInt(10) == 0) {
            // MediaWiki stores IPv6 editors upper-cased, without zero compression
            StringBuilder sb = new StringBuilder("2001:DB8");
            for (int i = 0; i < 6; i++) {
                sb.append(':').append(Integer.toHexString(rng.nextInt(0x10000)).toUpperCase(Locale.ROOT));
            }
            return sb.toString();
        }
        return (1 + rng.nextInt(223)) + "." + rng.nextInt(256) + "." + rng.nextInt(256) + "." + rng.nextInt(256);
    }

    private String summary(SplittableRandom rng, EditKind kind, Script s) {
        String section = "/* " + wikitext.phrase(rng, s, 3) + " */ ";
        return switch (kind) {
            case ADD -> switch (rng.nextInt(5)) {
                case 0 -> section + "expanded";
                case 1 -> "+ref";
                case 2 -> section + wikitext.phrase(rng, s, 4);
                case 3 -> "Added [[" + wikitext.phrase(rng, s, 2) + "]] & sources";
                default -> "expand";
            };
            case COPYEDIT -> switch (rng.nextInt(6)) {
                case 0 -> "copyedit";
                case 1 -> "typo";
                case 2 -> section + "fix \"" + lexicons[s.ordinal()].word(rng) + "\"";
                case 3 -> "ce";
                case 4 -> "[[WP:AWB/T|Typo fixing]], replaced: " + lexicons[s.ordinal()].word(rng) + " → "
                        + lexicons[s.ordinal()].word(rng);
                default -> wikitext.phrase(rng, s, 5);
            };
            case REMOVE -> rng.nextBoolean() ? section + "rm unsourced" : "removed <nowiki>spam</nowiki> link";
            case CATEGORY -> "[[WP:HC|HotCat]]: added [[Category:" + wikitext.phrase(rng, s, 2) + "]]";
            case VANDALISM -> "";
        };
    }

    /** MediaWiki's automatic summary for a new page ({@code autosumm-new}). */
    private static String creationSummary(String text) {
        String flat = text.replace('\n', ' ');
        int cut = flat.length();
        if (flat.codePointCount(0, flat.length()) > 150) {
            cut = flat.offsetByCodePoints(0, 150);
        }
        return "Created page with \"" + flat.substring(0, cut) + (cut < flat.length() ? "..." : "") + "\"";
    }

    private static double logNormal(SplittableRandom rng, double median, double sigma) {
        return median * Math.exp(sigma * gaussian(rng));
    }

    /** Box-Muller; {@code SplittableRandom} has no Gaussian of its own in Java 17. */
    private static double gaussian(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    // ------------------------------------------------------------------------------ CLI

    /**
     * Command line: {@code SyntheticDump --size 200MB --mode history|articles --seed 1 --out FILE}.
     * See {@link #usage()} for all options.
     */
    public static void main(String[] args) {
        try {
            System.exit(run(args, System.err));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("error: " + e);
            System.exit(1);
        }
    }

    /** The CLI's help text. */
    public static String usage() {
        return """
                usage: SyntheticDump [--size SIZE] [--pages N] [--mode history|articles] [--seed N]
                                     [--median-revisions N] [--max-revisions N] [--history-fraction F]
                                     [--java-compression] --out FILE|-
                  --size SIZE             stop at about this much uncompressed XML: 1500, 64KB, 200MB, 20GB
                                          (powers of 1000), 64KiB, 200MiB, 20GiB (powers of 1024)
                  --pages N               stop after N pages (at least one of --size and --pages)
                  --mode MODE             history (default: every revision) or articles (one per page)
                  --seed N                random seed (default 1); same options give identical bytes
                  --median-revisions N    history mode: median revisions per page (default 20)
                  --max-revisions N       history mode: at most N revisions per page (default 2000)
                  --history-fraction F    articles mode: fraction of pages with 3-10 revisions (default 0)
                  --out FILE              .bz2, .gz and .zst are compressed, anything else is plain XML;
                                          '-' writes plain XML to standard output
                  --java-compression      compress in Java even if bzip2 / zstd programs are on the PATH
                """;
    }

    /**
     * Runs the CLI with the given arguments, logging a summary to {@code log}; returns the exit
     * status.
     *
     * @throws IllegalArgumentException for bad arguments
     */
    public static int run(String[] args, PrintStream log) throws IOException {
        Builder b = builder();
        String out = null;
        boolean javaOnly = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--size" -> b.targetBytes(parseSize(value(args, ++i, a)));
                case "--pages" -> b.pages(Long.parseLong(value(args, ++i, a)));
                case "--mode" -> b.mode(switch (value(args, ++i, a).toLowerCase(Locale.ROOT)) {
                    case "history" -> Mode.HISTORY;
                    case "articles" -> Mode.ARTICLES;
                    default -> throw new IllegalArgumentException("--mode must be history or articles");
                });
                case "--seed" -> b.seed(Long.parseLong(value(args, ++i, a)));
                case "--median-revisions" -> b.medianRevisions(Integer.parseInt(value(args, ++i, a)));
                case "--max-revisions" -> b.maxRevisions(Integer.parseInt(value(args, ++i, a)));
                case "--history-fraction" -> b.historyFraction(Double.parseDouble(value(args, ++i, a)));
                case "--out" -> out = value(args, ++i, a);
                case "--java-compression" -> javaOnly = true;
                case "-h", "--help" -> {
                    System.out.print(usage());
                    return 0;
                }
                default -> throw new IllegalArgumentException("unknown argument: " + a);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out is required");
        }
        if (b.pages == 0 && b.targetBytes == 0) {
            throw new IllegalArgumentException("give --size or --pages");
        }
        SyntheticDump dump = b.build();
        long start = System.nanoTime();
        if (out.equals("-")) {
            Summary s = dump.write(System.out);
            log.printf(Locale.ROOT, "%,d pages, %,d revisions, %,d bytes of XML%n", s.pages, s.revisions, s.bytes);
            return 0;
        }
        Path target = Path.of(out).toAbsolutePath();
        Files.createDirectories(target.getParent());
        // a partial file never appears under the final name (benchmarks generate their input when it is absent)
        Path part = target.resolveSibling(target.getFileName() + ".part");
        String how;
        Summary s;
        try {
            Compressor c = Compressor.of(target.getFileName().toString(), javaOnly);
            how = c.description;
            try (OutputStream os = c.open(part)) {
                s = dump.write(os);
            }
            c.finish();
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        log.printf(Locale.ROOT, "%s: %,d pages, %,d revisions, %,d bytes of XML (%s), %,d bytes on disk, %.1f s%n",
                out, s.pages, s.revisions, s.bytes, how, Files.size(target), secs);
        return 0;
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    /** Parses {@code 1500}, {@code 64KB}, {@code 200MB}, {@code 20GB}, {@code 64KiB}, {@code 200MiB}, {@code 1.5GiB}. */
    public static long parseSize(String s) {
        Objects.requireNonNull(s, "s is null");
        String t = s.trim().toUpperCase(Locale.ROOT);
        int end = 0;
        while (end < t.length() && (Character.isDigit(t.charAt(end)) || t.charAt(end) == '.')) {
            end++;
        }
        if (end == 0) {
            throw new IllegalArgumentException("not a size: " + s);
        }
        double n = Double.parseDouble(t.substring(0, end));
        String unit = t.substring(end).trim();
        double mult = switch (unit) {
            case "", "B" -> 1;
            case "K", "KB" -> 1e3;
            case "M", "MB" -> 1e6;
            case "G", "GB" -> 1e9;
            case "T", "TB" -> 1e12;
            case "KIB" -> 1L << 10;
            case "MIB" -> 1L << 20;
            case "GIB" -> 1L << 30;
            case "TIB" -> 1L << 40;
            default -> throw new IllegalArgumentException("unknown size unit in " + s);
        };
        return (long) (n * mult);
    }

    /** Output compression chosen from the file name. */
    private static final class Compressor {
        private final String kind;
        private final List<String> command;
        private final String description;
        private Process process;

        private Compressor(String kind, List<String> command, String description) {
            this.kind = kind;
            this.command = command;
            this.description = description;
        }

        static Compressor of(String fileName, boolean javaOnly) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".bz2")) {
                // the bzip2 program is several times faster than the pure-Java compressor
                String exe = javaOnly ? null : onPath("bzip2");
                return exe != null ? new Compressor("bz2", List.of(exe, "-c", "-9"), "compressed by bzip2 -9")
                        : new Compressor("bz2", null, "compressed by commons-compress bzip2");
            }
            if (lower.endsWith(".zst")) {
                String exe = javaOnly ? null : onPath("zstd");
                return exe != null ? new Compressor("zst", List.of(exe, "-q", "-c", "-3"), "compressed by zstd -3")
                        : new Compressor("zst", null, "compressed by zstd-jni");
            }
            if (lower.endsWith(".gz")) {
                return new Compressor("gz", null, "compressed by java.util.zip");
            }
            return new Compressor("", null, "uncompressed");
        }

        OutputStream open(Path file) throws IOException {
            if (command != null) {
                process = new ProcessBuilder(command).redirectOutput(file.toFile())
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                return new BufferedOutputStream(process.getOutputStream(), 1 << 16);
            }
            OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            return switch (kind) {
                case "bz2" -> new BZip2CompressorOutputStream(os, 9);
                case "zst" -> ZstdCompressorOutputStream.builder().setOutputStream(os).setLevel(3).get();
                case "gz" -> new GZIPOutputStream(os, 1 << 16);
                default -> os;
            };
        }

        void finish() throws IOException {
            if (process != null) {
                try {
                    int rc = process.waitFor();
                    if (rc != 0) {
                        throw new IOException(command.get(0) + " exited with status " + rc);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for " + command.get(0), e);
                }
            }
        }

        private static String onPath(String name) {
            String path = System.getenv("PATH");
            if (path == null) {
                return null;
            }
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
            return null;
        }
    }
}
