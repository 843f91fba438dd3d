package org.mwdump.model;

/**
 * The {@code <text>} of a slot: its content when the dump carries it, and the metadata attributes
 * as read. {@code bytes} and {@code sha1} are kept as the dump states them and never recomputed:
 * in Wikimedia's dumps they come from the database and may differ from the text actually present.
 *
 * @param content  the text; {@code null} when the element has no body (stubs, deleted or empty text
 *                 written as {@code <text ... />}); {@code ""} for {@code <text></text>}
 * @param bytes    the {@code bytes} attribute; {@code null} if absent
 * @param sha1     the {@code sha1} attribute (schema 0.11); {@code null} if absent
 * @param location the {@code location} attribute (blob address in 0.11 stubs); {@code null} if absent
 * @param textId   the legacy {@code id} attribute (text table id); {@code null} if absent
 * @param deleted  whether the element has {@code deleted="deleted"}
 */
public record Text(String content, Long bytes, String sha1, String location, String textId, boolean deleted) {
    /**
     * A text with the given content and nothing else.
     *
     * @param content the text content
     * @return the text
     */
    public static Text of(String content) {
        return new Text(content, null, null, null, null, false);
    }

    /**
     * A copy with other content.
     *
     * @param newContent the content of the copy
     * @return the copy
     */
    public Text withContent(String newContent) {
        return new Text(newContent, bytes, sha1, location, textId, deleted);
    }
}
