package org.mwdump.index;

import java.nio.charset.StandardCharsets;

/**
 * Finds the pages of a decoded chunk by its lines, as Wikimedia's index builder does: the title is
 * the text of a {@code <title>} line (unescaped here), the id the first {@code <id>} line after it.
 */
final class PageScanner {
    interface Sink {
        void page(long id, String title);
    }

    private PageScanner() {
    }

    static void scan(byte[] xml, Sink sink) {
        String text = new String(xml, StandardCharsets.UTF_8);
        String title = null;
        int pos = 0;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(pos, end).strip();
            if (line.startsWith("<title>") && line.endsWith("</title>")) {
                title = MultistreamIndex.unescape(line.substring(7, line.length() - 8));
            } else if (title != null && line.startsWith("<id>") && line.endsWith("</id>")) {
                sink.page(Long.parseLong(line.substring(4, line.length() - 5)), title);
                title = null;
            }
            pos = end + 1;
        }
    }
}
