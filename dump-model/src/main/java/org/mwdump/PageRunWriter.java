package org.mwdump;

import org.mwdump.model.LogItem;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;

/**
 * Serializes one run of pages for {@link PageRuns}: the same calls as {@link DumpWriter}, into a
 * byte stream that is later {@linkplain PageRuns#append appended} to the output. Not thread-safe.
 */
public interface PageRunWriter {

    /**
     * Starts a page (closing the previous one).
     *
     * @param page the page to start
     */
    void writePage(Page page);

    /**
     * Writes one revision or upload of the current page.
     *
     * @param entry a revision or an upload
     */
    void write(PageEntry entry);

    /**
     * Writes one log item (after all pages).
     *
     * @param item the log item
     */
    void writeLogItem(LogItem item);

    /**
     * Flushes everything into the run's stream, which stays open.
     *
     * @param leaveLastPageOpen whether the last page continues in the next run (its end is not written)
     */
    void end(boolean leaveLastPageOpen);

    /** How a run written through an ordinary {@link DumpWriter} ends (see {@link #of}). */
    @FunctionalInterface
    interface Ending {
        /**
         * Flushes the writer's buffer into the run's stream; writes the last page's end unless asked not to.
         *
         * @param leaveLastPageOpen true when the next run continues the last page
         */
        void end(boolean leaveLastPageOpen);
    }

    /**
     * A run writer that passes pages, entries and log items to {@code writer} and ends with {@code ending}.
     *
     * @param writer the writer that writes the run
     * @param ending what {@link #end} does
     * @return the run writer
     */
    static PageRunWriter of(DumpWriter writer, Ending ending) {
        java.util.Objects.requireNonNull(writer, "writer is null");
        java.util.Objects.requireNonNull(ending, "ending is null");
        return new PageRunWriter() {
            @Override
            public void writePage(Page page) {
                writer.writePage(page);
            }

            @Override
            public void write(PageEntry entry) {
                writer.write(entry);
            }

            @Override
            public void writeLogItem(LogItem item) {
                writer.writeLogItem(item);
            }

            @Override
            public void end(boolean leaveLastPageOpen) {
                ending.end(leaveLastPageOpen);
            }
        };
    }
}
