package org.mwdump;

/**
 * How {@link Dumps#apply} applies changes to a dump.
 *
 * @param strict         whether a change that cannot be applied is an error rather than a report
 * @param current        whether the base holds only each page's current revision (a new revision then
 *                       replaces it); {@code null}: decided from the base's name ({@code pages-articles},
 *                       {@code pages-meta-current} or {@code -current} in it)
 * @param threads        threads that decode, apply and compress the changed streams or frames (at least 1)
 * @param pagesPerStream pages per stream or frame written for changed ones (Wikimedia: 100)
 */
public record ApplyOptions(boolean strict, Boolean current, int threads, int pagesPerStream) {
    /** Lenient, history or current from the name, one thread per core, 100 pages per stream. */
    public static final ApplyOptions DEFAULT = new ApplyOptions(false, null,
            Runtime.getRuntime().availableProcessors(), 100);

    /**
     * Checks the counts.
     *
     * @param strict         whether an inapplicable change is an error
     * @param current        current-revision base, or {@code null} to decide from its name
     * @param threads        threads (at least 1)
     * @param pagesPerStream pages per rewritten stream or frame (at least 1)
     */
    public ApplyOptions {
        if (threads < 1 || pagesPerStream < 1) {
            throw new IllegalArgumentException("threads and pagesPerStream must be at least 1");
        }
    }

    /**
     * @param value whether an inapplicable change is an error
     * @return these options with that strictness
     */
    public ApplyOptions withStrict(boolean value) {
        return new ApplyOptions(value, current, threads, pagesPerStream);
    }

    /**
     * @param value whether the base holds current revisions only ({@code null}: from its name)
     * @return these options with that choice
     */
    public ApplyOptions withCurrent(Boolean value) {
        return new ApplyOptions(strict, value, threads, pagesPerStream);
    }

    /**
     * @param value threads (at least 1)
     * @return these options with that many threads
     */
    public ApplyOptions withThreads(int value) {
        return new ApplyOptions(strict, current, value, pagesPerStream);
    }

    /**
     * @param value pages per rewritten stream or frame (at least 1)
     * @return these options with that many pages per stream
     */
    public ApplyOptions withPagesPerStream(int value) {
        return new ApplyOptions(strict, current, threads, value);
    }
}
