package org.mwdump;

import java.util.Iterator;
import java.util.NoSuchElementException;
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

    /** The page. */
    public Page page() {
        return page;
    }

    /** The page's revisions and uploads in dump order, read from the input as they are iterated. */
    public Iterable<PageEntry> entries() {
        return () -> new Iterator<>() {
            private PageEntry next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    next = reader.nextEntry();
                    done = next == null;
                }
                return next != null;
            }

            @Override
            public PageEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                PageEntry result = next;
                next = null;
                return result;
            }
        };
    }

    /** The page's revisions in dump order (uploads skipped), read from the input as they are iterated. */
    public Iterable<Revision> revisions() {
        return () -> new Iterator<>() {
            private final Iterator<PageEntry> entries = entries().iterator();
            private Revision next;

            @Override
            public boolean hasNext() {
                while (next == null && entries.hasNext()) {
                    if (entries.next() instanceof Revision r) {
                        next = r;
                    }
                }
                return next != null;
            }

            @Override
            public Revision next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Revision result = next;
                next = null;
                return result;
            }
        };
    }
}
