package org.mwdump.model;

import java.util.Locale;
import java.util.Map;

/**
 * Page titles as MediaWiki reads what a user types: underscores and spaces are the same and runs of
 * them count as one, leading and trailing ones are ignored (so is a leading colon), a namespace prefix
 * is recognised whatever its case, by the wiki's local name or by MediaWiki's canonical English name
 * ({@code Project:}, {@code Talk:}, {@code Image:} for {@code File:}, …), and the first letter after it
 * is upper-cased when the namespace's case rule is {@code first-letter}.
 *
 * <p>{@code normalize("wiktionary:foo_bar ", site)} is {@code "Wiktionary:Foo bar"} on a wiki whose
 * project namespace is called Wiktionary and capitalises its first letter. Titles in a dump are already
 * in this form, so a normalized title is what to look up. Without site info (no namespaces, no case
 * rule) only the white space is normalized.
 */
public final class Titles {
    /** MediaWiki's canonical namespace names, valid on every wiki that has the namespace. */
    private static final Map<String, Integer> CANONICAL = Map.ofEntries(
            Map.entry("media", -2), Map.entry("special", -1), Map.entry("talk", 1), Map.entry("user", 2),
            Map.entry("user talk", 3), Map.entry("project", 4), Map.entry("project talk", 5), Map.entry("file", 6),
            Map.entry("image", 6), Map.entry("file talk", 7), Map.entry("image talk", 7), Map.entry("mediawiki", 8),
            Map.entry("mediawiki talk", 9), Map.entry("template", 10), Map.entry("template talk", 11),
            Map.entry("help", 12), Map.entry("help talk", 13), Map.entry("category", 14),
            Map.entry("category talk", 15));

    private Titles() {
    }

    /**
     * The title as the wiki of {@code site} spells it; see the class description.
     *
     * @param title a title as a user or a link writes it
     * @param site  the site info giving the namespaces and case rules
     * @return the normalized title
     */
    public static String normalize(String title, SiteInfo site) {
        java.util.Objects.requireNonNull(title, "title is null");
        java.util.Objects.requireNonNull(site, "site is null");
        String t = spaces(title);
        if (t.startsWith(":")) {
            t = spaces(t.substring(1));
        }
        Namespace namespace = null;
        int colon = t.indexOf(':');
        if (colon > 0) {
            namespace = namespaceNamed(t.substring(0, colon).strip(), site);
            if (namespace != null) {
                t = t.substring(colon + 1).strip();
            }
        }
        if (namespace == null) {
            namespace = byKey(0, site);
        }
        CaseRule rule = namespace != null && namespace.caseRule() != null ? namespace.caseRule() : site.caseRule();
        if (rule == CaseRule.FIRST_LETTER && !t.isEmpty()) {
            int first = t.codePointAt(0);
            t = new StringBuilder(t.length()).appendCodePoint(Character.toUpperCase(first))
                    .append(t, Character.charCount(first), t.length()).toString();
        }
        return namespace == null || namespace.key() == 0 || namespace.name().isEmpty() ? t
                : namespace.name() + ":" + t;
    }

    /** Underscores as spaces, runs of white space as one space, none at either end. */
    private static String spaces(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean pending = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pending = b.length() > 0;
            } else {
                if (pending) {
                    b.append(' ');
                    pending = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    private static Namespace namespaceNamed(String prefix, SiteInfo site) {
        String wanted = spaces(prefix);
        for (Namespace n : site.namespaces()) {
            if (n.key() != 0 && !n.name().isEmpty() && spaces(n.name()).equalsIgnoreCase(wanted)) {
                return n;
            }
        }
        Integer key = CANONICAL.get(wanted.toLowerCase(Locale.ROOT));
        return key == null ? null : byKey(key, site);
    }

    private static Namespace byKey(int key, SiteInfo site) {
        for (Namespace n : site.namespaces()) {
            if (n.key() == key) {
                return n;
            }
        }
        return null;
    }
}
