package org.mwdump.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mwdump.Compression;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.UnsupportedDumpException;
import org.mwdump.WriteOptions;
import org.mwdump.model.CaseRule;
import org.mwdump.model.Comment;
import org.mwdump.model.Contributor;
import org.mwdump.model.LogItem;
import org.mwdump.model.Namespace;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.model.Slot;
import org.mwdump.model.Text;
import org.mwdump.model.Upload;

/** Round trips of hand-made revisions covering every distinction the model keeps. */
class ParquetWriterReaderTest {
    @TempDir
    Path dir;

    static final SiteInfo SITE = SiteInfo.builder().schemaVersion("0.11").language("en").present(true)
            .siteName("Wiki \"quoted\"\n").dbName("testwiki").base("https://example.org/wiki/Main")
            .generator("MediaWiki 1.45").caseRule(CaseRule.FIRST_LETTER)
            .namespaces(List.of(new Namespace(-2, "Media", CaseRule.FIRST_LETTER), new Namespace(0, "", null),
                    new Namespace(1, "Talk\u00e9\u0001", CaseRule.CASE_SENSITIVE)))
            .build();

    static Slot main(Text text) {
        return Slot.builder().origin(5L).model("wikitext").format("text/x-wiki").text(text).build();
    }

    static Revision rev(Page page, long id, String timestamp, Contributor c, Comment comment, List<Slot> slots,
                        String sha1) {
        return Revision.builder().page(page).id(id).parentId(id - 1).timestamp(timestamp).contributor(c)
                .minor(id % 2 == 0).comment(comment).slots(slots).sha1(sha1).build();
    }

    static List<Revision> edgeCases() {
        Page plain = Page.of(1, 0, "Plain");
        Page odd = Page.builder().redirect(true).restrictions(List.of("edit=sysop:move=sysop", "")).build();
        Page redirect = Page.builder().id(3L).namespace(4).title("Project:R\u00e9").redirect(true)
                .redirectTarget("Target").build();
        Text full = Text.builder().content("body \u03b1\u03b2 \ud83d\ude00").bytes(12L).sha1("abc").build();
        return List.of(
                rev(plain, 10, "2024-04-15T14:38:04Z", Contributor.user("Alice", 7), Comment.of("hi"),
                        List.of(main(full)), "abc"),
                rev(plain, 11, "20240415143804", Contributor.ip("127.0.0.1"), null,
                        List.of(main(Text.of(""))), ""),
                rev(plain, 12, "2024-04-15T14:38:04.250Z", new Contributor("Bob", 9L, "10.0.0.1", false),
                        new Comment("", false), List.of(main(new Text(null, 0L, null, null, null, false))), null),
                rev(odd, 13, "yesterday", Contributor.DELETED, Comment.DELETED,
                        List.of(main(new Text(null, 99L, "s", null, null, true))), null),
                rev(odd, 14, null, null, null, List.of(), null),
                rev(odd, 15, "2001-01-01T00:00:00Z", new Contributor("", 0L, null, false), Comment.of("x"),
                        List.of(new Slot(Slot.MAIN, null, null, null, null)), null),
                rev(redirect, 16, "2001-01-01T00:00:00Z", new Contributor(null, 5L, null, false), Comment.of("y"),
                        List.of(main(new Text(null, 111L, "kmys", "tt:123", "123", false)),
                                new Slot("mediainfo", 16L, "wikibase-mediainfo", "application/json",
                                        new Text("{}", 2L, "q", "es:DB://x", null, false)),
                                new Slot(null, null, "json", null, Text.of("[]")),
                                new Slot("aux", 3L, null, null, new Text(null, 5L, null, null, null, true))),
                        "combined"),
                rev(redirect, 17, "1970-01-01T00:00:00Z", new Contributor(null, null, null, true), Comment.of("z"),
                        List.of(main(Text.of("x".repeat(100_000)))), "h"));
    }

    private Path write(List<? extends PageEntry> entries, ParquetOptions options) throws IOException {
        Path file = dir.resolve("t-" + System.nanoTime() + ".parquet");
        try (OutputStream out = Files.newOutputStream(file)) {
            ParquetDumpWriter w = ParquetDumpWriter.builder(out).options(options).build();
            w.writeSiteInfo(SITE);
            for (PageEntry e : entries) {
                w.write(e);
            }
            w.finish();
        }
        return file;
    }

    private static List<Revision> readAll(Path file) {
        List<Revision> result = new ArrayList<>();
        try (DumpReader r = Dumps.open(file)) {
            assertEquals(SITE, r.siteInfo());
            r.revisions().forEach(result::add);
        }
        return result;
    }

    @Test
    void everyDistinctionSurvives() throws IOException {
        List<Revision> in = edgeCases();
        assertEquals(in, readAll(write(in, ParquetOptions.DEFAULT)));
    }

    @ParameterizedTest
    @EnumSource(ParquetOptions.Codec.class)
    void everyCodecReadsBack(ParquetOptions.Codec codec) throws IOException {
        List<Revision> in = edgeCases();
        assertEquals(in, readAll(write(in, ParquetOptions.builder().codec(codec).compressionLevel(5).build())));
    }

    @Test
    void textsAreReadAsTheirUtf8AndMalformedBytesAsReplacementCharacters() throws IOException {
        Revision r = Revision.builder().page(Page.of(1, 0, "A")).id(10L)
                .mainText("wikitext", "text/x-wiki", "MARK-abc\u00e9def-\u03b1\uD834\uDD1E").build();
        Path file = write(List.of(r), ParquetOptions.builder().codec(ParquetOptions.Codec.UNCOMPRESSED).build());
        Text read = readAll(file).get(0).mainSlot().text();
        assertTrue(read.contentIsUtf8(), "the column's bytes are kept");
        assertEquals(r.mainSlot().text(), read);
        // a file from elsewhere whose value is not UTF-8: decoded as before, one U+FFFD per malformed byte
        byte[] bytes = Files.readAllBytes(file);
        byte[] mark = "MARK-abc".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = indexOf(bytes, mark);
        assertTrue(at >= 0 && indexOf(java.util.Arrays.copyOfRange(bytes, at + 1, bytes.length), mark) < 0);
        bytes[at + mark.length] = (byte) 0xff;
        Path bad = dir.resolve("bad.parquet");
        Files.write(bad, bytes);
        Text damaged = readAll(bad).get(0).mainSlot().text();
        assertFalse(damaged.contentIsUtf8());
        assertEquals("MARK-abc\uFFFD\uFFFDdef-\u03b1\uD834\uDD1E", damaged.content());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void pagesSpanRowGroupsAndShareOnePageObject() throws IOException {
        List<Revision> in = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            Page page = Page.of(p + 1, 0, "Page " + p);
            for (int i = 0; i < 300; i++) {
                in.add(rev(page, p * 1000 + i + 1, "2020-01-01T00:00:00Z", Contributor.user("U", 1),
                        Comment.of("c" + i), List.of(main(Text.of(i + " " + "text ".repeat(60)))), null));
            }
        }
        // uncompressed: a row group ends at 64 KiB of compressed pages, and these texts compress to little
        Path file = write(in, ParquetOptions.builder().codec(ParquetOptions.Codec.UNCOMPRESSED)
                .rowGroupBytes(64 << 10).pageBytes(8 << 10).build());
        try (ParquetFileReader f = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration())
                        .withCodecFactory(new PlainCodecFactory(3)).build())) {
            assertTrue(f.getRowGroups().size() > 3, "several row groups: " + f.getRowGroups().size());
        }
        try (DumpReader r = Dumps.open(file)) {
            int pages = 0;
            int seen = 0;
            for (Page page = r.nextPage(); page != null; page = r.nextPage()) {
                pages++;
                for (PageEntry e = r.nextEntry(); e != null; e = r.nextEntry()) {
                    assertSame(page, e.page());
                    assertEquals(in.get(seen++), e);
                }
            }
            assertEquals(5, pages);
            assertEquals(in.size(), seen);
            assertEquals(1.0, r.progress().fraction());
        }
    }

    @Test
    void nextPageSkipsTheRestOfAPage() throws IOException {
        List<Revision> in = edgeCases();
        try (DumpReader r = Dumps.open(write(in, ParquetOptions.DEFAULT))) {
            assertEquals("Plain", r.nextPage().title());
            assertEquals(10L, ((Revision) r.nextEntry()).id());
            assertNull(r.nextPage().title());
            Page third = r.nextPage();
            assertEquals("Target", third.redirectTarget());
            assertEquals(16L, ((Revision) r.nextEntry()).id());
            assertEquals(17L, ((Revision) r.nextEntry()).id());
            assertNull(r.nextEntry());
            assertNull(r.nextPage());
            assertNull(r.nextLogItem());
        }
    }

    @Test
    void uploadsLogItemsAndEmptyPagesAreCountedNotStored() throws IOException {
        Page file = Page.of(5, 6, "File:A.png");
        Page empty = Page.of(6, 0, "Empty");
        Revision r = rev(file, 2, "2001-01-01T00:00:00Z", Contributor.ip("1.2.3.4"), null,
                List.of(main(Text.of("t"))), null);
        Path out = dir.resolve("u.parquet");
        DumpWriter w = Dumps.create(out, DumpFormat.PARQUET);
        w.writeSiteInfo(SITE);
        w.writePage(empty);
        w.writePage(file);
        w.write(r);
        w.write(Upload.builder().page(file).timestamp("2001-01-01T00:00:00Z").filename("A.png").src("http://x/A.png")
                .size(3L).build());
        w.writeLogItem(LogItem.builder().id(1L).timestamp("2001-01-01T00:00:00Z").type("delete").action("delete")
                .logTitle("X").build());
        w.finish();
        assertEquals(List.of(r), readAll(out));
        Map<String, String> meta = footer(out);
        assertEquals("uploads=1,log_items=1,pages_without_revisions=1", meta.get("mwdump.dropped"));
        assertEquals("1", meta.get("mwdump.layout"));
    }

    @Test
    void emptyDumpKeepsItsSiteInfo() throws IOException {
        Path file = write(List.of(), ParquetOptions.DEFAULT);
        try (DumpReader r = Dumps.open(file)) {
            assertEquals(SITE, r.siteInfo());
            assertEquals(DumpFormat.PARQUET, r.format());
            assertNull(r.nextPage());
            assertNull(r.nextEntry());
        }
    }

    @Test
    void abortLeavesNoFile() {
        Path out = dir.resolve("aborted.parquet");
        DumpWriter w = Dumps.create(out, DumpFormat.PARQUET);
        w.writeSiteInfo(SITE);
        edgeCases().forEach(w::write);
        w.abort();
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no temporary file left");
        }  catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void writeOptionsChooseTheCodec() {
        assertEquals(ParquetOptions.Codec.ZSTD, ParquetOptions.from(WriteOptions.DEFAULT).codec());
        assertEquals(ParquetOptions.Codec.UNCOMPRESSED,
                ParquetOptions.from(WriteOptions.builder().compression(Compression.NONE).build()).codec());
        assertEquals(ParquetOptions.Codec.GZIP,
                ParquetOptions.from(WriteOptions.builder().compression(Compression.GZIP).build()).codec());
        UnsupportedDumpException bz2 = assertThrows(UnsupportedDumpException.class,
                () -> ParquetOptions.from(WriteOptions.builder().compression(Compression.BZIP2).build()));
        assertTrue(bz2.getMessage().startsWith("Parquet has no bz2 codec (use zstd, gzip or none)"), bz2.getMessage());
        // a .zst name does not wrap Parquet in an outer zstd stream
        Path out = dir.resolve("x.parquet.zst");
        DumpWriter w = Dumps.create(out, DumpFormat.PARQUET);
        w.writeSiteInfo(SITE);
        edgeCases().forEach(w::write);
        w.finish();
        assertEquals(edgeCases(), readAll(out));
    }

    @Test
    void siteInfoMustComeFirst() throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve("late.parquet"))) {
            ParquetDumpWriter w = ParquetDumpWriter.builder(out).build();
            w.write(edgeCases().get(0));
            assertThrows(IllegalStateException.class, () -> w.writeSiteInfo(SITE));
            w.abort();
        }
    }

    private static Map<String, String> footer(Path file) throws IOException {
        try (ParquetFileReader f = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            return f.getFileMetaData().getKeyValueMetaData();
        }
    }
}
