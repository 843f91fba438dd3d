package org.mwdump.write.revdoc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.ReadOptions;
import org.mwdump.model.Revision;
import org.mwdump.testing.GeneratedDump;
import org.mwdump.testing.GeneratedDump.Feature;
import org.mwdump.write.Carried;

/**
 * RevDoc written from generated dumps of every schema version, content and stub, in both shapes, reads
 * back to what RevDoc carries of the model the dump was made from ({@link Carried}); and what was read
 * back, written again, gives the same bytes.
 */
class GeneratedRevDocRoundTripTest {

    static Stream<GeneratedDump> dumps() {
        return Stream.concat(GeneratedDump.VERSIONS.stream().map(GeneratedDump::full),
                GeneratedDump.VERSIONS.stream().filter(Feature.TEXT_ID::in).map(v -> GeneratedDump.builder(v)
                        .stubs(true).deletions(true).slots(true).uploads(true).pages(20).build()));
    }

    static byte[] write(GeneratedDump dump, RevDocShape shape) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DumpReader in = Dumps.open(new ByteArrayInputStream(dump.xml()))) {
            RevDocWriter w = RevDocWriter.builder(out).shape(shape).build();
            Dumps.copy(in, w);
            w.finish();
            assertEquals(dump.uploads().size() + dump.logItems().size(), w.skippedEntries(), "uploads and log items skipped");
        }
        return out.toByteArray();
    }

    static void check(GeneratedDump dump, RevDocShape shape, DumpFormat format,
                      java.util.function.UnaryOperator<Revision> carried) {
        byte[] jsonl = write(dump, shape);
        List<Revision> expected = dump.revisions().stream().map(carried).toList();
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        try (DumpReader r = Dumps.open(new ByteArrayInputStream(jsonl),
                ReadOptions.builder().siteInfo(dump.siteInfo()).build())) {
            assertEquals(format, r.format());
            List<Revision> read = r.revisions().stream().toList();
            assertEquals(expected.size(), read.size(), "revisions");
            for (int i = 0; i < read.size(); i++) {
                assertEquals(expected.get(i), read.get(i), "revision " + i);
            }
            assertNull(r.nextLogItem(), "RevDoc has no log items");
        }
        try (DumpReader r = Dumps.open(new ByteArrayInputStream(jsonl),
                ReadOptions.builder().siteInfo(dump.siteInfo()).build())) {
            RevDocWriter w = RevDocWriter.builder(again).shape(shape).build();
            Dumps.copy(r, w);
            w.finish();
        }
        assertArrayEquals(jsonl, again.toByteArray(), "written again");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void slotsShape(GeneratedDump dump) {
        check(dump, RevDocShape.SLOTS, DumpFormat.REVDOC, Carried::revDoc);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void legacyFlatShape(GeneratedDump dump) {
        check(dump, RevDocShape.LEGACY_FLAT, DumpFormat.REVDOC_LEGACY, Carried::legacyRevDoc);
    }
}
