package org.mwdump.write.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the chunks end and what the index says, for inputs with Windows line ends, tabs, markup that is
 * not at a line start, long lines, a title that is not UTF-8 and no line feed at the end; read whole and
 * a few bytes at a time (the split must not depend on where the reads end).
 */
class RecompressorSplitTest {

    static byte[] xml() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        write(b, "<mediawiki xml:lang=\"en\">\r\n  <siteinfo>\r\n    <sitename>W</sitename>\r\n  </siteinfo>\r\n");
        for (int k = 1; k <= 7; k++) {
            write(b, "  <page>\r\n");
            if (k == 5) {
                write(b, "\t<title>X");
                b.write(0xFF); // not UTF-8: the index has U+FFFD, as Java decodes it
                write(b, "Y</title>  \r\n");
            } else {
                write(b, "    <title>Τίτλος " + k + "</title>\n");
            }
            write(b, "    <ns>0</ns>\n    <id>" + k + "</id>\n    <revision>\n      <id>" + (100 + k) + "</id>\n");
            write(b, "      <text bytes=\"9\" xml:space=\"preserve\">" + "x".repeat(k * 3000) + "\n");
            // markup-like text that is not at a line start, and a line that only looks like markup
            write(b, "a </page> b <title>no</title>\n<pagex>\n&lt;/page&gt;</text>\n");
            write(b, "    </revision>\n  </page>" + (k == 3 ? " \r" : "") + "\n");
        }
        write(b, "</mediawiki>");
        return b.toByteArray();
    }

    private static void write(ByteArrayOutputStream b, String s) {
        b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads of 1 to 7 bytes, or sometimes up to 5000. */
    static InputStream trickle(byte[] xml, long seed) {
        Random r = new Random(seed);
        return new FilterInputStream(new ByteArrayInputStream(xml)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1 + r.nextInt(r.nextInt(4) == 0 ? 5000 : 7)));
            }
        };
    }

    /** The decoded frames of a seekable zstd file, read through its seek table. */
    static List<String> frames(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer tail = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int n = tail.getInt(all.length - 9);
        int table = all.length - 9 - 12 * n;
        List<String> frames = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < n; i++) {
            int compressed = tail.getInt(table + 12 * i);
            int size = tail.getInt(table + 12 * i + 4);
            byte[] frame = java.util.Arrays.copyOfRange(all, offset, offset + compressed);
            frames.add(new String(Zstd.decompress(frame, size), StandardCharsets.UTF_8));
            offset += compressed;
        }
        return frames;
    }

    /** The decoded index: zstd for the seekable zstd layout, as the name says, else bz2. */
    static String index(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try (InputStream in = file.toString().endsWith(".zst") ? new com.github.luben.zstd.ZstdInputStream(raw)
                : new BZip2CompressorInputStream(raw, true)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void chunksEndAtPageEndsWhereverTheReadsEnd(@TempDir Path dir) throws IOException {
        byte[] xml = xml();
        Path out = dir.resolve("whole.xml.zst");
        Path index = dir.resolve("whole-index.txt.zst");
        Recompressor.Result result = new Recompressor(Recompressor.Layout.SEEKABLE_ZSTD, 3, 2)
                .recompress(new ByteArrayInputStream(xml), out, index);
        assertEquals(7, result.pages());
        assertEquals(xml.length, result.bytesIn());
        List<String> frames = frames(out);
        assertEquals(5, frames.size(), "header, pages 1-3, 4-6, 7, footer");
        assertTrue(frames.get(0).endsWith("</siteinfo>\r\n"));
        for (int i = 1; i <= 3; i++) {
            assertTrue(frames.get(i).startsWith("  <page>\r\n"), "frame " + i);
            // page 3's end line has trailing white space
            assertTrue(frames.get(i).endsWith(i == 1 ? "  </page> \r\n" : "  </page>\n"), "frame " + i);
        }
        assertEquals("</mediawiki>", frames.get(4));
        assertEquals(new String(xml, StandardCharsets.UTF_8), String.join("", frames));

        // the offsets are those of the frames' starts
        long[] starts = new long[frames.size()];
        byte[] all = Files.readAllBytes(out);
        ByteBuffer tail = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 1; i < frames.size(); i++) {
            starts[i] = starts[i - 1] + tail.getInt(all.length - 9 - 12 * frames.size() + 12 * (i - 1));
        }
        String expected = starts[1] + ":1:Τίτλος 1\n" + starts[1] + ":2:Τίτλος 2\n" + starts[1] + ":3:Τίτλος 3\n"
                + starts[2] + ":4:Τίτλος 4\n" + starts[2] + ":5:X\uFFFDY\n" + starts[2] + ":6:Τίτλος 6\n"
                + starts[3] + ":7:Τίτλος 7\n";
        assertEquals(expected, index(index));

        for (long seed = 1; seed <= 20; seed++) {
            for (Recompressor.Layout layout : Recompressor.Layout.values()) {
                Path whole = dir.resolve(layout + "-whole");
                Path trickled = dir.resolve(layout + "-trickled");
                new Recompressor(layout, 2, 7000, 2, 3).recompress(new ByteArrayInputStream(xml), whole,
                        dir.resolve(layout + "-whole-index"));
                new Recompressor(layout, 2, 7000, 2, 3).recompress(trickle(xml, seed), trickled,
                        dir.resolve(layout + "-trickled-index"));
                assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(trickled), layout + ", seed " + seed);
                assertArrayEquals(Files.readAllBytes(dir.resolve(layout + "-whole-index")),
                        Files.readAllBytes(dir.resolve(layout + "-trickled-index")), layout + " index, seed " + seed);
            }
        }
    }

    @Test
    void utf8IsCheckedAsJavaDecodesIt() {
        Random r = new Random(7);
        byte[][] samples = {
            "Τίτλος €😀".getBytes(StandardCharsets.UTF_8),
            {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xC3},
            {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},
        };
        List<byte[]> all = new ArrayList<>(List.of(samples));
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[r.nextInt(6)];
            for (int j = 0; j < b.length; j++) {
                b[j] = (byte) (r.nextBoolean() ? 0x80 + r.nextInt(0x80) : r.nextInt(0x100));
            }
            all.add(b);
        }
        for (byte[] b : all) {
            byte[] decoded = new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(decoded, Recompressor.utf8(b, 0, b.length));
            assertEquals(java.util.Arrays.equals(decoded, b), Recompressor.isUtf8(b, 0, b.length));
        }
        assertFalse(Recompressor.isUtf8(new byte[] {(byte) 0xFF}, 0, 1));
    }

    /**
     * The search for a byte finds what a plain loop finds, for every range of arrays of 0 to 40 bytes (so
     * with every length of a last partial word, and arrays shorter than a word), with the byte nowhere,
     * once or often, and bytes around it that differ from it by one bit or have the high bit set.
     */
    @Test
    void theByteSearchFindsWhatALoopFinds() {
        Random r = new Random(11);
        byte[] alphabet = {'<', '=', '>', '|', 0x3D, (byte) 0xBC, 0, (byte) 0xFF, 'a', '\n'};
        for (int n = 0; n <= 40; n++) {
            for (int round = 0; round < 30; round++) {
                byte[] b = new byte[n];
                for (int i = 0; i < n; i++) {
                    b[i] = round % 3 == 0 ? (byte) 'x' : alphabet[r.nextInt(alphabet.length)];
                }
                for (int from = 0; from <= n; from++) {
                    for (int to = from; to <= n; to++) {
                        for (byte c : new byte[] {'<', '\n'}) {
                            int expected = -1;
                            for (int i = from; i < to; i++) {
                                if (b[i] == c) {
                                    expected = i;
                                    break;
                                }
                            }
                            assertEquals(expected, Recompressor.indexOf(b, from, to, 0x0101010101010101L * c),
                                    "'" + (char) c + "' in " + java.util.Arrays.toString(b) + " [" + from + ", " + to + ")");
                        }
                    }
                }
            }
        }
    }

    /** Each index line gets the offset in front of it. */
    @Test
    void indexLinesGetTheOffset() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Recompressor.writeIndexLines(out, 1234567, ":1:A\n:22:B b\n:333:Ω\n".getBytes(StandardCharsets.UTF_8));
        Recompressor.writeIndexLines(out, 0, ":4:D\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("1234567:1:A\n1234567:22:B b\n1234567:333:Ω\n0:4:D\n", out.toString(StandardCharsets.UTF_8));
    }
}
