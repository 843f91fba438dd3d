package org.mwdump.spi;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A buffered stream whose buffers are written to a channel (a file's) by a thread of its own, so that
 * the thread producing the output does not also spend its time in the operating system copying it into
 * the page cache (for a conversion of hundreds of megabytes, a large share of the converting thread's
 * time otherwise). Buffers are written in the order they were filled; at most {@link #BUFFERS} buffers
 * of {@link #BUFFER_SIZE} bytes exist, so a producer faster than the disk waits for a free one rather
 * than filling memory. The buffers are small enough to be still in the processor's cache when they are
 * copied (1 MiB buffers doubled the kernel's copying time), and direct, so that the bytes are copied
 * once rather than first into native memory as {@link java.io.FileOutputStream} does.
 *
 * <p>The writing thread starts with the first full buffer; an output smaller than one buffer is written
 * by {@link #flush()} or {@link #close()} on the caller's thread. A failure of the channel is thrown (as
 * an {@link IOException} with the original as its cause) by the next {@code write}, {@code flush} or
 * {@code close}. {@link #close()} writes what is buffered, waits for the writing thread, and closes the
 * channel, also after a failure. Not safe for use by several threads at once.
 */
public final class WriteBehindOutputStream extends OutputStream {
    /** Bytes per buffer. */
    public static final int BUFFER_SIZE = 1 << 17;
    /** Buffers in all: one being filled, the others queued or being written. */
    public static final int BUFFERS = 8;
    /** Queued after the last buffer: the writing thread ends when it takes it. */
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final WritableByteChannel out;
    private final String threadName;
    private final BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<ByteBuffer> queued = new LinkedBlockingQueue<>();
    private int allocated;
    /** The buffer being filled, from position 0 to its position. */
    private ByteBuffer buf;
    private Thread writer;
    /** Buffers handed to the writing thread and not yet written; guarded by {@code this}. */
    private int pending;
    private volatile IOException failure;
    private boolean closed;

    /**
     * Creates the stream; the writing thread starts when the first buffer is full.
     *
     * @param out        the channel to write to (closed by {@link #close()})
     * @param threadName the writing thread's name
     */
    public WriteBehindOutputStream(WritableByteChannel out, String threadName) {
        this.out = out;
        this.threadName = threadName;
        this.buf = ByteBuffer.allocateDirect(BUFFER_SIZE);
        this.allocated = 1;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (!buf.hasRemaining()) {
            handOff();
        }
        buf.put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        while (len > 0) {
            if (!buf.hasRemaining()) {
                handOff();
            }
            int n = Math.min(len, buf.remaining());
            buf.put(b, off, n);
            off += n;
            len -= n;
        }
    }

    /** Queues the full buffer for the writing thread and takes an empty one. */
    private void handOff() throws IOException {
        ensureOpen();
        throwIfFailed();
        if (writer == null) {
            writer = new Thread(this::drain, threadName);
            writer.setDaemon(true);
            writer.start();
        }
        synchronized (this) {
            pending++;
        }
        queued.add(buf.flip());
        buf = null;
        if (allocated < BUFFERS) {
            allocated++;
            buf = ByteBuffer.allocateDirect(BUFFER_SIZE);
        } else {
            try {
                buf = free.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the output to be written");
            }
        }
        throwIfFailed();
    }

    /** The writing thread: writes queued buffers in order until {@link #END}; after a failure, only recycles them. */
    private void drain() {
        while (true) {
            ByteBuffer s;
            try {
                s = queued.take();
            } catch (InterruptedException e) {
                failure = new InterruptedIOException("interrupted while writing the output");
                return;
            }
            if (s == END) {
                return;
            }
            if (failure == null) {
                try {
                    writeFully(s);
                } catch (IOException | RuntimeException e) {
                    failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                }
            }
            free.add(s.clear());
            synchronized (this) {
                pending--;
                notifyAll();
            }
        }
    }

    /** Waits until the writing thread has written every buffer handed to it. */
    private void awaitWritten() throws IOException {
        synchronized (this) {
            while (pending > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for the output to be written");
                }
            }
        }
        throwIfFailed();
    }

    private void throwIfFailed() throws IOException {
        IOException f = failure;
        if (f != null) {
            throw new IOException(f.getMessage(), f);
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
    }

    /** Writes everything so far to the channel (waiting for the writing thread). */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        awaitWritten();
        if (buf.position() > 0) {
            writeFully(buf.flip());
            buf.clear();
        }
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
            buf = null;
            if (writer != null) {
                queued.add(END);
                try {
                    writer.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    writer.interrupt();
                }
            }
            out.close();
        }
    }
}
