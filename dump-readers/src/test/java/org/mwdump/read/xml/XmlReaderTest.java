package org.mwdump.read.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mwdump.Compression;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.LimitExceededException;
import org.mwdump.MalformedDumpException;
import org.mwdump.PageRevisions;
import org.mwdump.ReadLimits;
import org.mwdump.ReadOptions;
import org.mwdump.model.CaseRule;
import org.mwdump.model.LogItem;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.model.Upload;
import org.mwdump.testing.Corpus;

class XmlReaderTest {

    static DumpReader open(String xml) {
        return Dumps.open(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static DumpReader open(String xml, ReadOptions options) {
        return Dumps.open(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), options);
    }

    @Test
    void exportDemoYieldsItsUploadAndLogItem() {
        List<Upload> uploads = new ArrayList<>();
        List<Revision> revisions = new ArrayList<>();
        try (DumpReader r = Dumps.open(Corpus.file("mediawiki-export-demo/export-demo.xml"))) {
            assertEquals("0.10", r.siteInfo().schemaVersion());
            assertEquals(CaseRule.FIRST_LETTER, r.siteInfo().caseRule());
            r.entries().forEach(e -> {
                if (e instanceof Upload u) {
                    uploads.add(u);
                } else {
                    revisions.add((Revision) e);
                }
            });
            List<LogItem> items = new ArrayList<>();
            r.logItems().forEach(items::add);
            assertEquals(1, items.size());
            LogItem item = items.get(0);
            assertEquals(15L, item.id());
            assertEquals("2008-10-23T03:20:32Z", item.timestamp());
            assertEquals("Wikimedian", item.contributor().username());
            assertEquals(12345L, item.contributor().id());
            assertEquals("content was: 'I think this was a silly edit'", item.comment().text());
            assertEquals("delete", item.type());
            assertEquals("delete", item.action());
            assertEquals("Silly page name", item.logTitle());
            assertEquals("", item.params());
            assertFalse(item.textDeleted());
        }
        assertEquals(4, revisions.size());
        assertEquals(1, uploads.size());
        Upload u = uploads.get(0);
        assertEquals("2001-01-15T20:34:12Z", u.timestamp());
        assertEquals("Foobar", u.contributor().username());
        assertEquals(42L, u.contributor().id());
        assertEquals("My awesomeest image!", u.comment().text());
        assertEquals("Some_image.jpg", u.filename());
        assertEquals("http://upload.wikimedia.org/commons/2/22/Some_image.jpg", u.src());
        assertEquals(12345L, u.size());
        assertNotNull(u.page().title());
    }

    /** The flat view in a for-each loop and as a stream: both read on from where the reader stands. */
    @Test
    void revisionsInAForEachLoopAndAsAStream() {
        Path file = Corpus.file("edge-cases/refinery-handmade-no-ids/mediawiki-dump-test.xml");
        List<Revision> all;
        try (DumpReader r = Dumps.open(file)) {
            all = r.revisions().stream().toList();
        }
        try (DumpReader r = Dumps.open(file)) {
            List<Revision> looped = new java.util.ArrayList<>();
            for (Revision rev : r.revisions()) {
                looped.add(rev);
                if (looped.size() == 2) {
                    break;
                }
            }
            r.revisions().stream().forEach(looped::add);
            assertEquals(all, looped);
            assertFalse(r.revisions().iterator().hasNext());
        }
    }

    @Test
    void dumpsWithoutSiteInfoRead() {
        try (DumpReader r = Dumps.open(Corpus.file("edge-cases/gensim-enwiki-no-siteinfo/enwiki-table-markup.xml.bz2"))) {
            assertFalse(r.siteInfo().present());
            assertTrue(r.siteInfo().namespaces().isEmpty());
            assertEquals(5, r.revisions().stream().count());
        }
        try (DumpReader r = Dumps.open(Corpus.file("edge-cases/refinery-handmade-no-ids/mediawiki-dump-test.xml"))) {
            assertFalse(r.siteInfo().present());
            List<Revision> revs = r.revisions().stream().toList();
            assertEquals(6, revs.size());
            assertTrue(revs.stream().anyMatch(Revision::textDeleted));
            assertTrue(revs.stream().anyMatch(Revision::commentDeleted));
            assertTrue(revs.stream().anyMatch(Revision::contributorDeleted));
            assertTrue(revs.stream().anyMatch(Revision::minor), "<minor/> after <text> is still read");
        }
    }

    @Test
    void utf16CopyReadsLikeTheUtf8Original() throws IOException {
        Path file = Corpus.file("multistream-elwikivoyage-p2566p2583/source-singlestream/pages-articles-p2566p2583.xml.bz2");
        byte[] utf8;
        try (InputStream in = new org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream(
                java.nio.file.Files.newInputStream(file), true)) {
            utf8 = in.readAllBytes();
        }
        String xml = new String(utf8, StandardCharsets.UTF_8);
        for (boolean littleEndian : new boolean[] {true, false}) {
            byte[] body = xml.getBytes(littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
            byte[] utf16 = new byte[body.length + 2];
            utf16[0] = (byte) (littleEndian ? 0xFF : 0xFE);
            utf16[1] = (byte) (littleEndian ? 0xFE : 0xFF);
            System.arraycopy(body, 0, utf16, 2, body.length);
            List<Revision> expected;
            SiteInfo expectedSite;
            try (DumpReader r = Dumps.open(file)) {
                expectedSite = r.siteInfo();
                expected = r.revisions().stream().toList();
            }
            try (DumpReader r = Dumps.open(new ByteArrayInputStream(utf16))) {
                assertEquals(expectedSite, r.siteInfo());
                assertEquals(expected, r.revisions().stream().toList());
            }
        }
    }

    @Test
    void malformedCoreTestsFailWithTheLine() {
        // looked up outside assertThrows, so that a missing corpus skips the test instead of failing it
        Path badXml = Corpus.file("mediawiki-core-tests/import-reformatted/BadXML.xml");
        Path missingRoot = Corpus.file("mediawiki-core-tests/import-reformatted/MissingMediaWikiTag.xml");
        MalformedDumpException bad = assertThrows(MalformedDumpException.class, () -> {
            try (DumpReader r = Dumps.open(badXml,
                    ReadOptions.builder().strict(true).build())) {
                r.revisions().stream().count();
            }
        });
        assertTrue(bad.location().line() > 0, bad.getMessage());
        assertTrue(bad.getMessage().contains("line " + bad.location().line()), bad.getMessage());

        MalformedDumpException noRoot = assertThrows(MalformedDumpException.class, () -> {
            try (DumpReader r = Dumps.open(missingRoot)) {
                r.revisions().stream().count();
            }
        });
        assertTrue(noRoot.getMessage().contains("<head>"), noRoot.getMessage());
        assertTrue(noRoot.location().line() > 0, noRoot.getMessage());
    }

    @Test
    void badXmlIsNotWellFormedEvenWhenLenient() {
        // BadXML.xml holds an unknown element and then breaks well-formedness; lenient mode skips the former only
        Path badXml = Corpus.file("mediawiki-core-tests/import-reformatted/BadXML.xml");
        MalformedDumpException e = assertThrows(MalformedDumpException.class, () -> {
            try (DumpReader r = Dumps.open(badXml)) {
                r.revisions().stream().count();
            }
        });
        assertTrue(e.location().line() > 0, e.getMessage());
    }

    static final String HEADER = "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" version=\"0.11\" xml:lang=\"en\">\n"
            + "  <siteinfo>\n    <sitename>Test</sitename>\n    <case>first-letter</case>\n"
            + "    <namespaces>\n      <namespace key=\"0\" case=\"first-letter\" />\n"
            + "      <namespace key=\"1\" case=\"first-letter\">Talk</namespace>\n    </namespaces>\n  </siteinfo>\n";

    static String page(String inner) {
        return "  <page>\n    <title>Talk:Foo</title>\n    <ns>1</ns>\n    <id>7</id>\n" + inner + "  </page>\n";
    }

    static final String REVISION = "    <revision>\n      <id>70</id>\n      <timestamp>2020-01-01T00:00:00Z</timestamp>\n"
            + "      <contributor>\n        <ip>192.0.2.1</ip>\n      </contributor>\n"
            + "      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
            + "      <text bytes=\"5\" xml:space=\"preserve\">a &amp; b</text>\n      <sha1 />\n    </revision>\n";

    @Test
    void unknownElementsAreSkippedAndCountedOrRejectedWhenStrict() {
        String lqt = "    <DiscussionThreading>\n\t<ThreadSubject>Hi</ThreadSubject>\n\t<ThreadID>1</ThreadID>\n"
                + "    </DiscussionThreading>\n";
        String xml = HEADER + page(lqt + REVISION) + "</mediawiki>\n";
        try (DumpReader r = open(xml)) {
            List<Revision> revs = r.revisions().stream().toList();
            assertEquals(1, revs.size());
            assertEquals("a & b", revs.get(0).text());
            assertEquals("192.0.2.1", revs.get(0).contributor().ip());
            assertEquals("", revs.get(0).sha1());
            assertEquals(1L, r.skippedElements().get("page/DiscussionThreading"));
        }
        MalformedDumpException e = assertThrows(MalformedDumpException.class, () -> {
            try (DumpReader r = open(xml, ReadOptions.builder().strict(true).build())) {
                r.revisions().stream().count();
            }
        });
        assertTrue(e.getMessage().contains("DiscussionThreading"), e.getMessage());
        assertEquals(14, e.location().line(), e.getMessage());
        assertEquals(7L, e.location().pageId());
    }

    @Test
    void textLimitIsPerReader() {
        String xml = HEADER + page(REVISION.replace("a &amp; b", "x".repeat(5000))) + "</mediawiki>\n";
        ReadOptions small = ReadOptions.builder().limits(ReadLimits.DEFAULT.withMaxTextChars(1000)).build();
        assertThrows(LimitExceededException.class, () -> {
            try (DumpReader r = open(xml, small)) {
                r.revisions().stream().count();
            }
        });
        try (DumpReader r = open(xml)) {
            assertEquals(5000, r.revisions().stream().findFirst().orElseThrow().text().length());
        }
    }

    @Test
    void externalEntitiesAndDtdsAreRefused() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE mediawiki [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<mediawiki version=\"0.11\">\n  <page>\n    <title>&x;</title>\n    <ns>0</ns>\n    <id>1</id>\n"
                + "  </page>\n</mediawiki>\n";
        MalformedDumpException e = assertThrows(MalformedDumpException.class, () -> {
            try (DumpReader r = open(xxe)) {
                r.pages().forEach(p -> { });
            }
        });
        assertTrue(e.location().line() > 0, e.getMessage());
    }

    @Test
    void nestedViewStreamsPagesAndSkipsUnreadRevisions() {
        String xml = HEADER + page(REVISION + REVISION.replace("<id>70</id>", "<id>71</id>"))
                + page(REVISION.replace("<id>70</id>", "<id>72</id>")).replace("<id>7</id>", "<id>8</id>")
                + "</mediawiki>\n";
        try (DumpReader r = open(xml)) {
            List<Long> pageIds = new ArrayList<>();
            for (PageRevisions p : r.pages()) {
                pageIds.add(p.page().id());
            }
            assertEquals(List.of(7L, 8L), pageIds);
        }
        try (DumpReader r = open(xml)) {
            List<Revision> revs = r.revisions().stream().toList();
            assertEquals(List.of(70L, 71L, 72L), revs.stream().map(Revision::id).toList());
            assertTrue(revs.get(0).page() == revs.get(1).page(), "revisions of one page share the Page object");
            Page p = revs.get(0).page();
            assertEquals("Talk:Foo", p.title());
            assertEquals(1, p.namespace());
        }
    }

    @Test
    void pageWithoutRevisionsIsAPage() {
        String xml = HEADER + page("") + "</mediawiki>\n";
        try (DumpReader r = open(xml)) {
            Page p = r.nextPage();
            assertEquals(7L, p.id());
            assertNull(r.nextEntry());
            assertNull(r.nextPage());
            assertNull(r.nextLogItem());
        }
    }

    @Test
    void progressReachesTheTotal() {
        Path file = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        try (DumpReader r = Dumps.open(file)) {
            assertEquals(Compression.BZIP2, r.compression());
            assertTrue(r.progress().totalBytes() > 1_000_000);
            long[] last = {r.progress().bytesRead()};
            assertTrue(last[0] <= r.progress().totalBytes());
            r.revisions().forEach(rev -> {
                long now = r.progress().bytesRead();
                assertTrue(now >= last[0], "progress never goes back");
                last[0] = now;
            });
            assertEquals(r.progress().totalBytes(), r.progress().bytesRead());
            assertEquals(1.0, r.progress().fraction());
        }
    }

    @Test
    void entriesOfPageAreVisibleThroughThePullApi() {
        try (DumpReader r = Dumps.open(Corpus.file("mediawiki-export-demo/export-demo.xml"))) {
            int entries = 0;
            for (Page p = r.nextPage(); p != null; p = r.nextPage()) {
                for (PageEntry e = r.nextEntry(); e != null; e = r.nextEntry()) {
                    assertTrue(e.page() == p);
                    entries++;
                }
            }
            assertEquals(5, entries);
            assertNotNull(r.nextLogItem());
            assertNull(r.nextLogItem());
        }
    }
}
