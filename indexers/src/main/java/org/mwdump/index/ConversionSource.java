package org.mwdump.index;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import org.mwdump.Compression;
import org.mwdump.CountingInputStream;
import org.mwdump.DumpException;
import org.mwdump.Dumps;
import org.mwdump.read.xml.XmlHead;

/**
 * The decoded XML of a dump file for {@link ParallelConversion}, decoded on several threads where the
 * layout allows (bz2 at blocks, seekable zstd at frames). {@link #source()} is {@code null} when the
 * file is not a MediaWiki XML dump with a {@code <mediawiki>} root in an ASCII-compatible encoding
 * (RevDoc, Parquet, UTF-16, a segment without header): those are converted by one reader.
 */
final class ConversionSource implements AutoCloseable {
    private final ParallelConversion.Source source;
    private final AutoCloseable[] resources;

    private ConversionSource(ParallelConversion.Source source, AutoCloseable... resources) {
        this.source = source;
        this.resources = resources;
    }

    ParallelConversion.Source source() {
        return source;
    }

    /**
     * @param threads decoding threads
     * @param shared  the pool that decodes (of {@code threads} threads, left running on close), or null
     *                for pools of the source's own
     */
    static ConversionSource open(Path file, int threads, ExecutorService shared) throws IOException {
        String name = file.toString();
        FileChannel channel = DumpFiles.open(file);
        // what was opened, closed here unless handed to the result
        AutoCloseable decoded = null;
        AutoCloseable extra = null;
        boolean ok = false;
        try {
            long size = channel.size();
            ByteBuffer magic = ByteBuffer.allocate(4);
            channel.read(magic, 0);
            byte[] h = magic.array();
            InputStream content;
            Compression compression;
            java.util.function.LongSupplier consumed;
            if (h[0] == 'B' && h[1] == 'Z' && h[2] == 'h') {
                Bzip2BlockReader blocks = shared != null
                        ? new Bzip2BlockReader(channel, file, shared, false, threads, null)
                        : new Bzip2BlockReader(channel, file, Math.max(2, threads), null);
                decoded = blocks;
                content = blocks;
                compression = Compression.BZIP2;
                consumed = blocks::compressedOffset;
            } else {
                ParallelDumps.ChunkStream frames = seekableZstd(channel, file, threads, shared, h);
                if (frames != null) {
                    decoded = frames;
                    content = frames;
                    compression = Compression.ZSTD;
                    consumed = frames::compressedOffset;
                } else {
                    FileChannel sequential = DumpFiles.open(file);
                    CountingInputStream counted = new CountingInputStream(new ChannelInputStream(sequential, 0, size) {
                        @Override
                        public void close() throws IOException {
                            sequential.close();
                        }
                    });
                    extra = counted;
                    content = Dumps.decompress(counted, file);
                    decoded = content;
                    compression = Compression.sniff(h, 4);
                    consumed = counted::count;
                }
            }
            BufferedInputStream buffered = new BufferedInputStream(content, 1 << 16);
            ConversionSource result = isMediaWikiXml(buffered)
                    ? new ConversionSource(new ParallelConversion.Source(buffered, name, file, compression, consumed,
                    size), decoded, extra, channel)
                    : new ConversionSource(null, decoded, extra, channel);
            ok = true;
            return result;
        } catch (DumpException e) {
            if (DumpFiles.isReadFailure(e)) {
                throw e; // not tried again by another reader
            }
            // damaged data or not a dump: one reader reads it, and reports it as it would on one thread
            return new ConversionSource(null);
        } finally {
            if (!ok) {
                // decoding threads stopped, files closed
                new ConversionSource(null, decoded, extra, channel).close();
            }
        }
    }

    private static ParallelDumps.ChunkStream seekableZstd(FileChannel channel, Path file, int threads,
                                                          ExecutorService shared, byte[] h)
            throws IOException {
        if ((h[0] & 0xff) != 0x28 || (h[1] & 0xff) != 0xB5 || (h[2] & 0xff) != 0x2F || (h[3] & 0xff) != 0xFD) {
            return null;
        }
        try {
            Chunks.SeekableZstd chunks = new Chunks.SeekableZstd(channel, file.toString());
            return shared != null
                    ? new ParallelDumps.ChunkStream(null, chunks, chunks.offsets(), shared, false, threads)
                    : new ParallelDumps.ChunkStream(null, chunks, chunks.offsets(), threads);
        } catch (DumpException e) {
            return null; // zstd without a seek table: decoded as one stream
        }
    }

    /**
     * Whether the first element of the content ({@link XmlHead}: after a byte-order mark, white space, the
     * XML declaration and comments) is {@code <mediawiki>}, in bytes without NUL (so not UTF-16).
     */
    static boolean isMediaWikiXml(BufferedInputStream in) throws IOException {
        in.mark(4096);
        byte[] head = in.readNBytes(4096);
        in.reset();
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        return "mediawiki".equals(XmlHead.of(head, head.length).firstElement());
    }

    @Override
    public void close() throws IOException {
        for (AutoCloseable c : resources) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                // closing after the work is done or failed: nothing more to report
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }
}
