package org.mwdump.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import org.mwdump.spi.WriteBehindOutputStream;

/**
 * Standard output for data ({@code convert … -}, {@code get}): a stream whose writes fail when the
 * reader has gone away, so that {@code mwdump convert IN - | head} stops at once instead of converting
 * the whole dump into a closed pipe ({@link System#out}, a {@link PrintStream}, swallows that error).
 * Closing it only flushes.
 */
final class StandardOutput extends OutputStream {
    /** Set by {@link Main#main}: standard output is the process's own, not one replaced in-process. */
    static volatile boolean processOutput;

    /** Standard output was closed by its reader (a broken pipe). */
    static final class ClosedException extends IOException {
        private static final long serialVersionUID = 1L;

        ClosedException(Throwable cause) {
            super("standard output closed", cause);
        }
    }

    private final OutputStream fd = processOutput ? new FileOutputStream(FileDescriptor.out) : null;
    private final PrintStream print = System.out;

    /**
     * Standard output for a whole conversion ({@code convert … -}): when it is the process's own, written
     * by a thread of its own ({@link WriteBehindOutputStream}), as output files are, so that the converting
     * thread does not also copy the output into a file or pipe; a reader going away still fails the next
     * write (with a {@link ClosedException}). Closing it writes everything and leaves standard
     * output open.
     *
     * @return the stream
     */
    static OutputStream forConversion() {
        if (!processOutput) {
            return new StandardOutput();
        }
        return WriteBehindOutputStream.onDescriptor(FileDescriptor.out, "mwdump-stdout", StandardOutput::closedOr);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (fd != null) {
            try {
                fd.write(b, off, len);
            } catch (IOException e) {
                throw closedOr(e);
            }
        } else {
            print.write(b, off, len);
            if (print.checkError()) {
                throw new ClosedException(null);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        if (fd == null) {
            print.flush();
            if (print.checkError()) {
                throw new ClosedException(null);
            }
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    private static IOException closedOr(IOException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("Broken pipe") || m.contains("Stream closed") ? new ClosedException(e) : e;
    }

    /** Whether a failure comes from standard output being closed by its reader. */
    static boolean causedByClosedOutput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClosedException) {
                return true;
            }
        }
        return false;
    }
}
