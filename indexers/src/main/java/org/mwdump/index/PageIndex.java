package org.mwdump.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import org.mwdump.DumpLocation;
import org.mwdump.MalformedDumpException;
import org.mwdump.spi.OutputFiles;

/**
 * A compact, memory-mapped page index: page id to position (the offset of the stream, frame or block
 * that holds the page) and title hash to page id. Lookups are binary searches over the mapped file,
 * so opening costs no heap beyond the mapping and the index is safe to share among threads.
 *
 * <p>File layout (little-endian): magic {@code MWPIDX02}, entry count, the size and modification time
 * ({@link DumpStamp}) of the dump the index was built from (-1 and 0 when it was not recorded), then
 * {@code count} pairs (page id, position) sorted by id, then {@code count} pairs (64-bit title hash,
 * page id) sorted by hash. 32 bytes per page. Files of the first version ({@code MWPIDX01}, without the
 * dump's stamp) are still read.
 */
public final class PageIndex {
    private static final byte[] MAGIC_V1 = "MWPIDX01".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAGIC = "MWPIDX02".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_V1 = 16;
    private static final int HEADER = 32;

    private final LongBuffer ids;
    private final LongBuffer titles;
    private final int count;
    private final DumpStamp builtFrom;

    private PageIndex(ByteBuffer mapped, String file) {
        mapped.order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[8];
        if (mapped.capacity() >= 8) {
            mapped.get(0, magic);
        }
        int header = Arrays.equals(magic, MAGIC_V1) ? HEADER_V1 : HEADER;
        if (mapped.capacity() < header) {
            throw new MalformedDumpException("not a page index (" + mapped.capacity() + " bytes, shorter than the header)",
                    DumpLocation.at(file, 0));
        }
        if (!Arrays.equals(magic, MAGIC) && !Arrays.equals(magic, MAGIC_V1)) {
            throw new MalformedDumpException("not a page index", DumpLocation.at(file, 0));
        }
        long n = mapped.getLong(8);
        // compared by division: a huge count must not wrap around to a size that matches
        if (n < 0 || n > (mapped.capacity() - header) / 32 || header + n * 32 != mapped.capacity()) {
            throw new MalformedDumpException("page index size does not match its entry count " + n,
                    DumpLocation.at(file, 8));
        }
        long dumpSize = header == HEADER ? mapped.getLong(16) : -1;
        this.builtFrom = dumpSize < 0 ? null : new DumpStamp(dumpSize, mapped.getLong(24));
        this.count = (int) n;
        this.ids = mapped.slice(header, count * 16).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
        this.titles = mapped.slice(header + count * 16, count * 16).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
    }

    /**
     * Maps an index file.
     *
     * @param file the page index file
     * @return the index, memory-mapped
     */
    public static PageIndex open(Path file) {
        try {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = ch.size();
                if (size > Integer.MAX_VALUE) {
                    throw new IOException("page index larger than 2 GiB (about 67 million pages) is not supported: " + file);
                }
                return new PageIndex(ch.map(FileChannel.MapMode.READ_ONLY, 0, size), file.toString());
            }
        } catch (IOException e) {
            throw Chunks.ioFailure(file, e);
        }
    }

    /**
     * Reads a page index from a stream (one on another file system, say) into the heap: 32 bytes per page.
     *
     * @param in   the index's bytes from its start, read to their end (not closed)
     * @param name names the index in messages
     * @return the index
     * @throws MalformedDumpException if the bytes are not a consistent page index
     * @throws org.mwdump.DumpException if the stream cannot be read
     */
    public static PageIndex read(InputStream in, String name) {
        try {
            return new PageIndex(ByteBuffer.wrap(in.readAllBytes()), name);
        } catch (IOException e) {
            throw org.mwdump.DumpException.cannotRead(e, DumpLocation.of(name));
        }
    }

    /** The id of the {@code i}th page in id order. */
    long pageIdAt(int i) {
        return ids.get(2 * i);
    }

    /** The position of the {@code i}th page in id order. */
    long positionAt(int i) {
        return ids.get(2 * i + 1);
    }

    /**
     * Number of pages.
     *
     * @return the number of pages
     */
    public int size() {
        return count;
    }

    /**
     * The size and modification time of the dump this index was built from, if the index records them.
     *
     * @return the stamp, or empty
     */
    public Optional<DumpStamp> builtFrom() {
        return Optional.ofNullable(builtFrom);
    }

    /**
     * The position of the page with the given id, or {@code -1}.
     *
     * @param pageId the page id
     * @return the position (the stream, frame or decoded offset holding the page), or {@code -1}
     */
    public long position(long pageId) {
        int i = search(ids, pageId);
        return i < 0 ? -1 : ids.get(2 * i + 1);
    }

    /**
     * The ids of the pages whose title has the same hash as {@code title} (usually zero or one).
     *
     * @param title the title as in the dump
     * @return the candidate page ids
     */
    public long[] candidates(String title) {
        long h = hash(title);
        int i = search(titles, h);
        if (i < 0) {
            return new long[0];
        }
        int from = i;
        while (from > 0 && titles.get(2 * (from - 1)) == h) {
            from--;
        }
        int to = i;
        while (to + 1 < count && titles.get(2 * (to + 1)) == h) {
            to++;
        }
        long[] result = new long[to - from + 1];
        for (int k = from; k <= to; k++) {
            result[k - from] = titles.get(2 * k + 1);
        }
        return result;
    }

    private int search(LongBuffer pairs, long key) {
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = pairs.get(2 * mid);
            if (v < key) {
                lo = mid + 1;
            } else if (v > key) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** 64-bit FNV-1a of the title's UTF-8 bytes. */
    static long hash(String title) {
        long h = 0xcbf29ce484222325L;
        for (byte b : title.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /**
     * Collects entries and writes an index file. Memory: 24 bytes for each slot of its three arrays, which
     * double as they fill, so 24 to 48 bytes per page while pages are added (56 bytes per page for a moment
     * when they grow: the third array is copied while the first two are new). {@link #write} then makes the
     * two sorted tables, 16 bytes per page each, sorting through an array of boxed positions (about 22 bytes
     * per page with the compressed references of heaps under 32 GB): at its peak about 54 bytes per page
     * besides the arrays, so 78 to 102 bytes per page in all (10 million pages need about 1 GB).
     */
    public static final class Builder {
        private long[] ids = new long[1024];
        private long[] positions = new long[1024];
        private long[] hashes = new long[1024];
        private int n;
        private DumpStamp builtFrom;

        /** An empty builder, recording no dump until {@link #builtFrom(DumpStamp)}. */
        public Builder() {
        }

        /** The pages added so far. */
        int size() {
            return n;
        }

        /**
         * Records the dump the index is built from: its stamp taken before reading it, so that a dump that
         * changes while the index is built leaves an index that does not match it.
         *
         * @param stamp the dump's stamp
         * @return this builder
         */
        public Builder builtFrom(DumpStamp stamp) {
            this.builtFrom = stamp;
            return this;
        }

        /**
         * Adds one page.
         *
         * @param pageId   the page id
         * @param position where the page is
         * @param title    the page title
         * @return this builder
         */
        public Builder add(long pageId, long position, String title) {
            if (n == ids.length) {
                int cap = Math.toIntExact(Math.min(Integer.MAX_VALUE - 8L, n * 2L));
                ids = Arrays.copyOf(ids, cap);
                positions = Arrays.copyOf(positions, cap);
                hashes = Arrays.copyOf(hashes, cap);
            }
            ids[n] = pageId;
            positions[n] = position;
            hashes[n] = hash(title);
            n++;
            return this;
        }

        /**
         * Writes the index to {@code file} (through a temporary file, renamed when complete). Without
         * {@link #builtFrom(DumpStamp)} the index records no dump, and {@link IndexedDump} rebuilds it
         * when it finds it beside a dump.
         *
         * @param file where to write it
         */
        public void write(Path file) {
            try {
                long[] byId = pairsSorted(ids, positions);
                long[] byTitle = pairsSorted(hashes, ids);
                Path temp = OutputFiles.createTempBeside(file);
                try {
                    try (OutputStream out = Files.newOutputStream(temp)) {
                        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
                        buf.put(MAGIC).putLong(n);
                        buf.putLong(builtFrom == null ? -1 : builtFrom.size()).putLong(builtFrom == null ? 0
                                : builtFrom.modifiedNanos());
                        for (long[] table : new long[][] {byId, byTitle}) {
                            for (long v : table) {
                                if (buf.remaining() < 8) {
                                    out.write(buf.array(), 0, buf.position());
                                    buf.clear();
                                }
                                buf.putLong(v);
                            }
                        }
                        out.write(buf.array(), 0, buf.position());
                    }
                    OutputFiles.moveIntoPlace(temp, file);
                } finally {
                    OutputFiles.discard(temp);
                }
            } catch (IOException e) {
                throw org.mwdump.DumpException.cannotWrite(file.toString(), e);
            }
        }

        /** Pairs (key, value) sorted by key, then value. */
        private long[] pairsSorted(long[] keys, long[] values) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> keys[a] != keys[b] ? Long.compare(keys[a], keys[b])
                    : Long.compare(values[a], values[b]));
            long[] out = new long[2 * n];
            for (int i = 0; i < n; i++) {
                out[2 * i] = keys[order[i]];
                out[2 * i + 1] = values[order[i]];
            }
            return out;
        }
    }
}
