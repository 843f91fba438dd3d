package org.mwdump.model;

/**
 * Something a {@code <page>} holds: a {@link Revision} or an {@link Upload}. Both know their page.
 */
public sealed interface PageEntry permits Revision, Upload {
    /**
     * The page this entry belongs to.
     *
     * @return the page
     */
    Page page();
}
