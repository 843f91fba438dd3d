package org.mwdump.read.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mwdump.DumpException;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.ReadOptions;
import org.mwdump.model.Revision;
import org.mwdump.model.Slot;
import org.mwdump.testing.Corpus;

/** {@code ReadOptions.texts(false)}: everything but the text contents is read as with texts. */
class SkippedTextTest {
    private static final ReadOptions NO_TEXTS = ReadOptions.builder().texts(false).build();

    private static List<Revision> read(Path dump, ReadOptions options) {
        List<Revision> all = new ArrayList<>();
        try (DumpReader r = Dumps.open(dump, options)) {
            r.revisions().forEach(all::add);
        }
        return all;
    }

    /** The revision with every slot's text content left out. */
    private static Revision withoutTexts(Revision r) {
        List<Slot> slots = new ArrayList<>();
        for (Slot s : r.slots()) {
            slots.add(s.text() == null ? s : new Slot(s.role(), s.origin(), s.model(), s.format(),
                    s.text().withContent(null)));
        }
        return r.withSlots(slots);
    }

    @Test
    void everyCorpusDumpGivesTheSameRevisionsWithoutTheirTexts() {
        int compared = 0;
        for (Path dump : Corpus.dumps()) {
            List<Revision> full;
            try {
                full = read(dump, ReadOptions.DEFAULT);
            } catch (DumpException e) {
                continue; // damaged on purpose
            }
            List<Revision> skipped = read(dump, NO_TEXTS);
            assertEquals(full.size(), skipped.size(), dump.toString());
            for (int i = 0; i < full.size(); i++) {
                assertEquals(withoutTexts(full.get(i)), skipped.get(i), dump + " revision " + i);
            }
            compared++;
        }
        assertTrue(compared > 20, "compared " + compared);
    }

    @Test
    void linesAfterASkippedTextAreCountedAsBefore() {
        String xml = """
                <mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">
                  <page>
                    <title>A</title>
                    <ns>0</ns>
                    <id>1</id>
                    <revision>
                      <id>2</id>
                      <timestamp>2020-01-01T00:00:00Z</timestamp>
                      <text bytes="9" xml:space="preserve">one
                two
                three &amp; <![CDATA[four]]></text>
                      <bad>
                """;
        int[] lines = new int[2];
        int k = 0;
        for (ReadOptions o : List.of(ReadOptions.DEFAULT, NO_TEXTS)) {
            DumpException e = assertThrows(DumpException.class, () -> {
                try (DumpReader r = Dumps.open(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), o)) {
                    r.revisions().forEach(x -> { });
                }
            });
            lines[k++] = (int) e.location().line();
        }
        assertTrue(lines[0] > 10, "line " + lines[0]);
        assertEquals(lines[0], lines[1]);
    }
}
