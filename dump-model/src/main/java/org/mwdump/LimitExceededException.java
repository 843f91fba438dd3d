package org.mwdump;

/** The input exceeds one of the {@link ReadLimits} given to the reader. */
public class LimitExceededException extends DumpException {
    private static final long serialVersionUID = 1L;

    /**
     * Reports an exceeded limit.
     *
     * @param message  which limit, and the value that exceeded it
     * @param location where in the dump
     * @param cause    the underlying failure, or {@code null}
     */
    public LimitExceededException(String message, DumpLocation location, Throwable cause) {
        super(message, location, cause);
    }

    @Override
    public LimitExceededException at(DumpLocation where) {
        LimitExceededException e = new LimitExceededException(reason(), where, getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }
}
