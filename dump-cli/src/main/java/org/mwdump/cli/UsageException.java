package org.mwdump.cli;

/**
 * A command line that cannot be run as given: exit status 2, the message on standard error followed by
 * the command's usage, or by a hint in its place ({@code Possible solutions: --quiet}) when there is one.
 * Thrown by the parser and by commands that find their options inconsistent.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The line printed in place of the usage, or {@code null}. */
    private final String hint;

    /**
     * A usage error whose message is followed by the command's usage.
     *
     * @param message what is wrong, one line
     */
    UsageException(String message) {
        this(message, null);
    }

    /**
     * A usage error whose message is followed by a hint instead of the usage.
     *
     * @param message what is wrong, one line
     * @param hint    what the user may have meant, or {@code null} to print the usage
     */
    UsageException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    /**
     * The line printed after the message in place of the usage.
     *
     * @return the hint, or {@code null} when the usage is printed
     */
    String hint() {
        return hint;
    }
}
