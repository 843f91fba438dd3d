package org.mwdump;

import org.mwdump.model.LogItem;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;

/**
 * Serializes one run of pages for {@link PageRuns}: the same calls as {@link DumpWriter}, into a
 * byte stream that is later {@linkplain PageRuns#append appended} to the output. Not thread-safe.
 */
public interface PageRunWriter {

    /** Starts a page (closing the previous one). */
    void writePage(Page page);

    /** Writes one revision or upload of the current page. */
    void write(PageEntry entry);

    /** Writes one log item (after all pages). */
    void writeLogItem(LogItem item);

    /**
     * Flushes everything into the run's stream, which stays open.
     *
     * @param leaveLastPageOpen whether the last page continues in the next run (its end is not written)
     */
    void end(boolean leaveLastPageOpen);
}
