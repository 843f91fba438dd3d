package org.mwdump.model;

/**
 * How a wiki (or one namespace) treats the case of the first letter of page titles, as written in
 * the {@code case} element and attribute of a dump's site info.
 */
public enum CaseRule {
    /** {@code first-letter}: the first letter is upper-cased, the rest kept. */
    FIRST_LETTER("first-letter"),
    /** {@code case-sensitive}: titles are kept exactly. */
    CASE_SENSITIVE("case-sensitive"),
    /** {@code case-insensitive}: never used by MediaWiki itself, allowed by the schema. */
    CASE_INSENSITIVE("case-insensitive");

    private final String xmlValue;

    CaseRule(String xmlValue) {
        this.xmlValue = xmlValue;
    }

    /**
     * The spelling used in MediaWiki XML, for example {@code first-letter}.
     *
     * @return the XML spelling
     */
    public String xmlValue() {
        return xmlValue;
    }

    /**
     * The rule with the given XML spelling.
     *
     * @param value {@code first-letter}, {@code case-sensitive} or {@code case-insensitive}
     * @return the rule
     * @throws IllegalArgumentException if the spelling is not one of the three the schema allows
     */
    public static CaseRule fromXml(String value) {
        for (CaseRule rule : values()) {
            if (rule.xmlValue.equals(value)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("unknown case rule: " + value);
    }
}
