package org.mwdump.index;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** What a worker thread threw, handed to the thread that waited for its result. */
final class Workers {
    private Workers() {
    }

    /**
     * A fixed pool of {@code threads} daemon threads named {@code name}: daemons, so that a pool a
     * failing caller did not shut down never keeps the JVM alive.
     */
    static ExecutorService pool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The result of a worker's task, waited for: its failure as {@link #failure} hands it on; an interrupt
     * of the waiting thread as an {@link java.io.InterruptedIOException} "interrupted while {@code doing}",
     * the thread's interrupt flag set again.
     */
    static <T> T await(java.util.concurrent.Future<T> task, String doing) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while " + doing);
        } catch (java.util.concurrent.ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    /**
     * A worker's failure as it would have surfaced on the waiting thread: an {@link IOException} (the
     * input could not be read) is returned, to be thrown there; a {@link RuntimeException} (damaged data
     * as a {@link org.mwdump.DumpException}, or a bug) or an {@link Error} is thrown as it is. Never
     * wrapped, and never relabelled as damaged data.
     */
    static IOException failure(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        // workers throw nothing else checked
        throw new IllegalStateException("worker failed: " + cause.getMessage(), cause);
    }
}
