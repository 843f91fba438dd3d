package org.mwdump.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.WriteOptions;
import org.mwdump.benchmarks.SyntheticDump.Mode;
import org.mwdump.index.IndexedDump;
import org.mwdump.index.IndexedPage;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.write.layout.Recompressor;

/**
 * The benchmarks' realistic generator, whose output is schema 0.11 as Wikimedia serializes it (long
 * histories, deleted fields, text in several scripts), checked against the library without the shared
 * corpus: read and written again it gives the same bytes, and recompressed in each random-access layout
 * every page is found by id and by title as a sequential read gives it.
 */
class SyntheticRoundTripTest {

    private static final Map<Mode, byte[]> DUMPS = new java.util.EnumMap<>(Mode.class);

    static synchronized byte[] generate(Mode mode) throws IOException {
        byte[] xml = DUMPS.get(mode);
        if (xml == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SyntheticDump.builder().seed(11).mode(mode).medianRevisions(6)
                    .historyFraction(mode == Mode.ARTICLES ? 0.2 : 0).pages(70).build().write(out);
            xml = out.toByteArray();
            DUMPS.put(mode, xml);
        }
        return xml;
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void writtenAgainByteForByte(Mode mode) throws IOException {
        byte[] xml = generate(mode);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DumpReader r = Dumps.open(new ByteArrayInputStream(xml))) {
            DumpWriter w = Dumps.create(out, DumpFormat.XML, WriteOptions.DEFAULT);
            Dumps.copy(r, w);
            w.finish();
        }
        byte[] actual = out.toByteArray();
        if (!Arrays.equals(xml, actual)) {
            int i = 0;
            while (i < Math.min(xml.length, actual.length) && xml[i] == actual[i]) {
                i++;
            }
            fail("first difference at byte " + i + ": expected "
                    + new String(xml, Math.max(0, i - 80), Math.min(160, xml.length - Math.max(0, i - 80)),
                    StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @EnumSource(Recompressor.Layout.class)
    void everyPageIsFoundInEachLayout(Recompressor.Layout layout, @TempDir Path dir) throws IOException {
        byte[] xml = generate(Mode.HISTORY);
        Map<Long, IndexedPage> expected = new LinkedHashMap<>();
        try (DumpReader r = Dumps.open(new ByteArrayInputStream(xml))) {
            for (Page p = r.nextPage(); p != null; p = r.nextPage()) {
                List<PageEntry> entries = new ArrayList<>();
                for (PageEntry e = r.nextEntry(); e != null; e = r.nextEntry()) {
                    entries.add(e);
                }
                expected.put(p.id(), new IndexedPage(r.siteInfo(), p, entries));
            }
        }
        assertEquals(70, expected.size());
        boolean zstd = layout == Recompressor.Layout.SEEKABLE_ZSTD;
        Path dump = dir.resolve(zstd ? "synth.xml.zst" : "synth-multistream.xml.bz2");
        new Recompressor(layout, 8, 2).recompress(new ByteArrayInputStream(xml), dump,
                dir.resolve(zstd ? "synth-index.txt.zst" : "synth-multistream-index.txt.bz2"));
        try (IndexedDump indexed = IndexedDump.open(dump)) {
            assertEquals(expected.size(), indexed.size());
            for (IndexedPage page : expected.values()) {
                assertEquals(page, indexed.byId(page.page().id()).orElseThrow(), "by id " + page.page().id());
                assertEquals(page, indexed.byTitle(page.page().title()).orElseThrow(), "by title " + page.page().title());
            }
            assertTrue(indexed.byTitle("No such title").isEmpty());
        }
    }
}
