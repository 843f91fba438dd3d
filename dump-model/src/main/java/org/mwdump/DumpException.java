package org.mwdump;

/**
 * A dump could not be read or written. Unchecked, so that it can escape iterators and streams;
 * it always carries a {@link DumpLocation} saying where, as far as known. Subclasses tell the kind
 * of problem.
 */
public class DumpException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final DumpLocation location;
    private final String reason;

    public DumpException(String message, DumpLocation location, Throwable cause) {
        super(format(message, location), cause);
        this.location = location == null ? DumpLocation.UNKNOWN : location;
        this.reason = message;
    }

    public DumpException(String message, DumpLocation location) {
        this(message, location, null);
    }

    private static String format(String message, DumpLocation location) {
        String where = location == null ? "" : location.toString();
        return where.isEmpty() ? message : message + " (" + where + ")";
    }

    /** The problem, without the location. */
    public String reason() {
        return reason;
    }

    /** Where the problem was found. */
    public DumpLocation location() {
        return location;
    }

    /**
     * The same problem (same class, reason and cause) reported at another location; subclasses
     * return their own type. Used where a reader's position must be translated, for example from one
     * piece of a dump parsed on its own to the whole dump.
     */
    public DumpException at(DumpLocation where) {
        DumpException e = new DumpException(reason, where, getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }
}
