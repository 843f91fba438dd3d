package org.mwdump.index;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.mwdump.Compression;
import org.mwdump.DumpException;
import org.mwdump.DumpFormat;
import org.mwdump.DumpLocation;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.ReadOptions;
import org.mwdump.UnsupportedDumpException;
import org.mwdump.spi.ReaderInput;
import org.mwdump.spi.ReaderProvider;

/**
 * A dump file cut into splits that are read independently, by other threads, processes or machines
 * (the Spark data source reads one split per task): groups of consecutive bz2 streams of a multistream
 * file, or of zstd frames of a seekable zstd file; anything else is one split.
 *
 * <p>Every page is read from exactly one split: the one in whose streams (frames) its {@code <page>}
 * line starts. Its reader reads that page to its end across the split's last byte, and leaves out the
 * end of a page that started in an earlier split. The XML head (root and site info) is read from the
 * start of the file for every split.
 *
 * <p>The file is read through a {@link FileChannel} with positional reads only, so one channel can be
 * shared, and a channel over another file system (HDFS, S3) works as well as a local file.
 */
public final class DumpSplits {
    private static final byte[] PAGE = "<page>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FOOTER = "</mediawiki>\n".getBytes(StandardCharsets.US_ASCII);

    private DumpSplits() {
    }

    /**
     * A part of a dump file: the streams or frames that start at byte offsets in {@code [start, end)}.
     *
     * @param start the compressed byte offset of the split's first stream or frame
     * @param end   the compressed byte offset after its last one
     */
    public record Split(long start, long end) implements Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Checks the offsets.
         *
         * @throws IllegalArgumentException if {@code start} is negative or after {@code end}
         */
        public Split {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad split [" + start + ", " + end + ")");
            }
        }

        /**
         * The compressed bytes the split covers.
         *
         * @return {@code end - start}
         */
        public long length() {
            return end - start;
        }
    }

    /**
     * Cuts a dump file into splits of about {@code targetBytes} compressed bytes each, at stream or frame
     * boundaries: a multistream bz2 file is scanned for its stream headers (read once), a seekable zstd
     * file's frames come from its seek table; a file of one bz2 stream, or of any other kind, is one split.
     *
     * @param file        the dump, read with positional reads (not closed)
     * @param name        the file's name, for messages
     * @param targetBytes the compressed size a split grows to before the next one starts
     * @return the splits, in file order, covering the whole file
     * @throws DumpException if the file cannot be read, or its seek table is damaged
     */
    public static List<Split> plan(FileChannel file, String name, long targetBytes) {
        Objects.requireNonNull(file, "file is null");
        if (targetBytes < 1) {
            throw new IllegalArgumentException("targetBytes must be positive");
        }
        try {
            long size = file.size();
            List<Long> offsets = chunkOffsets(file, name);
            List<Split> splits = new ArrayList<>();
            if (offsets.size() < 2) {
                splits.add(new Split(0, size));
                return splits;
            }
            long start = 0;
            for (int i = 1; i < offsets.size(); i++) {
                long offset = offsets.get(i);
                if (offset - start >= targetBytes) {
                    splits.add(new Split(start, offset));
                    start = offset;
                }
            }
            splits.add(new Split(start, size));
            return splits;
        } catch (IOException e) {
            throw DumpException.cannotRead(e, DumpLocation.of(name));
        }
    }

    /** Offsets of the file's independently decodable chunks; fewer than two when it has no such layout. */
    private static List<Long> chunkOffsets(FileChannel file, String name) throws IOException {
        Chunks chunks = chunks(file, name);
        return chunks == null ? List.of() : chunks.offsets();
    }

    /** The file's streams or frames, or null when it is neither bz2 nor seekable zstd. */
    private static Chunks chunks(FileChannel file, String name) throws IOException {
        byte[] h = new byte[4];
        ByteBuffer b = ByteBuffer.wrap(h);
        while (b.hasRemaining() && file.read(b, b.position()) > 0) {
            // the first bytes
        }
        if (b.hasRemaining()) {
            return null;
        }
        if (h[0] == 'B' && h[1] == 'Z' && h[2] == 'h') {
            return new Chunks.Bzip2(file, Path.of(name));
        }
        if ((h[0] & 0xff) == 0x28 && (h[1] & 0xff) == 0xB5 && (h[2] & 0xff) == 0x2F && (h[3] & 0xff) == 0xFD) {
            try {
                return new Chunks.SeekableZstd(file, Path.of(name));
            } catch (org.mwdump.CorruptInputException e) {
                return null; // zstd without a seek table: one split
            }
        }
        return null;
    }

    /**
     * Opens a reader of the pages that start in a split (see the class comment). A split covering a whole
     * file that is not cut into streams or frames is read as {@link Dumps#open(java.io.InputStream,
     * String, ReadOptions)} reads it (any format and compression that needs no random access).
     *
     * @param file    the dump, read with positional reads (not closed by the reader)
     * @param name    the file's name, for messages
     * @param split   one of the splits {@link #plan} made for this file
     * @param options strictness and limits
     * @return a reader; close it when done
     * @throws DumpException if the file cannot be read or is damaged where the reader starts
     */
    public static DumpReader open(FileChannel file, String name, Split split, ReadOptions options) {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(split, "split is null");
        Objects.requireNonNull(options, "options is null");
        try {
            long size = file.size();
            Chunks chunks = chunks(file, name);
            List<Long> offsets = chunks == null ? List.of() : chunks.offsets();
            if (offsets.size() < 2) {
                if (split.start() != 0) {
                    throw new IllegalArgumentException("not a split of " + name + ": " + split);
                }
                return Dumps.open(new ChannelInputStream(file, 0, size), name, options);
            }
            Pieces pieces = new Pieces(chunks, offsets, split, name);
            ReaderProvider xml = Dumps.readerProvider(DumpFormat.XML);
            if (xml == null) {
                throw new UnsupportedDumpException("no XML reader: add org.mwdump:dump-readers to the class path",
                        DumpLocation.of(name));
            }
            return xml.open(new ReaderInput(new java.io.BufferedInputStream(new java.io.SequenceInputStream(pieces),
                    1 << 16), null, name, chunks instanceof Chunks.Bzip2 ? Compression.BZIP2 : Compression.ZSTD,
                    pieces::offset, size), options);
        } catch (IOException e) {
            throw DumpException.cannotRead(e, DumpLocation.of(name));
        } catch (UncheckedIOException e) {
            throw DumpException.cannotRead(e.getCause(), DumpLocation.of(name));
        }
    }

    /**
     * The bytes of a split's document, decoded one stream or frame at a time: the head (everything before
     * the file's first page), the split's chunks from their first page line on, the following chunks up
     * to the next page line, and the root's end tag when the file goes on.
     */
    private static final class Pieces implements Enumeration<InputStream> {
        private final Chunks chunks;
        private final List<Long> offsets;
        private final String name;
        private final long end;
        /** Index of the next chunk to decode. */
        private int next;
        private boolean headGiven;
        private boolean pageFound;
        private boolean done;
        private byte[] pending;
        private volatile long offset;

        Pieces(Chunks chunks, List<Long> offsets, Split split, String name) throws IOException {
            this.chunks = chunks;
            this.offsets = offsets;
            this.name = name;
            this.end = split.end();
            int first = offsets.indexOf(split.start());
            if (first < 0) {
                throw new IllegalArgumentException("not a split of " + name + ": no stream or frame starts at "
                        + split.start());
            }
            next = first;
            headGiven = first == 0;
            pageFound = first == 0;
            pending = headGiven ? null : head();
        }

        long offset() {
            return offset;
        }

        /** Everything the file holds before its first page line. */
        private byte[] head() throws IOException {
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
            for (long o : offsets) {
                byte[] b = decode(o);
                int at = pageLine(b, 0);
                head.write(b, 0, at < 0 ? b.length : at);
                if (at >= 0) {
                    return head.toByteArray();
                }
            }
            throw new org.mwdump.CorruptInputException("no page in the whole file", DumpLocation.of(name), -1, null);
        }

        private byte[] decode(long at) throws IOException {
            offset = at;
            return chunks.decode(at);
        }

        @Override
        public boolean hasMoreElements() {
            if (pending != null) {
                return true;
            }
            try {
                pending = advance();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return pending != null;
        }

        @Override
        public InputStream nextElement() {
            if (!hasMoreElements()) {
                throw new NoSuchElementException();
            }
            byte[] b = pending;
            pending = null;
            return new ByteArrayInputStream(b);
        }

        /** The next bytes of the document, or null at its end. */
        private byte[] advance() throws IOException {
            while (!done) {
                if (next == offsets.size()) {
                    done = true;
                    return null;
                }
                long at = offsets.get(next++);
                byte[] b = decode(at);
                if (at < end) {
                    // one of the split's own chunks: from its first page line on
                    if (pageFound) {
                        return b;
                    }
                    int p = pageLine(b, 0);
                    if (p < 0) {
                        continue; // the end of a page of an earlier split
                    }
                    pageFound = true;
                    return java.util.Arrays.copyOfRange(b, p, b.length);
                }
                if (!pageFound) {
                    // no page starts in the split: it holds none
                    done = true;
                    return FOOTER;
                }
                // after the split: up to the next page line, which the next split reads from
                int p = pageLine(b, 0);
                if (p < 0) {
                    return b;
                }
                done = true;
                byte[] tail = java.util.Arrays.copyOf(b, p + FOOTER.length);
                System.arraycopy(FOOTER, 0, tail, p, FOOTER.length);
                return tail;
            }
            return null;
        }
    }

    /**
     * The offset of the first line from {@code from} on that holds {@code <page>} after nothing but
     * indentation (the offset of the line's start), or -1.
     */
    static int pageLine(byte[] b, int from) {
        for (int i = PageScanner.indexOf(b, PAGE, from, b.length); i >= 0;
             i = PageScanner.indexOf(b, PAGE, i + 1, b.length)) {
            int line = i;
            while (line > 0 && (b[line - 1] == ' ' || b[line - 1] == '\t')) {
                line--;
            }
            if (line == 0 || b[line - 1] == '\n') {
                return line;
            }
        }
        return -1;
    }
}
