package org.mwdump.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a dump says about itself: the attributes of its {@code <mediawiki>} root and the contents of
 * {@code <siteinfo>}. Every field a dump can lack is {@code null} when absent; a dump without
 * {@code <siteinfo>} yields {@link #present()} {@code false} and no namespaces.
 *
 * @param schemaVersion the root's {@code version} attribute, for example {@code "0.11"}; {@code null} if absent
 * @param language      the root's {@code xml:lang} attribute; {@code null} if absent
 * @param present       whether the dump had a {@code <siteinfo>} element at all
 * @param siteName      {@code <sitename>}
 * @param dbName        {@code <dbname>} (schema 0.9 and later)
 * @param base          {@code <base>}: the URL of the main page
 * @param generator     {@code <generator>}, for example {@code "MediaWiki 1.45.0-wmf.3"}
 * @param caseRule      the wiki-wide {@code <case>}
 * @param namespaces    the namespaces in dump order (never {@code null})
 */
public record SiteInfo(String schemaVersion, String language, boolean present, String siteName, String dbName,
                       String base, String generator, CaseRule caseRule, List<Namespace> namespaces) {

    /** Site info of a dump that has none and no root attributes either. */
    public static final SiteInfo EMPTY = new SiteInfo(null, null, false, null, null, null, null, null, List.of());

    /**
     * Copies the namespaces.
     *
     * @param schemaVersion the root's {@code version} attribute, for example {@code "0.11"}; {@code null} if absent
     * @param language      the root's {@code xml:lang} attribute; {@code null} if absent
     * @param present       whether the dump had a {@code <siteinfo>} element at all
     * @param siteName      {@code <sitename>}
     * @param dbName        {@code <dbname>} (schema 0.9 and later)
     * @param base          {@code <base>}: the URL of the main page
     * @param generator     {@code <generator>}, for example {@code "MediaWiki 1.45.0-wmf.3"}
     * @param caseRule      the wiki-wide {@code <case>}
     * @param namespaces    the namespaces in dump order (never {@code null})
     */
    public SiteInfo {
        namespaces = List.copyOf(Objects.requireNonNull(namespaces, "namespaces is null"));
    }

    /**
     * The namespace with the given key, if the site info lists it.
     *
     * @param key the namespace key
     * @return the namespace, or empty
     */
    public Optional<Namespace> namespace(int key) {
        for (Namespace ns : namespaces) {
            if (ns.key() == key) {
                return Optional.of(ns);
            }
        }
        return Optional.empty();
    }

    /**
     * The namespace whose prefix starts the given title ({@code "Talk:Foo"} gives Talk), the main
     * namespace if no listed prefix matches, or empty if the site info lists no namespaces.
     *
     * @param title a prefixed title
     * @return the namespace, or empty
     */
    public Optional<Namespace> namespaceOfTitle(String title) {
        int colon = title.indexOf(':');
        if (colon > 0) {
            String prefix = title.substring(0, colon);
            for (Namespace ns : namespaces) {
                if (!ns.name().isEmpty() && ns.name().equals(prefix)) {
                    return Optional.of(ns);
                }
            }
        }
        return namespace(0);
    }

    /**
     * A copy with other root attributes.
     *
     * @param schemaVersion the root's {@code version} attribute
     * @param language      the root's {@code xml:lang} attribute
     * @return the copy
     */
    public SiteInfo withRoot(String schemaVersion, String language) {
        return new SiteInfo(schemaVersion, language, present, siteName, dbName, base, generator, caseRule, namespaces);
    }
}
