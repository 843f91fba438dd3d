package org.mwdump;

/** The input is not a dump mwdump recognizes, or its format needs a module that is not on the class path. */
public class UnsupportedDumpException extends DumpException {
    private static final long serialVersionUID = 1L;

    /**
     * Reports an input that mwdump cannot read.
     *
     * @param message  what the input is, or what is missing to read it
     * @param location which input
     */
    public UnsupportedDumpException(String message, DumpLocation location) {
        super(message, location);
    }

    @Override
    public UnsupportedDumpException at(DumpLocation where) {
        UnsupportedDumpException e = new UnsupportedDumpException(reason(), where);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
