package org.mwdump;

/**
 * Limits applied by one reader to one input (never JVM-wide system properties). Exceeding one ends
 * the read with {@link LimitExceededException}.
 *
 * @param maxTextChars       longest text of one element, in chars (default 100,000,000: MediaWiki's own
 *                           revision limit is 2 MiB, and the largest texts in Wikimedia's dumps are tens of
 *                           MB). This is the limit that bounds a reader's memory: a text at the limit
 *                           takes up to about 6 bytes per char while it is read (the parser's buffer,
 *                           growing, and the string made from it), so about 600 MB at the default
 * @param maxAttributeChars  longest attribute value (default 1,048,576)
 * @param maxDepth           deepest element nesting (default 100; MediaWiki dumps nest 5 deep)
 * @param maxEntityExpansions most entity references expanded in one document (default: no limit, DTDs are
 *                           off so only the five predefined and numeric character references exist)
 */
public record ReadLimits(int maxTextChars, int maxAttributeChars, int maxDepth, long maxEntityExpansions) {
    /** The defaults above. */
    public static final ReadLimits DEFAULT = new ReadLimits(100_000_000, 1 << 20, 100, Long.MAX_VALUE);

    /**
     * Checks that every limit is positive.
     *
     * @param maxTextChars       longest text of one element, in chars (default 100,000,000: MediaWiki's own
     *                           revision limit is 2 MiB, and the largest texts in Wikimedia's dumps are tens of
     *                           MB). This is the limit that bounds a reader's memory: a text at the limit
     *                           takes up to about 6 bytes per char while it is read (the parser's buffer,
     *                           growing, and the string made from it), so about 600 MB at the default
     * @param maxAttributeChars  longest attribute value (default 1,048,576)
     * @param maxDepth           deepest element nesting (default 100; MediaWiki dumps nest 5 deep)
     * @param maxEntityExpansions most entity references expanded in one document (default: no limit, DTDs are
     *                           off so only the five predefined and numeric character references exist)
     */
    public ReadLimits {
        if (maxTextChars <= 0 || maxAttributeChars <= 0 || maxDepth <= 0 || maxEntityExpansions <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /**
     * A copy with another longest text.
     *
     * @param value the longest text, in chars
     * @return the new limits
     */
    public ReadLimits withMaxTextChars(int value) {
        return new ReadLimits(value, maxAttributeChars, maxDepth, maxEntityExpansions);
    }

    /**
     * A copy with another longest attribute value.
     *
     * @param value the longest attribute value, in chars
     * @return the new limits
     */
    public ReadLimits withMaxAttributeChars(int value) {
        return new ReadLimits(maxTextChars, value, maxDepth, maxEntityExpansions);
    }

    /**
     * A copy with another deepest nesting.
     *
     * @param value the deepest element nesting
     * @return the new limits
     */
    public ReadLimits withMaxDepth(int value) {
        return new ReadLimits(maxTextChars, maxAttributeChars, value, maxEntityExpansions);
    }
}
