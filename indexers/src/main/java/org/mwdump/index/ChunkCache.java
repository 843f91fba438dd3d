package org.mwdump.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mwdump.CorruptInputException;
import org.mwdump.DumpLocation;

/**
 * The decoded pieces of one dump file for {@link IndexedDump}: its streams or frames, or for a
 * single-stream bz2 dump its blocks, read with positional reads and decoded on demand, the most
 * recent ones kept (neighbouring lookups often fall in the same piece). Safe for many threads.
 */
final class ChunkCache {
    private final Path dump;
    private final FileChannel channel;
    /** The dump's size when it was opened: an end of file before it is an I/O error, not damage. */
    private final long size;
    private final Chunks chunks;
    /** For a single-stream bz2 dump: its blocks; positions in the page index are then decoded offsets. */
    private final BlockIndex blocks;
    /** The most recently decoded streams or frames. */
    private final Map<Long, byte[]> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > 8;
        }
    };

    /**
     * Opens the dump file.
     *
     * @param dump   the dump file
     * @param blocks its block index if it is a single-stream bz2 dump, else {@code null}
     * @throws IOException if the file cannot be opened, or not be split into streams or frames
     */
    ChunkCache(Path dump, BlockIndex blocks) throws IOException {
        this.dump = dump;
        this.blocks = blocks;
        this.channel = DumpFiles.open(dump);
        try {
            this.size = channel.size();
            this.chunks = blocks == null ? Chunks.open(channel, dump.toString()) : null;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Whether pages are found by decoded offsets in blocks ({@link #pageAt}) rather than in streams or
     * frames ({@link #chunk}).
     *
     * @return whether the dump is a single-stream bz2 dump read by blocks
     */
    boolean blockwise() {
        return blocks != null;
    }

    /**
     * The start of the decoded dump, with its site info: the first stream or frame, or the blocks up to
     * the end of the site info (or the line of the first page).
     *
     * @return the decoded bytes
     * @throws IOException if the file cannot be read
     */
    byte[] head() throws IOException {
        return blocks == null ? chunks.decode(0) : decodeUntil(0, "</siteinfo>", "<page>");
    }

    /**
     * The decoded stream or frame at a compressed offset (not for a single-stream bz2 dump).
     *
     * @param position the offset of the stream or frame in the file
     * @return its decoded bytes; not to be changed, since they are shared
     * @throws IOException if the file cannot be read
     */
    byte[] chunk(long position) throws IOException {
        synchronized (recent) {
            byte[] cached = recent.get(position);
            if (cached != null) {
                return cached;
            }
        }
        byte[] decoded = chunks.decode(position);
        synchronized (recent) {
            recent.put(position, decoded);
        }
        return decoded;
    }

    /**
     * The decoded bytes of the one page whose {@code <page>} line starts at this decoded offset (a
     * single-stream bz2 dump only).
     *
     * @param position an offset in the decoded dump
     * @return the page's bytes
     * @throws IOException if the file cannot be read
     */
    byte[] pageAt(long position) throws IOException {
        int first = blocks.blockAt(position);
        if (first < 0) {
            throw new CorruptInputException("page index points past the end of the dump",
                    DumpLocation.of(dump.toString()), -1, null);
        }
        ByteArrayOutputStream acc = new ByteArrayOutputStream(1 << 16);
        long accStart = position;
        for (int i = first; i < blocks.size(); i++) {
            byte[] data = decodeBlock(i);
            int from = (int) Math.max(0, position - blocks.decodedOffset(i));
            acc.write(data, from, data.length - from);
            byte[] sofar = acc.toByteArray();
            int end = indexOf(sofar, "</page>".getBytes(StandardCharsets.US_ASCII), 0);
            if (end >= 0) {
                int stop = end + "</page>".length();
                if (stop < sofar.length && sofar[stop] == '\n') {
                    stop++;
                }
                return java.util.Arrays.copyOf(sofar, stop);
            }
        }
        throw new CorruptInputException("page at decoded offset " + accStart + " has no end",
                DumpLocation.of(dump.toString()), -1, null);
    }

    /** Decoded bytes from the start of the dump up to and including the first of the markers found. */
    private byte[] decodeUntil(long from, String end, String before) throws IOException {
        ByteArrayOutputStream acc = new ByteArrayOutputStream(1 << 16);
        for (int i = blocks.blockAt(from); i >= 0 && i < blocks.size(); i++) {
            acc.write(decodeBlock(i));
            byte[] sofar = acc.toByteArray();
            int e = indexOf(sofar, end.getBytes(StandardCharsets.US_ASCII), 0);
            if (e >= 0) {
                return java.util.Arrays.copyOf(sofar, e + end.length());
            }
            int b = indexOf(sofar, before.getBytes(StandardCharsets.US_ASCII), 0);
            if (b >= 0) {
                int lineStart = b;
                while (lineStart > 0 && sofar[lineStart - 1] != '\n') {
                    lineStart--;
                }
                return java.util.Arrays.copyOf(sofar, lineStart);
            }
        }
        return acc.toByteArray();
    }

    /** Decoded blocks of a single-stream dump, most recent last: a page usually shares its block with others. */
    private final Map<Integer, byte[]> recentBlocks = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
            return size() > 4;
        }
    };

    private final DecoderPool blockDecoders = new DecoderPool();

    private byte[] decodeBlock(int i) throws IOException {
        synchronized (recentBlocks) {
            byte[] cached = recentBlocks.get(i);
            if (cached != null) {
                return cached;
            }
        }
        byte[] data = decodeBlockUncached(i);
        synchronized (recentBlocks) {
            recentBlocks.put(i, data);
        }
        return data;
    }

    private byte[] decodeBlockUncached(int i) throws IOException {
        long bit = blocks.bitOffset(i);
        long start = bit >>> 3;
        long end = i + 1 < blocks.size() ? (blocks.bitOffset(i + 1) >>> 3) + 8 : size;
        int length = (int) Math.max(0, Math.min(Math.min(end, size) - start, Bzip2BlockReader.WINDOW));
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(length);
        while (buf.hasRemaining() && DumpFiles.read(channel, buf, start + buf.position(), size) > 0) {
            // positional reads: safe while other threads read too
        }
        try {
            return blockDecoders.with(d -> d.decode(buf.array(), buf.position(), bit - 8 * start, 9).data());
        } catch (CorruptInputException e) {
            // the decoder counts from the start of what it was given: say where in the file
            long at = e.bitOffset() >= 0 ? 8 * start + e.bitOffset() : bit;
            throw new CorruptInputException(e.reason().replaceFirst(" at bit \\d+$", ""),
                    DumpLocation.at(dump.toString(), at / 8), at, e);
        }
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        return PageScanner.indexOf(hay, needle, from, hay.length);
    }

    /** Closes the file; never fails (an error closing a file only read is of no consequence). */
    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // the file was only read: nothing is lost
        }
    }
}
