package org.mwdump.model;

/**
 * One entry of a logging dump ({@code <logitem>}).
 *
 * @param id          {@code <id>}; {@code null} if absent
 * @param timestamp   {@code <timestamp>} as written
 * @param contributor {@code <contributor>}; {@code null} if absent
 * @param comment     {@code <comment>}; {@code null} if absent
 * @param type        {@code <type>}, for example {@code delete}
 * @param action      {@code <action>}
 * @param textDeleted whether the item has {@code <text deleted="deleted" />} (a suppressed action)
 * @param logTitle    {@code <logtitle>}; {@code null} if absent
 * @param params      {@code <params>} text ({@code ""} for an empty element); {@code null} if absent
 */
public record LogItem(Long id, String timestamp, Contributor contributor, Comment comment, String type,
                      String action, boolean textDeleted, String logTitle, String params) {
}
