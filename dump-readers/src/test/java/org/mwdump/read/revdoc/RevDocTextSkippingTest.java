package org.mwdump.read.revdoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.ReadOptions;
import org.mwdump.model.Revision;
import org.mwdump.model.Slot;
import org.mwdump.testing.Corpus;

/** RevDoc read without texts: the same revisions, each text there but without its content. */
class RevDocTextSkippingTest {
    static List<Revision> read(Path file, boolean texts) {
        List<Revision> list = new ArrayList<>();
        try (DumpReader r = Dumps.open(file, ReadOptions.builder().texts(texts).build())) {
            r.revisions().forEach(list::add);
        }
        return list;
    }

    @Test
    void withoutTextsTheRestIsTheSame() {
        for (String name : List.of("elwikivoyage-pages-articles-sample__sample-pages-articles.xml.bz2.revdocs.jsonl",
                "legacy-mwxml-0.3.3/enwiki-pages-articles1-shortened__enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2.revdocs.jsonl")) {
            Path file = Corpus.reference().resolve(name);
            assertTrue(java.nio.file.Files.exists(file), file + " is missing");
            List<Revision> full = read(file, true);
            List<Revision> bare = read(file, false);
            assertEquals(full.size(), bare.size());
            assertTrue(full.size() > 100, name);
            int texts = 0;
            for (int i = 0; i < full.size(); i++) {
                Revision f = full.get(i);
                Revision b = bare.get(i);
                assertEquals(f.slots().size(), b.slots().size());
                for (int k = 0; k < f.slots().size(); k++) {
                    Slot fs = f.slots().get(k);
                    Slot bs = b.slots().get(k);
                    if (fs.text() != null && fs.text().content() != null) {
                        texts++;
                        assertNull(bs.text().content(), "no content");
                    }
                }
                Revision withText = b.withSlots(f.slots());
                assertEquals(f, withText, "all but the texts, line " + (i + 1));
            }
            assertTrue(texts > 100, name + ": " + texts + " texts");
        }
    }
}
