package org.mwdump.model;

/**
 * One content slot of a revision. The main slot is built from the revision-level {@code <origin>},
 * {@code <model>}, {@code <format>} and {@code <text>}; other slots (schema 0.11) from a
 * {@code <content>} element.
 *
 * @param role   the slot role: {@code "main"}, or the {@code <role>} of a content element
 *               ({@code null} if a content element lacks one)
 * @param origin the revision id where this content originated ({@code <origin>}); {@code null} if absent
 * @param model  the content model, for example {@code wikitext}; {@code null} if absent
 * @param format the serialization format, for example {@code text/x-wiki}; {@code null} if absent
 * @param text   the text element; {@code null} if the dump has none
 */
public record Slot(String role, Long origin, String model, String format, Text text) {
    /** The role of the main slot. */
    public static final String MAIN = "main";

    /**
     * Whether this is the main slot.
     *
     * @return whether the role is {@code main}
     */
    public boolean isMain() {
        return MAIN.equals(role);
    }
}
