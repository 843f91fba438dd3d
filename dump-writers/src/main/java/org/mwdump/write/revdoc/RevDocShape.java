package org.mwdump.write.revdoc;

/** The two shapes of RevDoc JSON lines that mwxml has written over the years. */
enum RevDocShape {
    /**
     * mwxml 0.3.7/0.3.8 with mwtypes 0.4: content under {@code slots.contents.<role>}, titles with
     * their namespace prefix.
     */
    SLOTS,
    /**
     * mwxml 0.3.3 with mwtypes 0.3.2 (the long-time PyPI default): flat {@code text}, {@code bytes},
     * {@code sha1}, {@code model}, {@code format} at the top level, titles without namespace prefix.
     */
    LEGACY_FLAT
}
