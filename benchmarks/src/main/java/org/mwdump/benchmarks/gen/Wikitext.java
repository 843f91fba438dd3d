package org.mwdump.benchmarks.gen;

import java.util.Objects;
import java.util.SplittableRandom;

import org.mwdump.benchmarks.gen.Lexicon.Script;

/**
 * Makes up wikitext: paragraphs with links, templates, references, tables, lists, headings and
 * HTML entities, in the proportions of encyclopedic pages, talk pages, templates and so on; and the
 * small edits that turn one revision into the next.
 *
 * <p>All output is NFC, has no {@code \r} and no characters that XML 1.0 forbids. Cuts made by the
 * edit operations fall on spaces or line breaks, so a surrogate pair is never split.
 */
public final class Wikitext {
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    private static final String[] INFOBOX_KEYS = {"name", "image", "caption", "native_name", "population",
        "area_km2", "elevation_m", "established", "leader_name", "website", "coordinates", "country", "genre",
        "birth_date", "occupation", "years_active", "label", "released"};
    private static final String[] VANDALISM = {"lol", "HAHAHA this is so dumb", "poop", "hi my name is jeff!!!!",
        "<b>u suck</b>", "asdfghjkl", "THIS PAGE IS WRONG"};

    private final Lexicon[] lexicons;

    /**
     * Creates a generator over one lexicon per script, indexed by {@link Script#ordinal()}.
     */
    public Wikitext(Lexicon[] lexicons) {
        Objects.requireNonNull(lexicons, "lexicons is null");
        if (lexicons.length != Script.values().length) {
            throw new IllegalArgumentException("need one lexicon per script");
        }
        this.lexicons = lexicons.clone();
    }

    private Lexicon lex(Script s) {
        return lexicons[s.ordinal()];
    }

    // ---------------------------------------------------------------- running text

    /** A title-like phrase of one to three capitalized words. */
    public String phrase(SplittableRandom rng, Script s, int maxWords) {
        Lexicon lex = lex(s);
        int n = 1 + rng.nextInt(maxWords);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0 && s != Script.CJK) {
                sb.append(' ');
            }
            String w = lex.word(rng);
            sb.append(i == 0 || rng.nextInt(3) == 0 ? Lexicon.capitalize(w) : w);
        }
        return sb.toString();
    }

    private void number(StringBuilder sb, SplittableRandom rng) {
        switch (rng.nextInt(8)) {
            case 0 -> sb.append(1000 + rng.nextInt(1025)).append("&ndash;").append(1000 + rng.nextInt(1025));
            case 1 -> sb.append(1 + rng.nextInt(999)).append("&nbsp;km");
            case 2 -> sb.append("{{convert|").append(1 + rng.nextInt(500)).append("|km|mi}}");
            case 3 -> sb.append(rng.nextInt(100)).append('.').append(rng.nextInt(10)).append("%");
            case 4 -> sb.append(String.format(java.util.Locale.ROOT, "%,d", rng.nextInt(10_000_000)));
            default -> sb.append(1500 + rng.nextInt(525));
        }
    }

    private void date(StringBuilder sb, SplittableRandom rng) {
        sb.append(1 + rng.nextInt(28)).append(' ').append(MONTHS[rng.nextInt(12)]).append(' ')
                .append(1800 + rng.nextInt(225));
    }

    private void isoDate(StringBuilder sb, SplittableRandom rng) {
        sb.append(2000 + rng.nextInt(25)).append('-');
        int m = 1 + rng.nextInt(12);
        int d = 1 + rng.nextInt(28);
        sb.append(m < 10 ? "0" : "").append(m).append('-').append(d < 10 ? "0" : "").append(d);
    }

    private void reference(StringBuilder sb, SplittableRandom rng, Script s) {
        switch (rng.nextInt(6)) {
            case 0, 1, 2 -> {
                sb.append("<ref>{{cite web |url=https://www.example.org/").append(lex(Script.LATIN).word(rng))
                        .append('/').append(rng.nextInt(100_000)).append(" |title=").append(phrase(rng, s, 5))
                        .append(" |website=").append(phrase(rng, Script.LATIN, 2)).append(" |access-date=");
                isoDate(sb, rng);
                sb.append("}}</ref>");
            }
            case 3 -> {
                sb.append("<ref>").append(phrase(rng, s, 2)).append(", ''").append(phrase(rng, s, 4))
                        .append("''. ").append(phrase(rng, Script.LATIN, 2)).append(", ").append(1900 + rng.nextInt(125))
                        .append(". p.&nbsp;").append(1 + rng.nextInt(600)).append(".</ref>");
            }
            case 4 -> sb.append("<ref name=\"").append(lex(Script.LATIN).word(rng)).append(rng.nextInt(100))
                    .append("\" />");
            default -> {
                sb.append("<ref name=\"").append(lex(Script.LATIN).word(rng)).append("\">{{cite book |last=")
                        .append(Lexicon.capitalize(lex(s).word(rng))).append(" |first=")
                        .append(Lexicon.capitalize(lex(s).word(rng))).append(" |title=").append(phrase(rng, s, 4))
                        .append(" |publisher=").append(phrase(rng, s, 2)).append(" |year=")
                        .append(1950 + rng.nextInt(75)).append(" |isbn=978-").append(rng.nextInt(10))
                        .append('-').append(100_000 + rng.nextInt(900_000)).append("}}</ref>");
            }
        }
    }

    /** One sentence with inline markup. */
    public void sentence(StringBuilder sb, SplittableRandom rng, Script s) {
        Lexicon lex = lex(s);
        boolean spaces = s != Script.CJK;
        int n = 5 + rng.nextInt(22);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                if (spaces) {
                    sb.append(' ');
                } else if (rng.nextInt(8) == 0) {
                    sb.append('、');
                }
            }
            int r = rng.nextInt(1000);
            String w = lex.word(rng);
            if (i == 0) {
                w = Lexicon.capitalize(w);
            }
            if (r < 90) {
                sb.append("[[").append(Lexicon.capitalize(w)).append(spaces ? " " : "").append(lex.word(rng));
                if (r < 25) {
                    sb.append('|').append(w);
                }
                sb.append("]]");
            } else if (r < 105) {
                sb.append("'''").append(w).append("'''");
            } else if (r < 125) {
                sb.append("''").append(w).append("''");
            } else if (r < 160) {
                number(sb, rng);
            } else if (r < 165) {
                date(sb, rng);
            } else if (r < 172) {
                sb.append('"').append(w).append(spaces ? " " : "").append(lex.word(rng)).append('"');
            } else if (r < 175) {
                sb.append("{{lang|el|").append(lex(Script.GREEK).word(rng)).append("}}");
            } else if (r < 177) {
                sb.append(w).append(" &amp; ").append(lex.word(rng));
            } else if (r < 179) {
                sb.append(w).append(Lexicon.astral(rng));
            } else if (r < 181) {
                sb.append(w).append("<br />");
            } else if (r < 183) {
                sb.append("{{nowrap|").append(w).append("}}");
            } else if (r < 184) {
                sb.append("<!-- ").append(lex(Script.LATIN).word(rng)).append(" -->");
            } else if (r < 186) {
                sb.append(w).append(" (").append(lex(Script.values()[rng.nextInt(4)]).word(rng)).append(')');
            } else {
                sb.append(w);
            }
            if (spaces && rng.nextInt(12) == 0 && i < n - 1) {
                sb.append(',');
            }
        }
        sb.append(spaces ? "." : "。");
        if (rng.nextInt(7) == 0) {
            reference(sb, rng, s);
        }
    }

    /** A paragraph of a few sentences (no trailing newline). */
    public void paragraph(StringBuilder sb, SplittableRandom rng, Script s) {
        int n = 2 + rng.nextInt(7);
        for (int i = 0; i < n; i++) {
            if (i > 0 && s != Script.CJK) {
                sb.append(' ');
            }
            sentence(sb, rng, s);
        }
    }

    private void list(StringBuilder sb, SplittableRandom rng, Script s) {
        int n = 3 + rng.nextInt(10);
        char bullet = rng.nextInt(4) == 0 ? '#' : '*';
        for (int i = 0; i < n; i++) {
            sb.append(bullet).append(' ');
            if (rng.nextBoolean()) {
                sb.append("[[").append(phrase(rng, s, 3)).append("]]");
                if (rng.nextBoolean()) {
                    sb.append(" (").append(1900 + rng.nextInt(125)).append(')');
                }
            } else {
                sentence(sb, rng, s);
            }
            sb.append('\n');
        }
    }

    private void table(StringBuilder sb, SplittableRandom rng, Script s) {
        int cols = 2 + rng.nextInt(4);
        int rows = 2 + rng.nextInt(15);
        sb.append("{| class=\"wikitable sortable\" style=\"text-align:center; width:")
                .append(50 + rng.nextInt(51)).append("%;\"\n|+ ").append(phrase(rng, s, 4)).append("\n|-\n");
        for (int c = 0; c < cols; c++) {
            sb.append(c == 0 ? "! " : " !! ").append(phrase(rng, s, 2));
        }
        sb.append('\n');
        for (int r = 0; r < rows; r++) {
            sb.append("|-\n");
            for (int c = 0; c < cols; c++) {
                sb.append(c == 0 ? "| " : " || ");
                switch (rng.nextInt(4)) {
                    case 0 -> sb.append("[[").append(phrase(rng, s, 2)).append("]]");
                    case 1 -> sb.append(rng.nextInt(100_000));
                    case 2 -> sb.append("{{flagicon|").append(Lexicon.capitalize(lex(Script.LATIN).word(rng)))
                            .append("}}");
                    default -> sb.append(lex(s).word(rng));
                }
            }
            sb.append('\n');
        }
        sb.append("|}");
    }

    private void infobox(StringBuilder sb, SplittableRandom rng, Script s, String title) {
        sb.append("{{Infobox ").append(lex(Script.LATIN).word(rng)).append('\n');
        sb.append("| name = ").append(title).append('\n');
        int n = 4 + rng.nextInt(12);
        for (int i = 0; i < n; i++) {
            String key = INFOBOX_KEYS[rng.nextInt(INFOBOX_KEYS.length)];
            sb.append("| ").append(key).append(" = ");
            switch (rng.nextInt(5)) {
                case 0 -> sb.append(rng.nextInt(1_000_000));
                case 1 -> sb.append("[[File:").append(phrase(rng, s, 2)).append(".jpg|250px]]");
                case 2 -> sb.append("{{coord|").append(rng.nextInt(90)).append('|').append(rng.nextInt(60))
                        .append("|N|").append(rng.nextInt(180)).append('|').append(rng.nextInt(60)).append("|E}}");
                case 3 -> sb.append("[[").append(phrase(rng, s, 2)).append("]]");
                default -> sb.append(phrase(rng, s, 3));
            }
            sb.append('\n');
        }
        sb.append("}}\n");
    }

    private void section(StringBuilder sb, SplittableRandom rng, Script s) {
        sb.append("\n\n== ").append(phrase(rng, s, 3)).append(" ==\n");
        int blocks = 1 + rng.nextInt(5);
        for (int i = 0; i < blocks; i++) {
            if (i > 0) {
                sb.append("\n\n");
            }
            int r = rng.nextInt(20);
            if (r < 13) {
                paragraph(sb, rng, s);
            } else if (r < 15) {
                list(sb, rng, s);
                sb.setLength(sb.length() - 1);
            } else if (r < 17) {
                table(sb, rng, s);
            } else if (r < 19) {
                sb.append("=== ").append(phrase(rng, s, 3)).append(" ===\n");
                paragraph(sb, rng, s);
            } else {
                sb.append("[[File:").append(phrase(rng, s, 2)).append(".jpg|thumb|")
                        .append(rng.nextBoolean() ? "left|" : "").append(phrase(rng, s, 5)).append("]]\n");
                paragraph(sb, rng, s);
            }
        }
    }

    private void categories(StringBuilder sb, SplittableRandom rng, Script s) {
        int n = 1 + rng.nextInt(5);
        for (int i = 0; i < n; i++) {
            sb.append("\n[[Category:").append(phrase(rng, s, 3)).append("]]");
        }
    }

    // ---------------------------------------------------------------- whole pages

    /** An encyclopedic article of about {@code chars} characters. */
    public String article(SplittableRandom rng, Script s, String title, int chars) {
        StringBuilder sb = new StringBuilder(chars + 2048);
        if (rng.nextInt(10) == 0) {
            sb.append("{{Short description|").append(phrase(rng, s, 5)).append("}}\n");
        }
        if (rng.nextInt(10) == 0) {
            sb.append("{{About|").append(phrase(rng, s, 3)).append("|the ").append(lex(Script.LATIN).word(rng))
                    .append("|").append(title).append(" (disambiguation)}}\n");
        }
        if (chars > 1500 && rng.nextInt(5) < 2) {
            infobox(sb, rng, s, title);
        }
        sb.append("'''").append(title).append("''' ");
        paragraph(sb, rng, s);
        while (sb.length() < chars) {
            section(sb, rng, s);
        }
        if (chars > 800) {
            sb.append("\n\n== References ==\n{{Reflist}}\n\n== External links ==\n* [https://www.example.org/")
                    .append(lex(Script.LATIN).word(rng)).append(" Official website]");
            if (rng.nextBoolean()) {
                sb.append("\n\n{{Authority control}}");
            }
        } else if (rng.nextBoolean()) {
            sb.append("\n\n{{Stub}}");
        }
        if (rng.nextInt(4) == 0) {
            sb.append("\n\n{{DEFAULTSORT:").append(title).append("}}");
        }
        sb.append('\n');
        categories(sb, rng, s);
        return sb.toString();
    }

    /** A signature as {@code ~~~~} expands to. */
    public void signature(StringBuilder sb, SplittableRandom rng, String user) {
        sb.append("[[User:").append(user).append('|').append(user).append("]] ([[User talk:").append(user)
                .append("|talk]]) ").append(rng.nextInt(24)).append(':');
        int m = rng.nextInt(60);
        sb.append(m < 10 ? "0" : "").append(m).append(", ");
        date(sb, rng);
        sb.append(" (UTC)");
    }

    /** A discussion page. */
    public String talk(SplittableRandom rng, Script s, String[] users, int chars) {
        StringBuilder sb = new StringBuilder(chars + 1024);
        sb.append("{{Talk header}}\n{{WikiProject banner shell|class=").append("BCS".charAt(rng.nextInt(3)))
                .append("|\n{{WikiProject ").append(phrase(rng, Script.LATIN, 2)).append("|importance=low}}\n}}");
        while (sb.length() < chars) {
            sb.append("\n\n== ").append(phrase(rng, s, 4)).append(" ==\n");
            int replies = 1 + rng.nextInt(6);
            for (int i = 0; i < replies; i++) {
                if (i > 0) {
                    sb.append('\n').append(":".repeat(Math.min(i, 4))).append(' ');
                }
                int n = 1 + rng.nextInt(4);
                for (int j = 0; j < n; j++) {
                    sentence(sb, rng, s);
                    sb.append(' ');
                }
                signature(sb, rng, users[rng.nextInt(users.length)]);
            }
        }
        return sb.toString();
    }

    /** A user page. */
    public String userPage(SplittableRandom rng, Script s, int chars) {
        StringBuilder sb = new StringBuilder(chars + 512);
        sb.append("{{Babel|en|").append(s == Script.GREEK ? "el" : s == Script.CJK ? "zh-3|ja-1" : "de-2|fr-1")
                .append("}}\n{{Userbox|border-c=#aaa|id=").append(lex(Script.LATIN).word(rng))
                .append("|info=").append(phrase(rng, s, 4)).append("}}\n");
        while (sb.length() < chars) {
            sb.append('\n');
            if (rng.nextBoolean()) {
                list(sb, rng, s);
            } else {
                paragraph(sb, rng, s);
                sb.append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }

    /** A user script ({@code User:X/common.js}). */
    public String userScript(SplittableRandom rng, int chars) {
        StringBuilder sb = new StringBuilder(chars + 256);
        sb.append("// [[User:").append(Lexicon.capitalize(lex(Script.LATIN).word(rng))).append("/common.js]]\n");
        while (sb.length() < chars) {
            String w = lex(Script.LATIN).word(rng);
            switch (rng.nextInt(4)) {
                case 0 -> sb.append("importScript('User:").append(Lexicon.capitalize(w)).append("/").append(w)
                        .append(".js'); // ").append(phrase(rng, Script.LATIN, 3)).append('\n');
                case 1 -> sb.append("mw.loader.load(\"https://www.example.org/w/index.php?title=").append(w)
                        .append("&action=raw&ctype=text/javascript\");\n");
                case 2 -> sb.append("if (mw.config.get('wgNamespaceNumber') === ").append(rng.nextInt(16))
                        .append(" && x < ").append(rng.nextInt(100)).append(") {\n    ").append(w)
                        .append("();\n}\n");
                default -> sb.append("var ").append(w).append(" = ").append(rng.nextInt(1000)).append(";\n");
            }
        }
        return sb.toString();
    }

    /** A project page (policies, help). */
    public String projectPage(SplittableRandom rng, Script s, String title, int chars) {
        StringBuilder sb = new StringBuilder(chars + 1024);
        sb.append("{{Shortcut|WP:").append(lex(Script.LATIN).word(rng).toUpperCase(java.util.Locale.ROOT))
                .append("}}\n{{Policy|").append(phrase(rng, s, 3)).append("}}\n");
        sb.append("This page describes ''").append(title).append("''. ");
        paragraph(sb, rng, s);
        while (sb.length() < chars) {
            section(sb, rng, s);
            if (rng.nextBoolean()) {
                sb.append("\n\n");
                list(sb, rng, s);
                sb.setLength(sb.length() - 1);
            }
        }
        sb.append("\n\n[[Category:Wikipedia ").append(lex(Script.LATIN).word(rng)).append("]]");
        return sb.toString();
    }

    /** A template with parameters, parser functions and a documentation section. */
    public String template(SplittableRandom rng, Script s, int chars) {
        StringBuilder sb = new StringBuilder(chars + 512);
        sb.append("<includeonly>{| class=\"infobox\" style=\"width:22em; font-size:90%;\"\n|+ {{{title|{{PAGENAME}}}}}\n");
        while (sb.length() < chars) {
            String p = lex(Script.LATIN).word(rng);
            sb.append("|-\n");
            switch (rng.nextInt(3)) {
                case 0 -> sb.append("{{#if:{{{").append(p).append("|}}}|\n! ").append(phrase(rng, s, 2))
                        .append("\n{{!}} {{{").append(p).append("}}}\n}}\n");
                case 1 -> sb.append("| colspan=\"2\" | [[File:{{{image|").append(p)
                        .append(".svg}}}|{{{image_size|220px}}}|alt={{{alt|}}}]]\n");
                default -> sb.append("! ").append(phrase(rng, s, 2)).append("\n| {{{").append(p).append("|")
                        .append(rng.nextInt(100)).append("}}}&nbsp;<small>(").append(lex(s).word(rng))
                        .append(")</small>\n");
            }
        }
        sb.append("|}</includeonly><noinclude>\n{{Documentation}}\n[[Category:").append(phrase(rng, s, 2))
                .append(" templates]]\n</noinclude>");
        return sb.toString();
    }

    /** A category description page (usually short). */
    public String category(SplittableRandom rng, Script s, int chars) {
        StringBuilder sb = new StringBuilder(chars + 256);
        if (rng.nextBoolean()) {
            sb.append("{{Commons category|").append(phrase(rng, s, 2)).append("}}\n");
        }
        sentence(sb, rng, s);
        while (sb.length() < chars) {
            sb.append("\n\n");
            paragraph(sb, rng, s);
        }
        sb.append('\n');
        categories(sb, rng, s);
        return sb.toString();
    }

    /** A redirect to {@code target}, sometimes with redirect categories. */
    public String redirect(SplittableRandom rng, String target) {
        String head = (rng.nextInt(5) == 0 ? "#redirect [[" : "#REDIRECT [[") + target + "]]";
        return switch (rng.nextInt(4)) {
            case 0 -> head + "\n\n{{R from move}}";
            case 1 -> head + "\n\n{{Redirect category shell|\n{{R from alternative name}}\n{{R unprintworthy}}\n}}";
            default -> head;
        };
    }

    // ---------------------------------------------------------------- edits

    /** What an edit did, so that the next revision can undo it and comments can describe it. */
    public enum EditKind {
        /** Added text. */
        ADD,
        /** Reworded a few words. */
        COPYEDIT,
        /** Removed a block. */
        REMOVE,
        /** Added a category. */
        CATEGORY,
        /** Vandalized the page ({@link #vandalize}). */
        VANDALISM
    }

    /**
     * Applies one good-faith edit to {@code text}, growing it by about {@code growth} characters when
     * growth is positive.
     */
    public EditKind edit(StringBuilder text, SplittableRandom rng, Script s, int growth) {
        int r = rng.nextInt(100);
        if (growth > 0 ? r < 65 : r < 25) {
            StringBuilder add = new StringBuilder(Math.max(16, growth) + 256);
            int want = Math.max(20, growth);
            if (want > 1500 && rng.nextBoolean()) {
                while (add.length() < want) {
                    section(add, rng, s);
                }
                insertAt(text, lineBreak(text, rng), add.toString());
            } else {
                add.append("\n\n");
                while (add.length() < want) {
                    if (add.length() > 2) {
                        add.append(' ');
                    }
                    sentence(add, rng, s);
                }
                if (rng.nextInt(3) == 0 || text.length() == 0) {
                    // extend an existing paragraph rather than adding one
                    int at = space(text, rng);
                    insertAt(text, at, add.substring(2));
                    if (at >= 0) {
                        text.insert(at, ' ');
                    }
                } else {
                    insertAt(text, lineBreak(text, rng), add.toString());
                }
            }
            return EditKind.ADD;
        }
        if (r < 80 || text.length() < 200) {
            copyedit(text, rng, s);
            return EditKind.COPYEDIT;
        }
        if (r < 90) {
            int start = lineBreak(text, rng);
            if (start >= 0) {
                int limit = Math.min(text.length(), start + Math.max(50, Math.min(3000, text.length() / 15)));
                int end = text.lastIndexOf("\n", limit);
                if (end > start) {
                    text.delete(start, end);
                    return EditKind.REMOVE;
                }
            }
            copyedit(text, rng, s);
            return EditKind.COPYEDIT;
        }
        text.append("\n[[Category:").append(phrase(rng, s, 3)).append("]]");
        return EditKind.CATEGORY;
    }

    /** Damages the page the way vandals do: blanking, replacing, or inserting junk. */
    public void vandalize(StringBuilder text, SplittableRandom rng) {
        String junk = VANDALISM[rng.nextInt(VANDALISM.length)];
        switch (rng.nextInt(4)) {
            case 0 -> text.setLength(0);
            case 1 -> {
                text.setLength(0);
                text.append(junk);
            }
            default -> {
                int at = space(text, rng);
                insertAt(text, at, " " + junk + " ");
            }
        }
    }

    private void copyedit(StringBuilder text, SplittableRandom rng, Script s) {
        int start = space(text, rng);
        if (start < 0) {
            text.append(' ').append(lex(s).word(rng));
            return;
        }
        int end = start;
        int words = 1 + rng.nextInt(4);
        for (int i = 0; i < words; i++) {
            int next = text.indexOf(" ", end + 1);
            int nl = text.indexOf("\n", end + 1);
            if (next < 0 || (nl >= 0 && nl < next)) {
                break;
            }
            end = next;
        }
        StringBuilder repl = new StringBuilder(" ");
        int n = 1 + rng.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                repl.append(' ');
            }
            repl.append(lex(s).word(rng));
        }
        if (end > start) {
            text.replace(start, end, repl.toString());
        } else {
            text.insert(start, repl);
        }
    }

    private static void insertAt(StringBuilder text, int at, String s) {
        if (at < 0) {
            text.append(s);
        } else {
            text.insert(at, s);
        }
    }

    /** The index of a line break at or after a random point, or -1. */
    private static int lineBreak(StringBuilder text, SplittableRandom rng) {
        if (text.length() == 0) {
            return -1;
        }
        return text.indexOf("\n", rng.nextInt(text.length()));
    }

    /** The index of a space at or after a random point, or -1. */
    private static int space(StringBuilder text, SplittableRandom rng) {
        if (text.length() == 0) {
            return -1;
        }
        return text.indexOf(" ", rng.nextInt(text.length()));
    }
}
