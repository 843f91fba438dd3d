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

    /**
     * A builder with every field absent (as {@link #EMPTY}); setting anything but the root attributes usually goes with {@code present(true)}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this site info's fields.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().schemaVersion(schemaVersion).language(language).present(present).siteName(siteName)
                .dbName(dbName).base(base).generator(generator).caseRule(caseRule).namespaces(namespaces);
    }

    /** Builds a {@link SiteInfo} field by field; each setter returns the builder. */
    public static final class Builder {
        private String schemaVersion;
        private String language;
        private boolean present;
        private String siteName;
        private String dbName;
        private String base;
        private String generator;
        private CaseRule caseRule;
        private List<Namespace> namespaces = List.of();

        private Builder() {
        }

        /**
         * Sets the schema version.
         *
         * @param value the root's {@code version} attribute, or {@code null}
         * @return this builder
         */
        public Builder schemaVersion(String value) {
            this.schemaVersion = value;
            return this;
        }

        /**
         * Sets the language.
         *
         * @param value the root's {@code xml:lang} attribute, or {@code null}
         * @return this builder
         */
        public Builder language(String value) {
            this.language = value;
            return this;
        }

        /**
         * Sets whether the dump has site info.
         *
         * @param value whether the dump had a {@code <siteinfo>} element
         * @return this builder
         */
        public Builder present(boolean value) {
            this.present = value;
            return this;
        }

        /**
         * Sets the site name.
         *
         * @param value {@code <sitename>}, or {@code null}
         * @return this builder
         */
        public Builder siteName(String value) {
            this.siteName = value;
            return this;
        }

        /**
         * Sets the database name.
         *
         * @param value {@code <dbname>}, or {@code null}
         * @return this builder
         */
        public Builder dbName(String value) {
            this.dbName = value;
            return this;
        }

        /**
         * Sets the main page's URL.
         *
         * @param value {@code <base>}, or {@code null}
         * @return this builder
         */
        public Builder base(String value) {
            this.base = value;
            return this;
        }

        /**
         * Sets the generator.
         *
         * @param value {@code <generator>}, or {@code null}
         * @return this builder
         */
        public Builder generator(String value) {
            this.generator = value;
            return this;
        }

        /**
         * Sets the wiki-wide case rule.
         *
         * @param value {@code <case>}, or {@code null}
         * @return this builder
         */
        public Builder caseRule(CaseRule value) {
            this.caseRule = value;
            return this;
        }

        /**
         * Sets the namespaces.
         *
         * @param value the namespaces in dump order
         * @return this builder
         */
        public Builder namespaces(List<Namespace> value) {
            this.namespaces = value;
            return this;
        }

        /**
         * Builds the site info.
         *
         * @return the site info
         */
        public SiteInfo build() {
            return new SiteInfo(schemaVersion, language, present, siteName, dbName, base, generator, caseRule,
                    namespaces);
        }
    }
}
