package org.mwdump.parquet;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet {@link OutputFile} over an already open stream. Parquet writes strictly forward and
 * only needs to know its position, so a counting stream is all it takes; {@link #create} can be
 * called once.
 */
final class StreamOutputFile implements OutputFile {
    private final CountingStream stream;
    private boolean created;

    StreamOutputFile(OutputStream out) {
        this.stream = new CountingStream(out);
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
        if (created) {
            throw new IllegalStateException("the stream was already handed out");
        }
        created = true;
        return stream;
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
        return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    /** Bytes written so far. */
    long position() {
        return stream.position;
    }

    /** Closes the underlying stream without anything more being written (abort). */
    void closeQuietly() {
        try {
            stream.out.close();
        } catch (IOException ignored) {
            // aborting: the output is discarded anyway
        }
    }

    private static final class CountingStream extends PositionOutputStream {
        private final OutputStream out;
        private long position;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            position += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
