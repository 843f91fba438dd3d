package org.mwdump;

/**
 * The compressed input is damaged or truncated: a bad checksum, an invalid code, or an end before
 * the end of the last stream. {@link #bitOffset()} gives the bit position where known.
 */
public class CorruptInputException extends DumpException {
    private static final long serialVersionUID = 1L;
    private final long bitOffset;

    public CorruptInputException(String message, DumpLocation location, long bitOffset, Throwable cause) {
        super(bitOffset >= 0 && !message.endsWith(" at bit " + bitOffset) ? message + " at bit " + bitOffset : message,
                location, cause);
        this.bitOffset = bitOffset;
    }

    /** The same problem with a better-known location. */
    @Override
    public CorruptInputException at(DumpLocation where) {
        CorruptInputException e = new CorruptInputException(reason(), where, bitOffset, getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** Bit offset of the damage in the compressed input, or {@code -1} if unknown. */
    public long bitOffset() {
        return bitOffset;
    }
}
