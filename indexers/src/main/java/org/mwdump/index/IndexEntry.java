package org.mwdump.index;

import java.util.Objects;

/**
 * One line of a multistream index: the byte offset of the bz2 stream holding a page, the page id
 * and its title (unescaped).
 */
public record IndexEntry(long offset, long pageId, String title) {
    public IndexEntry {
        Objects.requireNonNull(title, "title is null");
    }
}
