package org.mwdump.index;

import java.util.Objects;

/**
 * One line of a multistream index: the byte offset of the bz2 stream holding a page, the page id
 * and its title (unescaped).
 */
public record IndexEntry(long offset, long pageId, String title) {
    /**
     * Checks that the title is given.
     *
     * @param offset the byte offset of the bz2 stream holding the page
     * @param pageId the page id
     * @param title  the page title, unescaped
     */
    public IndexEntry {
        Objects.requireNonNull(title, "title is null");
    }
}
