package org.mwdump.spark;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.mwdump.read.bzip2.Bzip2InputStream;
import org.mwdump.write.bzip2.Bzip2OutputStream;

/**
 * One multistream file from multistream parts, as Wikimedia recombines its parts: the first part's head
 * stream, every part's page streams as they are (not recompressed), the last part's footer stream and the
 * empty stream; and one index, each part's lines with their offsets moved to where the part's page streams
 * now are.
 */
final class MultistreamCombiner {
    /** The end of a bz2 stream with no block: {@code BZh9}, the end-of-stream magic and a zero CRC. */
    private static final int EMPTY_STREAM = 14;
    private static final byte[] FOOTER = "</mediawiki>\n".getBytes(StandardCharsets.US_ASCII);

    private MultistreamCombiner() {
    }

    /** A part and its index. */
    record Part(Path file, Path index) {
    }

    /**
     * Writes the combined file and its index (under temporary names beside them, renamed when complete).
     *
     * @throws IOException if a part cannot be read, or is not laid out as the writer lays out its parts
     */
    static void combine(FileSystem fs, List<Part> parts, Path out, Path index) throws IOException {
        Path tmpOut = new Path(out.getParent(), "_" + out.getName() + ".tmp");
        Path tmpIndex = new Path(index.getParent(), "_" + index.getName() + ".tmp");
        try {
            try (OutputStream dump = fs.create(tmpOut, true);
                 OutputStream lines = new Bzip2OutputStream(fs.create(tmpIndex, true), 9, 1)) {
                long written = 0;
                for (int i = 0; i < parts.size(); i++) {
                    Part p = parts.get(i);
                    long size = fs.getFileStatus(p.file()).getLen();
                    byte[] indexText = indexText(fs, p.index());
                    long pagesStart = firstOffset(indexText, p.index());
                    long footer = footerStart(fs, p.file(), size);
                    if (pagesStart <= 0 || pagesStart > footer) {
                        throw new IOException(p.file() + ": its index does not start after a head stream");
                    }
                    try (FSDataInputStream in = fs.open(p.file())) {
                        long from = i == 0 ? 0 : pagesStart;
                        long to = i == parts.size() - 1 ? size : footer;
                        in.seek(from);
                        copy(in, dump, to - from);
                        // the part's page streams now start at (written + pagesStart - from)
                        shift(indexText, written - from, lines);
                        written += to - from;
                    }
                }
            }
            fs.delete(out, false);
            fs.delete(index, false);
            if (!fs.rename(tmpOut, out) || !fs.rename(tmpIndex, index)) {
                throw new IOException("cannot rename the combined file into place: " + out);
            }
        } finally {
            fs.delete(tmpOut, false);
            fs.delete(tmpIndex, false);
        }
    }

    private static byte[] indexText(FileSystem fs, Path index) throws IOException {
        try (InputStream in = new Bzip2InputStream(fs.open(index), true)) {
            return in.readAllBytes();
        }
    }

    private static long firstOffset(byte[] indexText, Path index) throws IOException {
        int colon = 0;
        while (colon < indexText.length && indexText[colon] != ':') {
            colon++;
        }
        try {
            return Long.parseLong(new String(indexText, 0, colon, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw new IOException(index + ": not an index of offset:id:title lines", e);
        }
    }

    /** Each line {@code offset:id:title} with {@code by} added to its offset. */
    private static void shift(byte[] indexText, long by, OutputStream out) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(indexText),
                StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            int colon = line.indexOf(':');
            long offset = Long.parseLong(line.substring(0, colon));
            out.write((offset + by + line.substring(colon) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Where the footer stream of a part starts: the last stream header ({@code BZh} and a level, then the
     * block magic) before the closing empty stream, checked by decoding it to {@code </mediawiki>}.
     */
    private static long footerStart(FileSystem fs, Path file, long size) throws IOException {
        int tail = (int) Math.min(size, 4096);
        byte[] b = new byte[tail];
        try (FSDataInputStream in = fs.open(file)) {
            in.readFully(size - tail, b);
        }
        for (int i = tail - EMPTY_STREAM - 10; i >= 0; i--) {
            if (b[i] == 'B' && b[i + 1] == 'Z' && b[i + 2] == 'h' && b[i + 3] >= '1' && b[i + 3] <= '9'
                    && (b[i + 4] & 0xff) == 0x31 && (b[i + 5] & 0xff) == 0x41 && (b[i + 6] & 0xff) == 0x59
                    && (b[i + 7] & 0xff) == 0x26 && (b[i + 8] & 0xff) == 0x53 && (b[i + 9] & 0xff) == 0x59) {
                byte[] stream = Arrays.copyOfRange(b, i, tail - EMPTY_STREAM);
                try (InputStream in = new Bzip2InputStream(new ByteArrayInputStream(stream), false)) {
                    if (Arrays.equals(FOOTER, in.readAllBytes())) {
                        return size - tail + i;
                    }
                } catch (IOException | RuntimeException e) {
                    // not the start of a stream after all: look further back
                }
            }
        }
        throw new IOException(file + ": no footer stream before its end");
    }

    private static void copy(InputStream in, OutputStream out, long n) throws IOException {
        byte[] buf = new byte[1 << 16];
        while (n > 0) {
            int k = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (k < 0) {
                throw new IOException("the part ended early");
            }
            out.write(buf, 0, k);
            n -= k;
        }
    }
}
