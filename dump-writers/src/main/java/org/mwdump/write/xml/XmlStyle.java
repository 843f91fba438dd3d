package org.mwdump.write.xml;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.model.Slot;
import org.mwdump.model.Text;

/**
 * The spelling details in which Wikimedia's producers differ. They carry no data, so the model does
 * not hold them; the writer takes them from this style, or {@linkplain #detect detects} them from the
 * site info and the first revision so that a production dump read and written again keeps its bytes.
 *
 * @param escapeQuotesInText whether {@code "} in element content is written {@code &quot;}: the text
 *                           pass of content dumps does (its {@code htmlspecialchars(ENT_COMPAT)}), the
 *                           stub writer and Special:Export do not
 * @param compactFlags       whether the flag elements are written {@code <minor/>} and {@code <sha1/>}
 *                           (literal strings of the stub writer) instead of {@code <minor />}
 * @param textLayout         the attribute layout of {@code <text>}
 */
record XmlStyle(boolean escapeQuotesInText, boolean compactFlags, TextLayout textLayout) {

    /** Where {@code xml:space="preserve"} goes on {@code <text>} and when it is written. */
    enum TextLayout {
        /**
         * MediaWiki 1.36 and later: {@code bytes}, {@code sha1}, {@code deleted}, {@code location},
         * {@code id}, then {@code xml:space} only when the element has content.
         */
        CURRENT,
        /**
         * MediaWiki 1.35 and earlier: {@code xml:space} first and also on empty elements (except on
         * schema-0.10 stub texts), then the other attributes in the same order.
         */
        MW_1_35
    }

    /** A content dump of current MediaWiki (stub re-serialized by the text pass). */
    public static final XmlStyle DUMP = new XmlStyle(true, false, TextLayout.CURRENT);
    /** A stub dump of current MediaWiki, as {@code dumpBackup.php --stub} writes it; also Special:Export. */
    public static final XmlStyle STUB = new XmlStyle(false, true, TextLayout.CURRENT);

    private static final Pattern GENERATOR = Pattern.compile("^MediaWiki 1\\.(\\d+)");

    public XmlStyle {
        Objects.requireNonNull(textLayout, "textLayout is null");
    }

    /** A copy with another text layout. */
    public XmlStyle withTextLayout(TextLayout layout) {
        return new XmlStyle(escapeQuotesInText, compactFlags, layout);
    }

    /**
     * The style of the producer of a dump: the text layout from the MediaWiki version in the site
     * info's generator (1.35 and earlier, or later; current when unknown), stub or content dump from
     * the first revision (a main text with a blob address and no content is a stub).
     *
     * @param first the dump's first revision, or {@code null} if it has none
     */
    public static XmlStyle detect(SiteInfo siteInfo, Revision first) {
        Objects.requireNonNull(siteInfo, "siteInfo is null");
        boolean stub = false;
        if (first != null) {
            Slot main = first.mainSlot();
            Text t = main == null ? null : main.text();
            stub = t != null && !t.hasContent() && (t.location() != null || t.textId() != null);
        }
        XmlStyle style = stub ? STUB : DUMP;
        return style.withTextLayout(layoutOf(siteInfo.generator()));
    }

    static TextLayout layoutOf(String generator) {
        if (generator != null) {
            Matcher m = GENERATOR.matcher(generator);
            if (m.find()) {
                try {
                    return Integer.parseInt(m.group(1)) <= 35 ? TextLayout.MW_1_35 : TextLayout.CURRENT;
                } catch (NumberFormatException e) {
                    return TextLayout.CURRENT;
                }
            }
        }
        return TextLayout.CURRENT;
    }
}
