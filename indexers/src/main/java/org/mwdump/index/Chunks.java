package org.mwdump.index;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mwdump.CorruptInputException;
import org.mwdump.DumpLocation;
import org.mwdump.read.bzip2.Bzip2BlockDecoder;
import org.mwdump.read.bzip2.Bzip2InputStream;

/**
 * The independently compressed pieces of a random-access dump (bz2 streams or zstd frames), each
 * decoded on its own from its byte offset. Positional reads only, so instances are thread-safe.
 */
abstract class Chunks {
    final FileChannel channel;
    /** The file's name, for messages (as given: a path, or an address on another file system). */
    final String file;
    /** The file's size when it was opened: an end of file before it is an I/O error, not damage. */
    final long size;

    Chunks(FileChannel channel, String file) throws IOException {
        this.channel = channel;
        this.file = file;
        this.size = channel.size();
    }

    /** Opens the right kind for the file's first bytes. */
    static Chunks open(FileChannel channel, String file) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(6);
        channel.read(head, 0);
        byte[] h = head.array();
        if (h[0] == 'B' && h[1] == 'Z' && h[2] == 'h') {
            return new Bzip2(channel, file);
        }
        if ((h[0] & 0xff) == 0x28 && (h[1] & 0xff) == 0xB5 && (h[2] & 0xff) == 0x2F && (h[3] & 0xff) == 0xFD) {
            return new SeekableZstd(channel, file);
        }
        // another kind of dump is not supported; anything else is a damaged one
        org.mwdump.Compression c = org.mwdump.Compression.sniff(h, head.position());
        boolean xml = h[0] == '<' || (h[0] & 0xff) == 0xEF || h[0] == ' ' || h[0] == '\n' || h[0] == '\t';
        if (c != org.mwdump.Compression.NONE || xml) {
            throw notRandomAccess(c == org.mwdump.Compression.NONE ? "not compressed" : c.extension().substring(1),
                    file);
        }
        throw new CorruptInputException("neither a bz2 nor a seekable zstd file", location(file, 0), -1, null);
    }

    /**
     * The refusal of a dump that is not bz2 or seekable zstd, {@code kind} saying what it is ("gz", "not
     * compressed", "Parquet").
     */
    static org.mwdump.UnsupportedDumpException notRandomAccess(String kind, String file) {
        return new org.mwdump.UnsupportedDumpException("random access needs a bz2 or seekable zstd file, and this is "
                + kind + " (mwdump recompress makes one)", location(file, 0));
    }

    static DumpLocation location(Path file, long offset) {
        return location(file.toString(), offset);
    }

    static DumpLocation location(String file, long offset) {
        return DumpLocation.at(file, offset);
    }

    /**
     * An I/O failure of a public entry point, as mwdump's unchecked exception: "cannot read FILE: why",
     * naming the file that failed (the dump, or one of its index files) and keeping the cause.
     */
    static org.mwdump.DumpException ioFailure(Path subject, IOException e) {
        String file = e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null ? fs.getFile()
                : subject.toString();
        return org.mwdump.DumpException.cannotRead(e, location(Path.of(file), -1));
    }

    /** The decoded bytes of the chunk starting at this offset. */
    abstract byte[] decode(long offset) throws IOException;

    /** Offsets of all chunks, in file order (reads the file for bz2). */
    abstract List<Long> offsets() throws IOException;

    /** One bz2 stream per chunk. */
    static final class Bzip2 extends Chunks {
        private final DecoderPool decoders = new DecoderPool();

        Bzip2(FileChannel channel, String file) throws IOException {
            super(channel, file);
        }

        @Override
        byte[] decode(long offset) throws IOException {
            return decodeStream(offset).data();
        }

        /**
         * A decoded stream and the offset where the next one starts (the file's size after the last), or -1
         * when that was not found on the way.
         */
        record Stream(byte[] data, long next) {
        }

        /** Decodes the stream at this offset, telling where the next stream starts when it was seen. */
        Stream decodeStream(long offset) throws IOException {
            Cut cut = streamBytes(offset);
            if (cut == null) {
                return new Stream(decode(new ChannelInputStream(channel, offset, size), offset), -1);
            }
            try {
                return new Stream(decode(new ByteArrayInputStream(cut.bytes(), 0, cut.length()), offset),
                        offset + cut.length());
            } catch (CorruptInputException e) {
                // what looked like the next stream's header was inside this one's data (a chance of
                // about 2^-80 per byte): decode again without the cut, and report what that finds
                return new Stream(decode(new ChannelInputStream(channel, offset, size), offset), -1);
            }
        }

        /** The first {@code length} bytes of {@code bytes}: one stream's compressed bytes. */
        private record Cut(byte[] bytes, int length) {
        }

        private byte[] decode(InputStream compressed, long offset) throws IOException {
            return decoders.with(decoder -> {
                try (InputStream in = new Bzip2InputStream(compressed, false, decoder)) {
                    return in.readAllBytes();
                } catch (CorruptInputException e) {
                    // the decoder counts from the start of this stream: say where in the file
                    long at = e.location().compressedOffset();
                    throw e.at(location(file, at < 0 ? offset : offset + at));
                }
            });
        }

        /**
         * The compressed bytes of the stream at this offset, in memory: read up to the next stream's header (streams
         * start on byte boundaries with {@code BZh1}..{@code BZh9} and a block or end-of-stream magic), so
         * that a lookup reads about one stream rather than a decoder's full input window. Null past
         * {@link #MAX_SCAN} without finding one: the decoder then reads what it needs itself.
         */
        private Cut streamBytes(long offset) throws IOException {
            byte[] buf = new byte[STEP];
            int have = 0;
            int searched = 4;
            while (true) {
                if (have == buf.length) {
                    if (buf.length >= MAX_SCAN) {
                        return null;
                    }
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int r = DumpFiles.read(channel, ByteBuffer.wrap(buf, have, buf.length - have), offset + have, size);
                if (r < 0) {
                    return new Cut(buf, have);
                }
                have += r;
                int next = nextStreamHeader(buf, searched, have);
                if (next >= 0) {
                    return new Cut(buf, next);
                }
                searched = Math.max(4, have - HEADER_LENGTH + 1);
            }
        }

        private static final int STEP = 256 << 10;
        private static final int MAX_SCAN = 16 << 20;
        /** {@code BZh} and a level, then the 48-bit block or end-of-stream magic. */
        private static final int HEADER_LENGTH = 10;
        private static final byte[] BZH = {'B', 'Z', 'h'};

        /** Where in {@code buf[from, have)} the next stream's header starts, or -1. */
        static int nextStreamHeader(byte[] buf, int from, int have) {
            for (int i = PageScanner.indexOf(buf, BZH, from, have); i >= 0 && i + HEADER_LENGTH <= have;
                    i = PageScanner.indexOf(buf, BZH, i + 1, have)) {
                if (isStreamHeader(buf, i)) {
                    return i;
                }
            }
            return -1;
        }

        private static boolean isStreamHeader(byte[] b, int i) {
            if (b[i + 1] != 'Z' || b[i + 2] != 'h' || b[i + 3] < '1' || b[i + 3] > '9') {
                return false;
            }
            long magic = 0;
            for (int k = 4; k < HEADER_LENGTH; k++) {
                magic = (magic << 8) | (b[i + k] & 0xFF);
            }
            return magic == Bzip2BlockDecoder.BLOCK_MAGIC || magic == Bzip2BlockDecoder.END_OF_STREAM_MAGIC;
        }

        @Override
        List<Long> offsets() throws IOException {
            return Bzip2Streams.starts(channel);
        }
    }

    /** One zstd frame per chunk, located through the seek table at the end of the file. */
    static final class SeekableZstd extends Chunks {
        /** Compressed offset to {compressed size, decompressed size, checksum or -1}. */
        private final TreeMap<Long, long[]> frames = new TreeMap<>();
        /** Where the seek table starts: the end of the frames. */
        private long tableStart;

        SeekableZstd(FileChannel channel, String file) throws IOException {
            super(channel, file);
            if (size < 17 || read(size - 9, 9).getInt(5) != 0x8F92EAB1) {
                throw new CorruptInputException("zstd file without a seek table", location(file, size - 4), -1, null);
            }
            ByteBuffer footer = read(size - 9, 9);
            long n = footer.getInt(0) & 0xFFFFFFFFL;
            int descriptor = footer.get(4) & 0xff;
            if ((descriptor & 0x7C) != 0) {
                throw new CorruptInputException("seek table descriptor has reserved bits set", location(file, size - 5),
                        -1, null);
            }
            boolean checksums = (descriptor & 0x80) != 0;
            int entry = checksums ? 12 : 8;
            long tableSize = n * entry + 9;
            long tableStart = size - tableSize - 8;
            if (n > 0x8000000L || tableStart < 0) {
                throw new CorruptInputException("seek table claims " + n + " frames, more than the file holds",
                        location(file, size - 9), -1, null);
            }
            ByteBuffer table = read(tableStart, (int) (tableSize + 8));
            if (table.getInt(0) != 0x184D2A5E || (table.getInt(4) & 0xFFFFFFFFL) != tableSize) {
                throw new CorruptInputException("seek table frame header does not match its footer",
                        location(file, tableStart), -1, null);
            }
            this.tableStart = tableStart;
            long offset = 0;
            for (int i = 0; i < n; i++) {
                int at = 8 + i * entry;
                long c = table.getInt(at) & 0xFFFFFFFFL;
                long d = table.getInt(at + 4) & 0xFFFFFFFFL;
                long sum = checksums ? table.getInt(at + 8) & 0xFFFFFFFFL : -1;
                frames.put(offset, new long[] {c, d, sum});
                offset += c;
            }
            if (offset != tableStart) {
                throw new CorruptInputException("seek table frame sizes add up to " + offset + ", not to the table's "
                        + "offset " + tableStart, location(file, tableStart), -1, null);
            }
        }

        /** The offset of the seek table: where the frames end. */
        long tableStart() {
            return tableStart;
        }

        /** The compressed size of the frame at this offset. */
        long frameSize(long offset) throws IOException {
            long[] frame = frames.get(offset);
            if (frame == null) {
                throw new CorruptInputException("no frame starts at this offset", location(file, offset), -1, null);
            }
            return frame[0];
        }

        /** The seek table entries (compressed size, decompressed size, checksum) of the frames in {@code [from, to)}. */
        List<long[]> framesIn(long from, long to) {
            List<long[]> result = new ArrayList<>();
            for (long[] f : frames.subMap(from, to).values()) {
                result.add(f.clone());
            }
            return result;
        }

        private ByteBuffer read(long position, int length) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining()) {
                if (DumpFiles.read(channel, b, position + b.position(), size) < 0) {
                    // past the size the file had when opened: the seek table points outside the file
                    throw new CorruptInputException("unexpected end of file", location(file, position + b.position()),
                            -1, null);
                }
            }
            return b.flip();
        }

        @Override
        byte[] decode(long offset) throws IOException {
            long[] frame = frames.get(offset);
            if (frame == null) {
                throw new CorruptInputException("no frame starts at this offset", location(file, offset), -1, null);
            }
            if (frame[1] > Integer.MAX_VALUE - 8) {
                throw new CorruptInputException("frame too large to decode in memory", location(file, offset), -1, null);
            }
            byte[] compressed = read(offset, (int) frame[0]).array();
            // the seek table's size is only believed when the frame header agrees: a lying table must not
            // make us allocate gigabytes
            long declared = Zstd.getFrameContentSize(compressed);
            if (declared < 0) {
                return decodeStreaming(compressed, frame[1], offset);
            }
            if (declared != frame[1]) {
                throw new CorruptInputException("zstd frame content size " + declared + " differs from the seek table's "
                        + frame[1], location(file, offset), -1, null);
            }
            byte[] out = new byte[(int) frame[1]];
            long n;
            try {
                n = Zstd.decompressByteArray(out, 0, out.length, compressed, 0, compressed.length);
            } catch (ZstdException e) {
                // zstd-jni reports a bad frame (checksum, code) with this unchecked exception
                throw new CorruptInputException("corrupt or truncated zstd data: " + e.getMessage(),
                        location(file, offset), -1, e);
            }
            if (Zstd.isError(n) || n != out.length) {
                throw new CorruptInputException("zstd frame does not decode to its stated size"
                        + (Zstd.isError(n) ? ": " + Zstd.getErrorName(n) : ""), location(file, offset), -1, null);
            }
            return out;
        }

        /** A frame without content size in its header: decoded as a stream, never past the table's size. */
        private byte[] decodeStreaming(byte[] compressed, long size, long offset) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size, 1 << 20));
            byte[] buf = new byte[1 << 16];
            try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(compressed))) {
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    out.write(buf, 0, n);
                    if (out.size() > size) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw new CorruptInputException("corrupt or truncated zstd data: " + e.getMessage(),
                        location(file, offset), -1, e);
            }
            if (out.size() != size) {
                throw new CorruptInputException("zstd frame does not decode to its stated size", location(file, offset),
                        -1, null);
            }
            return out.toByteArray();
        }

        @Override
        List<Long> offsets() {
            List<Long> result = new ArrayList<>();
            for (Map.Entry<Long, long[]> e : frames.entrySet()) {
                if (e.getValue()[1] > 0) {
                    result.add(e.getKey());
                }
            }
            return Collections.unmodifiableList(result);
        }
    }
}
