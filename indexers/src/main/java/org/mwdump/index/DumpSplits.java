package org.mwdump.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.mwdump.Compression;
import org.mwdump.CorruptInputException;
import org.mwdump.DumpException;
import org.mwdump.DumpFormat;
import org.mwdump.DumpLocation;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.ReadOptions;
import org.mwdump.UnsupportedDumpException;
import org.mwdump.read.bzip2.Bzip2BlockDecoder;
import org.mwdump.spi.ReaderInput;
import org.mwdump.spi.ReaderProvider;

/**
 * A dump file cut into splits that are read independently, by other threads, processes or machines
 * (the Spark data source reads one split per task), without reading the whole file to make them:
 * <ul>
 *   <li>a multistream bz2 file: byte ranges, a split reading the streams that start in its range (found
 *       there by their headers), or groups of consecutive streams when its index gives their offsets;</li>
 *   <li>a seekable zstd file: groups of consecutive frames (from its seek table);</li>
 *   <li>a bz2 file of one stream: byte ranges; a split reads the blocks that start in its range, found
 *       there by their magic and accepted only if they decode with the right CRC;</li>
 *   <li>anything else: one split.</li>
 * </ul>
 *
 * <p>Every page is read from exactly one split: the one in whose streams, frames or blocks its
 * {@code <page>} line starts. Its reader reads that page to its end across the split's last byte, and
 * leaves out the end of a page that started in an earlier split. The XML head (root and site info) is
 * read from the start of the file for every split.
 *
 * <p>The file is read through a {@link FileChannel} with positional reads only, so one channel can be
 * shared, and a channel over another file system (HDFS, S3) works as well as a local file.
 */
public final class DumpSplits {
    private static final byte[] PAGE = "<page>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FOOTER = "</mediawiki>\n".getBytes(StandardCharsets.US_ASCII);
    /** Bytes scanned at a time for the next stream header. */
    private static final int SCAN = 1 << 20;
    /**
     * How far into a bz2 file a second stream is looked for to call it multistream: Wikimedia's start with a
     * stream of the site info alone, then one of 100 pages, a few hundred kilobytes of a bz2 stream.
     */
    private static final long PROBE = 16L << 20;

    private DumpSplits() {
    }

    /** How a split is read. */
    public enum Kind {
        /** The whole file, as one reader reads it. */
        WHOLE,
        /** The bz2 streams that start in the split. */
        STREAMS,
        /** The zstd frames that start in the split. */
        FRAMES,
        /** The bz2 blocks that start in the split. */
        BLOCKS
    }

    /**
     * A part of a dump file: the streams, frames or blocks that start at byte offsets in
     * {@code [start, end)}.
     *
     * @param kind  how the split is read
     * @param start the compressed byte offset where the split starts
     * @param end   the compressed byte offset where the next split starts (the file's size for the last)
     */
    public record Split(Kind kind, long start, long end) {
        /**
         * Checks the offsets.
         *
         * @param kind  how the split is read
         * @param start the compressed byte offset where the split starts
         * @param end   the compressed byte offset where the next split starts (the file's size for the last)
         * @throws IllegalArgumentException if {@code start} is negative or after {@code end}
         * @throws NullPointerException     if {@code kind} is null
         */
        public Split {
            Objects.requireNonNull(kind, "kind is null");
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
     * Cuts a dump file into splits of about {@code targetBytes} compressed bytes each (see the class
     * comment) without reading the file, but for its first bytes (to tell a multistream bz2 file from one
     * of one stream) and a seek table: the splits of a bz2 file are byte ranges, whose streams or blocks a
     * split finds when it is read; {@link #plan(FileChannel, String, long, List)} groups the streams that an
     * index lists instead.
     *
     * @param file        the dump, read with positional reads (not closed)
     * @param name        the file's name, for messages
     * @param targetBytes the compressed size a split grows to before the next one starts
     * @return the splits, in file order, covering the whole file
     * @throws DumpException if the file cannot be read, or its seek table is damaged
     */
    public static List<Split> plan(FileChannel file, String name, long targetBytes) {
        return plan(file, name, targetBytes, null);
    }

    /**
     * Like {@link #plan(FileChannel, String, long)}, with the offsets of a multistream bz2 file's streams
     * already known (from its index), so that the file is not read.
     *
     * @param file          the dump, read with positional reads (not closed)
     * @param name          the file's name, for messages
     * @param targetBytes   the compressed size a split grows to before the next one starts
     * @param streamOffsets the byte offsets of the file's bz2 streams, ascending, or null to find them
     * @return the splits, in file order, covering the whole file
     * @throws DumpException if the file cannot be read, or its seek table is damaged
     */
    public static List<Split> plan(FileChannel file, String name, long targetBytes, List<Long> streamOffsets) {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(name, "name is null");
        if (targetBytes < 1) {
            throw new IllegalArgumentException("targetBytes must be positive");
        }
        try {
            long size = file.size();
            byte[] h = first4(file);
            List<Split> splits = new ArrayList<>();
            if (h != null && isBzip2(h)) {
                if (streamOffsets != null && streamOffsets.size() >= 2) {
                    group(Kind.STREAMS, streamOffsets, size, targetBytes, splits);
                    return splits;
                }
                // without the offsets, the file is not read: byte ranges, whose streams (a multistream file,
                // told by a second stream within its first bytes) or blocks each split finds itself
                Kind kind = nextStreamStart(file, 4, PROBE) >= 0 ? Kind.STREAMS : Kind.BLOCKS;
                for (long start = 0; start < size; start += targetBytes) {
                    splits.add(new Split(kind, start, Math.min(size, start + targetBytes)));
                }
                return splits;
            }
            Chunks.SeekableZstd frames = h != null && isZstd(h) ? seekableZstd(file, name) : null;
            if (frames != null && frames.offsets().size() >= 2) {
                group(Kind.FRAMES, frames.offsets(), size, targetBytes, splits);
                return splits;
            }
            splits.add(new Split(Kind.WHOLE, 0, size));
            return splits;
        } catch (IOException e) {
            throw DumpException.cannotRead(e, DumpLocation.of(name));
        }
    }

    /**
     * The names the Wikimedia index of a multistream dump has beside it, most likely first:
     * {@code X-multistream.xml.bz2} has {@code X-multistream-index.txt.bz2}; part files
     * {@code X-multistreamN.xml-pApB.bz2} have {@code X-multistream-indexN.txt-pApB.bz2}; mwdump's own
     * recompressed {@code X.xml.bz2} has {@code X-index.txt.bz2}, and {@code X.xml.zst} has
     * {@code X-index.txt.zst} (or, written by an earlier mwdump, {@code X-index.txt.bz2}); seekable zstd part
     * files {@code XN.xml-pApB.zst} (as the Spark writer makes them) have {@code X-indexN.txt-pApB.zst}.
     *
     * @param dumpName the dump's file name (without directories)
     * @return the candidate names of its index, none equal to the dump's
     */
    public static List<String> multistreamIndexNames(String dumpName) {
        List<String> candidates = new ArrayList<>();
        candidates.add(dumpName.replace("multistream.xml", "multistream-index.txt"));
        candidates.add(dumpName.replaceFirst("multistream(\\d+)\\.xml", "multistream-index$1.txt"));
        candidates.add(dumpName.replace(".multistream.xml.bz2", ".multistream-index.xml.bz2"));
        candidates.add(dumpName.replaceFirst("\\.xml\\.bz2$", "-index.txt.bz2"));
        candidates.add(dumpName.replaceFirst("\\.xml\\.zstd?$", "-index.txt.zst"));
        candidates.add(dumpName.replaceFirst("(\\d+)\\.xml-(p\\d+p\\d+)\\.zst$", "-index$1.txt-$2.zst"));
        candidates.add(dumpName.replaceFirst("\\.xml\\.zstd?$", "-index.txt.bz2"));
        candidates.removeIf(dumpName::equals);
        return candidates.stream().distinct().toList();
    }

    /**
     * The stream offsets an index gives: the distinct offsets of its entries, with the header stream at 0.
     *
     * @param index the decompressed index text ({@code offset:page_id:title} lines)
     * @param name  the index's name, for messages
     * @return the offsets, ascending
     * @throws DumpException if a line is malformed or the index cannot be read
     */
    public static List<Long> streamOffsets(InputStream index, String name) {
        List<Long> offsets = new ArrayList<>();
        offsets.add(0L);
        MultistreamIndex.parse(index, name, e -> {
            if (e.offset() != offsets.get(offsets.size() - 1)) {
                offsets.add(e.offset());
            }
        });
        return offsets;
    }

    /**
     * Splits of only the streams (frames) of a multistream bz2 (seekable zstd) file that hold a page whose
     * index entry (offset, page id, title) passes a test, found through the file's index: for reading a
     * range of pages, or the pages of some namespaces, without decoding the rest. A split may still decode
     * one stream after its last, to finish a page that runs into it.
     *
     * @param file        the dump, read with positional reads (not closed)
     * @param name        the file's name, for messages
     * @param targetBytes the compressed size a split grows to before the next one starts
     * @param index       the decompressed text of the file's index ({@code offset:page_id:title} lines, as
     *                    {@link MultistreamIndex#parse} reads them), read here as it streams by
     * @param indexName   the index's name, for messages
     * @param wanted      which pages are wanted
     * @return the splits, in file order; none when no page is wanted
     * @throws DumpException if the file or the index cannot be read, or the file is neither a multistream
     *                       bz2 nor a seekable zstd file
     */
    public static List<Split> plan(FileChannel file, String name, long targetBytes, InputStream index,
                                   String indexName, java.util.function.Predicate<IndexEntry> wanted) {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(index, "index is null");
        Objects.requireNonNull(wanted, "wanted is null");
        try {
            long size = file.size();
            byte[] h = first4(file);
            Kind kind = h != null && isBzip2(h) ? Kind.STREAMS : h != null && isZstd(h) ? Kind.FRAMES : null;
            if (kind == null) {
                throw new UnsupportedDumpException("an index names streams of a bz2 or frames of a zstd file, "
                        + "not of this one", DumpLocation.at(name, 0));
            }
            // the chunks that hold page starts, and whether one of their pages is wanted
            List<Long> offsets = new ArrayList<>();
            List<Boolean> holds = new ArrayList<>();
            MultistreamIndex.parse(index, indexName, e -> {
                if (offsets.isEmpty() || offsets.get(offsets.size() - 1) != e.offset()) {
                    offsets.add(e.offset());
                    holds.add(false);
                }
                if (wanted.test(e)) {
                    holds.set(holds.size() - 1, true);
                }
            });
            List<Split> splits = new ArrayList<>();
            long start = -1;
            for (int i = 0; i < offsets.size(); i++) {
                long next = i + 1 < offsets.size() ? offsets.get(i + 1) : size;
                if (!holds.get(i)) {
                    continue;
                }
                if (start < 0) {
                    start = offsets.get(i);
                }
                boolean runEnds = i + 1 == offsets.size() || !holds.get(i + 1);
                if (runEnds || next - start >= targetBytes) {
                    splits.add(new Split(kind, start, next));
                    start = -1;
                }
            }
            return splits;
        } catch (IOException e) {
            throw DumpException.cannotRead(e, DumpLocation.of(name));
        }
    }

    /**
     * Of the splits of a bz2 file of one stream, the ones in which a wanted page starts, as the file's page
     * index and block index tell (mwdump's {@code .mwpidx} and {@code .mwbidx}, which {@code mwdump index}
     * and {@link IndexedDump} build): a query for some page ids then decodes only the blocks near them.
     * Splits of other kinds are all kept. The caller checks first that both indexes were built from this
     * very file ({@link PageIndex#builtFrom()}, {@link BlockIndex#builtFrom()}).
     *
     * @param splits the file's splits, as {@link #plan(FileChannel, String, long)} made them
     * @param pages  the file's page index (positions are the decoded offsets of the pages' lines)
     * @param blocks the file's block index
     * @param wanted which page ids are wanted
     * @return the splits where a wanted page starts, in file order
     */
    public static List<Split> withWantedPages(List<Split> splits, PageIndex pages, BlockIndex blocks,
                                              java.util.function.LongPredicate wanted) {
        boolean[] keep = new boolean[splits.size()];
        for (int k = 0; k < keep.length; k++) {
            keep[k] = splits.get(k).kind() != Kind.BLOCKS;
        }
        long[] starts = new long[splits.size()];
        for (int k = 0; k < starts.length; k++) {
            starts[k] = splits.get(k).start();
        }
        for (int i = 0; i < pages.size(); i++) {
            if (!wanted.test(pages.pageIdAt(i))) {
                continue;
            }
            // the block where the page's line starts, and the next when its <page> tag runs into it
            long line = pages.positionAt(i);
            int first = blocks.blockAt(line);
            int last = blocks.blockAt(Math.min(line + PAGE_LINE_REACH, blocks.decodedSize() - 1));
            if (first < 0) {
                // the index does not match the blocks: read everything rather than miss the page
                return splits;
            }
            for (int b = first; b <= Math.max(first, last); b++) {
                int k = Arrays.binarySearch(starts, blocks.bitOffset(b) >>> 3);
                keep[k >= 0 ? k : Math.max(0, -k - 2)] = true;
            }
        }
        List<Split> kept = new ArrayList<>();
        for (int k = 0; k < keep.length; k++) {
            if (keep[k]) {
                kept.add(splits.get(k));
            }
        }
        return kept;
    }

    /** How far past a page line's start its {@code <page>} tag may end (indentation and the tag). */
    private static final int PAGE_LINE_REACH = 64;

    /**
     * The site info of a dump, read from the start of the file (for a multistream or seekable zstd file, its
     * first stream or frame) without reading the rest.
     *
     * @param file the dump, read with positional reads (not closed)
     * @param name the file's name, for messages
     * @return the site info
     * @throws DumpException if the file cannot be read or its start is damaged
     */
    public static org.mwdump.model.SiteInfo siteInfo(FileChannel file, String name) {
        Objects.requireNonNull(file, "file is null");
        try {
            byte[] h = first4(file);
            Kind kind = h != null && isBzip2(h) ? Kind.BLOCKS
                    : h != null && isZstd(h) && seekableZstd(file, name) != null ? Kind.FRAMES : Kind.WHOLE;
            Split start = new Split(kind, 0, kind == Kind.WHOLE ? file.size() : 1);
            try (DumpReader r = open(file, name, start, ReadOptions.builder().texts(false).build())) {
                return r.siteInfo();
            }
        } catch (IOException e) {
            throw DumpException.cannotRead(e, DumpLocation.of(name));
        }
    }

    /** Splits of consecutive chunks, a new one starting at the first chunk at least target bytes on. */
    private static void group(Kind kind, List<Long> offsets, long size, long target, List<Split> splits) {
        long start = 0;
        for (int i = 1; i < offsets.size(); i++) {
            long offset = offsets.get(i);
            if (offset - start >= target) {
                splits.add(new Split(kind, start, offset));
                start = offset;
            }
        }
        splits.add(new Split(kind, start, size));
    }

    private static byte[] first4(FileChannel file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4);
        while (b.hasRemaining() && file.read(b, b.position()) > 0) {
            // the first bytes
        }
        return b.hasRemaining() ? null : b.array();
    }

    private static boolean isBzip2(byte[] h) {
        return h[0] == 'B' && h[1] == 'Z' && h[2] == 'h' && h[3] >= '1' && h[3] <= '9';
    }

    private static boolean isZstd(byte[] h) {
        return (h[0] & 0xff) == 0x28 && (h[1] & 0xff) == 0xB5 && (h[2] & 0xff) == 0x2F && (h[3] & 0xff) == 0xFD;
    }

    /** The frames of a seekable zstd file, or null for zstd without a seek table. */
    private static Chunks.SeekableZstd seekableZstd(FileChannel file, String name) throws IOException {
        try {
            return new Chunks.SeekableZstd(file, name);
        } catch (CorruptInputException e) {
            return null;
        }
    }

    /**
     * Opens a reader of the pages that start in a split (see the class comment). A {@link Kind#WHOLE} split
     * is read as {@link Dumps#open(java.io.InputStream, String, ReadOptions)} reads a stream (any format and
     * compression that needs no random access).
     *
     * @param file    the dump, read with positional reads (not closed by the reader)
     * @param name    the file's name, for messages
     * @param split   one of the splits {@link #plan} made for this file
     * @param options strictness and limits
     * @return a reader; close it when done
     * @throws DumpException if the file cannot be read or is damaged where the reader starts
     */
    public static DumpReader open(FileChannel file, String name, Split split, ReadOptions options) {
        return open(file, name, split, options, null);
    }

    /**
     * Like {@link #open(FileChannel, String, Split, ReadOptions)}, telling a listener about every stream,
     * frame or block decoded (for metrics: how much of a file a query had to decode).
     *
     * @param file          the dump, read with positional reads (not closed by the reader)
     * @param name          the file's name, for messages
     * @param split         one of the splits {@link #plan} made for this file
     * @param options       strictness and limits
     * @param chunkDecoded  run after each chunk is decoded (on the reading thread), or null
     * @return a reader; close it when done
     * @throws DumpException if the file cannot be read or is damaged where the reader starts
     */
    public static DumpReader open(FileChannel file, String name, Split split, ReadOptions options,
                                  Runnable chunkDecoded) {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(split, "split is null");
        Objects.requireNonNull(options, "options is null");
        try {
            long size = file.size();
            if (split.kind() == Kind.WHOLE) {
                return Dumps.open(new ChannelInputStream(file, 0, size), name, options);
            }
            Decoded chunks = switch (split.kind()) {
                case STREAMS -> new Streams(file, name, split);
                case FRAMES -> new Frames(file, name, split);
                default -> new Blocks(file, name, split);
            };
            if (chunkDecoded != null) {
                chunks.onChunk = chunkDecoded;
            }
            Pieces pieces = new Pieces(chunks, split.start() == 0 ? null : chunks.head());
            ReaderProvider xml = Dumps.readerProvider(DumpFormat.XML);
            if (xml == null) {
                throw new UnsupportedDumpException("no XML reader: add org.mwdump:dump-readers to the class path",
                        DumpLocation.of(name));
            }
            InputStream document = new java.io.SequenceInputStream(pieces) {
                @Override
                public void close() throws IOException {
                    // what is not read yet is not decoded just to be closed
                    pieces.stop();
                    super.close();
                }
            };
            return xml.open(new ReaderInput(new java.io.BufferedInputStream(document, 1 << 16), null, name, split.kind() == Kind.FRAMES ? Compression.ZSTD : Compression.BZIP2,
                    chunks::offset, size), options);
        } catch (IOException e) {
            throw DumpException.cannotRead(e, DumpLocation.of(name));
        } catch (UncheckedIOException e) {
            throw DumpException.cannotRead(e.getCause(), DumpLocation.of(name));
        }
    }

    // ---------------------------------------------------------------- decoded pieces of a split

    /** The decoded chunks (streams, frames or blocks) from a split's first one on, in file order. */
    private abstract static class Decoded {
        final FileChannel file;
        final String name;
        final long end;
        /** Compressed offset of the chunk decoded last. */
        volatile long offset;
        /** Told about every chunk decoded. */
        Runnable onChunk = () -> { };

        Decoded(FileChannel file, String name, long end) {
            this.file = file;
            this.name = name;
            this.end = end;
        }

        long offset() {
            return offset;
        }

        /** The next chunk's bytes, or null at the end of the file. */
        abstract byte[] next() throws IOException;

        /** Whether the chunk {@link #next} returned last starts in the split. */
        boolean inSplit() {
            return offset < end;
        }

        /** Everything the file holds before its first page line, decoded from the file's start. */
        abstract byte[] head() throws IOException;

        /**
         * The head: the chunks' bytes, one after another, up to the first page line, or up to the end of
         * a chunk that ends with the site info (Wikimedia's first stream), without decoding the next.
         */
        byte[] head(Decoded fromStart) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            for (byte[] b = fromStart.next(); b != null; b = fromStart.next()) {
                onChunk.run();
                int at = pageLine(b);
                head.write(b, 0, at < 0 ? b.length : at);
                if (at >= 0 || endsWithSiteInfo(b)) {
                    return head.toByteArray();
                }
            }
            throw new CorruptInputException("no page in the whole file", DumpLocation.at(name, 0), -1, null);
        }
    }

    /**
     * bz2 streams: the first one found by scanning for a stream header from the split's start, each next
     * one where the previous one ended (or by scanning on, where that was not seen).
     */
    private static final class Streams extends Decoded {
        private final Chunks.Bzip2 chunks;
        /** Where to look for the next stream. */
        private long next;
        /** Whether a stream is known to start exactly at {@link #next}. */
        private boolean known;

        Streams(FileChannel file, String name, Split split) throws IOException {
            super(file, name, split.end());
            this.chunks = new Chunks.Bzip2(file, name);
            this.next = split.start();
        }

        @Override
        byte[] next() throws IOException {
            long at = known ? next : nextStreamStart(file, next);
            if (at < 0 || at >= file.size()) {
                return null;
            }
            offset = at;
            Chunks.Bzip2.Stream stream = chunks.decodeStream(at);
            known = stream.next() >= 0;
            next = known ? stream.next() : at + 1;
            return stream.data();
        }

        @Override
        byte[] head() throws IOException {
            return head(new Streams(file, name, new Split(Kind.STREAMS, 0, 0)));
        }
    }

    /** The byte offset of the first stream header at or after {@code from}, or -1. */
    static long nextStreamStart(FileChannel file, long from) throws IOException {
        return nextStreamStart(file, from, Long.MAX_VALUE);
    }

    /** The byte offset of the first stream header in {@code [from, from + within)}, or -1. */
    static long nextStreamStart(FileChannel file, long from, long within) throws IOException {
        long size = file.size();
        long stop = Math.min(size, from + Math.min(within, size));
        // reads overlap by a header's length less one, so that a header across two reads is seen
        ByteBuffer buf = ByteBuffer.allocate(SCAN + 9);
        for (long base = from; base < stop; base += SCAN) {
            buf.clear();
            while (buf.hasRemaining() && DumpFiles.read(file, buf, base + buf.position(), size) >= 0) {
                // fill the buffer, or up to the end of the file
            }
            int have = (int) Math.min(buf.position(), stop - base + 9);
            int at = Chunks.Bzip2.nextStreamHeader(buf.array(), 0, have);
            if (at >= 0 && at < SCAN && base + at < stop) {
                return base + at;
            }
        }
        return -1;
    }

    /** zstd frames, from the seek table. */
    private static final class Frames extends Decoded {
        private final Chunks.SeekableZstd chunks;
        private final List<Long> offsets;
        private int next;

        Frames(FileChannel file, String name, Split split) throws IOException {
            super(file, name, split.end());
            this.chunks = new Chunks.SeekableZstd(file, name);
            this.offsets = chunks.offsets();
            int i = 0;
            while (i < offsets.size() && offsets.get(i) < split.start()) {
                i++;
            }
            this.next = i;
        }

        @Override
        byte[] next() throws IOException {
            if (next == offsets.size()) {
                return null;
            }
            offset = offsets.get(next++);
            return chunks.decode(offset);
        }

        @Override
        byte[] head() throws IOException {
            Frames all = new Frames(file, name, new Split(Kind.FRAMES, 0, 0));
            return head(all);
        }
    }

    /**
     * The blocks of a bz2 stream from the first one that starts in the split: found as the first candidate
     * magic there that decodes with a matching CRC, then block after block where each one ends.
     */
    private static final class Blocks extends Decoded {
        private final long size;
        private final int level;
        private final Bzip2BlockDecoder decoder = new Bzip2BlockDecoder();
        /** Bit offset of the next block's magic, or -1 when it is still to be found, or -2 at the end. */
        private long nextBit;
        private final long start;
        /** The split's first block, decoded when it was found. */
        private Bzip2BlockDecoder.Block found;

        Blocks(FileChannel file, String name, Split split) throws IOException {
            super(file, name, split.end());
            this.size = file.size();
            byte[] h = first4(file);
            if (h == null || !isBzip2(h)) {
                throw new CorruptInputException("not a bzip2 stream", DumpLocation.at(name, 0), 0, null);
            }
            this.level = h[3] - '0';
            this.start = split.start();
            this.nextBit = split.start() == 0 ? 32 : -1;
        }

        @Override
        byte[] next() throws IOException {
            if (nextBit == -1) {
                nextBit = firstBlock();
            }
            if (nextBit < 0) {
                return null;
            }
            Bzip2BlockDecoder.Block block = found;
            found = null;
            if (block == null) {
                if (Bzip2BlockDecoder.isEndOfStreamMagic(read(nextBit >>> 3, 7), nextBit & 7)) {
                    nextBit = -2;
                    return null;
                }
                try {
                    block = decodeAt(nextBit);
                } catch (CorruptInputException e) {
                    long bit = e.bitOffset() >= 0 ? 8 * (nextBit >>> 3) + e.bitOffset() : nextBit;
                    throw new CorruptInputException(e.reason().replaceFirst(" at bit \\d+$", ""),
                            DumpLocation.at(name, bit / 8), bit, e);
                }
            }
            offset = nextBit >>> 3;
            nextBit = 8 * offset + block.endBitOffset();
            return block.data();
        }

        /**
         * The bit offset of the first block that starts in the split, or -2 if none does; the block, decoded
         * to tell it from a chance match of the magic, is kept for {@link #next}.
         */
        private long firstBlock() throws IOException {
            for (long bit : Bzip2BlockScanner.scan(file, start, end)) {
                try {
                    found = decodeAt(bit);
                    return bit;
                } catch (CorruptInputException e) {
                    // the magic by chance inside compressed data: not a block
                }
            }
            return -2;
        }

        /** The block whose magic is at this bit offset of the file. */
        private Bzip2BlockDecoder.Block decodeAt(long bit) throws IOException {
            long byteStart = bit >>> 3;
            byte[] data = read(byteStart, (int) Math.min(Bzip2BlockReader.WINDOW, size - byteStart));
            return decoder.decode(data, data.length, bit & 7, level);
        }

        private byte[] read(long position, int length) throws IOException {
            return DumpFiles.readFully(file, position, length, size);
        }

        @Override
        byte[] head() throws IOException {
            return head(new Blocks(file, name, new Split(Kind.BLOCKS, 0, 0)));
        }
    }

    /**
     * The bytes of a split's document: the head (unless the split starts the file), the split's chunks
     * from their first page line on, the following chunks up to the next page line, and the root's end
     * tag when the file goes on.
     */
    private static final class Pieces implements Enumeration<InputStream> {
        private final Decoded chunks;
        private boolean pageFound;
        private boolean done;
        private byte[] pending;

        Pieces(Decoded chunks, byte[] head) {
            this.chunks = chunks;
            this.pageFound = head == null;
            this.pending = head;
        }

        /** Ends the document where it is. */
        void stop() {
            done = true;
            pending = null;
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
                byte[] b = chunks.next();
                if (b != null) {
                    chunks.onChunk.run();
                }
                if (b == null) {
                    // the end of the file, whose own end tag came with the last page; a split without
                    // pages skipped it
                    done = true;
                    return pageFound ? null : FOOTER;
                }
                if (chunks.inSplit()) {
                    // one of the split's own chunks: from its first page line on
                    if (pageFound) {
                        return b;
                    }
                    int p = pageLine(b);
                    if (p < 0) {
                        continue; // the end of a page of an earlier split
                    }
                    pageFound = true;
                    return Arrays.copyOfRange(b, p, b.length);
                }
                if (!pageFound) {
                    done = true;
                    return FOOTER; // no page starts in the split: it holds none
                }
                // after the split: up to the next page line, which the next split reads from
                int p = pageLine(b);
                if (p < 0) {
                    return b; // the split's last page goes on through this chunk
                }
                done = true;
                byte[] tail = Arrays.copyOf(b, p + FOOTER.length);
                System.arraycopy(FOOTER, 0, tail, p, FOOTER.length);
                return tail;
            }
            return null;
        }
    }

    private static final byte[] SITEINFO_END = "</siteinfo>".getBytes(StandardCharsets.US_ASCII);

    /** Whether the bytes end with {@code </siteinfo>} and white space. */
    static boolean endsWithSiteInfo(byte[] b) {
        int i = b.length;
        while (i > 0 && (b[i - 1] == '\n' || b[i - 1] == ' ' || b[i - 1] == '\r' || b[i - 1] == '\t')) {
            i--;
        }
        return i >= SITEINFO_END.length
                && Arrays.equals(b, i - SITEINFO_END.length, i, SITEINFO_END, 0, SITEINFO_END.length);
    }

    /**
     * The offset of the first line that holds {@code <page>} after nothing but indentation (the offset of
     * the line's start), or -1.
     */
    static int pageLine(byte[] b) {
        for (int i = PageScanner.indexOf(b, PAGE, 0, b.length); i >= 0;
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
