package org.mwdump;

/**
 * Limits applied by one reader to one input (never JVM-wide system properties). Exceeding one ends
 * the read with {@link LimitExceededException}.
 *
 * @param maxTextChars       longest text of one element, in UTF-16 chars (default 100,000,000: MediaWiki's
 *                           own revision limit is 2 MiB, and the largest texts in Wikimedia's dumps are tens
 *                           of MB). This is the limit that bounds a reader's memory. The XML parser holds a
 *                           text as UTF-8 in a buffer that doubles as it fills, but never past 3 bytes per
 *                           char of the limit (the most UTF-8 takes for one char) and 16 bytes (of
 *                           maxAttributeChars instead if that is larger): a text that would need more is
 *                           over the limit and fails then. The text gets an exact copy of its own (a buffer
 *                           past 16 MiB is let go once its text is taken, a smaller one is kept for the next
 *                           text). So
 *                           a reader takes at most about 6 bytes per char of the limit at once for a text:
 *                           about 600 MB at the default, reached by a text at the limit whose every char
 *                           takes 3 bytes (CJK, say); an ASCII text at the limit takes about 2.3 bytes per
 *                           char. The XML and RevDoc writers write from those bytes through buffers of fixed
 *                           size. {@link org.mwdump.model.Text#content()} makes a string besides: up to 8
 *                           bytes per char more while it decodes a text of 3-byte chars, and 2 bytes per char
 *                           kept with the text. The heap that reads one text at the default limit, measured
 *                           with 3-byte chars: {@code -Xmx800m} with G1 (the JVM's default collector),
 *                           {@code -Xmx1g} with the parallel collector that the mwdump command runs (its old
 *                           generation is two thirds of the heap); with its string made, {@code -Xmx2g}
 *                           with G1 ({@code -Xmx1400m} was enough in most runs, not in all). Each thread
 *                           that reads at once (convert --threads) has a reader of its own
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
     * @param maxTextChars       longest text of one element, in UTF-16 chars (default 100,000,000:
     *                           MediaWiki's own revision limit is 2 MiB, and the largest texts in Wikimedia's
     *                           dumps are tens of MB). This is the limit that bounds a reader's memory. The
     *                           XML parser holds a text as UTF-8 in a buffer that doubles as it fills, but
     *                           never past 3 bytes per char of the limit (the most UTF-8 takes for one char)
     *                           and 16 bytes (of maxAttributeChars instead if that is larger): a text that
     *                           would need more is over the limit and fails then. The text gets an exact copy
     *                           of its own (a buffer past 16 MiB is let go once its text is taken, a smaller
     *                           one is kept for the next text). So a reader takes at most about 6 bytes per char
     *                           of the limit at once for a text: about 600 MB at the default, reached by a
     *                           text at the limit whose every char takes 3 bytes (CJK, say); an ASCII text at
     *                           the limit takes about 2.3 bytes per char. The XML and RevDoc writers write
     *                           from those bytes through buffers of fixed size.
     *                           {@link org.mwdump.model.Text#content()} makes a string besides: up to 8 bytes
     *                           per char more while it decodes a text of 3-byte chars, and 2 bytes per char
     *                           kept with the text. The heap that reads one text at the default limit,
     *                           measured with 3-byte chars: {@code -Xmx800m} with G1 (the JVM's default
     *                           collector), {@code -Xmx1g} with the parallel collector that the mwdump
     *                           command runs (its old generation is two thirds of the heap); with its string
     *                           made, {@code -Xmx2g} with G1 ({@code -Xmx1400m} was enough in most runs, not
     *                           in all). Each thread that reads at once (convert --threads) has a reader of
     *                           its own
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
