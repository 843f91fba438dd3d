package org.mwdump.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.UnaryOperator;
import org.mwdump.DumpException;

/**
 * Opens dump files for reading at positions, and reads them. An end of file before the size a file
 * had when it was opened means that someone truncated it while it was read: that is an I/O error
 * (the file is not what it was), not damaged data, which is what an end inside compressed data would
 * otherwise be reported as.
 */
final class DumpFiles {
    /**
     * Wraps every channel {@link #open} opens, or {@code null}: for tests, which put a failing disk
     * under the readers of this package this way.
     */
    static volatile UnaryOperator<FileChannel> wrapper;

    private DumpFiles() {
    }

    /** Opens a file for reading. */
    static FileChannel open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        UnaryOperator<FileChannel> wrap = wrapper;
        return wrap == null ? channel : wrap.apply(channel);
    }

    /**
     * Reads into {@code dst} from {@code position}, as {@link FileChannel#read(ByteBuffer, long)} does;
     * but an end of file before {@code size} (the file's size when it was opened) throws.
     */
    static int read(FileChannel channel, ByteBuffer dst, long position, long size) throws IOException {
        int n = channel.read(dst, position);
        if (n < 0 && position < size) {
            throw truncated(position, size);
        }
        return n;
    }

    /**
     * Up to {@code length} bytes from {@code position}: fewer only at the end of the file (which must not
     * come before {@code size}, see {@link #read(FileChannel, ByteBuffer, long, long)}).
     */
    static byte[] readFully(FileChannel channel, long position, int length, long size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (read(channel, b, position + b.position(), size) < 0) {
                break;
            }
        }
        return b.position() == length ? b.array() : java.util.Arrays.copyOf(b.array(), b.position());
    }

    /**
     * Whether a {@link DumpException} says that a file could not be read (a plain one caused by an
     * {@link IOException}), rather than that its data is damaged or not a dump.
     */
    static boolean isReadFailure(DumpException e) {
        return e.getClass() == DumpException.class && e.getCause() instanceof IOException;
    }

    /** The file ended at {@code position}, short of the {@code size} it had when it was opened. */
    static IOException truncated(long position, long size) {
        return new IOException("the file ended at byte " + position + " of " + size
                + ": it was truncated while it was read");
    }
}
