package org.mwdump;

import java.util.Locale;

/** Compression formats, recognized by their magic bytes when reading. */
public enum Compression {
    /** Not compressed. */
    NONE(""),
    /** bzip2, including concatenated (multistream) files. */
    BZIP2(".bz2"),
    /** gzip, including multi-member files. */
    GZIP(".gz"),
    /** xz. */
    XZ(".xz"),
    /** Zstandard, including multi-frame files with skippable frames. */
    ZSTD(".zst"),
    /** 7z archives: read only (the first entry). */
    SEVEN_Z(".7z");

    private final String extension;

    Compression(String extension) {
        this.extension = extension;
    }

    /**
     * The usual file name extension, with its dot ({@code ""} for {@link #NONE}).
     *
     * @return the extension, for example {@code ".bz2"}
     */
    public String extension() {
        return extension;
    }

    /**
     * The compression a file name's last extension suggests ({@code .bz2}, {@code .gz}, {@code .xz},
     * {@code .zst}/{@code .zstd}, {@code .7z}); {@link #NONE} otherwise. Only used to choose an output
     * compression: inputs are always recognized by content.
     *
     * @param name a file name (or path), compared without regard to case
     * @return the compression the name suggests, never {@code null}
     */
    public static Compression fromFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Compression c : values()) {
            if (c != NONE && lower.endsWith(c.extension)) {
                return c;
            }
        }
        return lower.endsWith(".zstd") ? ZSTD : NONE;
    }

    /**
     * The compression of a stream that starts with the given bytes, or {@link #NONE}.
     *
     * @param head the first bytes of the stream (at least 6 for every format to be recognized)
     * @param len  how many bytes of {@code head} are valid
     * @return the recognized compression, never {@code null}
     */
    public static Compression sniff(byte[] head, int len) {
        if (len >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
            return BZIP2;
        }
        if (len >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (len >= 6 && (head[0] & 0xff) == 0xfd && head[1] == '7' && head[2] == 'z' && head[3] == 'X'
                && head[4] == 'Z' && head[5] == 0) {
            return XZ;
        }
        if (len >= 4) {
            int magic = (head[0] & 0xff) | (head[1] & 0xff) << 8 | (head[2] & 0xff) << 16 | (head[3] & 0xff) << 24;
            if (magic == 0xFD2FB528 || (magic & 0xFFFFFFF0) == 0x184D2A50) {
                return ZSTD;
            }
        }
        if (len >= 6 && head[0] == '7' && head[1] == 'z' && (head[2] & 0xff) == 0xbc && (head[3] & 0xff) == 0xaf
                && head[4] == 0x27 && head[5] == 0x1c) {
            return SEVEN_Z;
        }
        return NONE;
    }
}
