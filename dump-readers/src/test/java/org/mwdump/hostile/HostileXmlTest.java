package org.mwdump.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mwdump.DumpException;
import org.mwdump.LimitExceededException;
import org.mwdump.MalformedDumpException;
import org.mwdump.ReadOptions;
import org.mwdump.hostile.BadInputs.Outcome;

/**
 * Malformed and hostile XML and RevDoc: each read ends in a typed exception with a line and column (or
 * byte offset), in bounded time and memory; entities are never expanded from a DTD or fetched.
 */
class HostileXmlTest {
    private static final String HEAD = "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" version=\"0.11\">\n"
            + "<siteinfo><sitename>W</sitename></siteinfo>\n";
    private static final String PAGE = "<page><title>T</title><ns>0</ns><id>1</id><revision><id>2</id>"
            + "<timestamp>2020-01-01T00:00:00Z</timestamp><text bytes=\"3\">abc</text></revision></page>\n";

    static DumpException fails(byte[] data) {
        return fails(new ByteArrayInputStream(data));
    }

    static DumpException fails(InputStream in) {
        Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> BadInputs.read(in, ReadOptions.DEFAULT));
        assertTrue(o.failed(), "read without error");
        BadInputs.assertLocated(o.failure(), "hostile input");
        return o.failure();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // unclosed and mismatched tags
        HEAD + "<page><title>T</title><ns>0</ns><id>1</id><revision><id>2</id><text>abc</revision></page></mediawiki>",
        HEAD + "<page><title>T</title><ns>0</ns><id>1</id><revision><id>2</id><text>abc</text></page></mediawiki>",
        HEAD + "<page><title>T</title><ns>0</ns><id>1</id><revision><id>2</id><text>abc",
        HEAD + "<page><title>T</title><ns>0</ns><id>1</id><revision><id>2</id><text>a<b</text>",
        HEAD + "<page><title>T</title></pag></mediawiki>",
        HEAD + "<page><title a=\"1\" a=\"2\">T</title></page></mediawiki>",
        HEAD + "<page><title>T</title><ns>0</ns><id>1</id><revision><id>2</id><text>&bogus;</text></revision></page>",
        HEAD + "<page><title>T</title><ns>0</ns><id>1</id><revision><id>2</id><text>&#0;</text></revision></page>",
        HEAD + "<page><title>T</title><ns>0</ns><id>1</id><revision><id>2</id><text>&#xD800;</text></revision></page>",
        HEAD + "<page><title>T</title><ns>0</ns><id>1</id><revision><id>2</id><text>\u0001</text></revision></page>",
        HEAD + "<page><title>T</title><ns>0</ns><id>1</id><revision><id>2</id><text>\u000B</text></revision></page>",
        HEAD + "<page><title>T</title><ns>0</ns><id>1</id><revision><id>2</id><text>\uFFFE</text></revision></page>",
        HEAD + "<page><title>T</title><ns>0</ns><id>x</id></page></mediawiki>",
        HEAD + "<page><title>T</title><ns>99999999999999999999</ns></page></mediawiki>",
        HEAD + PAGE + "</mediawiki><mediawiki>",
        HEAD + PAGE + "</mediawiki>\ntrailing <garbage/>",
        "<mediawiki><siteinfo><namespaces><namespace key=\"zero\">x</namespace></namespaces></siteinfo></mediawiki>",
        "<mediawiki><siteinfo><case>sideways</case></siteinfo></mediawiki>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><mediawiki",
        "<?xml version=\"9.9\"?><mediawiki/>",
        "<mediawiki><page><title><![CDATA[",
    })
    void malformedXml(String xml) {
        assertInstanceOf(MalformedDumpException.class, fails(utf8(xml)), xml);
    }

    @Test
    void invalidUtf8() {
        for (byte[] bad : List.of(new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xE2, (byte) 0x82},
                // (Woodstox decodes the overlong two-byte form C0 AF as '/': not among the cases)
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC1, (byte) 0x81, (byte) 0x81},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})) {
            for (String where : List.of("text", "title")) {
                String before = HEAD + "<page><title>T</title><ns>0</ns><id>1</id><revision><id>2</id><" + where + ">ok ";
                String after = " ok</" + where + "></revision></page></mediawiki>";
                byte[] a = utf8(before);
                byte[] b = utf8(after);
                byte[] doc = new byte[a.length + bad.length + b.length];
                System.arraycopy(a, 0, doc, 0, a.length);
                System.arraycopy(bad, 0, doc, a.length, bad.length);
                System.arraycopy(b, 0, doc, a.length + bad.length, b.length);
                DumpException e = fails(doc);
                assertInstanceOf(MalformedDumpException.class, e, e.toString());
                assertTrue(e.location().line() >= 1, e.toString());
            }
        }
    }

    /** A 100 MB attribute ends at the attribute limit, read as a stream (never held whole). */
    @Test
    void hundredMegabyteAttribute() {
        long size = 100L << 20;
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(utf8(HEAD + "<page><title>T</title>"
                + "<redirect title=\"")), new RepeatingStream((byte) 'a', size));
        DumpException e = fails(in);
        assertInstanceOf(LimitExceededException.class, e, e.toString());
    }

    /** A text larger than the reader's text limit. */
    @Test
    void textOverTheLimit() {
        ReadOptions small = ReadOptions.builder().limits(org.mwdump.ReadLimits.DEFAULT.withMaxTextChars(1 << 20)).build();
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(utf8(HEAD
                + "<page><title>T</title><ns>0</ns><id>1</id><revision><id>2</id><text>")),
                new RepeatingStream((byte) 'a', 8L << 20));
        Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> BadInputs.read(in, small));
        assertInstanceOf(LimitExceededException.class, o.failure());
        BadInputs.assertLocated(o.failure(), "text limit");
    }

    /**
     * A CDATA section that goes on and on (a gigabyte of one letter, which a small bz2 file can hold, made
     * here as it is read) ends at the text limit as soon as its text passes the limit: the reader
     * neither waits for the section's end nor copies its buffer for each byte once the buffer is as large
     * as the limits allow. With the default limits the same holds at 100 M chars: the buffer grows by
     * doubling up to 3 bytes per char of the limit and the limit is checked as the section grows.
     */
    @Test
    void endlessCdataSectionEndsAtTheTextLimit() {
        int limit = 1000;
        ReadOptions small = ReadOptions.builder().limits(org.mwdump.ReadLimits.DEFAULT.withMaxTextChars(limit)
                .withMaxAttributeChars(limit)).build();
        long size = 1L << 30;
        RepeatingStream letters = new RepeatingStream((byte) 'a', size);
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(utf8(
                "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" version=\"0.11\">"
                + "<page><title>x</title><id>1</id><revision><id>1</id><text><![CDATA[")), letters);
        Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> BadInputs.read(in, small));
        LimitExceededException e = assertInstanceOf(LimitExceededException.class, o.failure());
        assertTrue(e.getMessage().contains("text longer than the limit of " + limit + " characters"), e.getMessage());
        BadInputs.assertLocated(e, "CDATA over the text limit");
        assertTrue(size - letters.left() < 1 << 20, "read " + (size - letters.left()) + " bytes of the section");
    }

    /** Elements nested far deeper than any dump. */
    @Test
    void deepNesting() {
        String deep = HEAD + "<page><title>T</title><ns>0</ns><id>1</id><x>" + "<y>".repeat(100_000);
        assertInstanceOf(LimitExceededException.class, fails(utf8(deep)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // billion laughs: ten levels of ten references
        "<?xml version=\"1.0\"?><!DOCTYPE mediawiki [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
            + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
            + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
            + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
            + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
            + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
            + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>\n"
            + "<mediawiki><siteinfo><sitename>&lol9;</sitename></siteinfo>"
            + "<page><title>&lol9;</title><ns>0</ns><id>1</id><revision><id>2</id><text>&lol9;</text></revision></page>"
            + "</mediawiki>",
        // quadratic blowup: one large entity referenced many times
        "<?xml version=\"1.0\"?><!DOCTYPE mediawiki [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">]>"
            + "<mediawiki><page><title>T</title><ns>0</ns><id>1</id><revision><id>2</id><text>&a;&a;&a;&a;&a;&a;&a;&a;&a;"
            + "</text></revision></page></mediawiki>",
        // parameter entities
        "<?xml version=\"1.0\"?><!DOCTYPE mediawiki [<!ENTITY % p \"<!ENTITY q 'x'>\"> %p;]>"
            + "<mediawiki><page><title>&q;</title></page></mediawiki>",
    })
    void entityExpansionIsNeverDone(String xml) {
        // a DTD too long for the format check is not recognized as a dump at all: just as good
        DumpException e = fails(utf8(xml));
        assertTrue(e instanceof MalformedDumpException || e instanceof LimitExceededException
                || e instanceof org.mwdump.UnsupportedDumpException, e.toString());
    }

    /** External entities (general and in the DTD) are neither fetched nor read. */
    @Test
    void externalEntitiesAreNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">");
        for (String xml : List.of(
                "<?xml version=\"1.0\"?><!DOCTYPE mediawiki [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                        + "<mediawiki><page><title>&xxe;</title><ns>0</ns><id>1</id></page></mediawiki>",
                "<?xml version=\"1.0\"?><!DOCTYPE mediawiki SYSTEM \"" + dtd.toUri() + "\">"
                        + "<mediawiki><page><title>&leak;</title><ns>0</ns><id>1</id></page></mediawiki>",
                "<?xml version=\"1.0\"?><!DOCTYPE mediawiki [<!ENTITY % ext SYSTEM \"" + dtd.toUri() + "\"> %ext;]>"
                        + "<mediawiki><page><title>&leak;</title><ns>0</ns><id>1</id></page></mediawiki>",
                "<?xml version=\"1.0\"?><!DOCTYPE mediawiki [<!ENTITY xxe SYSTEM \"http://192.0.2.1/x\">]>"
                        + "<mediawiki><page><title>&xxe;</title><ns>0</ns><id>1</id></page></mediawiki>")) {
            DumpException e = fails(utf8(xml));
            assertFalse(String.valueOf(e.getMessage()).contains("TOP-SECRET"), e.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"id\": 1, \"page\": {\"id\": 2, \"title\": \"x\"",
        "{\"id\": 1}\n{\"id\": \"not a number\"}\n",
        "{\"id\": 1}\n[1, 2]\n",
        "{\"id\": 1}\n{\"id\": 1e999999999}\n",
        "{\"id\": 99999999999999999999999999}\n",
        "{\"id\": 1, \"timestamp\": {\"a\": [[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]}}\n",
        "{\"id\": 1}\n{\"id\"\u0000: 2}\n",
        "{\"id\": 1, \"text\": \"\\ud800\"\n",
    })
    void malformedRevDoc(String json) {
        DumpException e = fails(utf8(json));
        assertInstanceOf(MalformedDumpException.class, e, e.toString());
    }

    @Test
    void deeplyNestedRevDoc() {
        String json = "{\"id\": 1, \"x\": " + "[".repeat(200_000) + "]".repeat(200_000) + "}\n";
        DumpException e = fails(utf8(json));
        assertTrue(e instanceof MalformedDumpException || e instanceof LimitExceededException, e.toString());
    }

    /** An endless stream of one byte, produced on the fly. */
    static final class RepeatingStream extends InputStream {
        private final byte value;
        private long left;

        RepeatingStream(byte value, long size) {
            this.value = value;
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return value & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, value);
            left -= n;
            return n;
        }

        /** The bytes not read yet. */
        long left() {
            return left;
        }
    }
}
