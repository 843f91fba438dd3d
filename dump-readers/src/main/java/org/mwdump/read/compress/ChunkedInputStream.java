package org.mwdump.read.compress;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An input stream over byte arrays that a subclass produces one at a time, for streams that decode or
 * read ahead in chunks (blocks, frames, read-ahead buffers). Subclasses implement {@link #nextChunk()};
 * this class hands the bytes out. Not thread-safe, like most streams.
 */
public abstract class ChunkedInputStream extends InputStream {
    private byte[] current = new byte[0];
    private int pos;

    /** For subclasses. */
    protected ChunkedInputStream() {
    }

    /**
     * The next chunk of the stream, or {@code null} at its end. An empty chunk is allowed and skipped.
     * Called only once the previous chunk has been read entirely.
     *
     * @return the chunk, or {@code null}
     * @throws java.io.IOException if the chunk cannot be read
     */
    protected abstract byte[] nextChunk() throws IOException;

    private boolean advance() throws IOException {
        while (pos >= current.length) {
            byte[] next = nextChunk();
            if (next == null) {
                return false;
            }
            current = next;
            pos = 0;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return advance() ? current[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!advance()) {
            return -1;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    /** The bytes left in the current chunk, which can be read without waiting. */
    @Override
    public int available() {
        return current.length - pos;
    }
}
