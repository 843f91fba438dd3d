package org.mwdump;

/**
 * How far a reader has come, in bytes of its (compressed) input.
 *
 * @param bytesRead  compressed bytes consumed so far (read ahead by buffers, so slightly ahead of the parser)
 * @param totalBytes the input's size, or {@code -1} if unknown (a pipe)
 */
public record ReadProgress(long bytesRead, long totalBytes) {
    /**
     * Fraction done in [0, 1], or {@code -1} if the total is unknown.
     *
     * @return the fraction, or {@code -1}
     */
    public double fraction() {
        return totalBytes <= 0 ? -1 : Math.min(1.0, (double) bytesRead / totalBytes);
    }
}
