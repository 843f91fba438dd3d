package org.mwdump;

import java.io.Closeable;
import java.util.Iterator;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
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
 * {@link #pages()}, {@link #revisions()} and {@link #logItems()} are views on them. Each view can be
 * consumed once, and all of them advance the same reader.
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
     * @return the pages, iterable once
     */
    default Iterable<PageRevisions> pages() {
        return () -> new PullIterator<>(() -> {
            Page page = nextPage();
            return page == null ? null : new PageRevisions(page, this);
        });
    }

    /**
     * Every revision and upload of every page, in dump order.
     *
     * @return the entries, a stream that can be consumed once
     */
    default Stream<PageEntry> entries() {
        Iterator<PageEntry> it = new PullIterator<>(() -> {
            while (true) {
                PageEntry e = nextEntry();
                if (e != null) {
                    return e;
                }
                if (nextPage() == null) {
                    return null;
                }
            }
        });
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /**
     * Every revision of every page, in dump order (the flat view).
     *
     * @return the revisions, a stream that can be consumed once
     */
    default Stream<Revision> revisions() {
        return entries().filter(Revision.class::isInstance).map(Revision.class::cast);
    }

    /**
     * The log items that follow the pages.
     *
     * @return the log items, iterable once, after the pages have been read
     */
    default Iterable<LogItem> logItems() {
        return () -> new PullIterator<>(this::nextLogItem);
    }
}
