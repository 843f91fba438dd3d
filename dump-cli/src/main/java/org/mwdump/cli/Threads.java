package org.mwdump.cli;

/** The {@code --threads N} option of the commands that take one: 0 or absent means every processor. */
final class Threads {
    /** More threads than this is a typing error rather than a plan (each one holds chunks and buffers). */
    static final int MAX = 1024;

    private Threads() {
    }

    /**
     * The number of threads to use.
     *
     * @param requested the option's value, or null when it was not given
     * @return {@code requested}, or the number of processors for null or 0
     * @throws UsageException (exit status 2) for a negative value or one above {@link #MAX}
     */
    static int of(Integer requested) {
        if (requested == null || requested == 0) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (requested < 0 || requested > MAX) {
            throw new UsageException("--threads must be from 1 to " + MAX + ", or 0 for every processor: " + requested);
        }
        return requested;
    }
}
