package org.mwdump.read.xml;

import java.nio.charset.StandardCharsets;

/**
 * A cheap look at the start of an XML document: the local name of its first element, found without
 * parsing. Handles UTF-8 (with or without byte-order mark) and UTF-16 with a byte-order mark.
 *
 * @param firstElement the local name of the first element, or {@code null} if none is found in the bytes
 */
public record XmlHead(String firstElement) {

    /** Looks at the first {@code length} bytes of a document. */
    public static XmlHead of(byte[] head, int length) {
        String text;
        if (length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
            text = new String(head, 2, length - 2, StandardCharsets.UTF_16LE);
        } else if (length >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff) {
            text = new String(head, 2, length - 2, StandardCharsets.UTF_16BE);
        } else {
            text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
            if (text.startsWith("\u00ef\u00bb\u00bf")) {
                text = text.substring(3);
            }
        }
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (text.startsWith("<?", i)) {
                int end = text.indexOf("?>", i);
                if (end < 0) {
                    return new XmlHead(null);
                }
                i = end + 2;
            } else if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i);
                if (end < 0) {
                    return new XmlHead(null);
                }
                i = end + 3;
            } else if (text.startsWith("<!DOCTYPE", i)) {
                // skip the declaration and its internal subset; the parser refuses what it declares
                int bracket = text.indexOf('[', i);
                int close = text.indexOf('>', i);
                if (bracket >= 0 && (close < 0 || bracket < close)) {
                    int end = text.indexOf("]>", bracket);
                    i = end < 0 ? n : end + 2;
                } else {
                    i = close < 0 ? n : close + 1;
                }
            } else if (c == '<' && i + 1 < n && isNameStart(text.charAt(i + 1))) {
                int start = i + 1;
                int end = start;
                while (end < n && !isNameEnd(text.charAt(end))) {
                    end++;
                }
                String name = text.substring(start, end);
                int colon = name.indexOf(':');
                return new XmlHead(colon >= 0 ? name.substring(colon + 1) : name);
            } else {
                return new XmlHead(null);
            }
        }
        return new XmlHead(null);
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNameEnd(char c) {
        return c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\r' || c == '\n';
    }
}
