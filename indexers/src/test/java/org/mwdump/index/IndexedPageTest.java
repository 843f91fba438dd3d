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
        Page page = Page.of(3, 6, "File:A.png");
        Revision r1 = Revision.builder().page(page).id(10L).timestamp("2020-01-01T00:00:00Z").build();
        Upload u = Upload.builder().page(page).timestamp("2020-01-02T00:00:00Z").filename("A.png").size(5L).build();
        Revision r2 = r1.toBuilder().id(11L).parentId(10L).timestamp("2020-01-03T00:00:00Z").build();
        IndexedPage p = new IndexedPage(SiteInfo.EMPTY, page, List.<PageEntry>of(r1, u, r2));
        assertEquals(List.of(r1, r2), p.revisions());
        assertEquals(List.of(u), p.uploads());
        assertEquals(List.of(r1, u, r2), p.entries());
    }
}
