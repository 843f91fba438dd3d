package org.mwdump;

import java.io.Closeable;
import org.mwdump.model.LogItem;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.SiteInfo;

/**
 * Writes a dump. Call {@link #writeSiteInfo} first (formats without site info ignore it), then
 * entries in dump order: consecutive entries of an equal page are grouped into one page, then
 * {@link #finish()}, which completes the output; when the writer was made by {@link Dumps#create} the
 * file appears under its name only then.
 *
 * <p>{@link #close()} without {@code finish()} discards the output like {@link #abort()}, so a
 * try-with-resources block that ends by an exception (a damaged input, say) never leaves a
 * complete-looking file:
 * <pre>{@code
 * try (DumpWriter out = Dumps.create(path, DumpFormat.REVDOC)) {
 *     Dumps.copy(reader, out);
 *     out.finish();
 * }
 * }</pre>
 */
public interface DumpWriter extends Closeable {

    /**
     * Writes the dump's header from the given site info.
     *
     * @param siteInfo the site info of the dump being written
     */
    void writeSiteInfo(SiteInfo siteInfo);

    /**
     * Starts a page explicitly, so that a page without revisions is kept.
     *
     * @param page the page to start
     */
    void writePage(Page page);

    /**
     * Writes one revision or upload, starting a new page when its page differs from the previous one.
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

    /** Completes the output (footer, flush, and for a file from {@link Dumps#create} its rename into place) and closes it. */
    void finish();

    /** Discards the output unless {@link #finish()} was called; idempotent. Never throws a checked exception. */
    @Override
    void close();

    /** Discards the output: nothing is left under the target name. Idempotent; a no-op after finish. */
    void abort();

    /**
     * Serialization of pages on other threads, joined in order (see {@link PageRuns}), or {@code null}
     * when this writer cannot take runs, or cannot yet: the XML writer offers them once its header is
     * written, since the header's style depends on the dump's first revision. Callers that get
     * {@code null} write pages through this writer as usual and may ask again later.
     *
     * @return the runs, or {@code null}
     */
    default PageRuns pageRuns() {
        return null;
    }
}
