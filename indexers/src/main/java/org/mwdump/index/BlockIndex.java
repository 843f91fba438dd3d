package org.mwdump.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.mwdump.DumpLocation;
import org.mwdump.MalformedDumpException;
import org.mwdump.spi.OutputFiles;

/**
 * The blocks of a bz2 file: the bit offset of every block and the decoded offset where its output
 * starts, as indexed_bzip2's {@code block_offsets()} and seek-bzip's tables record them. Kept beside
 * the dump as {@code <dump>.mwbidx} (little-endian: magic {@code MWBIDX02}, block count, the size and
 * modification time ({@link DumpStamp}) of the dump it was built from, or -1 and 0, the pairs, then the
 * total decoded size; files of the first version, {@code MWBIDX01}, have no stamp). 16 bytes per block:
 * about 1.6 MB for a 100 GB dump.
 */
public final class BlockIndex {
    private static final byte[] MAGIC_V1 = "MWBIDX01".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAGIC = "MWBIDX02".getBytes(StandardCharsets.US_ASCII);
    /** Suffix of the block index file written beside a dump. */
    public static final String SUFFIX = ".mwbidx";

    private final long[] bitOffsets;
    private final long[] decodedOffsets;
    private final long decodedSize;
    private final DumpStamp builtFrom;

    BlockIndex(long[] bitOffsets, long[] decodedOffsets, long decodedSize) {
        this(bitOffsets, decodedOffsets, decodedSize, null);
    }

    BlockIndex(long[] bitOffsets, long[] decodedOffsets, long decodedSize, DumpStamp builtFrom) {
        this.bitOffsets = bitOffsets;
        this.decodedOffsets = decodedOffsets;
        this.decodedSize = decodedSize;
        this.builtFrom = builtFrom;
    }

    /**
     * The size and modification time of the dump this index was built from, if recorded.
     *
     * @return the stamp, or empty for an index that records none
     */
    public Optional<DumpStamp> builtFrom() {
        return Optional.ofNullable(builtFrom);
    }

    /**
     * Where the block index of a dump lives.
     *
     * @param dump the dump file
     * @return the block index file beside it
     */
    public static Path of(Path dump) {
        return dump.resolveSibling(dump.getFileName() + SUFFIX);
    }

    /**
     * Number of blocks.
     *
     * @return the number of blocks
     */
    public int size() {
        return bitOffsets.length;
    }

    /**
     * Bit offset of block {@code i}.
     *
     * @param i the block number, from 0
     * @return the bit offset of its magic in the file
     */
    public long bitOffset(int i) {
        return bitOffsets[i];
    }

    /**
     * Decoded offset where block {@code i} starts.
     *
     * @param i the block number, from 0
     * @return the decoded offset of its first byte
     */
    public long decodedOffset(int i) {
        return decodedOffsets[i];
    }

    /**
     * The whole decoded size.
     *
     * @return the decoded size in bytes
     */
    public long decodedSize() {
        return decodedSize;
    }

    /**
     * The block holding the given decoded offset, or -1 if it is past the end.
     *
     * @param decodedOffset an offset in the decoded bytes
     * @return the block number, or -1
     */
    public int blockAt(long decodedOffset) {
        if (decodedOffset < 0 || decodedOffset >= decodedSize) {
            return -1;
        }
        int i = Arrays.binarySearch(decodedOffsets, decodedOffset);
        if (i >= 0) {
            // empty blocks share an offset with the next: take the last of them
            while (i + 1 < decodedOffsets.length && decodedOffsets[i + 1] == decodedOffset) {
                i++;
            }
            return i;
        }
        return -i - 2;
    }

    /**
     * Reads a block index file, checking that it is consistent.
     *
     * @param file the block index file
     * @return the index
     */
    public static BlockIndex read(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw Chunks.ioFailure(file, e);
        }
    }

    /**
     * Reads a block index from a stream (one on another file system, say), checking that it is
     * consistent.
     *
     * @param in   the index's bytes from its start, read to their end (not closed)
     * @param name names the index in messages
     * @return the index
     * @throws MalformedDumpException if the bytes are not a consistent block index
     * @throws org.mwdump.DumpException if the stream cannot be read
     */
    public static BlockIndex read(InputStream in, String name) {
        try {
            return parse(in.readAllBytes(), name);
        } catch (IOException e) {
            throw org.mwdump.DumpException.cannotRead(e, DumpLocation.of(name));
        }
    }

    private static BlockIndex parse(byte[] all, String file) {
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = Arrays.copyOf(all, 8);
        int header = Arrays.equals(magic, MAGIC_V1) ? 16 : 32;
        if (all.length < header + 8 || !Arrays.equals(magic, MAGIC) && !Arrays.equals(magic, MAGIC_V1)) {
            throw bad(file, "not a block index", 0);
        }
        long n = b.getLong(8);
        // compared by division: a huge count must not wrap around to a size that matches
        if (n < 0 || n > (all.length - header - 8) / 16 || header + 16 * n + 8 != all.length) {
            throw bad(file, "block index size does not match its count " + n, 8);
        }
        long dumpSize = header == 32 ? b.getLong(16) : -1;
        DumpStamp stamp = dumpSize < 0 ? null : new DumpStamp(dumpSize, b.getLong(24));
        long[] bits = new long[(int) n];
        long[] decoded = new long[(int) n];
        for (int i = 0; i < n; i++) {
            bits[i] = b.getLong(header + 16 * i);
            decoded[i] = b.getLong(header + 8 + 16 * i);
            if (i > 0 && (bits[i] <= bits[i - 1] || decoded[i] < decoded[i - 1])) {
                throw bad(file, "block index entries out of order at " + i, header + 16L * i);
            }
        }
        long total = b.getLong(header + 16 * (int) n);
        if (n > 0 && total < decoded[(int) n - 1]) {
            throw bad(file, "block index total below its last block", header + 16 * n);
        }
        return new BlockIndex(bits, decoded, total, stamp);
    }

    private static MalformedDumpException bad(String file, String what, long offset) {
        return new MalformedDumpException(what, DumpLocation.at(file, offset));
    }

    /**
     * Writes this index (through a temporary file renamed when complete).
     *
     * @param file where to write it
     */
    public void write(Path file) {
        try {
            Path temp = OutputFiles.createTempBeside(file);
            try {
                ByteBuffer b = ByteBuffer.allocate(32 + 16 * bitOffsets.length + 8).order(ByteOrder.LITTLE_ENDIAN);
                b.put(MAGIC).putLong(bitOffsets.length);
                b.putLong(builtFrom == null ? -1 : builtFrom.size()).putLong(builtFrom == null ? 0 : builtFrom.modifiedNanos());
                for (int i = 0; i < bitOffsets.length; i++) {
                    b.putLong(bitOffsets[i]).putLong(decodedOffsets[i]);
                }
                b.putLong(decodedSize);
                try (OutputStream out = Files.newOutputStream(temp)) {
                    out.write(b.array());
                }
                OutputFiles.moveIntoPlace(temp, file);
            } finally {
                OutputFiles.discard(temp);
            }
        } catch (IOException e) {
            throw org.mwdump.DumpException.cannotWrite(file.toString(), e);
        }
    }

    /**
     * Decodes a whole bz2 file on {@code threads} threads, building its block index and a page index
     * (pages by the decoded offset of their {@code <page>} line) in the same pass. Both record the dump's
     * {@link DumpStamp} as it was before reading.
     *
     * @param dump    the bz2 file
     * @param threads decoding threads
     * @param pages   the page index being built, given every page's decoded offset
     * @return the block index
     */
    public static BlockIndex build(Path dump, int threads, PageIndex.Builder pages) {
        return build(dump, threads, pages, null);
    }

    /**
     * As {@link #build(Path, int, PageIndex.Builder)}, telling {@code progress} (on the calling thread), as
     * each block is handed to the page scanner and at the end, the offset in the file where that block starts
     * (at the end: the file's size) and how many pages have been found before it.
     *
     * @param dump     the bz2 file
     * @param threads  decoding threads
     * @param pages    the page index being built, given every page's decoded offset
     * @param progress told at every block, or {@code null}
     * @return the block index
     */
    public static BlockIndex build(Path dump, int threads, PageIndex.Builder pages,
                                   ParallelDumps.ProgressListener progress) {
        try {
            DumpStamp stamp = DumpStamp.of(dump);
            pages.builtFrom(stamp);
            long[][] acc = {new long[1024], new long[1024]};
            int[] n = {0};
            long total;
            long size = java.nio.file.Files.size(dump);
            try (FileChannel ch = DumpFiles.open(dump);
                 Bzip2BlockReader reader = new Bzip2BlockReader(ch, dump, threads, (bit, decoded, level, length) -> {
                     if (n[0] == acc[0].length) {
                         acc[0] = Arrays.copyOf(acc[0], n[0] * 2);
                         acc[1] = Arrays.copyOf(acc[1], n[0] * 2);
                     }
                     acc[0][n[0]] = bit;
                     acc[1][n[0]] = decoded;
                     n[0]++;
                     if (progress != null) {
                         progress.progress(new org.mwdump.ReadProgress(bit >>> 3, size), pages.size());
                     }
                 })) {
                total = PageScanner.scan(reader, pages);
                if (progress != null) {
                    progress.progress(new org.mwdump.ReadProgress(size, size), pages.size());
                }
            }
            return new BlockIndex(Arrays.copyOf(acc[0], n[0]), Arrays.copyOf(acc[1], n[0]), total, stamp);
        } catch (IOException e) {
            throw Chunks.ioFailure(dump, e);
        }
    }
}
