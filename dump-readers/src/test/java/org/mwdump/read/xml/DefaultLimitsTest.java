package org.mwdump.read.xml;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.LimitExceededException;
import org.mwdump.ReadLimits;

/**
 * The default limits stop an endless text: the parser checks its text limit when its buffer grows (by
 * half at a time), so a text of twice the limit surely fails, and long before it is all read.
 */
class DefaultLimitsTest {

    /** {@code n} bytes of 'a', made as they are read. */
    static InputStream letters(long n) {
        return new InputStream() {
            private long left = n;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int k = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + k, (byte) 'a');
                left -= k;
                return k;
            }
        };
    }

    @Test
    void aTextOverTheDefaultLimitFails() {
        String head = "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" version=\"0.11\">\n  <page>\n"
                + "    <title>A</title>\n    <ns>0</ns>\n    <id>1</id>\n    <revision>\n      <id>1</id>\n"
                + "      <text bytes=\"1\" xml:space=\"preserve\">";
        String tail = "</text>\n    </revision>\n  </page>\n</mediawiki>\n";
        InputStream in = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)),
                letters(ReadLimits.DEFAULT.maxTextChars() * 2L),
                new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)))));
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> {
            try (DumpReader r = Dumps.open(in)) {
                r.revisions().forEach(x -> { });
            }
        });
        assertTrue(e.location().line() >= 1, e.toString());
    }

    /** The text of a one-revision dump read with a text limit of ten characters, or the limit's failure. */
    static String readWithTenCharacterLimit(String escapedText) {
        String xml = "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" version=\"0.11\">\n  <page>\n"
                + "    <title>A</title>\n    <ns>0</ns>\n    <id>1</id>\n    <revision>\n      <id>1</id>\n"
                + "      <text xml:space=\"preserve\">" + escapedText + "</text>\n    </revision>\n  </page>\n</mediawiki>\n";
        org.mwdump.ReadOptions options = org.mwdump.ReadOptions.builder()
                .limits(ReadLimits.DEFAULT.withMaxTextChars(10)).build();
        try (DumpReader r = Dumps.open(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), options)) {
            return r.revisions().stream().findFirst().orElseThrow().text();
        }
    }

    /**
     * The limit counts UTF-16 characters, as Java strings do, whatever the UTF-8 length: two-byte letters,
     * characters beyond the BMP (two UTF-16 characters each) and character references alike.
     */
    @Test
    void theTextLimitCountsCharactersNotBytes() {
        org.junit.jupiter.api.Assertions.assertEquals("αβγδεζηθικ", readWithTenCharacterLimit("αβγδεζηθικ"));
        assertThrows(LimitExceededException.class, () -> readWithTenCharacterLimit("αβγδεζηθικλ"));
        org.junit.jupiter.api.Assertions.assertEquals("😀😀😀😀😀", readWithTenCharacterLimit("😀😀😀😀😀"));
        assertThrows(LimitExceededException.class, () -> readWithTenCharacterLimit("😀😀😀😀😀a"));
        org.junit.jupiter.api.Assertions.assertEquals("€€€€𝒜𝒜&<", readWithTenCharacterLimit("€€€€&#x1D49C;𝒜&amp;&lt;"));
        assertThrows(LimitExceededException.class, () -> readWithTenCharacterLimit("€€€€&#x1D49C;𝒜&amp;&lt;b"));
    }
}
