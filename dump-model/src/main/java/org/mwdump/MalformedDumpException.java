package org.mwdump;

/** The decompressed content is not a well-formed dump (bad XML or JSON, wrong structure, strict-mode deviation). */
public class MalformedDumpException extends DumpException {
    private static final long serialVersionUID = 1L;

    /**
     * Reports malformed content.
     *
     * @param message  what is wrong
     * @param location where in the dump
     * @param cause    the underlying failure (for example the XML parser's), or {@code null}
     */
    public MalformedDumpException(String message, DumpLocation location, Throwable cause) {
        super(message, location, cause);
    }

    /**
     * Reports malformed content, without a cause.
     *
     * @param message  what is wrong
     * @param location where in the dump
     */
    public MalformedDumpException(String message, DumpLocation location) {
        super(message, location);
    }

    @Override
    public MalformedDumpException at(DumpLocation where) {
        MalformedDumpException e = new MalformedDumpException(reason(), where, getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }
}
