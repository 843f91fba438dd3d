package org.mwdump.index;

import java.util.List;
import java.util.Objects;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.model.Upload;

/**
 * A page found by random access, with all its revisions (and uploads) and the site info of the
 * dump it came from.
 */
public record IndexedPage(SiteInfo siteInfo, Page page, List<PageEntry> entries) {
    /**
     * Checks the components and copies the entries.
     *
     * @param siteInfo the site info of the dump
     * @param page     the page
     * @param entries  its revisions and uploads, in dump order
     */
    public IndexedPage {
        Objects.requireNonNull(siteInfo, "siteInfo is null");
        Objects.requireNonNull(page, "page is null");
        entries = List.copyOf(entries);
    }

    /**
     * The page's revisions, in dump order.
     *
     * @return the revisions among the entries
     */
    public List<Revision> revisions() {
        return entries.stream().filter(Revision.class::isInstance).map(Revision.class::cast).toList();
    }

    /**
     * The page's uploads (file pages of dumps made with uploads), in dump order.
     *
     * @return the uploads among the entries
     */
    public List<Upload> uploads() {
        return entries.stream().filter(Upload.class::isInstance).map(Upload.class::cast).toList();
    }
}
