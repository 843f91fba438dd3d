package org.mwdump.model;

/**
 * One namespace of a wiki as listed in the site info: its numeric key, its localized name
 * (empty for the main namespace) and its case rule.
 *
 * @param key       the namespace number (-2 Media, -1 Special, 0 main, 1 Talk, ...)
 * @param name      the localized prefix without the colon; {@code ""} for the main namespace
 * @param caseRule  the per-namespace case rule, or {@code null} when the dump does not give one
 */
public record Namespace(int key, String name, CaseRule caseRule) {
    /**
     * Checks that the name is given.
     *
     * @param key       the namespace number (-2 Media, -1 Special, 0 main, 1 Talk, ...)
     * @param name      the localized prefix without the colon; {@code ""} for the main namespace
     * @param caseRule  the per-namespace case rule, or {@code null} when the dump does not give one
     */
    public Namespace {
        java.util.Objects.requireNonNull(name, "name is null");
    }
}
