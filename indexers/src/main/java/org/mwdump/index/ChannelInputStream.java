package org.mwdump.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads a file channel from a position with positional reads, so many threads can share the channel.
 * An end before {@code size}, the file's size when it was opened, is an I/O error (see {@link DumpFiles}).
 * Closing it leaves the channel open.
 */
class ChannelInputStream extends InputStream {
    private final FileChannel channel;
    private final long size;
    private long position;

    ChannelInputStream(FileChannel channel, long position, long size) {
        this.channel = channel;
        this.position = position;
        this.size = size;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = DumpFiles.read(channel, ByteBuffer.wrap(b, off, len), position, size);
        if (n > 0) {
            position += n;
        }
        return n;
    }
}
