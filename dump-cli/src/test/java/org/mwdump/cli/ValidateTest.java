package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.testing.Corpus;

/** {@code mwdump validate}: why hashes were not checked, and {@code --strict} reading with the strict reader. */
class ValidateTest {

    @Test
    void saysWhySha1sWereNotChecked() {
        MainTest.Result stubs = MainTest.run("validate", "--quiet",
                Corpus.file("elwikivoyage-stub-meta-history-sample/sample-stubs.gz").toString());
        assertEquals(0, stubs.status(), stubs.err());
        assertTrue(stubs.out().contains("sha1 checked: 0\n"), stubs.out());
        assertTrue(stubs.out().contains("sha1 not checked (stub): 118\n"), stubs.out());

        MainTest.Result deleted = MainTest.run("validate", "--quiet",
                Corpus.file("simplewiki-history-deleted/MediawikiDumperOutputTest.Simplewiki.Sample.xml").toString());
        assertTrue(deleted.out().contains("sha1 not checked (text deleted): 4\n"), deleted.out());
    }

    @Test
    void strictReadsWithTheStrictReader(@TempDir Path dir) throws IOException {
        Path dump = dir.resolve("unknown.xml");
        Files.writeString(dump, "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" version=\"0.11\">\n"
                + "  <page>\n    <title>A</title>\n    <ns>0</ns>\n    <id>1</id>\n"
                + "    <DiscussionThreading><x>1</x></DiscussionThreading>\n"
                + "    <revision>\n      <id>1</id>\n      <timestamp>2020-01-01T00:00:00Z</timestamp>\n"
                + "      <text bytes=\"1\" sha1=\"x\">a</text>\n    </revision>\n  </page>\n</mediawiki>\n");
        MainTest.Result lenient = MainTest.run("validate", "--quiet", dump.toString());
        assertTrue(lenient.out().contains("problems: 1\n"), lenient.out());  // the made-up sha1 only
        MainTest.Result strict = MainTest.run("validate", "--quiet", "--strict", dump.toString());
        assertEquals(1, strict.status());
        assertTrue(strict.out().contains("problem structure: 1\n"), strict.out());
        assertTrue(strict.err().contains("unexpected element <DiscussionThreading>"), strict.err());
    }
}
