package org.mwdump.read.xml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mwdump.read.xml.XmlTokenizer.XmlException;

/**
 * The tokenizer against the JDK's own XML parser: on documents written to be tricky, and on many
 * generated ones with damage mixed in, both must accept the same documents with the same elements,
 * attributes and text, and refuse the same documents.
 */
class XmlTokenizerTest {

    /** Events as "S name {attributes}", "E name" and "T text" (adjacent text joined), or "ERROR". */
    static List<String> tokens(byte[] doc, int bufferHint) {
        List<String> out = new ArrayList<>();
        XmlTokenizer t = new XmlTokenizer(new TrickleInputStream(doc, bufferHint), false, 1 << 20, 1 << 20, 100);
        StringBuilder text = new StringBuilder();
        try {
            while (true) {
                int e = t.next();
                if (e == XmlTokenizer.TEXT) {
                    text.append(t.textString());
                    continue;
                }
                flush(out, text);
                if (e == XmlTokenizer.END_DOCUMENT) {
                    return out;
                }
                if (e == XmlTokenizer.START) {
                    TreeMap<String, String> attributes = new TreeMap<>();
                    for (int i = 0; i < t.attributeCount(); i++) {
                        String q = t.attributeQName(i);
                        if (!q.equals("xmlns") && !q.startsWith("xmlns:")) {
                            attributes.put(q, t.attributeValue(i));
                        }
                    }
                    out.add("S " + t.localName() + " " + attributes);
                } else {
                    out.add("E " + t.localName());
                }
            }
        } catch (XmlException e) {
            return List.of("ERROR");
        }
    }

    static List<String> jdkTokens(byte[] doc) {
        List<String> out = new ArrayList<>();
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        StringBuilder text = new StringBuilder();
        int depth = 0;
        try {
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(doc));
            while (r.hasNext()) {
                int e = r.next();
                switch (e) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        flush(out, text);
                        TreeMap<String, String> attributes = new TreeMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String p = r.getAttributePrefix(i);
                            String q = p == null || p.isEmpty() ? r.getAttributeLocalName(i)
                                    : p + ":" + r.getAttributeLocalName(i);
                            attributes.put(q, r.getAttributeValue(i));
                        }
                        out.add("S " + r.getLocalName() + " " + attributes);
                        depth++;
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        flush(out, text);
                        out.add("E " + r.getLocalName());
                        depth--;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (depth > 0) {
                            text.append(r.getText());
                        }
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new IllegalStateException("entity reference");
                    default -> {
                    }
                }
            }
            flush(out, text);
            return out;
        } catch (Exception e) {
            return List.of("ERROR");
        }
    }

    private static void flush(List<String> out, StringBuilder text) {
        if (text.length() > 0) {
            out.add("T " + text);
            text.setLength(0);
        }
    }

    static void same(byte[] doc) {
        List<String> expected = jdkTokens(doc);
        for (int hint : new int[] {1 << 16, 1, 3, 7}) {
            assertEquals(expected, tokens(doc, hint),
                    () -> "document: " + new String(doc, StandardCharsets.UTF_8) + " (reads of " + hint + ")");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<a/>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a x='1' y=\"2\">t</a>\n",
        "<a>x&amp;y&lt;&gt;&quot;&apos;&#65;&#x42;&#x1F600;</a>",
        "<a>one\r\ntwo\rthree\n</a>",
        "<a b=\"x\ty\nz\r\nw\">v</a>",
        "<a><![CDATA[<not a tag> & ]] ]]]]><b/>x</a>",
        "<a>be<!-- comment -->fore<?pi data?>after</a>",
        "<!-- c --><?pi?>\n<a/>\n<!-- trailing -->\n",
        "<p:a xmlns:p=\"urn:x\" p:b=\"1\"><p:c/></p:a>",
        "<a xml:lang=\"el\" xml:space=\"preserve\">Καλημέρα 世界 😀</a>",
        "\uFEFF<a>with a byte-order mark</a>",
        "<a>]]&gt; is fine escaped, ] and ]] alone too</a>",
        "<a>]]<!---->></a>",
        "<a>&#93;]></a>",
        "<a><![CDATA[]]]]>></a>",
        "<a>]]]></a>",
        "<a>x]] ]>]]></a>",
        "<a>&quot;&amp;&lt;&gt;&apos;&quo;</a>",
        "<a>&amp</a>",
        "<a>&lt</a>",
        "<a><b><c>deep</c></b><b/></a>",
        "<a   b = 'x' >y</a  >",
        // not well-formed
        "<a>",
        "<a></b>",
        "<a><b></a></b>",
        "<a/><b/>",
        "text<a/>",
        "<a/>text",
        "<a>]]></a>",
        "<a>&unknown;</a>",
        "<a>&#0;</a>",
        "<a>&#xD800;</a>",
        "<a>&#xFFFE;</a>",
        "<a>&amp</a>",
        "<a b=\"1\" b=\"2\"/>",
        "<a b=1/>",
        "<a b=\"<\"/>",
        "<a b=\"1\"c=\"2\"/>",
        "<p:a/>",
        "<a><!-- a -- b --></a>",
        "<a>\u0001</a>",
        "<a>\uFFFF</a>",
        "<a><?xml version=\"1.0\"?></a>",
        " <?xml version=\"1.0\"?><a/>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><a/>",
        "<?xml encoding=\"UTF-8\"?><a/>",
        "<a><![CDATA[x</a>",
        "<a x='1'",
        "",
        "   ",
        "<1a/>",
        "<a>&#x110000;</a>",
    })
    void likeTheJdkParser(String doc) {
        same(doc.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void badUtf8IsRefused() {
        byte[][] bad = {
            {'<', 'a', '>', (byte) 0xc3, '<', '/', 'a', '>'},
            {'<', 'a', '>', (byte) 0xc0, (byte) 0x80, '<', '/', 'a', '>'},
            {'<', 'a', '>', (byte) 0xe0, (byte) 0x80, (byte) 0x80, '<', '/', 'a', '>'},
            {'<', 'a', '>', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '<', '/', 'a', '>'},
            {'<', 'a', '>', (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '<', '/', 'a', '>'},
            {'<', 'a', '>', (byte) 0xff, '<', '/', 'a', '>'},
            {'<', 'a', ' ', 'b', '=', '"', (byte) 0x80, '"', '/', '>'},
        };
        for (byte[] doc : bad) {
            for (int hint : new int[] {1 << 16, 1, 2}) {
                assertEquals(List.of("ERROR"), tokens(doc, hint));
            }
        }
    }

    @Test
    void elementTextJoinsTextAroundCommentsAndRefusesChildren() throws Exception {
        XmlTokenizer t = tokenizer("<a><b>x<!--c-->y<![CDATA[&z]]>&amp;</b><c/><d><e/></d></a>");
        assertEquals(XmlTokenizer.START, t.next());
        assertEquals(XmlTokenizer.START, t.next());
        assertEquals("xy&z&", t.elementText());
        assertEquals(XmlTokenizer.END, t.eventType());
        assertEquals("b", t.localName());
        assertEquals(XmlTokenizer.START, t.next());
        assertEquals("", t.elementText());
        assertEquals(XmlTokenizer.START, t.next());
        assertThrows(XmlException.class, t::elementText);
    }

    @Test
    void linesAndLimits() throws Exception {
        XmlTokenizer t = tokenizer("<a>\n\r\n<b\n x='1'>\r<c/></b></a>");
        t.next();
        t.next();
        assertEquals(XmlTokenizer.START, t.next());
        assertEquals(3, t.line());
        t.next();
        t.next();
        assertEquals("c", t.localName());
        assertEquals(5, t.line());

        XmlTokenizer small = new XmlTokenizer(new ByteArrayInputStream("<a>Καλη</a>".getBytes(StandardCharsets.UTF_8)),
                false, 4, 10, 10);
        small.next();
        assertEquals("Καλη", small.elementText());
        XmlTokenizer smaller = new XmlTokenizer(new ByteArrayInputStream("<a>Καλη</a>".getBytes(StandardCharsets.UTF_8)),
                false, 3, 10, 10);
        smaller.next();
        assertEquals(XmlTokenizer.Problem.LIMIT, assertThrows(XmlException.class, smaller::elementText).problem);
        XmlTokenizer deep = new XmlTokenizer(new ByteArrayInputStream("<a><b><c/></b></a>".getBytes(StandardCharsets.UTF_8)),
                false, 10, 10, 2);
        deep.next();
        deep.next();
        assertEquals(XmlTokenizer.Problem.LIMIT, assertThrows(XmlException.class, deep::next).problem);
    }

    @Test
    void limitsCountUtf16CharsWhateverTheBytesAndReferencesThatMadeThem() throws Exception {
        // three chars each way: a four-byte character is two chars, a three-byte one is one
        String[] three = {"\uD834\uDD1Ea", "&#x1D11E;a", "\u20ACab", "&#8364;&#xe9;a", "\u00e9\u00e9\u00e9", "a&amp;b",
            "<![CDATA[\u20AC]]>\u00e9&lt;"};
        for (String body : three) {
            XmlTokenizer ok = tokenizer("<a>" + body + "</a>", 3, 3);
            ok.next();
            byte[] utf8 = ok.elementTextUtf8();
            assertEquals(3, new String(utf8, StandardCharsets.UTF_8).length(), body);
            XmlTokenizer over = tokenizer("<a>" + body + "</a>", 2, 3);
            over.next();
            assertEquals(XmlTokenizer.Problem.LIMIT, assertThrows(XmlException.class, over::elementText).problem, body);
            XmlTokenizer attribute = tokenizer("<a v=\"" + body.replace("<![CDATA[", "").replace("]]>", "")
                    .replace("&lt;", "x") + "\"/>", 3, 3);
            attribute.next();
            assertEquals(3, attribute.attribute("v").length(), body);
            XmlTokenizer longAttribute = tokenizer("<a v=\"" + body.replace("<![CDATA[", "").replace("]]>", "")
                    .replace("&lt;", "x") + "\"/>", 3, 2);
            assertEquals(XmlTokenizer.Problem.LIMIT, assertThrows(XmlException.class, longAttribute::next).problem, body);
        }
    }

    @Test
    void textAsUtf8IsTheTextAsAString() throws Exception {
        String doc = "<a>x&#x1D11E;\u00e9\u20AC&amp;&lt;&gt;&quot;&apos;\r\ny\rz<![CDATA[&\r\n]]>&#13;\u0394</a>";
        XmlTokenizer asString = tokenizer(doc, 100, 100);
        asString.next();
        XmlTokenizer asBytes = tokenizer(doc, 100, 100);
        asBytes.next();
        String expected = "x\uD834\uDD1E\u00e9\u20AC&<>\"'\ny\nz&\n\r\u0394";
        assertEquals(expected, asString.elementText());
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), asBytes.elementTextUtf8());
    }

    /** {@code head}, then {@code unit} over and over without end, made as it is read; counts what was read. */
    static final class Endless extends java.io.InputStream {
        private final byte[] head;
        private final byte[] unit;
        private long read;

        Endless(String head, String unit) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
            this.unit = unit.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            read(one, 0, 1);
            return one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++, read++) {
                b[off + i] = read < head.length ? head[(int) read] : unit[(int) ((read - head.length) % unit.length)];
            }
            return len;
        }

        long bytesRead() {
            return read;
        }
    }

    /**
     * Every way into the text buffer (plain and multi-byte characters, line ends, entity and character
     * references, CDATA sections, text around comments) stops at the text limit while the text grows,
     * with the limit's message, having read little more than the limit, and with a buffer never past 3
     * bytes per char of the limit (and the 16 bytes of slack): an endless text cannot make the buffer
     * grow, or be copied, past that.
     */
    @ParameterizedTest
    @ValueSource(strings = {"a", "\n", "\r\n", "\r", "&lt;", "&#x20AC;", "&#x1D11E;", "\u20ac", "\u00e9", "\uD83D\uDE00",
        "<![CDATA[ab]]>", "<![CDATA[\u20ac\r\n]]>", "<!--c-->\u20ac", "]"})
    void anEndlessTextStopsAtTheLimit(String unit) {
        // past what the first buffer (4 KiB) holds
        int limit = 10_000;
        for (boolean cdata : new boolean[] {false, true}) {
            if (cdata && unit.contains("<")) {
                continue;
            }
            Endless in = new Endless("<r>" + (cdata ? "<![CDATA[" : ""), unit);
            XmlTokenizer t = new XmlTokenizer(in, false, limit, limit, 10);
            XmlException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                    () -> {
                        t.next();
                        return assertThrows(XmlException.class, t::elementText);
                    });
            String what = (cdata ? "CDATA of " : "") + unit;
            assertEquals(XmlTokenizer.Problem.LIMIT, e.problem, what);
            assertEquals("text longer than the limit of " + limit + " characters", e.getMessage(), what);
            if (!unit.contains("<")) {
                assertEquals(1, e.line, what + ": at the start of the text");
            }
            org.junit.jupiter.api.Assertions.assertTrue(t.textBufferSize() <= 3 * limit + 16,
                    what + ": a buffer of " + t.textBufferSize());
            org.junit.jupiter.api.Assertions.assertTrue(in.bytesRead() < 1 << 18, what + ": read " + in.bytesRead());
        }
        if (unit.contains("<")) {
            return;
        }
        // a text event, as where elements and text mix
        Endless in = new Endless("<r>", unit);
        XmlTokenizer t = new XmlTokenizer(in, false, limit, limit, 10);
        XmlException e = assertThrows(XmlException.class, () -> {
            while (true) {
                t.next();
            }
        });
        assertEquals(XmlTokenizer.Problem.LIMIT, e.problem, unit);
        org.junit.jupiter.api.Assertions.assertTrue(t.textBufferSize() <= 3 * limit + 16, unit);
    }

    /** An endless attribute value stops at the attribute limit the same way. */
    @ParameterizedTest
    @ValueSource(strings = {"a", "\n", "\r\n", "&lt;", "&#x20AC;", "\u20ac", "\uD83D\uDE00"})
    void anEndlessAttributeValueStopsAtTheLimit(String unit) {
        Endless in = new Endless("<r v='", unit);
        XmlTokenizer t = new XmlTokenizer(in, false, 10, 10_000, 10);
        XmlException e = assertThrows(XmlException.class, t::next);
        assertEquals(XmlTokenizer.Problem.LIMIT, e.problem, unit);
        assertEquals("attribute value longer than the limit of 10000 characters", e.getMessage(), unit);
        org.junit.jupiter.api.Assertions.assertTrue(t.textBufferSize() <= 3 * 10_000 + 16, unit);
        org.junit.jupiter.api.Assertions.assertTrue(in.bytesRead() < 1 << 18, unit + ": read " + in.bytesRead());
    }

    /**
     * A CDATA section is held to the limit as it grows, but the {@code "]]"} of its end is not counted: a
     * text of three-byte chars exactly at the limit, in a CDATA section or before a comment with a
     * two-byte char, is read whole.
     */
    @Test
    void textsAtTheLimitInCdataAndBeforeMarkupAreRead() throws Exception {
        String[] atTheLimit = {
            "<![CDATA[" + "a".repeat(998) + "]]]]>",
            "<![CDATA[" + "\u20ac".repeat(1000) + "]]>",
            "\u20ac".repeat(999) + "<![CDATA[\u20ac]]>",
            "\u20ac".repeat(1000) + "<!--\u00e9-->",
            "<![CDATA[" + "\u20ac".repeat(1000) + "]]><?pi \u00e9?>",
            "\uD83D\uDE00".repeat(500) + "<!--\uD83D\uDE00-->",
        };
        for (String body : atTheLimit) {
            XmlTokenizer ok = tokenizer("<r>" + body + "</r>", 1000, 10);
            ok.next();
            assertEquals(1000, ok.elementText().length(), body);
            XmlTokenizer over = tokenizer("<r>x" + body + "</r>", 1000, 10);
            over.next();
            assertEquals(XmlTokenizer.Problem.LIMIT, assertThrows(XmlException.class, over::elementText).problem, body);
        }
    }

    /**
     * The text buffer of a text of a few MB is kept for the texts after it (a history dump's revisions
     * each take a few MB), and one grown past {@link XmlTokenizer#KEPT_TEXT_BUFFER} is let go once its
     * text is taken.
     */
    @Test
    void aTextBufferIsKeptUpTo16MiB() throws Exception {
        int big = XmlTokenizer.KEPT_TEXT_BUFFER + (1 << 20);
        StringBuilder doc = new StringBuilder(big + 4_000_000).append("<a><b>").append("x".repeat(3 << 20)).append("</b>");
        doc.append("<b>y</b><b>").append("x".repeat(2 << 20)).append("</b>");
        doc.append("<b>").append("x".repeat(big)).append("</b><b>y</b>");
        doc.append("<c><![CDATA[").append("x".repeat(big)).append("]]></c></a>");
        XmlTokenizer t = tokenizer(doc.toString(), 50_000_000, 10);
        t.next();
        t.next();
        assertEquals(3 << 20, t.elementTextUtf8().length);
        int kept = t.textBufferSize();
        org.junit.jupiter.api.Assertions.assertTrue(kept >= 3 << 20, "kept " + kept);
        t.next();
        assertEquals("y", t.elementText());
        t.next();
        assertEquals(2 << 20, t.elementText().length());
        assertEquals(kept, t.textBufferSize(), "the same buffer, not grown again");
        t.next();
        assertEquals(big, t.elementTextUtf8().length);
        org.junit.jupiter.api.Assertions.assertTrue(t.textBufferSize() <= XmlTokenizer.KEPT_TEXT_BUFFER,
                "let go: " + t.textBufferSize());
        t.next();
        assertEquals("y", t.elementText());
        t.next();
        t.skipElementText();
        org.junit.jupiter.api.Assertions.assertTrue(t.textBufferSize() <= XmlTokenizer.KEPT_TEXT_BUFFER,
                "let go after a skipped CDATA section: " + t.textBufferSize());
    }

    private static XmlTokenizer tokenizer(String doc, int maxText, int maxAttribute) {
        return new XmlTokenizer(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), false, maxText,
                maxAttribute, 10);
    }

    @Test
    void aFragmentHasManyTopLevelElementsAndEndsAnywhereBetweenThem() throws Exception {
        XmlTokenizer t = new XmlTokenizer(new ByteArrayInputStream("<page/>\n<page>x</page>\n".getBytes(StandardCharsets.UTF_8)),
                true, 100, 100, 10);
        List<Integer> events = new ArrayList<>();
        for (int e = t.next(); e != XmlTokenizer.END_DOCUMENT; e = t.next()) {
            events.add(e);
        }
        assertEquals(List.of(1, 2, 4, 1, 4, 2, 4), events);
        XmlTokenizer footer = new XmlTokenizer(new ByteArrayInputStream("<page/></mediawiki>".getBytes(StandardCharsets.UTF_8)),
                true, 100, 100, 10);
        footer.next();
        footer.next();
        XmlException e = assertThrows(XmlException.class, footer::next);
        assertEquals("unmatched end tag </mediawiki>", e.getMessage());
    }

    /** Generated documents, each also damaged in a few ways, read alike by both parsers. */
    @Test
    void generatedDocumentsWithDamage() {
        Random random = new Random(20261130);
        String[] texts = {"x", " ", "\n", "\r\n", "\r", "\t", "&amp;", "&lt;", "&#233;", "&#x10000;", "é", "Ω", "世",
            "😀", "]", "]]", ">", "'", "\"", "<!--c-->", "<?p x?>", "<![CDATA[c<]]>", "<![CDATA[]]]]>"};
        String[] names = {"a", "b", "page", "x:y", "revision", "t-1", "_u.v"};
        for (int n = 0; n < 3000; n++) {
            StringBuilder sb = new StringBuilder();
            if (random.nextBoolean()) {
                sb.append("<?xml version=\"1.0\"?>\n");
            }
            element(sb, random, names, texts, 0, true);
            byte[] doc = sb.toString().getBytes(StandardCharsets.UTF_8);
            same(doc);
            // damage: a byte changed, a cut, or a byte inserted
            byte[] damaged = doc.clone();
            int at = random.nextInt(damaged.length);
            switch (random.nextInt(3)) {
                case 0 -> {
                    String swaps = "<>&;/\"'=]x\u0001";
                    damaged[at] = (byte) swaps.charAt(random.nextInt(swaps.length()));
                }
                case 1 -> damaged = java.util.Arrays.copyOf(damaged, at);
                default -> damaged[at] = (byte) (0x80 + random.nextInt(0x80));
            }
            same(damaged);
        }
    }

    private static void element(StringBuilder sb, Random random, String[] names, String[] texts, int depth, boolean root) {
        String name = names[random.nextInt(names.length)];
        sb.append('<').append(name);
        if (root && name.startsWith("x:") || random.nextInt(4) == 0) {
            sb.append(" xmlns:x=\"urn:x\"");
        }
        int attributes = random.nextInt(3);
        for (int i = 0; i < attributes; i++) {
            char quote = random.nextBoolean() ? '"' : '\'';
            String value = texts[random.nextInt(texts.length)];
            if (value.indexOf('<') >= 0 || value.indexOf(quote) >= 0) {
                value = "v";
            }
            sb.append(' ').append(i == 0 ? "k" : "m").append('=').append(quote).append(value).append(quote);
        }
        if (depth > 3 || random.nextInt(5) == 0) {
            sb.append("/>");
            return;
        }
        sb.append('>');
        int children = random.nextInt(4);
        for (int i = 0; i < children; i++) {
            if (random.nextBoolean()) {
                sb.append(texts[random.nextInt(texts.length)]);
            } else {
                element(sb, random, names, texts, depth + 1, false);
            }
        }
        sb.append("</").append(name).append('>');
    }

    private static XmlTokenizer tokenizer(String doc) {
        return new XmlTokenizer(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), false, 1000, 1000, 10);
    }

    /** Hands out at most a few bytes per read, so that every token crosses buffer refills somewhere. */
    static final class TrickleInputStream extends java.io.InputStream {
        private final byte[] data;
        private final int most;
        private int pos;

        TrickleInputStream(byte[] data, int most) {
            this.data = data;
            this.most = most;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, most), data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
