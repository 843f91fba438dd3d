package org.mwdump.spi;

import java.io.Closeable;
import java.io.IOException;
import org.mwdump.DumpException;
import org.mwdump.DumpWriter;

/**
 * The end of a {@link DumpWriter}'s life, which every writer shares: {@link #finish()} completes the
 * output once; {@link #abort()}, and {@link #close()} without {@code finish()}, discard it; all three
 * are idempotent and end the writer, after which writing throws {@link IllegalStateException}. A
 * writer only says how to {@linkplain #complete() complete} and how to {@linkplain #discard() discard}
 * its output.
 *
 * <p>When completing fails, the output is discarded (a failed write leaves no output that looks
 * complete) and the failure is thrown once: an {@link IOException} as a {@link DumpException} made by
 * {@link #failure(IOException)}, a {@code DumpException} or other unchecked exception as it is.
 */
public abstract class AbstractDumpWriter implements DumpWriter {
    private final String format;
    private boolean closed;

    /**
     * A writer that is open.
     *
     * @param format the format's name in messages, for example {@code "XML"}
     */
    protected AbstractDumpWriter(String format) {
        this.format = format;
    }

    /**
     * Completes the output: whatever the format puts at its end, then flushing and closing the output.
     * Called at most once, by the first {@link #finish()}, with the writer already marked closed.
     *
     * @throws IOException if the output cannot be written
     */
    protected abstract void complete() throws IOException;

    /**
     * Lets go of the output without completing it: closes it and releases what the writer holds. Called
     * at most once, by {@link #abort()}, by {@link #close()} without {@code finish()}, or when
     * {@link #complete()} failed. Never throws.
     */
    protected abstract void discard();

    /**
     * The exception for an output that cannot be written.
     *
     * @param e the cause
     * @return {@code cannot write FORMAT: why}, without a location
     */
    protected DumpException failure(IOException e) {
        return DumpException.cannotWrite(format, e);
    }

    /**
     * Whether the writer was finished, aborted or closed.
     *
     * @return whether the writer is closed
     */
    protected final boolean isClosed() {
        return closed;
    }

    /**
     * Throws unless the writer is still open.
     *
     * @throws IllegalStateException if the writer was finished, aborted or closed
     */
    protected final void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("writer is closed");
        }
    }

    /**
     * Closes a stream whose contents are being discarded, ignoring any failure.
     *
     * @param out the stream, or {@code null}
     */
    protected static void closeQuietly(Closeable out) {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // the output is being discarded
        }
    }

    /** Completes the output; a no-op once the writer is closed. */
    @Override
    public final void finish() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            complete();
        } catch (IOException e) {
            discard();
            throw failure(e);
        } catch (RuntimeException | Error e) {
            discard();
            throw e;
        }
    }

    /** Without {@link #finish()}, discards the output like {@link #abort()}. */
    @Override
    public final void close() {
        abort();
    }

    /** Discards the output; a no-op once the writer is closed. */
    @Override
    public final void abort() {
        if (closed) {
            return;
        }
        closed = true;
        discard();
    }
}
