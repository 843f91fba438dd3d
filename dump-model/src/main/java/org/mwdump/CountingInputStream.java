package org.mwdump;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it; used for progress and error offsets. */
public final class CountingInputStream extends FilterInputStream {
    private volatile long count;

    /**
     * Counts what is read from {@code in}.
     *
     * @param in the stream to read
     */
    public CountingInputStream(InputStream in) {
        super(in);
    }

    /**
     * Bytes read so far (skipped bytes included).
     *
     * @return the count
     */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        count += skipped;
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
