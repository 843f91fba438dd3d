package org.mwdump;

import java.io.Closeable;
import org.mwdump.model.LogItem;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.SiteInfo;

/**
 * Writes a dump. Call {@link #writeSiteInfo} first (formats without site info ignore it), then
 * entries in dump order: consecutive entries of an equal page are grouped into one page. Closing
 * completes the output; when the writer was made by {@link Dumps#create} the file appears under its
 * name only then, and {@link #abort()} (or a failure) leaves nothing under that name.
 */
public interface DumpWriter extends Closeable {

    /** Writes the dump's header from the given site info. */
    void writeSiteInfo(SiteInfo siteInfo);

    /** Starts a page explicitly, so that a page without revisions is kept. */
    void writePage(Page page);

    /** Writes one revision or upload, starting a new page when its page differs from the previous one. */
    void write(PageEntry entry);

    /** Writes one log item (after all pages). */
    void writeLogItem(LogItem item);

    /** Finishes the output. */
    @Override
    void close();

    /** Discards the output: nothing is left under the target name. Idempotent; a no-op after close. */
    void abort();
}
