package org.mwdump.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.model.Upload;

/** An indexed page gives its revisions and its uploads typed, each in dump order. */
class IndexedPageTest {
    @Test
    void revisionsAndUploadsTyped() {
        Page page = new Page(3L, 6, "File:A.png", false, null, List.of());
        Revision r1 = new Revision(page, 10L, null, "2020-01-01T00:00:00Z", null, false, null, List.of(), null);
        Upload u = new Upload(page, "2020-01-02T00:00:00Z", null, null, "A.png", null, null, 5L, null, null, null,
                null);
        Revision r2 = new Revision(page, 11L, 10L, "2020-01-03T00:00:00Z", null, false, null, List.of(), null);
        IndexedPage p = new IndexedPage(SiteInfo.EMPTY, page, List.<PageEntry>of(r1, u, r2));
        assertEquals(List.of(r1, r2), p.revisions());
        assertEquals(List.of(u), p.uploads());
        assertEquals(List.of(r1, u, r2), p.entries());
    }
}
