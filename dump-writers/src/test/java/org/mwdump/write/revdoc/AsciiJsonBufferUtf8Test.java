package org.mwdump.write.revdoc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mwdump.model.Page;
import org.mwdump.model.Revision;
import org.mwdump.model.Slot;
import org.mwdump.model.Text;

/**
 * {@link AsciiJsonBuffer#stringUtf8} writes the same bytes as {@link AsciiJsonBuffer#string}, the
 * established path (byte-identical to mwxml's output, see {@link RevDocReferenceTest}), for the string
 * the UTF-8 decodes to: around the eight-byte steps of its fast path, the pieces it copies its input in,
 * and the flushes of the buffer in the middle of a string.
 */
class AsciiJsonBufferUtf8Test {
    /** One character of each UTF-8 length: 1 to 4 bytes. */
    private static final List<String> WIDE = List.of("\u00e9", "\u07ff", "\u0800", "\u03a9", "\u20ac", "\uffff",
            "\ud800\udc00", "\ud83d\ude00", "\udbff\udfff");

    /** Counts the writes to the stream, to show that the buffer was flushed within a string. */
    private static final class CountingStream extends ByteArrayOutputStream {
        int writes;

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes++;
            super.write(b, off, len);
        }
    }

    /** What {@code string(s)} writes after {@code prefix} bytes of raw text, with a buffer of {@code size}. */
    private static byte[] viaString(String s, int prefix, int size) throws IOException {
        CountingStream out = new CountingStream();
        AsciiJsonBuffer j = new AsciiJsonBuffer(out, size);
        j.raw("x".repeat(prefix)).string(s).raw(",");
        j.flushBuffer();
        return out.toByteArray();
    }

    /** What {@code stringUtf8} writes for {@code utf8}, like {@link #viaString}; checks the input is untouched. */
    private static CountingStream viaUtf8(ByteBuffer utf8, int prefix, int size) throws IOException {
        int position = utf8.position();
        int limit = utf8.limit();
        CountingStream out = new CountingStream();
        AsciiJsonBuffer j = new AsciiJsonBuffer(out, size);
        j.raw("x".repeat(prefix)).stringUtf8(utf8).raw(",");
        j.flushBuffer();
        assertEquals(position, utf8.position(), "position");
        assertEquals(limit, utf8.limit(), "limit");
        return out;
    }

    private static void check(String s) throws IOException {
        check(s, 0, 1 << 16);
    }

    private static void check(String s, int prefix, int size) throws IOException {
        byte[] expected = viaString(s, prefix, size);
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, viaUtf8(ByteBuffer.wrap(utf8).asReadOnlyBuffer(), prefix, size).toByteArray(),
                () -> "for " + describe(s));
    }

    private static String describe(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(200).forEach(c -> b.append(c >= 0x20 && c < 0x7f ? Character.toString(c)
                : String.format("<%x>", c)));
        return (s.length() > 200 ? "(" + s.length() + " chars) " : "") + b;
    }

    @Test
    void empty() throws IOException {
        check("");
        assertArrayEquals("\"\",".getBytes(StandardCharsets.US_ASCII),
                viaUtf8(ByteBuffer.allocate(0), 0, 1024).toByteArray());
    }

    @Test
    void asciiOfEveryLengthUpTo40() throws IOException {
        String text = "The quick brown fox jumps over the lazy dog, 0123456789";
        for (int n = 0; n <= 40; n++) {
            check(text.substring(0, n));
        }
    }

    @Test
    void everyAsciiCharacter() throws IOException {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 128; c++) {
            all.append(c);
        }
        check(all.toString());
        check(all.reverse().toString());
        // each alone, and at every offset of an eight-byte step, among plain text and at the end of it
        for (char c = 0; c < 128; c++) {
            for (int at = 0; at < 17; at++) {
                check("a".repeat(at) + c + "b".repeat(16 - at));
                check("a".repeat(at) + c);
            }
        }
    }

    @Test
    void multiByteCharactersAtEveryOffset() throws IOException {
        for (String w : WIDE) {
            for (int at = 0; at < 17; at++) {
                for (int after = 0; after < 10; after++) {
                    check("p".repeat(at) + w + "q".repeat(after));
                }
                check("p".repeat(at) + w + w + "\"" + w + "\n");
                check(("\\" + w).repeat(at));
            }
        }
        check(String.join("", WIDE));
        check(String.join("/", WIDE).repeat(9));
    }

    /** Inputs longer than the piece the input is copied in, with characters across each piece's end. */
    @Test
    void charactersAcrossTheInputPieces() throws IOException {
        for (String w : WIDE) {
            for (int at = 8192 - 8; at <= 8192 + 1; at++) {
                String s = "a".repeat(at) + w + "b".repeat(20);
                check(s);
                check(s.repeat(3));
                check(w.repeat(8200 / w.length()));
            }
        }
    }

    /** Strings far longer than the buffer, with characters across each point where the buffer is flushed. */
    @ParameterizedTest(name = "buffer of {0}")
    @ValueSource(ints = {1024, 1 << 16})
    void longerThanTheBuffer(int size) throws IOException {
        Random random = new Random(size);
        StringBuilder mixed = new StringBuilder();
        while (mixed.length() < (3 << 20)) {
            mixed.append("Lorem ipsum [[dolor]] sit amet, {{cite|url=http://x.org/a?b=c&d}} ".repeat(
                    random.nextInt(5)));
            mixed.append(WIDE.get(random.nextInt(WIDE.size())));
            mixed.append("\n\t\"q\"\\".substring(random.nextInt(7)));
        }
        String s = mixed.toString();
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        for (int prefix = 0; prefix < 12; prefix++) {
            assertArrayEquals(viaString(s, prefix, size), viaUtf8(ByteBuffer.wrap(utf8), prefix, size).toByteArray(),
                    "prefix " + prefix);
        }
        CountingStream out = viaUtf8(ByteBuffer.wrap(utf8), 0, size);
        assertTrue(out.writes > 20, "flushed within the string: " + out.writes + " writes");
        // the same character everywhere, so one straddles the flush points whatever they are
        for (String w : WIDE) {
            for (int shift = 0; shift < 4; shift++) {
                check("x".repeat(shift) + w.repeat((2 << 20) / w.length()), shift, size);
            }
        }
    }

    /** A buffer's position and limit bound what is read; direct and array buffers give the same. */
    @Test
    void readsFromPositionToLimit() throws IOException {
        String s = "\u00ab" + "x".repeat(9000) + "\ud83d\ude00" + "y\n".repeat(5000) + "\u00bb";
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[utf8.length + 10];
        java.util.Arrays.fill(padded, (byte) 0xff);
        System.arraycopy(utf8, 0, padded, 3, utf8.length);
        byte[] expected = viaString(s, 0, 1024);
        assertArrayEquals(expected, viaUtf8(ByteBuffer.wrap(padded, 3, utf8.length), 0, 1024).toByteArray());
        ByteBuffer direct = ByteBuffer.allocateDirect(padded.length).put(padded);
        direct.position(3).limit(3 + utf8.length);
        assertArrayEquals(expected, viaUtf8(direct, 0, 1024).toByteArray());
        assertArrayEquals(expected, viaUtf8(ByteBuffer.wrap(padded, 3, utf8.length).slice(), 0, 1024).toByteArray());
    }

    @Test
    void randomStringsOfValidCodePoints() throws IOException {
        Random random = new Random(20240611);
        for (int round = 0; round < 3000; round++) {
            int n = round < 2000 ? random.nextInt(60) : random.nextInt(20000);
            int kind = random.nextInt(4);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                b.appendCodePoint(codePoint(random, kind));
            }
            check(b.toString(), random.nextInt(16), round % 2 == 0 ? 1024 : 1 << 16);
        }
    }

    /** A valid code point (no surrogate), mostly printable ASCII ({@code kind} 0) or drawn from all. */
    private static int codePoint(Random random, int kind) {
        int r = random.nextInt(100);
        if (kind == 0 && r < 90 || kind == 1 && r < 30) {
            return 0x20 + random.nextInt(0x5f);
        }
        int c;
        switch (random.nextInt(5)) {
            case 0 -> c = random.nextInt(0x80);
            case 1 -> c = 0x80 + random.nextInt(0x800 - 0x80);
            case 2 -> c = 0x800 + random.nextInt(0x10000 - 0x800);
            case 3 -> c = 0x10000 + random.nextInt(0x110000 - 0x10000);
            default -> c = 0xd7f0 + random.nextInt(0x30);  // around the surrogates
        }
        return Character.isSurrogate((char) c) && c < 0x10000 ? 0x20 + random.nextInt(0x5f) : c;
    }

    /** The writer gives the same line for a text held as UTF-8 as for one held as a string. */
    @ParameterizedTest
    @EnumSource(RevDocShape.class)
    void writerGivesTheSameLineForEitherForm(RevDocShape shape) {
        String content = "== \u0395\u03bb\u03bb\u03ac\u03b4\u03b1 ==\n\"quoted\" \\ tab\t \ud83d\ude00 \u007f end";
        Text asString = Text.of(content);
        Text asUtf8 = Text.ofUtf8(content.getBytes(StandardCharsets.UTF_8), 42L, null, null, null, false);
        Text withBytes = asString.toBuilder().bytes(42L).build();
        assertArrayEquals(line(shape, withBytes), line(shape, asUtf8));
        assertTrue(new String(line(shape, asUtf8), StandardCharsets.US_ASCII)
                .contains("\\u0395\\u03bb\\u03bb\\u03ac\\u03b4\\u03b1"));
        // empty content is left out either way
        Text emptyUtf8 = Text.ofUtf8(new byte[0], null, null, null, null, false);
        assertArrayEquals(line(shape, Text.of("")), line(shape, emptyUtf8));
    }

    private static byte[] line(RevDocShape shape, Text text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RevDocWriter w = RevDocWriter.builder(out).shape(shape).build();
        Page page = Page.builder().id(1L).namespace(0).title("T").build();
        Slot slot = Slot.builder().role("main").model("wikitext").format("text/x-wiki").text(text).build();
        w.write(Revision.builder().page(page).id(2L).slots(List.of(slot)).build());
        w.finish();
        return out.toByteArray();
    }
}
