package org.mwdump.write.revdoc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.PageRevisions;
import org.mwdump.ReadOptions;
import org.mwdump.model.Page;
import org.mwdump.model.Revision;
import org.mwdump.testing.Corpus;

/**
 * The RevDoc reader reads every mwxml reference file ({@code Dumps.open} finds it by sniffing), and
 * writing what it read gives the reference's bytes again: nothing RevDoc carries is lost.
 */
class RevDocReadBackTest {

    static Stream<Path> current() {
        return RevDocReferenceTest.current();
    }

    static Stream<Path> legacy() {
        return RevDocReferenceTest.legacy();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("current")
    void slotsShapeReadsBackToTheSameBytes(Path reference) throws IOException {
        readBack(reference, ReadOptions.DEFAULT, RevDocShape.SLOTS, DumpFormat.REVDOC);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legacy")
    void flatShapeReadsBackToTheSameBytes(Path reference) throws IOException {
        // the flat shape has lost the title prefixes; the site info of the source dump brings them back
        ReadOptions options;
        try (DumpReader xml = Dumps.open(Corpus.dumpOfReference(reference))) {
            options = ReadOptions.builder().siteInfo(xml.siteInfo()).build();
        }
        readBack(reference, options, RevDocShape.LEGACY_FLAT, DumpFormat.REVDOC_LEGACY);
    }

    private static void readBack(Path reference, ReadOptions options, RevDocShape shape, DumpFormat format)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DumpReader reader = Dumps.open(reference, options)) {
            assertEquals(format, reader.format());
            RevDocWriter writer = RevDocWriter.builder(out).shape(shape).build();
            Dumps.copy(reader, writer);
            writer.finish();
        }
        assertArrayEquals(Files.readAllBytes(reference), out.toByteArray(), reference.getFileName().toString());
    }

    @Test
    void consecutiveLinesOfOnePageShareOnePage() {
        Path ref = Corpus.reference().resolve(
                "aawiki-20260101__aawiki-20260101-pages-meta-history.xml.7z.revdocs.jsonl");
        int pages = 0;
        int revisions = 0;
        try (DumpReader reader = Dumps.open(ref)) {
            for (PageRevisions pr : reader.pages()) {
                pages++;
                Page page = pr.page();
                for (Revision r : pr.revisions()) {
                    assertSame(page, r.page());
                    revisions++;
                }
            }
            assertNull(reader.nextLogItem());
            List<Integer> keys = new ArrayList<>();
            reader.siteInfo().namespaces().forEach(n -> keys.add(n.key()));
            assertEquals(List.of(0, 1, 2, 3, 4, 8, 10, 14), keys);
        }
        assertEquals(507, pages);
        assertEquals(1307, revisions);
    }
}
