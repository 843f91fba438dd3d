package org.mwdump;

/**
 * Where in a dump something happened. Every field is optional: {@code -1} or {@code null} when unknown.
 *
 * @param source           the file name or a description of the stream
 * @param compressedOffset byte offset in the (compressed) input, as far as consumed
 * @param line             line in the decompressed document (1-based)
 * @param column           column in that line (1-based)
 * @param pageId           id of the page being read
 * @param pageTitle        title of the page being read
 * @param revisionId       id of the revision being read
 */
public record DumpLocation(String source, long compressedOffset, long line, long column, Long pageId,
                           String pageTitle, Long revisionId) {
    /** Nothing known. */
    public static final DumpLocation UNKNOWN = new DumpLocation(null, -1, -1, -1, null, null, null);

    /**
     * A file or stream, and nothing more.
     *
     * @param source the file name or a description of the stream; may be {@code null}
     * @return the location
     */
    public static DumpLocation of(String source) {
        return new DumpLocation(source, -1, -1, -1, null, null, null);
    }

    /**
     * A byte offset in a file or stream.
     *
     * @param source           the file name or a description of the stream; may be {@code null}
     * @param compressedOffset the byte offset in the (compressed) input, or {@code -1}
     * @return the location
     */
    public static DumpLocation at(String source, long compressedOffset) {
        return new DumpLocation(source, compressedOffset, -1, -1, null, null, null);
    }

    /**
     * This location with a line and column in the decompressed document.
     *
     * @param newLine   the line (1-based), or {@code -1}
     * @param newColumn the column (1-based), or {@code -1}
     * @return the location
     */
    public DumpLocation withLine(long newLine, long newColumn) {
        return new DumpLocation(source, compressedOffset, newLine, newColumn, pageId, pageTitle, revisionId);
    }

    /**
     * This location inside a page and revision.
     *
     * @param newPageId     the page id, or {@code null}
     * @param newPageTitle  the page title, or {@code null}
     * @param newRevisionId the revision id, or {@code null}
     * @return the location
     */
    public DumpLocation withPage(Long newPageId, String newPageTitle, Long newRevisionId) {
        return new DumpLocation(source, compressedOffset, line, column, newPageId, newPageTitle, newRevisionId);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(source);
        }
        if (compressedOffset >= 0) {
            sb.append(sb.isEmpty() ? "" : ", ").append("byte offset ").append(compressedOffset);
        }
        if (line >= 0) {
            sb.append(sb.isEmpty() ? "" : ", ").append("line ").append(line);
            if (column >= 0) {
                sb.append(", column ").append(column);
            }
        }
        if (pageId != null || pageTitle != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append("page");
            if (pageId != null) {
                sb.append(' ').append(pageId);
            }
            if (pageTitle != null) {
                sb.append(" \"").append(pageTitle).append('"');
            }
        }
        if (revisionId != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append("revision ").append(revisionId);
        }
        return sb.toString();
    }
}
