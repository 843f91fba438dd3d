package org.mwdump;

/**
 * The compressed input is damaged or truncated: a bad checksum, an invalid code, or an end before
 * the end of the last stream. {@link #bitOffset()} gives the bit position where known.
 */
public class CorruptInputException extends DumpException {
    private static final long serialVersionUID = 1L;
    /** Where the damage is in the compressed input, in bits; {@code -1} if unknown. */
    private final long bitOffset;

    /**
     * Reports damaged compressed data.
     *
     * @param message   what is wrong; {@code " at bit N"} is appended when the bit offset is known
     * @param location  where in the dump, as far as known
     * @param bitOffset the bit offset of the damage in the compressed input, or {@code -1}
     * @param cause     the underlying failure, or {@code null}
     */
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

    /**
     * Bit offset of the damage in the compressed input, or {@code -1} if unknown.
     *
     * @return the bit offset, or {@code -1}
     */
    public long bitOffset() {
        return bitOffset;
    }
}
