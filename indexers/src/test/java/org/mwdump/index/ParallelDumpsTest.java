package org.mwdump.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.model.Revision;
import org.mwdump.testing.Corpus;
import org.mwdump.write.layout.Recompressor;

/** Reading on several threads gives the same revisions, in the same order, as reading on one: multistream and single-stream bz2, seekable zstd. */
class ParallelDumpsTest {

    static List<Revision> sequential(Path dump) {
        try (DumpReader r = Dumps.open(dump)) {
            return r.revisions().stream().toList();
        }
    }

    @Test
    void wikimediaMultistreamFiles() throws IOException {
        for (String f : new String[] {
                "multistream-enwiktionary-20150224/enwiktionary-20150224-pages-articles-multistream.xml.bz2",
                "multistream-elwikivoyage-p2566p2583/pages-articles-p2566p2583.multistream.xml.bz2",
                "elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2",
                "enwiki-pages-articles1-shortened/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"}) {
            Path dump = Corpus.file(f);
            List<Revision> expected = sequential(dump);
            for (int threads : new int[] {1, 2, 4}) {
                try (DumpReader r = ParallelDumps.open(dump, threads)) {
                    assertEquals(expected, r.revisions().stream().toList(), f + " on " + threads + " threads");
                }
            }
        }
    }

    @Test
    void seekableZstd(@TempDir Path dir) throws IOException {
        byte[] xml = RecompressTest.sampleXml();
        Path dump = dir.resolve("sample.xml.zst");
        new Recompressor(Recompressor.Layout.SEEKABLE_ZSTD, 50, 2).recompress(new ByteArrayInputStream(xml), dump,
                dir.resolve("sample-index.txt.bz2"));
        List<Revision> expected;
        try (DumpReader r = Dumps.open(new ByteArrayInputStream(xml))) {
            expected = r.revisions().stream().toList();
        }
        try (DumpReader r = ParallelDumps.open(dump, 3)) {
            assertEquals(expected, r.revisions().stream().toList());
        }
    }
}
