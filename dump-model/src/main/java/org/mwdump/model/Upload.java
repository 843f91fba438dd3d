package org.mwdump.model;

import java.util.Objects;

/**
 * A file upload recorded inside a page ({@code <upload>}, written only with {@code --uploads}).
 *
 * @param page           the file page this upload belongs to
 * @param timestamp      {@code <timestamp>} as written
 * @param contributor    {@code <contributor>}; {@code null} if absent
 * @param comment        {@code <comment>}; {@code null} if absent
 * @param filename       {@code <filename>}
 * @param archiveName    {@code <archivename>} (old versions of a file); {@code null} if absent
 * @param src            {@code <src>}: the file's URL
 * @param size           {@code <size>} in bytes; {@code null} if absent
 * @param sha1Base36     {@code <sha1base36>}; {@code null} if absent
 * @param rel            {@code <rel>}: path relative to the upload directory; {@code null} if absent
 * @param contents       the base64 text of {@code <contents>}; {@code null} if absent
 * @param contentsEncoding the {@code encoding} attribute of {@code <contents>}; {@code null} if absent
 */
public record Upload(Page page, String timestamp, Contributor contributor, Comment comment, String filename,
                     String archiveName, String src, Long size, String sha1Base36, String rel, String contents,
                     String contentsEncoding) implements PageEntry {
    /**
     * Checks that the page is given.
     *
     * @param page           the file page this upload belongs to
     * @param timestamp      {@code <timestamp>} as written
     * @param contributor    {@code <contributor>}; {@code null} if absent
     * @param comment        {@code <comment>}; {@code null} if absent
     * @param filename       {@code <filename>}
     * @param archiveName    {@code <archivename>} (old versions of a file); {@code null} if absent
     * @param src            {@code <src>}: the file's URL
     * @param size           {@code <size>} in bytes; {@code null} if absent
     * @param sha1Base36     {@code <sha1base36>}; {@code null} if absent
     * @param rel            {@code <rel>}: path relative to the upload directory; {@code null} if absent
     * @param contents       the base64 text of {@code <contents>}; {@code null} if absent
     * @param contentsEncoding the {@code encoding} attribute of {@code <contents>}; {@code null} if absent
     */
    public Upload {
        Objects.requireNonNull(page, "page is null");
    }
}
