package org.mwdump.write.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.model.LogItem;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.testing.GeneratedDump;
import org.mwdump.testing.GeneratedDump.Feature;
import org.mwdump.write.Carried;

/**
 * The XML writer on generated dumps of every schema version: written as 0.10 and as 0.11, each reads
 * back to the model the dump was made from (less what 0.10 cannot hold); and dumps in Wikimedia's
 * serialization of 0.10 and 0.11 (content and stub dumps, MediaWiki 1.35 and later layouts) are
 * written again byte for byte, the check {@link XmlRoundTripTest} makes on the corpus's real dumps.
 */
class GeneratedXmlRoundTripTest {

    static byte[] rewrite(byte[] xml, Function<ByteArrayOutputStream, XmlDumpWriter> writers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DumpReader reader = Dumps.open(new ByteArrayInputStream(xml))) {
            XmlDumpWriter writer = writers.apply(out);
            Dumps.copy(reader, writer);
            writer.finish();
        }
        return out.toByteArray();
    }

    static Stream<Arguments> versionsAndTargets() {
        return GeneratedDump.VERSIONS.stream().flatMap(v -> Stream.of(Arguments.of(v, "0.10"), Arguments.of(v, "0.11")));
    }

    static Stream<Arguments> stubVersionsAndTargets() {
        return versionsAndTargets().filter(a -> Feature.TEXT_ID.in((String) a.get()[0]));
    }

    static void assertReadsBackAs(GeneratedDump dump, String target) {
        byte[] written = rewrite(dump.xml(), out -> XmlDumpWriter.builder(out).schemaVersion(target).build());
        assertTrue(new String(written, 0, 200, java.nio.charset.StandardCharsets.UTF_8)
                .startsWith("<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-" + target + "/\""));
        List<Object> expected = new ArrayList<>();
        for (PageEntry e : dump.entries()) {
            expected.add(e instanceof Revision r ? Carried.xml(r, target) : e);
        }
        try (DumpReader r = Dumps.open(new ByteArrayInputStream(written))) {
            assertEquals(dump.siteInfo().withRoot(target, "en"), r.siteInfo());
            List<PageEntry> entries = r.entries().stream().toList();
            assertEquals(expected.size(), entries.size(), "entries");
            for (int i = 0; i < entries.size(); i++) {
                assertEquals(expected.get(i), entries.get(i), "entry " + i);
            }
            List<LogItem> items = new ArrayList<>();
            r.logItems().forEach(items::add);
            assertEquals(dump.logItems(), items);
        }
    }

    @ParameterizedTest(name = "schema {0} written as {1}")
    @MethodSource("versionsAndTargets")
    void everyVersionReadsBack(String version, String target) {
        assertReadsBackAs(GeneratedDump.full(version), target);
    }

    @ParameterizedTest(name = "schema {0} stubs written as {1}")
    @MethodSource("stubVersionsAndTargets")
    void stubsReadBack(String version, String target) {
        assertReadsBackAs(GeneratedDump.builder(version).stubs(true).deletions(true).slots(true).uploads(true)
                .logItems(4).build(), target);
    }

    static Stream<Arguments> production() {
        return Stream.of(
                Arguments.of("0.10", false, "MediaWiki 1.27.0-wmf.22"),
                Arguments.of("0.10", true, "MediaWiki 1.35.0-wmf.11"),
                Arguments.of("0.11", false, "MediaWiki 1.46.0-wmf.7"),
                Arguments.of("0.11", true, "MediaWiki 1.46.0-wmf.7"),
                Arguments.of("0.11", false, "MediaWiki 1.35.0-wmf.1"),
                Arguments.of("0.11", true, "MediaWiki 1.35.0-wmf.1"));
    }

    @ParameterizedTest(name = "schema {0}, stubs {1}, {2}")
    @MethodSource("production")
    void productionSerializationIsWrittenAgainByteForByte(String version, boolean stubs, String generator) {
        GeneratedDump dump = GeneratedDump.builder(version).stubs(stubs).generator(generator).pages(30).deletions(true)
                .uploads(true).slots(true).logItems(6).build();
        byte[] expected = dump.xml();
        byte[] actual = rewrite(expected, out -> XmlDumpWriter.builder(out).build());
        if (!Arrays.equals(expected, actual)) {
            fail(XmlRoundTripTest.firstDifference(expected, actual));
        }
    }
}
