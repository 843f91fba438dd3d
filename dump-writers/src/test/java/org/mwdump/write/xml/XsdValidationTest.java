package org.mwdump.write.xml;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mwdump.testing.Corpus;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The XML written for every corpus dump (whatever wrote the input: MediaWiki, the Analytics writer,
 * hand-written tests) validates against the official XSD of the version written. The schemas import
 * {@code http://www.w3.org/2001/xml.xsd}; with no network it is resolved to a local stub that
 * declares {@code xml:lang}, {@code xml:space} and {@code xml:base}.
 *
 * <p>Inputs left out ({@link #NOT_DUMPS}, and MediaWiki's test templates): files that are not
 * readable dumps, so there is nothing to write. Inputs that lack what the schema requires are
 * written and checked with that gap allowed ({@link #INCOMPLETE_INPUTS}): the writer does not invent
 * values a dump lacks.
 */
class XsdValidationTest {

    /** Corpus files that are not dumps mwdump reads, and why. */
    static final Map<String, String> NOT_DUMPS = Map.of(
            "mediawiki-core-tests/import-reformatted/BadXML.xml", "not well-formed on purpose",
            "mediawiki-core-tests/import-reformatted/MissingMediaWikiTag.xml", "root is not <mediawiki>",
            "multistream-elwikivoyage-p2566p2583/pages-articles-p2566p2583.multistream-noheader.xml.bz2",
            "a segment without root; read leniently, but covered by the complete file",
            "multistream-elwikivoyage-p2566p2583/pages-articles-p2566p2583.multistream-nofooter.xml.bz2",
            "a segment without footer; covered by the complete file");

    /**
     * Inputs that lack elements the schema requires; the writer does not invent them, so for these
     * only "element missing" errors are allowed (and the Analytics writer's {@code error-no-format}
     * marker, kept as read).
     */
    static final Map<String, String> INCOMPLETE_INPUTS = Map.ofEntries(
            Map.entry("edge-cases/refinery-handmade-no-ids/mediawiki-dump-test.xml",
                    "hand-made: pages and revisions without <id>, revisions without <model>/<format>"),
            Map.entry("small/mwxml-dump-0.8/dump.xml", "schema 0.8 written as 0.11: no <origin>"),
            Map.entry("mediawiki-core-tests/import-reformatted/MissingMainContentModel.import-1.xml", "no <model>"),
            Map.entry("mediawiki-core-tests/import-reformatted/MissingSlotContentModel.import-1.xml",
                    "a <content> without <model>"),
            Map.entry("mediawiki-core-tests/import-reformatted/MissingMainTextField.xml", "no main <text>"),
            Map.entry("mediawiki-core-tests/import-reformatted/MissingSlotRole.xml", "a <content> without <role>"),
            Map.entry("mediawiki-core-tests/import-reformatted/MissingSlotTextField.xml",
                    "a <content> without <text>"),
            Map.entry("mediawiki-core-tests/import-reformatted/ImportLinkCacheIntegrationTest.xml",
                    "schema 0.6 input without <model>/<format>"),
            Map.entry("simplewiki-history-deleted/MediawikiDumperOutputTest.Simplewiki.Sample.xml",
                    "Analytics writer: <format>error-no-format</format> for an unknown format"));

    private static final String XML_XSD_STUB = """
            <?xml version="1.0"?>
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                       targetNamespace="http://www.w3.org/XML/1998/namespace" xml:lang="en">
              <xs:attribute name="lang" type="xs:language"/>
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

    private static final Map<String, Schema> SCHEMAS = new HashMap<>();

    static Stream<String> dumps() throws IOException {
        Path corpus = Corpus.shared().resolve("corpus");
        try (Stream<Path> files = Files.walk(corpus, FileVisitOption.FOLLOW_LINKS)) {
            List<String> all = files.filter(Files::isRegularFile)
                    .map(p -> corpus.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("reference/") && !p.startsWith("schemas/") && !p.endsWith(".md"))
                    .filter(p -> !p.contains("-index"))
                    .filter(p -> !NOT_DUMPS.containsKey(p))
                    // expected outputs of MediaWiki's test suite: <data> templates with placeholders
                    .filter(p -> !p.contains("dump-templates-reformatted/") && !p.contains(".expected.")
                            && !p.contains("import-reformatted/SiteInfo."))
                    .sorted().toList();
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void writtenXmlIsValid(String relative) throws Exception {
        Path file = Corpus.file(relative);
        byte[] xml = CorpusDumps.rewrite(file, out -> XmlDumpWriter.builder(out).build());
        String head = new String(xml, 0, Math.min(xml.length, 400), StandardCharsets.UTF_8);
        String version = head.contains("version=\"0.10\"") ? "0.10" : "0.11";
        Validator validator = schema(version).newValidator();
        List<String> errors = new ArrayList<>();
        String[] lines = new String(xml, StandardCharsets.UTF_8).split("\n");
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                int line = e.getLineNumber();
                errors.add(e.getMessage() + " at line " + line + ": "
                        + (line > 0 && line <= lines.length ? lines[line - 1].trim() : ""));
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        String allowed = INCOMPLETE_INPUTS.get(relative);
        List<String> unexpected = errors.stream()
                .filter(e -> allowed == null || !(e.startsWith("cvc-complex-type.2.4")
                        || e.contains("'error-no-format'") || e.startsWith("cvc-type.3.1.3")))
                .toList();
        if (allowed != null) {
            assertTrue(!errors.isEmpty(), relative + " is valid: remove it from INCOMPLETE_INPUTS");
        }
        if (!unexpected.isEmpty()) {
            fail(relative + " against export-" + version + ".xsd: " + unexpected.size() + " errors, first: "
                    + unexpected.get(0));
        }
        assertTrue(xml.length > 0);
    }

    /**
     * The XSD: {@code specs/mediawiki} for 0.10; for 0.11 the copy released with MediaWiki 1.39
     * ({@code corpus/schemas}), because the earlier revision in {@code specs/mediawiki} still requires
     * {@code <comment>}, which MediaWiki itself omits when a comment is empty (the real aawiki and
     * elwikivoyage 0.11 dumps fail it). The two files differ only there and in whitespace.
     */
    static Path xsd(String version) {
        return version.equals("0.11") ? Corpus.file("schemas/export-0.11.xsd")
                : Corpus.spec("mediawiki/export-" + version + ".xsd");
    }

    static synchronized Schema schema(String version) {
        return SCHEMAS.computeIfAbsent(version, v -> {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setResourceResolver((type, namespaceURI, publicId, systemId, baseURI) -> {
                if ("http://www.w3.org/XML/1998/namespace".equals(namespaceURI)
                        || (systemId != null && systemId.endsWith("xml.xsd"))) {
                    return new StubInput(systemId, XML_XSD_STUB);
                }
                return null;
            });
            try {
                return f.newSchema(xsd(v).toFile());
            } catch (SAXException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The smallest {@link LSInput} carrying a string. */
    private record StubInput(String systemId, String data) implements LSInput {
        @Override public Reader getCharacterStream() { return new StringReader(data); }
        @Override public void setCharacterStream(Reader characterStream) { }
        @Override public InputStream getByteStream() { return null; }
        @Override public void setByteStream(InputStream byteStream) { }
        @Override public String getStringData() { return data; }
        @Override public void setStringData(String stringData) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String systemId) { }
        @Override public String getPublicId() { return null; }
        @Override public void setPublicId(String publicId) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String baseURI) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }

}
