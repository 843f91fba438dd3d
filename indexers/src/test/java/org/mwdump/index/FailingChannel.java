package org.mwdump.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.function.Predicate;

/**
 * A file channel over a real file that fails like a disk with a bad region: once {@link #arm armed},
 * every read that reaches {@code from} on a thread the predicate accepts throws the given throwable
 * (the same instance each time, so that a test can tell it is what surfaced). An {@link IOException}
 * plays a disk error; a {@link RuntimeException} or {@link Error} plays a bug or an exhausted heap in
 * the code that reads.
 */
final class FailingChannel extends FileChannel {
    private final FileChannel file;
    private final long from;
    private final Throwable failure;
    private final Predicate<Thread> threads;
    private volatile boolean armed;
    /** Reads that failed. */
    volatile int failures;
    /** The end of the furthest read asked for. */
    volatile long furthest;

    FailingChannel(FileChannel file, long from, Throwable failure, Predicate<Thread> threads, boolean armed) {
        this.file = file;
        this.from = from;
        this.failure = failure;
        this.threads = threads;
        this.armed = armed;
    }

    /** Reads fail from now on. */
    void arm() {
        armed = true;
    }

    /** Whether the current thread is one of the decoding threads of this package. */
    static boolean decodingThread(Thread t) {
        // a reader's own decoding pools, a conversion's workers (which decode as well as convert), or the
        // threads that scan a dump for its index
        return t.getName().startsWith("mwdump-decode") || t.getName().startsWith("mwdump-bzip2-block")
                || t.getName().startsWith("mwdump-worker") || t.getName().startsWith("mwdump-index");
    }

    private void check(long position, int length) throws IOException {
        furthest = Math.max(furthest, position + length);
        if (armed && position + Math.max(1, length) > from && threads.test(Thread.currentThread())) {
            failures++;
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            throw (Error) failure;
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        check(file.position(), dst.remaining());
        return file.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long n = 0;
        for (int i = offset; i < offset + length; i++) {
            n += Math.max(0, read(dsts[i]));
        }
        return n;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        check(position, dst.remaining());
        return file.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return file.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return file.write(srcs, offset, length);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        return file.write(src, position);
    }

    @Override
    public long position() throws IOException {
        return file.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        file.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        file.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        file.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        check(position, (int) Math.min(count, Integer.MAX_VALUE));
        return file.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        return file.transferFrom(src, position, count);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        check(position, (int) Math.min(size, Integer.MAX_VALUE));
        return file.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return file.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return file.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.close();
    }
}
