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
 * by {@link #flush()} or {@link #close()} on the caller's thread. A failure of the channel (its
 * {@link IOException} as it was thrown, or any other exception as the cause of one) is thrown by the
 * next {@code write} that needs a new buffer, or by {@code flush} or {@code close}; after it nothing
 * more is written. {@link #close()} writes what is buffered, waits for the writing thread, and closes
 * the channel, also after a failure. Not safe for use by several threads at once.
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
    private final Object lock = new Object();
    private int allocated;
    /** The buffer being filled, from position 0 to its position; {@code null} once closed. */
    private ByteBuffer buf;
    private Thread writer;
    /** Buffers handed to the writing thread and not yet written or dropped; guarded by {@link #lock}. */
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
        this.out = java.util.Objects.requireNonNull(out, "out is null");
        this.threadName = threadName;
        this.buf = ByteBuffer.allocateDirect(BUFFER_SIZE);
        this.allocated = 1;
    }

    /**
     * A stream onto a file, opened with {@code how} (for a new or temporary file: {@code WRITE} and
     * {@code TRUNCATE_EXISTING}; for a device or named pipe: {@code WRITE} alone); the file is closed again
     * when the stream cannot be made.
     *
     * @param file       the file
     * @param threadName the writing thread's name
     * @param how        how the file is opened, as {@link java.nio.channels.FileChannel#open} takes it
     * @return the stream, which closes the file when it is closed
     * @throws IOException if the file cannot be opened
     */
    public static WriteBehindOutputStream onFile(java.nio.file.Path file, String threadName,
                                                 java.nio.file.OpenOption... how) throws IOException {
        java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file, how);
        try {
            return new WriteBehindOutputStream(channel, threadName);
        } catch (RuntimeException | Error e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * A stream onto one of the process's open file descriptors (standard output or standard error), written
     * as the descriptor is open (never reopened by name); closing the stream leaves the descriptor open.
     *
     * @param fd         the descriptor, for example {@link java.io.FileDescriptor#out}
     * @param threadName the writing thread's name
     * @param failures   what a failed write throws instead of its exception (to tell a closed pipe, say), or
     *                   {@code e -> e}
     * @return the stream
     */
    public static WriteBehindOutputStream onDescriptor(java.io.FileDescriptor fd, String threadName,
                                                       java.util.function.UnaryOperator<IOException> failures) {
        java.nio.channels.FileChannel channel = new java.io.FileOutputStream(fd).getChannel();
        return new WriteBehindOutputStream(new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) throws IOException {
                try {
                    return channel.write(src);
                } catch (IOException e) {
                    throw failures.apply(e);
                }
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
                // the descriptor stays open
            }
        }, threadName);
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
        throwIfFailed();
        if (writer == null) {
            Thread t = new Thread(this::drain, threadName);
            t.setDaemon(true);
            t.start();
            writer = t;
        }
        // the next buffer first, so that a failure to get one leaves the full one in place
        ByteBuffer next;
        if (allocated < BUFFERS) {
            next = ByteBuffer.allocateDirect(BUFFER_SIZE);
            allocated++;
        } else {
            next = free.poll();
        }
        synchronized (lock) {
            pending++;
        }
        queued.add(buf.flip());
        buf = null;
        if (next == null) {
            try {
                next = free.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                // part of the caller's bytes went nowhere: the stream is failed from here on
                InterruptedIOException interrupted = new InterruptedIOException(
                        "interrupted while waiting for the output to be written");
                fail(interrupted);
                buf = ByteBuffer.allocate(0);
                throw interrupted;
            }
        }
        buf = next;
        throwIfFailed();
    }

    /**
     * The writing thread: writes queued buffers in order until {@link #END}. After a failure it only
     * recycles them, and whatever happens it gives each buffer back, so that no caller waits forever.
     */
    private void drain() {
        while (true) {
            ByteBuffer s;
            try {
                s = queued.take();
            } catch (InterruptedException e) {
                // nothing here interrupts this thread; if something else does, the output is failed, and
                // the buffers still queued are given back all the same
                fail(new InterruptedIOException("interrupted while writing the output"));
                continue;
            }
            if (s == END) {
                return;
            }
            try {
                if (failure == null) {
                    writeFully(s);
                }
            } catch (Throwable e) {
                fail(e);
            } finally {
                free.add(s.clear());
                synchronized (lock) {
                    pending--;
                    lock.notifyAll();
                }
            }
        }
    }

    private void fail(Throwable e) {
        if (failure == null) {
            failure = e instanceof IOException io ? io : new IOException(String.valueOf(e.getMessage()), e);
        }
    }

    /** Waits until the writing thread has written (or dropped) every buffer handed to it. */
    private void awaitWritten() throws IOException {
        synchronized (lock) {
            while (pending > 0) {
                try {
                    lock.wait();
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
            throw f;
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (out.write(b) == 0) {
                // a non-blocking file descriptor (a pipe its reader set so) that is full: wait a little
                // rather than spin
                java.util.concurrent.locks.LockSupport.parkNanos(100_000);
            }
        }
    }

    /** Writes everything so far to the channel (waiting for the writing thread). */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        awaitWritten();
        if (buf.position() > 0) {
            try {
                writeFully(buf.flip());
            } catch (IOException | RuntimeException e) {
                fail(e);
                throw e;
            } finally {
                buf.clear();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        Throwable failed = null;
        try {
            flush();
        } catch (IOException | RuntimeException | Error e) {
            failed = e;
        }
        closed = true;
        buf = null;
        if (writer != null) {
            queued.add(END);
            boolean interrupted = false;
            while (writer.isAlive()) {
                try {
                    writer.join();
                } catch (InterruptedException e) {
                    // the writer is not interrupted: an interrupted write would close the channel
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        free.clear();
        try {
            out.close();
        } catch (IOException | RuntimeException e) {
            if (failed == null) {
                failed = e;
            }
        }
        if (failed instanceof IOException io) {
            throw io;
        } else if (failed instanceof RuntimeException r) {
            throw r;
        } else if (failed != null) {
            throw (Error) failed;
        }
    }
}
