package org.mwdump;

/** The input is not a dump mwdump recognizes, or its format needs a module that is not on the class path. */
public class UnsupportedDumpException extends DumpException {
    private static final long serialVersionUID = 1L;

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
