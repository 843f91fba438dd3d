package org.mwdump.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mwdump.testing.Corpus;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.benchmarks.SyntheticDump.Mode;
import org.mwdump.model.Sha1Base36;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;

import com.ctc.wstx.stax.WstxInputFactory;

class SyntheticDumpTest {

    /** What the export XSD needs from the {@code xml:} namespace (the real xml.xsd is online only). */
    private static final String XML_NAMESPACE_STUB = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                       targetNamespace="http://www.w3.org/XML/1998/namespace">
              <xs:attribute name="lang" type="xs:string"/>
              <xs:attribute name="space">
                <xs:simpleType>
                  <xs:restriction base="xs:NCName">
                    <xs:enumeration value="default"/>
                    <xs:enumeration value="preserve"/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:attribute>
              <xs:attribute name="base" type="xs:anyURI"/>
            </xs:schema>
            """;

    private static byte[] history;
    private static byte[] articles;
    private static Stats historyStats;
    private static Stats articlesStats;

    @BeforeAll
    static void generate() throws Exception {
        history = generate(SyntheticDump.builder().seed(3).mode(Mode.HISTORY).targetBytes(9_000_000).build());
        articles = generate(SyntheticDump.builder().seed(5).mode(Mode.ARTICLES).historyFraction(0.1)
                .targetBytes(6_000_000).build());
        historyStats = check(history);
        articlesStats = check(articles);
    }

    private static byte[] generate(SyntheticDump dump) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyntheticDump.Summary s = dump.write(out);
        assertEquals(out.size(), s.bytes());
        return out.toByteArray();
    }

    @Test
    void sameOptionsGiveIdenticalBytes() throws IOException {
        assertArrayEquals(history,
                generate(SyntheticDump.builder().seed(3).mode(Mode.HISTORY).targetBytes(9_000_000).build()));
        SyntheticDump dump = SyntheticDump.builder().seed(9).mode(Mode.ARTICLES).pages(50).build();
        assertArrayEquals(generate(dump), generate(dump), "a generator can be written twice");
    }

    @Test
    void differentSeedsDiffer() throws IOException {
        byte[] a = generate(SyntheticDump.builder().seed(1).mode(Mode.ARTICLES).pages(20).build());
        byte[] b = generate(SyntheticDump.builder().seed(2).mode(Mode.ARTICLES).pages(20).build());
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void fewerPagesGiveAPrefix() throws IOException {
        byte[] small = generate(SyntheticDump.builder().seed(6).mode(Mode.HISTORY).pages(8).build());
        byte[] large = generate(SyntheticDump.builder().seed(6).mode(Mode.HISTORY).pages(12).build());
        int body = small.length - "</mediawiki>\n".length();
        assertArrayEquals(Arrays.copyOf(small, body), Arrays.copyOf(large, body));
    }

    @Test
    void sizeAndPageLimits() {
        assertTrue(history.length >= 9_000_000);
        assertTrue(history.length < 9_000_000 + 3 * 1024 * 1024, "overshoot is at most one revision");
        assertTrue(articles.length >= 6_000_000);
        assertEquals(50, countPages(SyntheticDump.builder().mode(Mode.ARTICLES).pages(50).build()));
        assertThrows(IllegalStateException.class, () -> SyntheticDump.builder().build());
    }

    private static long countPages(SyntheticDump dump) {
        try {
            return dump.write(new ByteArrayOutputStream()).pages();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void productionSerialization() {
        for (byte[] dump : List.of(history, articles)) {
            String s = new String(dump, StandardCharsets.UTF_8);
            assertTrue(s.startsWith(SyntheticDump.ROOT_LINE + "\n  <siteinfo>\n    <sitename>"));
            assertTrue(s.contains("\n      <namespace key=\"0\" case=\"first-letter\" />\n"));
            assertTrue(s.contains("\n      <namespace key=\"10\" case=\"first-letter\">Template</namespace>\n"));
            assertTrue(s.endsWith("    </revision>\n  </page>\n</mediawiki>\n"));
            assertTrue(s.contains("\" xml:space=\"preserve\">"));
            assertTrue(s.contains("&quot;"), "double quotes are escaped in element content");
            assertTrue(s.contains("'''"), "apostrophes are not");
            assertTrue(s.contains("&amp;nbsp;"));
            assertTrue(s.contains("&lt;ref&gt;"));
            assertFalse(s.contains("\r"));
            assertFalse(s.contains("<?xml"));
        }
        String h = new String(history, StandardCharsets.UTF_8);
        assertTrue(h.contains("\n      <minor />\n"));
        assertTrue(h.contains("\n      <contributor deleted=\"deleted\" />\n"));
        assertTrue(h.contains("\n      <comment deleted=\"deleted\" />\n"));
        assertTrue(h.contains("<username>imported&gt;"));
        assertTrue(h.contains("\" deleted=\"deleted\" />\n      <sha1 />\n"));
        assertTrue(h.contains("<text bytes=\"0\" sha1=\"" + Sha1Base36.EMPTY + "\" />\n"), "blanked page");
    }

    @Test
    void contentMatchesBytesAndSha1AndStructureIsConsistent() {
        for (Stats st : List.of(historyStats, articlesStats)) {
            assertTrue(st.texts > 100);
            assertEquals(Set.of(0, 1, 2, 4, 10, 14), st.namespaces);
            assertTrue(st.redirects > 0);
            assertTrue(st.ipEditors > 0);
            assertTrue(st.registeredEditors > 0);
            assertTrue(st.missingComments > 0);
            assertTrue(st.nonAsciiTitles > 0);
            assertTrue(st.astral > 0, "characters outside the BMP");
            assertTrue(st.greek > 0 && st.cjk > 0 && st.accented > 0);
        }
        assertTrue(articlesStats.titlesWithApostrophe + articlesStats.titlesWithAmpersand > 0);
        assertTrue(articlesStats.multiRevisionPages > 0, "historyFraction gives some short histories");
        assertTrue(articlesStats.singleRevisionPages > articlesStats.multiRevisionPages);
    }

    @Test
    void realisticShape() {
        List<Integer> revs = historyStats.revisionsPerPage;
        List<Integer> sorted = new ArrayList<>(revs);
        sorted.sort(null);
        int median = sorted.get(sorted.size() / 2);
        assertTrue(median >= 8 && median <= 50, "median revisions per page " + median);
        assertTrue(sorted.get(sorted.size() - 1) >= 100, "some pages have hundreds of revisions");

        List<Integer> sizes = new ArrayList<>(articlesStats.lastTextBytes);
        sizes.sort(null);
        int medianSize = sizes.get(sizes.size() / 2);
        assertTrue(medianSize >= 1000 && medianSize <= 8000, "median text size " + medianSize);
        assertTrue(sizes.get(sizes.size() - 1) > 100_000, "heavy tail");
    }

    @Test
    void validatesAgainstTheExportSchema() throws Exception {
        Schema schema = exportSchema();
        for (byte[] dump : List.of(history, articles)) {
            Validator v = schema.newValidator();
            v.setResourceResolver((type, ns, publicId, systemId, base) -> {
                throw new AssertionError("unexpected resource " + systemId);
            });
            v.validate(new StreamSource(new ByteArrayInputStream(dump)));
        }
    }

    /**
     * The export-0.11 XSD, with one change: {@code <comment>} of a revision made optional. The XSD
     * says it is required, but MediaWiki's writer omits it when the comment is empty, and so do
     * Wikimedia's dumps and this generator.
     */
    private static Schema exportSchema() throws Exception {
        Path xsd = Corpus.spec("mediawiki/export-0.11.xsd");
        String text = Files.readString(xsd);
        String required = "<element name=\"comment\" type=\"mw:CommentType\"/>";
        assertEquals(text.indexOf(required), text.lastIndexOf(required), "one revision comment element");
        assertTrue(text.contains(required));
        text = text.replace(required, "<element name=\"comment\" type=\"mw:CommentType\" minOccurs=\"0\"/>");

        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        DOMImplementationLS ls = (DOMImplementationLS) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .getDOMImplementation();
        f.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
            if (XMLConstants.XML_NS_URI.equals(namespace)) {
                LSInput in = ls.createLSInput();
                in.setStringData(XML_NAMESPACE_STUB);
                in.setSystemId("urn:stub:xml.xsd");
                in.setPublicId(publicId);
                return in;
            }
            throw new AssertionError("unexpected schema import " + namespace + " " + systemId);
        });
        return f.newSchema(new StreamSource(new StringReader(text), xsd.toUri().toString()));
    }

    @Test
    void cliWritesCompressedFiles(@TempDir Path dir) throws Exception {
        String[] common = {"--pages", "30", "--mode", "articles", "--history-fraction", "0.2", "--seed", "4"};
        byte[] plain = generate(SyntheticDump.builder().pages(30).mode(Mode.ARTICLES).historyFraction(0.2).seed(4)
                .build());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        for (String name : List.of("d.xml", "d.xml.bz2", "j.xml.bz2", "d.xml.gz", "d.xml.zst", "j.xml.zst")) {
            List<String> args = new ArrayList<>(List.of(common));
            args.addAll(List.of("--out", dir.resolve(name).toString()));
            if (name.startsWith("j")) {
                args.add("--java-compression");
            }
            assertEquals(0, SyntheticDump.run(args.toArray(new String[0]), quiet));
            Path file = dir.resolve(name);
            assertFalse(Files.exists(dir.resolve(name + ".part")));
            try (InputStream in = decompress(name, Files.newInputStream(file))) {
                assertArrayEquals(plain, in.readAllBytes(), name);
            }
        }
    }

    private static InputStream decompress(String name, InputStream in) throws IOException {
        if (name.endsWith(".bz2")) {
            return new BZip2CompressorInputStream(in, true);
        }
        if (name.endsWith(".gz")) {
            return new GZIPInputStream(in);
        }
        if (name.endsWith(".zst")) {
            return new ZstdCompressorInputStream(in);
        }
        return in;
    }

    /** The sample shipped in the samples module is this generator's output (see benchmarks/README.md). */
    @Test
    void committedSampleIsUpToDate() throws IOException {
        Path sample = Path.of("..", "samples", "src", "main", "resources", "org", "mwdump", "samples",
                "sample-dump.xml.bz2");
        byte[] expected = generate(SyntheticDump.builder().pages(40).mode(Mode.ARTICLES).historyFraction(0.15).seed(1)
                .build());
        try (InputStream in = new BZip2CompressorInputStream(Files.newInputStream(sample), true)) {
            assertArrayEquals(expected, in.readAllBytes(),
                    "the generator changed: regenerate the sample with the command in benchmarks/README.md");
        }
    }

    @Test
    void parsesSizes() {
        assertEquals(1500, SyntheticDump.parseSize("1500"));
        assertEquals(200_000_000L, SyntheticDump.parseSize("200MB"));
        assertEquals(200L << 20, SyntheticDump.parseSize("200MiB"));
        assertEquals(20_000_000_000L, SyntheticDump.parseSize("20GB"));
        assertEquals(1536, SyntheticDump.parseSize("1.5KiB"));
        assertThrows(IllegalArgumentException.class, () -> SyntheticDump.parseSize("12 parsecs"));
    }

    // ------------------------------------------------------------------ checking a dump

    /** Facts gathered from one pass over a dump. */
    private static final class Stats {
        long pages;
        long texts;
        Set<Integer> namespaces = new TreeSet<>();
        long redirects;
        long ipEditors;
        long registeredEditors;
        long missingComments;
        long nonAsciiTitles;
        long titlesWithApostrophe;
        long titlesWithAmpersand;
        long astral;
        long greek;
        long cjk;
        long accented;
        long multiRevisionPages;
        long singleRevisionPages;
        List<Integer> revisionsPerPage = new ArrayList<>();
        List<Integer> lastTextBytes = new ArrayList<>();
    }

    /**
     * Parses a dump with Woodstox and checks, for every revision, that {@code bytes} and
     * {@code sha1} match the text, that the revision hash is the text's, that ids increase, that
     * {@code parentid} is the previous revision of the page, that timestamps increase within a
     * page, that titles are unique and that text is NFC; and that every line break between
     * elements is followed by two spaces per nesting level.
     */
    private static Stats check(byte[] dump) throws XMLStreamException {
        XMLInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(dump));
        Stats st = new Stats();
        Deque<String> path = new ArrayDeque<>();
        Deque<Boolean> hasChildren = new ArrayDeque<>();
        StringBuilder between = new StringBuilder();
        Set<String> titles = new HashSet<>();

        long lastPageId = 0;
        long lastRevId = 0;
        long prevRevOfPage = 0;
        Instant prevTime = null;
        int revsOfPage = 0;
        boolean sawComment = false;
        String textSha1Attr = null;
        int textBytesAttr = -1;
        boolean textDeleted = false;
        String textSha1 = null;
        int lastBytes = 0;

        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = r.getLocalName();
                    if (!path.isEmpty()) {
                        assertIndent(path.size(), between, name);
                        hasChildren.pop();
                        hasChildren.push(true);
                    }
                    between.setLength(0);
                    String parent = path.peek();
                    path.push(name);
                    hasChildren.push(false);
                    switch (name) {
                        case "page" -> {
                            st.pages++;
                            revsOfPage = 0;
                            prevRevOfPage = 0;
                            prevTime = null;
                        }
                        case "title" -> {
                            String title = r.getElementText();
                            path.pop();
                            hasChildren.pop();
                            assertTrue(titles.add(title), () -> "unique title " + title);
                            if (!title.chars().allMatch(c -> c < 0x80)) {
                                st.nonAsciiTitles++;
                            }
                            if (title.contains("'")) {
                                st.titlesWithApostrophe++;
                            }
                            if (title.contains("&")) {
                                st.titlesWithAmpersand++;
                            }
                        }
                        case "ns" -> {
                            st.namespaces.add(Integer.parseInt(r.getElementText()));
                            path.pop();
                            hasChildren.pop();
                        }
                        case "redirect" -> {
                            assertNotNull(r.getAttributeValue(null, "title"));
                            st.redirects++;
                        }
                        case "id" -> {
                            long id = Long.parseLong(r.getElementText());
                            path.pop();
                            hasChildren.pop();
                            if ("page".equals(parent)) {
                                assertTrue(id > lastPageId, "page ids increase");
                                lastPageId = id;
                            } else if ("revision".equals(parent)) {
                                assertTrue(id > lastRevId, "revision ids increase");
                                lastRevId = id;
                            } else {
                                st.registeredEditors++;
                            }
                        }
                        case "revision" -> {
                            revsOfPage++;
                            sawComment = false;
                        }
                        case "parentid" -> {
                            long p = Long.parseLong(r.getElementText());
                            path.pop();
                            hasChildren.pop();
                            if (prevRevOfPage != 0) {
                                assertEquals(prevRevOfPage, p, "parentid is the previous revision");
                            } else {
                                assertTrue(p < lastRevId);
                            }
                        }
                        case "timestamp" -> {
                            String ts = r.getElementText();
                            path.pop();
                            hasChildren.pop();
                            assertEquals(20, ts.length(), ts);
                            assertEquals('Z', ts.charAt(19), ts);
                            Instant t = Instant.parse(ts);
                            if (prevTime != null) {
                                assertTrue(t.isAfter(prevTime), "timestamps increase within a page");
                            }
                            prevTime = t;
                        }
                        case "ip" -> st.ipEditors++;
                        case "comment" -> sawComment = true;
                        case "text" -> {
                            String bytes = r.getAttributeValue(null, "bytes");
                            textBytesAttr = Integer.parseInt(bytes);
                            textSha1Attr = r.getAttributeValue(null, "sha1");
                            textDeleted = "deleted".equals(r.getAttributeValue(null, "deleted"));
                            String space = r.getAttributeValue(XMLConstants.XML_NS_URI, "space");
                            String text = r.getElementText();
                            path.pop();
                            hasChildren.pop();
                            st.texts++;
                            lastBytes = textBytesAttr;
                            if (textDeleted) {
                                assertEquals("", text);
                            } else {
                                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                                assertEquals(utf8.length, textBytesAttr, "bytes attribute");
                                assertEquals(Sha1Base36.of(text), textSha1Attr, "sha1 attribute");
                                assertTrue(Normalizer.isNormalized(text, Normalizer.Form.NFC), "NFC");
                                tally(st, text);
                                if (!text.isEmpty()) {
                                    assertEquals("preserve", space);
                                }
                            }
                            textSha1 = textSha1Attr;
                        }
                        case "sha1" -> {
                            String sha1 = r.getElementText();
                            path.pop();
                            hasChildren.pop();
                            assertEquals(textDeleted ? "" : textSha1, sha1, "revision sha1");
                        }
                        default -> {
                            // other elements need no checks
                        }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    String name = path.pop();
                    boolean children = hasChildren.pop();
                    if (children) {
                        assertIndent(path.size(), between, "/" + name);
                    }
                    between.setLength(0);
                    if (name.equals("revision")) {
                        if (!sawComment) {
                            st.missingComments++;
                        }
                        prevRevOfPage = lastRevId;
                    } else if (name.equals("page")) {
                        st.revisionsPerPage.add(revsOfPage);
                        st.lastTextBytes.add(lastBytes);
                        if (revsOfPage == 1) {
                            st.singleRevisionPages++;
                        } else {
                            st.multiRevisionPages++;
                        }
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE ->
                        between.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                default -> {
                    // no comments, processing instructions or DTDs in a dump
                }
            }
        }
        return st;
    }

    private static void assertIndent(int depth, CharSequence whitespace, String tag) {
        boolean ok = whitespace.length() == 1 + 2 * depth && whitespace.charAt(0) == '\n';
        for (int i = 1; ok && i < whitespace.length(); i++) {
            ok = whitespace.charAt(i) == ' ';
        }
        if (!ok) {
            throw new AssertionError("expected a line break and " + 2 * depth + " spaces before <" + tag + ">, got ["
                    + whitespace + "]");
        }
    }

    private static void tally(Stats st, String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp > 0xFFFF) {
                st.astral++;
            } else if (cp >= 0x370 && cp <= 0x3FF) {
                st.greek++;
            } else if (cp >= 0x4E00 && cp <= 0x9FFF) {
                st.cjk++;
            } else if (cp >= 0xC0 && cp <= 0x24F || cp >= 0x1E00 && cp <= 0x1EFF) {
                st.accented++;
            }
            i += Character.charCount(cp);
        }
    }
}
