package org.mwdump.write.revdoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.model.Revision;
import org.mwdump.testing.Corpus;

/**
 * The RevDoc written for every corpus dump is byte-identical to what mwxml wrote
 * ({@code corpus/reference}: mwxml 0.3.8; {@code reference/legacy-mwxml-0.3.3}: the flat shape). For
 * the dumps mwxml failed on ({@code partial/}), the revisions it wrote before failing are compared.
 *
 * <p>No file is excepted: mwxml's quirks on malformed input (a {@code <content>} without
 * {@code <role>} keyed {@code "None"}, an empty {@code <username/>} written {@code "None"}) are
 * reproduced by the writer.
 */
class RevDocReferenceTest {

    static Stream<Path> current() {
        List<Path> all = new ArrayList<>(Corpus.referenceFiles(Corpus.reference()));
        all.addAll(Corpus.referenceFiles(Corpus.reference().resolve("partial")));
        return all.stream();
    }

    static Stream<Path> legacy() {
        Path dir = Corpus.reference().resolve("legacy-mwxml-0.3.3");
        List<Path> all = new ArrayList<>(Corpus.referenceFiles(dir));
        all.addAll(Corpus.referenceFiles(dir.resolve("partial")));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("current")
    void slotsShapeMatchesMwxml038(Path reference) throws IOException {
        compare(reference, RevDocShape.SLOTS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legacy")
    void flatShapeMatchesMwxml033(Path reference) throws IOException {
        compare(reference, RevDocShape.LEGACY_FLAT);
    }

    @Test
    void allReferencesFound() {
        assertTrue(current().count() >= 40);
        assertTrue(legacy().count() >= 14);
    }

    static void compare(Path reference, RevDocShape shape) throws IOException {
        byte[] expected = Files.readAllBytes(reference);
        int expectedLines = count(expected);
        // legacy references are named after the same corpus paths as the current ones
        Path dump = Corpus.dumpOfReference(reference);
        assertTrue(Files.exists(dump), "dump of " + reference.getFileName());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DumpReader reader = Dumps.open(dump)) {
            RevDocWriter writer = RevDocWriter.builder(bytes).shape(shape).build();
            writer.writeSiteInfo(reader.siteInfo());
            // partial references hold the revisions written before mwxml failed
            List<Revision> revisions = reader.revisions().stream().limit(expectedLines).toList();
            for (Revision r : revisions) {
                writer.write(r);
            }
            writer.finish();
        }
        byte[] actual = bytes.toByteArray();
        if (!Arrays.equals(expected, actual)) {
            assertEquals("", firstDifferentLine(actual, expected), "bytes differ from " + reference.getFileName());
        }
    }

    private static int count(byte[] b) {
        int n = 0;
        for (byte x : b) {
            if (x == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The first line of {@code actual} that differs from {@code expected}, shown beside the expected one. */
    private static String firstDifferentLine(byte[] actual, byte[] expected) {
        String[] a = new String(actual, StandardCharsets.UTF_8).split("\n", -1);
        String[] e = new String(expected, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.max(a.length, e.length); i++) {
            String x = i < a.length ? a[i] : "<none>";
            String y = i < e.length ? e[i] : "<none>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + "\nexpected: " + y + "\nactual:   " + x;
            }
        }
        return "<same lines>";
    }
}
