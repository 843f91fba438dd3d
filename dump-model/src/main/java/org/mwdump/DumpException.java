package org.mwdump;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * A dump could not be read or written. Unchecked, so that it can escape iterators and streams;
 * it always carries a {@link DumpLocation} saying where, as far as known. Subclasses tell the kind
 * of problem; a plain {@code DumpException} whose cause is an {@link IOException} is an input or
 * output that failed (see {@link #cannotRead}), not a problem in the data.
 */
public class DumpException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Where the problem was found; {@link DumpLocation#UNKNOWN} if nowhere in particular. */
    private final DumpLocation location;
    /** The problem without the location, as given to the constructor. */
    private final String reason;

    /**
     * Reports a problem at a location; the message is the reason followed by the location.
     *
     * @param message  the problem, without the location
     * @param location where it was found; {@code null} for unknown
     * @param cause    the underlying failure, or {@code null}
     */
    public DumpException(String message, DumpLocation location, Throwable cause) {
        super(format(message, location), cause);
        this.location = location == null ? DumpLocation.UNKNOWN : location;
        this.reason = message;
    }

    /**
     * Reports a problem at a location, without a cause.
     *
     * @param message  the problem, without the location
     * @param location where it was found; {@code null} for unknown
     */
    public DumpException(String message, DumpLocation location) {
        this(message, location, null);
    }

    /**
     * An input that could not be read: a disk error, a file that went away or shrank while it was read,
     * no permission. The message is {@code cannot read SOURCE: why} (the source from the location), and
     * the {@link IOException} is kept as the cause. The data may well be intact, so this is not a
     * {@link CorruptInputException}.
     *
     * @param cause    the failure of the input
     * @param location the input and the position reached
     * @return the exception to throw
     */
    public static DumpException cannotRead(IOException cause, DumpLocation location) {
        String source = location == null || location.source() == null ? "input" : location.source();
        return new DumpException("cannot read " + source + ": " + why(cause), location, cause);
    }

    /**
     * An output that could not be written (disk full, a closed pipe, no permission): the message is
     * {@code cannot write WHAT: why}, and the {@link IOException} is kept, wrapped in an
     * {@link java.io.UncheckedIOException} as the writers have always given it.
     *
     * @param what  the output, as the message names it (usually the file)
     * @param cause the failure of the output
     * @return the exception to throw
     */
    public static DumpException cannotWrite(String what, IOException cause) {
        return new DumpException("cannot write " + what + ": " + why(cause), DumpLocation.UNKNOWN,
                new java.io.UncheckedIOException(cause));
    }

    /**
     * An output file that could not be made (its directory missing, not writable or immutable): the
     * message is {@code cannot create WHAT: why}, a missing directory said as {@code no such directory},
     * and the {@link IOException} is the cause.
     *
     * @param what  the output, as the message names it (the file the user gave)
     * @param cause the failure to create it
     * @return the exception to throw
     */
    public static DumpException cannotCreate(String what, IOException cause) {
        String why = cause instanceof NoSuchFileException ? "no such directory" : why(cause);
        return new DumpException("cannot create " + what + ": " + why, DumpLocation.UNKNOWN, cause);
    }

    /** What went wrong in an I/O operation, in words: no exception class names, no temporary file names. */
    static String why(IOException e) {
        if (e instanceof NoSuchFileException nf) {
            return nf.getReason() != null ? nf.getReason() : "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof ClosedByInterruptException) {
            return "interrupted";
        }
        if (e instanceof ClosedChannelException) {
            return "closed while it was read";
        }
        String message = e.getMessage();
        if (e instanceof FileNotFoundException && message != null && message.endsWith(")")
                && message.lastIndexOf(" (") > 0) {
            // "NAME (Permission denied)": the name is said already
            return message.substring(message.lastIndexOf(" (") + 2, message.length() - 1);
        }
        if (message != null && !message.isBlank()) {
            return message;
        }
        if (e instanceof InterruptedIOException) {
            return "interrupted";
        }
        if (e instanceof EOFException) {
            return "unexpected end of file";
        }
        return "input/output error";
    }

    private static String format(String message, DumpLocation location) {
        if (location == null) {
            return message;
        }
        // "cannot read NAME: …" need not be followed by "(NAME, byte offset …)"
        String source = location.source();
        boolean named = source != null && message != null
                && (message.startsWith(source + ":") || message.contains(" " + source + ":"));
        String where = named ? new DumpLocation(null,
                location.compressedOffset(), location.line(), location.column(), location.pageId(),
                location.pageTitle(), location.revisionId()).toString() : location.toString();
        return where.isEmpty() ? message : message + " (" + where + ")";
    }

    /**
     * The problem, without the location.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }

    /**
     * Where the problem was found.
     *
     * @return the location, never {@code null}
     */
    public DumpLocation location() {
        return location;
    }

    /**
     * The same problem (same class, reason and cause) reported at another location; subclasses
     * return their own type. Used where a reader's position must be translated, for example from one
     * piece of a dump parsed on its own to the whole dump.
     *
     * @param where the location to report instead
     * @return a new exception with the same stack trace
     */
    public DumpException at(DumpLocation where) {
        DumpException e = new DumpException(reason, where, getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }
}
