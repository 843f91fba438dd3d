package org.mwdump.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextTest {
    private static final String CONTENT = "a\u00e9\u20ac\uD834\uDD1E";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytesOf(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }

    @Test
    void bothFormsGiveTheSameContentAndAreEqual() {
        Text fromString = new Text(CONTENT, 12L, "sha", "loc", "7", false);
        Text fromBytes = Text.ofUtf8(utf8(CONTENT), 12L, "sha", "loc", "7", false);
        assertEquals(CONTENT, fromBytes.content());
        assertEquals(CONTENT, fromString.content());
        assertEquals(new String(bytesOf(fromString.contentUtf8()), StandardCharsets.UTF_8), CONTENT);
        assertEquals(new String(bytesOf(fromBytes.contentUtf8()), StandardCharsets.UTF_8), CONTENT);
        assertEquals(fromString, fromBytes);
        assertEquals(fromBytes, fromString);
        assertEquals(fromString.hashCode(), fromBytes.hashCode());
        assertEquals(fromString.toString(), fromBytes.toString());
        assertEquals(fromBytes, Text.ofUtf8(utf8(CONTENT), 12L, "sha", "loc", "7", false));
        assertNotEquals(fromBytes, Text.ofUtf8(utf8(CONTENT + "x"), 12L, "sha", "loc", "7", false));
        assertNotEquals(fromBytes, Text.ofUtf8(utf8(CONTENT), 13L, "sha", "loc", "7", false));
        assertNotEquals(fromBytes, Text.ofUtf8(utf8(CONTENT), 12L, "sha", "loc", "7", true));
        assertNotEquals(fromBytes, new Text(CONTENT + "x", 12L, "sha", "loc", "7", false));
        assertEquals(fromBytes, fromBytes.toBuilder().build());
        assertEquals(12L, fromBytes.bytes());
        assertEquals("sha", fromBytes.sha1());
        assertEquals("loc", fromBytes.location());
        assertEquals("7", fromBytes.textId());
    }

    @Test
    void absentEmptyAndPresentContentAreTold() {
        Text none = Text.ofUtf8(null, null, null, "tt:1", null, false);
        assertFalse(none.hasContent());
        assertFalse(none.hasNonEmptyContent());
        assertNull(none.content());
        assertNull(none.contentUtf8());
        assertEquals(none, new Text(null, null, null, "tt:1", null, false));
        assertNotEquals(none, Text.ofUtf8(new byte[0], null, null, "tt:1", null, false));

        Text empty = Text.ofUtf8(new byte[0], null, null, null, null, false);
        assertTrue(empty.hasContent());
        assertFalse(empty.hasNonEmptyContent());
        assertEquals("", empty.content());
        assertEquals(empty, Text.of(""));
        assertFalse(Text.of("").hasNonEmptyContent());
        assertTrue(Text.of("x").hasNonEmptyContent());
        assertTrue(Text.ofUtf8(utf8("x"), null, null, null, null, false).hasNonEmptyContent());
    }

    @Test
    void anUnpairedSurrogateIsEncodedAsTheReplacementCharacter() {
        String[] strings = {"a\uD800b?", "?\uDC00", "\uD834\uDD1E?\uD834", "\uDD1E\uD834"};
        String[] expected = {"a\uFFFDb?", "?\uFFFD", "\uD834\uDD1E?\uFFFD", "\uFFFD\uFFFD"};
        for (int i = 0; i < strings.length; i++) {
            Text t = Text.of(strings[i]);
            assertFalse(t.contentIsUtf8());
            assertEquals(expected[i], new String(bytesOf(t.contentUtf8()), StandardCharsets.UTF_8), strings[i]);
            assertEquals(strings[i], t.content(), "the string itself is kept");
        }
        assertTrue(Text.ofUtf8(utf8("x"), null, null, null, null, false).contentIsUtf8());
        assertTrue(Text.ofCheckedUtf8(utf8("x"), null, null, null, null, false).contentIsUtf8());
        assertEquals(Text.of(CONTENT), Text.ofCheckedUtf8(utf8(CONTENT), null, null, null, null, false));
    }

    @Test
    void theBytesCannotBeChangedThroughTheView() {
        Text t = Text.ofUtf8(utf8("abc"), null, null, null, null, false);
        assertThrows(ReadOnlyBufferException.class, () -> t.contentUtf8().put(0, (byte) 'x'));
        ByteBuffer first = t.contentUtf8();
        first.get();
        assertEquals(3, t.contentUtf8().remaining(), "each call gives a view of its own");
    }

    @Test
    void malformedUtf8IsRefusedWithItsOffset() {
        byte[][] bad = {
            {(byte) 0x80}, {'a', (byte) 0xc0, (byte) 0x80}, {'a', 'b', (byte) 0xe0, (byte) 0x80, (byte) 0x80},
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {'a', (byte) 0xc3}, {(byte) 0xe2, (byte) 0x82},
            {'0', '1', '2', '3', '4', '5', '6', '7', (byte) 0xff},
        };
        int[] at = {0, 1, 2, 0, 0, 0, 1, 0, 8};
        for (int i = 0; i < bad.length; i++) {
            byte[] b = bad[i];
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Text.ofUtf8(b, null, null, null, null, false));
            assertTrue(e.getMessage().contains("at byte " + at[i] + " "), e.getMessage());
        }
        // well-formed at every length and offset around the eight-byte steps
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            s.append(i % 5 == 0 ? "\uD834\uDD1E" : i % 3 == 0 ? "\u20ac" : i % 2 == 0 ? "\u00e9" : "z");
            String v = s.toString();
            assertEquals(v, Text.ofUtf8(utf8(v), null, null, null, null, false).content());
        }
    }
}
