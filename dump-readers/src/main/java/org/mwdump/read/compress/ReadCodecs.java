package org.mwdump.read.compress;

import com.github.luben.zstd.ZstdInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * Errors in the compressed data surface as {@link CorruptInputException}.
 */
public final class ReadCodecs implements Codecs {

    @Override
    public boolean decompresses(Compression compression) {
        return compression != Compression.NONE;
    }

    @Override
    public InputStream decompress(Compression compression, InputStream raw, Path file) throws IOException {
        try {
            return switch (compression) {
                // decoding bz2 is slower than parsing XML: decode on a second core
                case BZIP2 -> new ReadAheadInputStream(new Bzip2InputStream(raw), 1 << 20, 4);
                case GZIP -> new Guarded(new GZIPInputStream(raw, 1 << 16), "gzip");
                case XZ -> new Guarded(new XZInputStream(raw), "xz");
                case ZSTD -> new Guarded(new ZstdInputStream(new ZstdFrameBoundaries(raw)), "zstd");
                case SEVEN_Z -> sevenZ(raw, file);
                case NONE -> raw;
            };
        } catch (IOException e) {
            // gzip, xz and 7z read their headers here: a damaged or cut header is damaged input, like later data
            throw Guarded.corrupt(e, compression.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static InputStream sevenZ(InputStream raw, Path file) throws IOException {
        Path path = file;
        Path temp = null;
        if (path == null) {
            // a 7z archive keeps its directory at the end: a stream has to be spooled to a file first
            temp = Files.createTempFile("mwdump-", ".7z");
            Files.copy(raw, temp, StandardCopyOption.REPLACE_EXISTING);
            path = temp;
        }
        raw.close();
        SevenZFile archive = null;
        SevenZArchiveEntry entry = null;
        try {
            archive = SevenZFile.builder().setPath(path).get();
            do {
                entry = archive.getNextEntry();
            } while (entry != null && entry.isDirectory());
            if (entry == null) {
                throw new CorruptInputException("7z archive has no file entry", DumpLocation.UNKNOWN, -1, null);
            }
        } catch (IOException | RuntimeException e) {
            // nothing will close what was opened for a reader that is never returned
            if (archive != null) {
                archive.close();
            }
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
            throw e;
        }
        SevenZFile opened = archive;
        InputStream entryStream = archive.getInputStream(entry);
        Path toDelete = temp;
        return new Guarded(entryStream, "7z") {
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

    /** Turns the codec's own I/O errors into {@link CorruptInputException}. */
    private static class Guarded extends FilterInputStream {
        private final String codec;

        Guarded(InputStream in, String codec) {
            super(in);
            this.codec = codec;
        }

        private CorruptInputException corrupt(IOException e) {
            return corrupt(e, codec);
        }

        static CorruptInputException corrupt(IOException e, String codec) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new CorruptInputException("corrupt or truncated " + codec + " data: " + message,
                    DumpLocation.UNKNOWN, -1, e);
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                throw corrupt(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                throw corrupt(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return in.skip(n);
            } catch (IOException e) {
                throw corrupt(e);
            }
        }
    }
}
