package org.mwdump.read.compress;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a stream ahead on a background thread, so that decompression (the slow part of reading a
 * {@code .bz2} dump) runs on one core while the caller parses on another. Holds at most
 * {@code (queue + 2) × chunk} bytes. Exceptions of the underlying stream reach the caller at the point
 * where its data would have. Closing stops the thread.
 */
final class ReadAheadInputStream extends ChunkedInputStream {
    private static final byte[] END = new byte[0];

    private final InputStream in;
    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private volatile boolean closed;
    private boolean ended;

    /**
     * @param in        the stream to read ahead (closed by {@link #close()})
     * @param chunk     bytes per read-ahead chunk
     * @param queueSize chunks held ready
     */
    public ReadAheadInputStream(InputStream in, int chunk, int queueSize) {
        this.in = Objects.requireNonNull(in, "in is null");
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.thread = new Thread(() -> pump(chunk), "mwdump-read-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    private void pump(int chunk) {
        try {
            while (!closed) {
                byte[] buf = new byte[chunk];
                int n = in.readNBytes(buf, 0, chunk);
                if (n > 0) {
                    put(n == chunk ? buf : Arrays.copyOf(buf, n));
                }
                if (n < chunk) {
                    put(END);
                    return;
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                put(e);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(Object item) throws InterruptedException {
        while (!closed && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
            // wait for the reader, or for close
        }
    }

    @Override
    protected byte[] nextChunk() throws IOException {
        if (ended) {
            return null;
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading ahead");
        }
        if (item instanceof byte[] chunk && chunk != END) {
            return chunk;
        }
        ended = true;
        if (item instanceof IOException e) {
            throw e;
        }
        if (item instanceof RuntimeException e) {
            throw e;
        }
        if (item instanceof Error e) {
            throw e;
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        in.close();
    }
}
