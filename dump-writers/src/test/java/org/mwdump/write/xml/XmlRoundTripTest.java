package org.mwdump.write.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mwdump.testing.Corpus;

/**
 * Every dump of the corpus written by Wikimedia's own pipeline, read and written again with the
 * detected style, gives exactly the bytes of the decompressed input (two copies lost their final
 * newline, see {@link #NO_FINAL_NEWLINE}).
 *
 * <p>Left out of byte-exactness, and why:
 * <ul>
 *   <li>{@code multistream-elwikivoyage-p2566p2583/…-noheader} and {@code …-nofooter}: deliberately
 *       incomplete segments (no root element or no footer); a writer always writes a whole document.</li>
 *   <li>{@code simplewiki-history-deleted/*}: written by Wikimedia Analytics' Scala writer, not by
 *       MediaWiki (its own escaping, {@code <text bytes="-1" deleted="deleted" />}, ids of -1); the
 *       writer reproduces MediaWiki, not that writer. They are re-serialized and validated instead.</li>
 *   <li>{@code mediawiki-export-demo/export-demo.xml}, {@code small/mwxml-dump-0.8},
 *       {@code edge-cases/*}, {@code mediawiki-core-tests/*}: written or reformatted by hand (comments,
 *       inline elements, other schema versions, no site info), not the output of a dump run.</li>
 * </ul>
 */
class XmlRoundTripTest {

    /** Corpus path of each production dump. */
    static final List<String> PRODUCTION = List.of(
            "enwiki-pages-articles1-shortened/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2",
            "elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2",
            "multistream-elwikivoyage-p2566p2583/source-singlestream/pages-articles-p2566p2583.xml.bz2",
            "multistream-elwikivoyage-p2566p2583/pages-articles-p2566p2583.multistream.xml.bz2",
            "aawiki-20260101/aawiki-20260101-pages-meta-history.xml.7z",
            "multistream-enwiktionary-20150224/enwiktionary-20150224-pages-articles-multistream.xml.bz2",
            "wikidatawiki-articles-and-stubs-samples/pages-articles-sample1.xml.bz2",
            "wikidatawiki-articles-and-stubs-samples/pages-articles-sample2.xml.bz2",
            "wikidatawiki-articles-and-stubs-samples/pages-articles-sample3.xml.bz2",
            "wikidatawiki-articles-and-stubs-samples/pages-articles-sample4.xml.bz2",
            "wikidatawiki-articles-and-stubs-samples/stub-articles-sample.xml.gz",
            "wikidatawiki-articles-and-stubs-samples/stub-articles-sample1.xml.gz",
            "wikidatawiki-articles-and-stubs-samples/stub-articles-sample2.xml.gz",
            "wikidatawiki-articles-and-stubs-samples/stub-articles-sample3.xml.gz",
            "wikidatawiki-articles-and-stubs-samples/stub-articles-sample4.xml.gz",
            "small/fowiki-macbre/dump.xml.bz2",
            "elwikivoyage-stub-meta-history-sample/sample-stubs.gz");

    /**
     * Files whose last byte is the {@code >} of {@code </mediawiki>}: MediaWiki ends every dump with
     * {@code \n}, these copies lost it when they were cut or repacked. They are compared with that one
     * byte added.
     */
    static final List<String> NO_FINAL_NEWLINE = List.of(
            "elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2",
            "aawiki-20260101/aawiki-20260101-pages-meta-history.xml.7z");

    static Stream<String> production() {
        return PRODUCTION.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("production")
    void writingAgainGivesTheSameBytes(String relative) {
        Path file = Corpus.file(relative);
        byte[] expected = CorpusDumps.decompressed(file);
        if (NO_FINAL_NEWLINE.contains(relative)) {
            assertEquals('>', expected[expected.length - 1]);
            expected = Arrays.copyOf(expected, expected.length + 1);
            expected[expected.length - 1] = '\n';
        }
        byte[] actual = CorpusDumps.rewrite(file, out -> XmlDumpWriter.builder(out).build());
        if (!Arrays.equals(expected, actual)) {
            fail(firstDifference(expected, actual));
        }
    }

    @Test
    void explicitStylesGiveTheSameBytesAsDetection() {
        Path stub = Corpus.file("elwikivoyage-stub-meta-history-sample/sample-stubs.gz");
        byte[] expected = CorpusDumps.decompressed(stub);
        byte[] actual = CorpusDumps.rewrite(stub, out -> XmlDumpWriter.builder(out)
                .style(XmlStyle.STUB.withTextLayout(XmlStyle.TextLayout.MW_1_35)).schemaVersion("0.11").build());
        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8));
    }

    @Test
    void generatorVersionsMapToLayouts() {
        Map<String, XmlStyle.TextLayout> cases = Map.of(
                "MediaWiki 1.25wmf17", XmlStyle.TextLayout.MW_1_35,
                "MediaWiki 1.35.0-wmf.1", XmlStyle.TextLayout.MW_1_35,
                "MediaWiki 1.36.0", XmlStyle.TextLayout.CURRENT,
                "MediaWiki 1.46.0-wmf.7", XmlStyle.TextLayout.CURRENT,
                "MediaWiki Content File Export", XmlStyle.TextLayout.CURRENT);
        cases.forEach((generator, layout) -> assertEquals(layout, XmlStyle.layoutOf(generator), generator));
    }

    /** Where two byte arrays first differ, with the lines around it. */
    static String firstDifference(byte[] expected, byte[] actual) {
        int n = Math.min(expected.length, actual.length);
        int i = 0;
        while (i < n && expected[i] == actual[i]) {
            i++;
        }
        return "first difference at byte " + i + " (expected " + expected.length + " bytes, got " + actual.length
                + ")\nexpected: " + around(expected, i) + "\nactual:   " + around(actual, i);
    }

    private static String around(byte[] b, int i) {
        int from = Math.max(0, i - 150);
        int to = Math.min(b.length, i + 150);
        return new String(b, from, to - from, StandardCharsets.UTF_8).replace("\n", "\\n");
    }
}
