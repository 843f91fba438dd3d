package org.mwdump.read.compress;

import com.github.luben.zstd.ZstdInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.mwdump.Compression;
import org.mwdump.CorruptInputException;
import org.mwdump.DumpLocation;
import org.mwdump.read.bzip2.Bzip2InputStream;
import org.mwdump.spi.Codecs;
import org.tukaani.xz.XZInputStream;

/**
 * Decompression for {@link org.mwdump.Dumps#open}: every concatenated bz2 stream, every gzip member,
 * every xz stream, every zstd frame (skippable frames skipped), and the first entry of a 7z archive.
 * Errors in the compressed data surface as {@link CorruptInputException}; I/O errors of the compressed
 * input (a disk error, a file truncated while it is read) as the {@link IOException}s they are.
 */
public final class ReadCodecs implements Codecs {

    @Override
    public boolean decompresses(Compression compression) {
        return compression != Compression.NONE;
    }

    @Override
    public InputStream decompress(Compression compression, InputStream raw, Path file) throws IOException {
        String codec = compression.name().toLowerCase(java.util.Locale.ROOT);
        switch (compression) {
            case NONE:
                return raw;
            case BZIP2:
                // decoding bz2 is slower than parsing XML: decode on a second core (the decoder reports
                // damage as CorruptInputException itself and passes the input's I/O errors on as they are)
                return new ReadAheadInputStream(new Bzip2InputStream(raw), 1 << 20, 4);
            case SEVEN_Z:
                return sevenZ(raw, file);
            default:
                break;
        }
        Source source = new Source(raw);
        try {
            return switch (compression) {
                case GZIP -> new Guarded(new GZIPInputStream(source, 1 << 16), codec, source);
                case XZ -> new Guarded(new XZInputStream(source), codec, source);
                case ZSTD -> new Guarded(new ZstdInputStream(new ZstdFrameBoundaries(source)), codec, source);
                default -> throw new IllegalArgumentException("no decoder for " + compression);
            };
        } catch (IOException e) {
            // gzip and xz read their headers here: a damaged or cut header is damaged input, like later data
            throw Guarded.failure(e, codec, source);
        }
    }

    private static InputStream sevenZ(InputStream raw, Path file) throws IOException {
        Path path = file;
        Path temp = null;
        if (path == null) {
            // a 7z archive keeps its directory at the end: a stream has to be spooled to a file first
            Source source = new Source(raw);
            try {
                temp = Files.createTempFile("mwdump-", ".7z");
                Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException | Error e) {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
                if (source.failure != null) {
                    throw source.failure; // reading the stream failed, not keeping it
                }
                if (!(e instanceof IOException)) {
                    throw e;
                }
                // about the temporary file, whose name means nothing to the reader of the message
                String why = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                        ? fs.getReason() : e.getMessage();
                throw new IOException("cannot keep the 7z stream in a temporary file: " + why, e);
            }
            path = temp;
        }
        raw.close();
        SevenZFile archive = null;
        SevenZArchiveEntry entry = null;
        FileSource channel = null;
        try {
            channel = new FileSource(Files.newByteChannel(path));
            archive = SevenZFile.builder().setSeekableByteChannel(channel).get();
            do {
                entry = archive.getNextEntry();
            } while (entry != null && entry.isDirectory());
            if (entry == null) {
                throw new CorruptInputException("7z archive has no file entry", DumpLocation.UNKNOWN, -1, null);
            }
        } catch (IOException | RuntimeException | Error e) {
            // nothing will close what was opened for a reader that is never returned
            if (archive != null) {
                archive.close();
            } else if (channel != null) {
                channel.close();
            }
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
            if (e instanceof IOException io) {
                throw Guarded.failure(io, "7z", channel);
            }
            throw e;
        }
        SevenZFile opened = archive;
        InputStream entryStream = archive.getInputStream(entry);
        Path toDelete = temp;
        return new Guarded(entryStream, "7z", channel) {
            @Override
            public void close() throws IOException {
                try {
                    opened.close();
                } finally {
                    if (toDelete != null) {
                        Files.deleteIfExists(toDelete);
                    }
                }
            }
        };
    }

    /** Where the compressed bytes come from: remembers whether reading them failed. */
    private interface Failing {
        /** The first I/O error of the compressed input itself, or null. */
        IOException failure();
    }

    /** The compressed stream, remembering its first I/O error: that one is not the codec's to explain. */
    private static final class Source extends FilterInputStream implements Failing {
        private IOException failure;

        Source(InputStream in) {
            super(in);
        }

        @Override
        public IOException failure() {
            return failure;
        }

        private IOException failed(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return in.skip(n);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public int available() throws IOException {
            try {
                return in.available();
            } catch (IOException e) {
                throw failed(e);
            }
        }
    }

    /**
     * The 7z file, read at positions: remembers its first I/O error, and an end before the size the
     * file had when it was opened (someone truncated it meanwhile) is one.
     */
    private static final class FileSource implements SeekableByteChannel, Failing {
        private final SeekableByteChannel channel;
        private final long size;
        private IOException failure;

        FileSource(SeekableByteChannel channel) throws IOException {
            this.channel = channel;
            this.size = channel.size();
        }

        @Override
        public IOException failure() {
            return failure;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            try {
                long at = channel.position();
                int n = channel.read(dst);
                if (n < 0 && at < size) {
                    throw new IOException("the file ended at byte " + at + " of " + size
                            + ": it was truncated while it was read");
                }
                return n;
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
                throw e;
            }
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            throw new java.nio.channels.NonWritableChannelException();
        }

        @Override
        public long position() throws IOException {
            return channel.position();
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            channel.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public SeekableByteChannel truncate(long newSize) throws IOException {
            throw new java.nio.channels.NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /**
     * Turns the codec's own I/O errors into {@link CorruptInputException}; an I/O error of the
     * compressed input itself (a disk error) is passed on as it is.
     */
    private static class Guarded extends FilterInputStream {
        private final String codec;
        private final Failing source;

        Guarded(InputStream in, String codec, Failing source) {
            super(in);
            this.codec = codec;
            this.source = source;
        }

        /**
         * The input's own I/O error when reading it failed (the codec may have wrapped it, or given up
         * with an error of its own); otherwise throws the codec's error as damaged data.
         */
        static IOException failure(IOException e, String codec, Failing source) {
            if (source != null && source.failure() != null) {
                return source.failure();
            }
            String message = e.getMessage() == null ? "unexpected end of data" : e.getMessage();
            throw new CorruptInputException("corrupt or truncated " + codec + " data: " + message,
                    DumpLocation.UNKNOWN, -1, e);
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                throw failure(e, codec, source);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                throw failure(e, codec, source);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return in.skip(n);
            } catch (IOException e) {
                throw failure(e, codec, source);
            }
        }

        /** Asked by a buffer on top between reads; xz answers with the error it met before. */
        @Override
        public int available() throws IOException {
            try {
                return in.available();
            } catch (IOException e) {
                throw failure(e, codec, source);
            }
        }
    }
}
