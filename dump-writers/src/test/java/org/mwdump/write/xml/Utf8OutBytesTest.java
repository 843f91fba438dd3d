package org.mwdump.write.xml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mwdump.model.Text;

/**
 * {@link Utf8Out#text(ByteBuffer, boolean)} appends exactly the bytes {@link Utf8Out#text(String, boolean)}
 * appends for the same text, with and without {@code "} escaped, wherever the characters that matter fall
 * relative to the eight-byte words it tests and to the ends of its buffer.
 */
class Utf8OutBytesTest {

    /** Buffer sizes: small ones, so that runs and escapes meet a full buffer, and one larger than short texts. */
    private static final int[] BUFFER_SIZES = {4096, 8, 9, 13, 64};
    /** For texts of megabytes: the writer's own buffer size, and a small one. */
    private static final int[] LONG_BUFFER_SIZES = {1 << 16, 13};

    /** The ASCII characters something is done with in element content. */
    private static final String SPECIAL = "&<>\"\r\n\t";

    /**
     * Characters of two, three and four bytes, among them the noncharacters U+FFFE and U+FFFF (written as
     * U+FFFD), their neighbours with the same lead byte 0xEF, and supplementary characters whose UTF-8 holds
     * BF BE or BF BF.
     */
    private static final String[] MULTIBYTE = {
        "\u00e9", "\u0080", "\u07ff", "\u0800", "\u20ac", "\uf000", "\uf8ff", "\ufb01", "\ufe0f", "\uff01",
        "\uffbe", "\uffbf", "\ufffc", "\ufffd", "\ufffe", "\uffff", "\uefbf", "\ud800\udc00", "\ud83d\ude00",
        "\ud83f\udffe", "\ud83f\udfff", "\udbff\udfff",
    };

    @Test
    void empty() {
        check("");
    }

    @Test
    void asciiOfEveryLength() {
        StringBuilder plain = new StringBuilder();
        StringBuilder marked = new StringBuilder();
        String mix = " A=1&<b>\"'\n\t\r;\u0001";
        for (int n = 0; n <= 40; n++) {
            check(plain.toString());
            check(marked.toString());
            plain.append((char) ('a' + n % 26));
            marked.append(mix.charAt(n % mix.length()));
        }
    }

    @Test
    void everyAsciiCharacter() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
            check(String.valueOf(c));
            for (int offset = 0; offset < 17; offset++) {
                check("x".repeat(offset) + c + "yz".repeat(9));
            }
        }
        check(all.toString());
        check(all.reverse().toString());
    }

    @Test
    void specialAtEveryOffset() {
        for (char c : SPECIAL.toCharArray()) {
            for (int offset = 0; offset < 24; offset++) {
                for (int after = 0; after < 10; after++) {
                    String pre = "abcdefghijklmnopqrstuvwxyz".substring(0, offset);
                    check(pre + c + "0123456789".substring(0, after));
                    check(pre + c + c + "0123456789".substring(0, after));
                    check(pre + c + "\u00e9" + c + "0123456789".substring(0, after));
                }
            }
        }
        check(SPECIAL.repeat(37));
        check("&amp;&lt;&gt;&quot;&#13;".repeat(5));
    }

    @Test
    void multibyteAtEveryOffset() {
        for (String m : MULTIBYTE) {
            for (int offset = 0; offset < 24; offset++) {
                for (int after = 0; after < 10; after++) {
                    String pre = "abcdefghijklmnopqrstuvwxyz".substring(0, offset);
                    String post = "0123456789".substring(0, after);
                    check(pre + m + post);
                    check(pre + m + m + post);
                    check(pre + m + "&" + m + "\"" + post);
                    check(pre + "\u00e9" + m + "<" + post);
                }
            }
            check(m.repeat(41));
        }
    }

    @Test
    void longerThanTheBuffer() {
        int size = 3 << 20;
        check("a".repeat(size), LONG_BUFFER_SIZES);
        check("<".repeat(size), LONG_BUFFER_SIZES);
        check("\ufffe".repeat(size / 3), LONG_BUFFER_SIZES);
        StringBuilder s = new StringBuilder();
        SplittableRandom random = new SplittableRandom(7);
        while (s.length() < size) {
            s.append("x".repeat(random.nextInt(200_000)));
            s.append(MULTIBYTE[random.nextInt(MULTIBYTE.length)]);
            s.append(SPECIAL.charAt(random.nextInt(SPECIAL.length())));
        }
        check(s.toString(), LONG_BUFFER_SIZES);
        check(randomText(random, size), LONG_BUFFER_SIZES);
    }

    @Test
    void randomCodePoints() {
        SplittableRandom random = new SplittableRandom(20240601);
        for (int round = 0; round < 20_000; round++) {
            check(randomText(random, random.nextInt(round < 10_000 ? 40 : 400)));
        }
    }

    @Test
    void doesNotMoveTheBuffer() throws IOException {
        byte[] bytes = "ab&c\ufffe<d".getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.wrap(bytes).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        b.position(2).limit(bytes.length - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Utf8Out w = new Utf8Out(out, 64);
        w.text(b, true).flushBuffer();
        assertEquals("&amp;c\ufffd&lt;", out.toString(StandardCharsets.UTF_8));
        assertEquals(2, b.position());
        assertEquals(bytes.length - 1, b.limit());
        assertSame(ByteOrder.LITTLE_ENDIAN, b.order());
    }

    /** A text of code points from every range, many of them ASCII markup and controls. */
    static String randomText(SplittableRandom random, int codePoints) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            int cp = switch (random.nextInt(8)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> SPECIAL.charAt(random.nextInt(SPECIAL.length()));
                case 2, 3 -> random.nextInt(0x20, 0x80);
                case 4 -> random.nextInt(0x80, 0x800);
                case 5 -> {
                    int c = random.nextInt(0x800, 0x10000);
                    yield Character.isSurrogate((char) c) ? 0xfffe + random.nextInt(2) : c;
                }
                case 6 -> random.nextBoolean() ? random.nextInt(0xfff0, 0x10000) : random.nextInt(0xf000, 0x10000);
                default -> random.nextInt(0x10000, 0x110000);
            };
            if (cp >= 0xd800 && cp <= 0xdfff) {
                cp = 0xfffd;
            }
            s.appendCodePoint(cp);
        }
        return s.toString();
    }

    private static void check(String s) {
        check(s, BUFFER_SIZES);
    }

    /**
     * Compares the two methods on {@code s} with both quote settings, each of the buffer sizes (the first
     * giving the expected bytes) and several byte buffers.
     */
    private static void check(String s, int[] sizes) {
        for (boolean quotes : new boolean[] {false, true}) {
            byte[] expected = viaString(s, quotes, sizes[0]);
            for (int size : sizes) {
                if (size != sizes[0]) {
                    assertArrayEquals(expected, viaString(s, quotes, size), "text(String) with a buffer of " + size);
                }
                for (ByteBuffer b : buffers(s)) {
                    byte[] actual = viaBytes(b, quotes, size);
                    if (!java.util.Arrays.equals(expected, actual)) {
                        assertEquals(show(expected), show(actual), "quotes " + quotes + ", buffer " + size + ", text "
                                + show(s.getBytes(StandardCharsets.UTF_8)));
                        assertArrayEquals(expected, actual);
                    }
                }
            }
        }
    }

    /**
     * The UTF-8 of {@code s} as {@link Text#contentUtf8()} gives it, and in the middle of a larger read-only
     * little-endian buffer, from a position after bytes that would be escaped to a limit before more of them.
     */
    private static List<ByteBuffer> buffers(String s) {
        List<ByteBuffer> list = new ArrayList<>();
        list.add(Text.of(s).contentUtf8());
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[utf8.length + 10];
        java.util.Arrays.fill(padded, (byte) '<');
        System.arraycopy(utf8, 0, padded, 3, utf8.length);
        ByteBuffer middle = ByteBuffer.wrap(padded).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        middle.position(3).limit(3 + utf8.length);
        list.add(middle);
        return list;
    }

    private static byte[] viaString(String s, boolean quotes, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new Utf8Out(out, size).raw("[").text(s, quotes).raw("]").flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] viaBytes(ByteBuffer b, boolean quotes, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new Utf8Out(out, size).raw("[").text(b, quotes).raw("]").flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The first 100 bytes in hex, for a readable difference (the array comparison after it covers the rest). */
    private static String show(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 100); i++) {
            s.append(String.format("%02x ", bytes[i] & 0xff));
        }
        return bytes.length > 100 ? s + "... (" + bytes.length + " bytes)" : s.toString();
    }
}
