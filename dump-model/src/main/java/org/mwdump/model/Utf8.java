package org.mwdump.model;

/** Checks of UTF-8 byte sequences. */
final class Utf8 {
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long HIGHS = 0x8080808080808080L;

    private Utf8() {
    }

    /** The string as UTF-8, with each unpaired surrogate as U+FFFD (where String.getBytes writes '?'). */
    static byte[] encode(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean question = false;
        for (byte x : b) {
            if (x == '?') {
                question = true;
                break;
            }
        }
        if (!question) {
            return b;
        }
        // a '?' may stand for an unpaired surrogate
        StringBuilder fixed = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            if (fixed == null) {
                fixed = new StringBuilder(s);
            }
            fixed.setCharAt(i, '\uFFFD');
        }
        return fixed == null ? b : fixed.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The offset of the first byte of {@code b[from, to)} that does not belong to a well-formed UTF-8
     * sequence (overlong forms, encoded surrogates and code points beyond U+10FFFF are malformed, as is a
     * sequence cut off by {@code to}), or -1 if there is none.
     */
    static int firstMalformed(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            // plain ASCII eight bytes at a time
            while (i <= to - 8 && ((long) LONGS.get(b, i) & HIGHS) == 0) {
                i += 8;
            }
            if (i >= to) {
                break;
            }
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min;
            int cp;
            if (c >= 0xc2 && c <= 0xdf) {
                need = 1;
                min = 0x80;
                cp = c & 0x1f;
            } else if (c >= 0xe0 && c <= 0xef) {
                need = 2;
                min = 0x800;
                cp = c & 0x0f;
            } else if (c >= 0xf0 && c <= 0xf4) {
                need = 3;
                min = 0x10000;
                cp = c & 0x07;
            } else {
                return i;
            }
            if (i + need >= to) {
                return i;
            }
            for (int k = 1; k <= need; k++) {
                int d = b[i + k] & 0xff;
                if ((d & 0xc0) != 0x80) {
                    return i;
                }
                cp = cp << 6 | d & 0x3f;
            }
            if (cp < min || cp > 0x10ffff || cp >= 0xd800 && cp <= 0xdfff) {
                return i;
            }
            i += need + 1;
        }
        return -1;
    }
}
