package org.mwdump.spark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A read-only {@link FileChannel} over a file of any Hadoop file system (local, HDFS, S3A, GCS), so
 * that mwdump's decoders, which read with positional reads, read it as they read a local file.
 * Positional reads are synchronized on the underlying stream (Hadoop's positioned reads are not
 * guaranteed to be thread-safe on every file system).
 */
final class HadoopChannel extends FileChannel {
    private final FSDataInputStream in;
    private final long size;
    private long position;

    private HadoopChannel(FSDataInputStream in, long size) {
        this.in = in;
        this.size = size;
    }

    /** Opens a file for reading. */
    static HadoopChannel open(String file, Configuration conf) throws IOException {
        Path path = new Path(file);
        FileSystem fs = path.getFileSystem(conf);
        long size = fs.getFileStatus(path).getLen();
        return new HadoopChannel(fs.open(path), size);
    }

    @Override
    public int read(ByteBuffer dst, long at) throws IOException {
        if (at < 0) {
            throw new IllegalArgumentException("negative position");
        }
        if (at >= size) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), size - at);
        if (n == 0) {
            return 0;
        }
        byte[] b;
        int off;
        if (dst.hasArray()) {
            b = dst.array();
            off = dst.arrayOffset() + dst.position();
        } else {
            b = new byte[n];
            off = 0;
        }
        int read;
        synchronized (in) {
            read = in.read(at, b, off, n);
        }
        if (read > 0) {
            if (dst.hasArray()) {
                dst.position(dst.position() + read);
            } else {
                dst.put(b, 0, read);
            }
        }
        return read;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n = read(dst, position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            int n = read(dsts[i]);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
            if (dsts[i].hasRemaining()) {
                break;
            }
        }
        return total;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public FileChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        throw new NonWritableChannelException();
    }

    @Override
    public int write(ByteBuffer src, long at) {
        throw new NonWritableChannelException();
    }

    @Override
    public FileChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public void force(boolean metaData) {
        // nothing is written
    }

    @Override
    public long transferTo(long at, long count, WritableByteChannel target) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(count, 1 << 16));
        int n = read(b, at);
        if (n <= 0) {
            return 0;
        }
        b.flip();
        return target.write(b);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long at, long count) {
        throw new NonWritableChannelException();
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long at, long length) {
        throw new UnsupportedOperationException("a Hadoop file cannot be mapped");
    }

    @Override
    public FileLock lock(long at, long length, boolean shared) {
        throw new UnsupportedOperationException("a Hadoop file cannot be locked");
    }

    @Override
    public FileLock tryLock(long at, long length, boolean shared) {
        throw new UnsupportedOperationException("a Hadoop file cannot be locked");
    }

    @Override
    protected void implCloseChannel() throws IOException {
        in.close();
    }
}
