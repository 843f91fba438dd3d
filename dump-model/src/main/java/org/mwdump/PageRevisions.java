package org.mwdump;

import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;

/**
 * One page and a single-use, streamed view of its revisions (and uploads). Valid only until the
 * reader moves to the next page.
 */
public final class PageRevisions {
    private final Page page;
    private final DumpReader reader;

    PageRevisions(Page page, DumpReader reader) {
        this.page = page;
        this.reader = reader;
    }

    /**
     * The page.
     *
     * @return the page
     */
    public Page page() {
        return page;
    }

    /**
     * The page's revisions and uploads in dump order, read from the input as they are iterated.
     *
     * @return the entries, read once
     */
    public ReadOnce<PageEntry> entries() {
        return () -> new PullIterator<>(reader::nextEntry);
    }

    /**
     * The page's revisions in dump order (uploads skipped), read from the input as they are iterated.
     *
     * @return the revisions, read once
     */
    public ReadOnce<Revision> revisions() {
        return () -> new PullIterator<>(() -> {
            for (PageEntry e = reader.nextEntry(); e != null; e = reader.nextEntry()) {
                if (e instanceof Revision r) {
                    return r;
                }
            }
            return null;
        });
    }
}
