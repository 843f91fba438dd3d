package org.mwdump;

/** The input exceeds one of the {@link ReadLimits} given to the reader. */
public class LimitExceededException extends DumpException {
    private static final long serialVersionUID = 1L;

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
