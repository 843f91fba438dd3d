package org.mwdump;

import java.io.Closeable;
import java.util.Map;
import org.mwdump.model.LogItem;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;

/**
 * A pull reader over one dump, in the style of a streaming parser: it holds at most one revision
 * in memory, so a page with a million revisions reads in constant memory. Not thread-safe.
 *
 * <p>The primitive calls are {@link #nextPage()}, {@link #nextEntry()} and {@link #nextLogItem()};
 * {@link #pages()}, {@link #entries()}, {@link #revisions()} and {@link #logItems()} are views on them,
 * each usable in a for-each loop or as a stream ({@link ReadOnce}). Each view can be consumed once, and
 * all of them advance the same reader.
 *
 * <p>Errors are reported as {@link DumpException} (unchecked) with the location of the problem.
 */
public interface DumpReader extends Closeable {

    /**
     * The dump's site info ({@link SiteInfo#EMPTY}-like when the dump has none).
     *
     * @return the site info, never {@code null}
     */
    SiteInfo siteInfo();

    /**
     * The record format that was recognized.
     *
     * @return the format
     */
    DumpFormat format();

    /**
     * The compression that was recognized.
     *
     * @return the compression ({@link Compression#NONE} for plain files)
     */
    Compression compression();

    /**
     * Advances to the next page, skipping whatever is left of the current one.
     *
     * @return the page, or {@code null} when there are no more pages
     */
    Page nextPage();

    /**
     * The next revision or upload of the current page.
     *
     * @return the entry, or {@code null} at the end of the page (or before the first {@link #nextPage()})
     */
    PageEntry nextEntry();

    /**
     * The next log item. Log items follow all pages; calling this skips any pages not yet read.
     *
     * @return the item, or {@code null} at the end of the dump
     */
    LogItem nextLogItem();

    /**
     * Compressed bytes consumed so far and the input's size where known.
     *
     * @return the progress so far
     */
    ReadProgress progress();

    /**
     * Counts of unknown elements skipped in lenient mode, by element path (for example {@code page/DiscussionThreading}).
     *
     * @return the counts so far, by element path
     */
    Map<String, Long> skippedElements();

    /** Closes the input. Never throws a checked exception. */
    @Override
    void close();

    /**
     * The pages, one at a time; each page's revisions are streamed from the input.
     *
     * @return the pages, read once
     */
    default ReadOnce<PageRevisions> pages() {
        return () -> new PullIterator<>(() -> {
            Page page = nextPage();
            return page == null ? null : new PageRevisions(page, this);
        });
    }

    /**
     * Every revision and upload of every page, in dump order.
     *
     * @return the entries, read once
     */
    default ReadOnce<PageEntry> entries() {
        return () -> new PullIterator<>(this::nextEntryOfAnyPage);
    }

    /**
     * Every revision of every page, in dump order (the flat view), for a for-each loop or, through
     * {@link ReadOnce#stream()}, as a stream.
     *
     * @return the revisions, read once
     */
    default ReadOnce<Revision> revisions() {
        return () -> new PullIterator<>(() -> {
            for (PageEntry e = nextEntryOfAnyPage(); e != null; e = nextEntryOfAnyPage()) {
                if (e instanceof Revision r) {
                    return r;
                }
            }
            return null;
        });
    }

    /** The next entry of this page or, at its end, of the next page with entries; {@code null} at the end. */
    private PageEntry nextEntryOfAnyPage() {
        while (true) {
            PageEntry e = nextEntry();
            if (e != null) {
                return e;
            }
            if (nextPage() == null) {
                return null;
            }
        }
    }

    /**
     * The log items that follow the pages.
     *
     * @return the log items, read once, after the pages have been read
     */
    default ReadOnce<LogItem> logItems() {
        return () -> new PullIterator<>(this::nextLogItem);
    }
}
