package org.mwdump.write.xml;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import org.mwdump.PageRunWriter;
import org.mwdump.PageRuns;
import org.mwdump.model.Comment;
import org.mwdump.model.Contributor;
import org.mwdump.model.LogItem;
import org.mwdump.model.Namespace;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.model.Slot;
import org.mwdump.model.Text;
import org.mwdump.model.Upload;
import org.mwdump.spi.AbstractDumpWriter;

/**
 * Writes MediaWiki XML, schema 0.10 or 0.11, in the serialization of Wikimedia's production dumps:
 * no XML declaration, the root element with its namespace and schema location, two-space
 * indentation, {@code <x />} for empty elements, {@code &quot;} in content and {@code &#039;} in
 * attributes, {@code <text>} attributes in MediaWiki's order, one element per line, {@code \n} line
 * ends. Where producers differ (stub or content dump, MediaWiki 1.35 or later) the {@link XmlStyle}
 * decides; by default it is detected from the site info and the first revision, so that a real dump
 * read and written again keeps its bytes.
 *
 * <p>What schema 0.10 cannot hold is left out when writing it: {@code <origin>}, non-main slots,
 * and the {@code sha1} and {@code location} attributes of {@code <text>}. Negative numbers, which no
 * schema allows and only Wikimedia's Analytics writer uses (for "unknown"), are left out too: a
 * {@code <parentid>} that is not positive, a negative contributor {@code <id>} or {@code bytes}.
 *
 * <p>Cost: one pass, each string escaped and UTF-8-encoded straight into a 64 KiB buffer; the site
 * info and a page's header wait in memory until the page's first entry is written (the style may
 * depend on it). Not thread-safe.
 *
 * <p>Made through {@link org.mwdump.Dumps#create} ({@link XmlWriterProvider}). The class and its
 * {@link #builder} are public for code on the class path that needs {@link #flush()} between pages (the
 * benchmarks' corpus generator); this package is not exported, so on the module path {@code Dumps.create}
 * is the only way.
 */
public final class XmlDumpWriter extends AbstractDumpWriter {
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final OutputStream out;
    private final Utf8Out w;
    private final String requestedVersion;
    private XmlStyle style;
    private String version;
    private boolean v11;

    private SiteInfo siteInfo;
    private boolean headerWritten;
    private Page currentPage;
    private boolean pageHeaderWritten;
    private boolean pageOpen;

    private XmlDumpWriter(OutputStream out, String schemaVersion, XmlStyle style) {
        super("XML");
        this.out = Objects.requireNonNull(out, "out is null");
        if (schemaVersion != null && !schemaVersion.equals("0.10") && !schemaVersion.equals("0.11")) {
            throw new IllegalArgumentException("schema version must be 0.10 or 0.11: " + schemaVersion);
        }
        this.requestedVersion = schemaVersion;
        this.style = style;
        this.w = new Utf8Out(out, 1 << 16);
    }

    /**
     * A builder for a writer onto {@code out}, which the writer closes when it is finished, aborted or
     * closed. Without settings, the writer keeps the input's schema version (0.10 or 0.11, else 0.11)
     * and detects the style.
     *
     * @param out where the XML goes
     * @return a new builder
     */
    public static Builder builder(OutputStream out) {
        return new Builder(Objects.requireNonNull(out, "out is null"));
    }

    /** Builder for {@link XmlDumpWriter}. */
    public static final class Builder {
        private final OutputStream out;
        private String schemaVersion;
        private XmlStyle style;

        private Builder(OutputStream out) {
            this.out = out;
        }

        /**
         * Sets the schema version.
         *
         * @param value {@code "0.10"} or {@code "0.11"}; {@code null} (default) keeps the input's where it
         *              is one of these, else 0.11
         * @return this builder
         */
        public Builder schemaVersion(String value) {
            this.schemaVersion = value;
            return this;
        }

        /**
         * Sets the spelling.
         *
         * @param value the style; {@code null} (default) detects it ({@link XmlStyle#detect})
         * @return this builder
         */
        Builder style(XmlStyle value) {
            this.style = value;
            return this;
        }

        /**
         * Builds the writer.
         *
         * @return the writer
         * @throws IllegalArgumentException if the schema version is neither 0.10 nor 0.11
         */
        public XmlDumpWriter build() {
            return new XmlDumpWriter(out, schemaVersion, style);
        }
    }

    /** The style in use, or {@code null} while it is still to be detected. */
    XmlStyle style() {
        return style;
    }

    @Override
    public void writeSiteInfo(SiteInfo info) {
        Objects.requireNonNull(info, "siteInfo is null");
        if (headerWritten || siteInfo != null) {
            throw new IllegalStateException("site info already written");
        }
        siteInfo = info;
        String in = info.schemaVersion();
        version = requestedVersion != null ? requestedVersion
                : ("0.10".equals(in) || "0.11".equals(in)) ? in : "0.11";
        v11 = version.equals("0.11");
    }

    @Override
    public void writePage(Page page) {
        Objects.requireNonNull(page, "page is null");
        check();
        try {
            startPage(page);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void write(PageEntry entry) {
        Objects.requireNonNull(entry, "entry is null");
        check();
        try {
            Page page = entry.page();
            if (!pageOpen || (page != currentPage && !page.equals(currentPage))) {
                startPage(page);
            }
            if (!pageHeaderWritten) {
                writeHeader(entry instanceof Revision r ? r : null);
                writePageHeader();
            }
            if (entry instanceof Revision r) {
                writeRevision(r);
            } else {
                writeUpload((Upload) entry);
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void writeLogItem(LogItem item) {
        Objects.requireNonNull(item, "item is null");
        check();
        try {
            endPage();
            writeHeader(null);
            writeLog(item);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private void check() {
        ensureOpen();
        if (siteInfo == null) {
            writeSiteInfo(SiteInfo.EMPTY);
        }
    }

    // ---------------------------------------------------------------- header

    private void writeHeader(Revision first) throws IOException {
        if (headerWritten) {
            return;
        }
        headerWritten = true;
        if (style == null) {
            style = XmlStyle.detect(siteInfo, first);
        }
        String ns = "http://www.mediawiki.org/xml/export-" + version + "/";
        w.raw("<mediawiki xmlns=\"").raw(ns).raw("\" xmlns:xsi=\"").raw(XSI).raw("\" xsi:schemaLocation=\"")
                .raw(ns).raw(" http://www.mediawiki.org/xml/export-").raw(version).raw(".xsd\" version=\"")
                .raw(version).raw("\" xml:lang=\"").attribute(siteInfo.language() == null ? "en" : siteInfo.language())
                .raw("\">\n");
        SiteInfo s = siteInfo;
        if (!s.present()) {
            return;
        }
        w.raw("  <siteinfo>\n");
        element(4, "sitename", s.siteName());
        element(4, "dbname", s.dbName());
        element(4, "base", s.base());
        element(4, "generator", s.generator());
        element(4, "case", s.caseRule() == null ? null : s.caseRule().xmlValue());
        w.raw("    <namespaces>\n");
        for (Namespace n : s.namespaces()) {
            w.raw("      <namespace key=\"").number(n.key()).raw("\"");
            if (n.caseRule() != null) {
                w.raw(" case=\"").raw(n.caseRule().xmlValue()).raw("\"");
            }
            if (n.name().isEmpty()) {
                w.raw(" />\n");
            } else {
                w.raw(">").text(n.name(), style.escapeQuotesInText()).raw("</namespace>\n");
            }
        }
        w.raw("    </namespaces>\n");
        w.raw("  </siteinfo>\n");
    }

    // ---------------------------------------------------------------- pages

    private void startPage(Page page) throws IOException {
        endPage();
        currentPage = page;
        pageOpen = true;
        pageHeaderWritten = false;
    }

    private void writePageHeader() throws IOException {
        pageHeaderWritten = true;
        Page p = currentPage;
        w.raw("  <page>\n");
        element(4, "title", p.title());
        if (p.namespace() != null) {
            w.raw("    <ns>").number(p.namespace()).raw("</ns>\n");
        }
        if (p.id() != null) {
            w.raw("    <id>").number(p.id()).raw("</id>\n");
        }
        if (p.redirect()) {
            w.raw("    <redirect");
            if (p.redirectTarget() != null) {
                w.raw(" title=\"").attribute(p.redirectTarget()).raw("\"");
            }
            w.raw(" />\n");
        }
        for (String r : p.restrictions()) {
            element(4, "restrictions", r);
        }
    }

    private void endPage() throws IOException {
        if (!pageOpen) {
            return;
        }
        if (!pageHeaderWritten) {
            writeHeader(null);
            writePageHeader();
        }
        w.raw("  </page>\n");
        pageOpen = false;
        currentPage = null;
    }

    private void writeRevision(Revision r) throws IOException {
        w.raw("    <revision>\n");
        if (r.id() != null) {
            w.raw("      <id>").number(r.id()).raw("</id>\n");
        }
        if (r.parentId() != null && r.parentId() > 0) {
            w.raw("      <parentid>").number(r.parentId()).raw("</parentid>\n");
        }
        element(6, "timestamp", r.timestamp());
        contributor(6, r.contributor());
        if (r.minor()) {
            w.raw(style.compactFlags() ? "      <minor/>\n" : "      <minor />\n");
        }
        comment(6, r.comment());
        Slot main = r.mainSlot();
        if (main != null) {
            if (v11 && main.origin() != null) {
                w.raw("      <origin>").number(main.origin()).raw("</origin>\n");
            }
            element(6, "model", main.model());
            element(6, "format", main.format());
            if (main.text() != null) {
                text(6, main.text(), true);
            }
        }
        if (v11) {
            for (Slot s : r.slots()) {
                if (s == main) {
                    continue;
                }
                w.raw("      <content>\n");
                element(8, "role", s.role());
                if (s.origin() != null) {
                    w.raw("        <origin>").number(s.origin()).raw("</origin>\n");
                }
                element(8, "model", s.model());
                element(8, "format", s.format());
                if (s.text() != null) {
                    text(8, s.text(), false);
                }
                w.raw("      </content>\n");
            }
        }
        if (r.sha1() != null) {
            if (r.sha1().isEmpty()) {
                w.raw(style.compactFlags() ? "      <sha1/>\n" : "      <sha1 />\n");
            } else {
                element(6, "sha1", r.sha1());
            }
        }
        w.raw("    </revision>\n");
    }

    private void text(int indent, Text t, boolean main) throws IOException {
        indent(indent);
        w.raw("<text");
        boolean hasBody = t.hasNonEmptyContent();
        boolean legacy = style.textLayout() == XmlStyle.TextLayout.MW_1_35;
        boolean stubText = !t.hasContent() && (t.textId() != null || t.location() != null);
        if (legacy && (v11 || !stubText)) {
            w.raw(" xml:space=\"preserve\"");
        }
        if (t.bytes() != null && t.bytes() >= 0) {
            w.raw(" bytes=\"").number(t.bytes()).raw("\"");
        }
        if (v11 && t.sha1() != null) {
            w.raw(" sha1=\"").attribute(t.sha1()).raw("\"");
        }
        if (t.deleted()) {
            w.raw(" deleted=\"deleted\"");
        }
        if (v11 && t.location() != null) {
            w.raw(" location=\"").attribute(t.location()).raw("\"");
        }
        if (t.textId() != null && main) {
            w.raw(" id=\"").attribute(t.textId()).raw("\"");
        }
        if (!legacy && hasBody) {
            w.raw(" xml:space=\"preserve\"");
        }
        if (hasBody) {
            w.raw(">").text(t.contentUtf8(), style.escapeQuotesInText()).raw("</text>\n");
        } else {
            w.raw(" />\n");
        }
    }

    private void contributor(int indent, Contributor c) throws IOException {
        if (c == null) {
            return;
        }
        indent(indent);
        boolean empty = c.username() == null && c.id() == null && c.ip() == null;
        w.raw(c.deleted() ? "<contributor deleted=\"deleted\"" : "<contributor");
        if (empty) {
            w.raw(" />\n");
            return;
        }
        w.raw(">\n");
        element(indent + 2, "username", c.username());
        if (c.id() != null && c.id() >= 0) {
            indent(indent + 2);
            w.raw("<id>").number(c.id()).raw("</id>\n");
        }
        element(indent + 2, "ip", c.ip());
        indent(indent);
        w.raw("</contributor>\n");
    }

    private void comment(int indent, Comment c) throws IOException {
        if (c == null) {
            return;
        }
        indent(indent);
        w.raw(c.deleted() ? "<comment deleted=\"deleted\"" : "<comment");
        if (c.text().isEmpty()) {
            w.raw(" />\n");
        } else {
            w.raw(">").text(c.text(), style.escapeQuotesInText()).raw("</comment>\n");
        }
    }

    private void writeUpload(Upload u) throws IOException {
        w.raw("    <upload>\n");
        element(6, "timestamp", u.timestamp());
        contributor(6, u.contributor());
        comment(6, u.comment());
        element(6, "filename", u.filename());
        element(6, "archivename", u.archiveName());
        element(6, "src", u.src());
        if (u.size() != null) {
            w.raw("      <size>").number(u.size()).raw("</size>\n");
        }
        element(6, "sha1base36", u.sha1Base36());
        element(6, "rel", u.rel());
        if (u.contents() != null) {
            w.raw("      <contents");
            if (u.contentsEncoding() != null) {
                w.raw(" encoding=\"").attribute(u.contentsEncoding()).raw("\"");
            }
            w.raw(">").text(u.contents(), style.escapeQuotesInText()).raw("</contents>\n");
        }
        w.raw("    </upload>\n");
    }

    private void writeLog(LogItem item) throws IOException {
        w.raw("  <logitem>\n");
        if (item.id() != null) {
            w.raw("    <id>").number(item.id()).raw("</id>\n");
        }
        element(4, "timestamp", item.timestamp());
        contributor(4, item.contributor());
        comment(4, item.comment());
        element(4, "type", item.type());
        element(4, "action", item.action());
        if (item.textDeleted()) {
            w.raw("    <text deleted=\"deleted\" />\n");
        }
        element(4, "logtitle", item.logTitle());
        if (item.params() != null) {
            w.raw("    <params xml:space=\"preserve\"");
            if (item.params().isEmpty()) {
                w.raw(" />\n");
            } else {
                w.raw(">").text(item.params(), style.escapeQuotesInText()).raw("</params>\n");
            }
        }
        w.raw("  </logitem>\n");
    }

    // ---------------------------------------------------------------- common

    /** {@code <name>value</name>} on its own line, {@code <name />} when empty, nothing when absent. */
    private void element(int indent, String name, String value) throws IOException {
        if (value == null) {
            return;
        }
        indent(indent);
        if (value.isEmpty()) {
            w.raw("<").raw(name).raw(" />\n");
        } else {
            w.raw("<").raw(name).raw(">").text(value, style.escapeQuotesInText()).raw("</").raw(name).raw(">\n");
        }
    }

    private static final String SPACES = "          ";

    private void indent(int n) throws IOException {
        w.raw(SPACES.substring(0, n));
    }

    /**
     * Runs of pages written on other threads, once the header is written (its style, which runs
     * share, may depend on the first revision); {@code null} before.
     */
    @Override
    public PageRuns pageRuns() {
        if (!headerWritten || isClosed()) {
            return null;
        }
        return new PageRuns() {
            @Override
            public PageRunWriter newRun(OutputStream runOut, Page continued) {
                XmlDumpWriter run = new XmlDumpWriter(runOut, requestedVersion, style);
                run.siteInfo = siteInfo;
                run.version = version;
                run.v11 = v11;
                run.headerWritten = true;
                if (continued != null) {
                    run.currentPage = continued;
                    run.pageOpen = true;
                    run.pageHeaderWritten = true;
                }
                return PageRunWriter.of(run, leaveLastPageOpen -> {
                    try {
                        if (!leaveLastPageOpen) {
                            run.endPage();
                        }
                        run.w.flushBuffer();
                    } catch (IOException e) {
                        throw failure(e);
                    }
                });
            }

            @Override
            public void append(byte[] bytes, int offset, int length, Page continued, Page openAtEnd) {
                check();
                try {
                    if (continued != null) {
                        if (!pageOpen || !continued.equals(currentPage)) {
                            throw new IllegalStateException("the run continues a page that is not open");
                        }
                    } else {
                        endPage();
                    }
                    w.flushBuffer();
                    out.write(bytes, offset, length);
                    currentPage = openAtEnd;
                    pageOpen = openAtEnd != null;
                    pageHeaderWritten = true;
                } catch (IOException e) {
                    throw failure(e);
                }
            }
        };
    }

    /** Writes out what is buffered (the output stays valid only once closed). */
    public void flush() {
        try {
            w.flushBuffer();
            out.flush();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Closes the open page and the root element, and closes the stream. */
    @Override
    protected void complete() throws IOException {
        if (siteInfo == null) {
            writeSiteInfo(SiteInfo.EMPTY);
        }
        endPage();
        writeHeader(null);
        w.raw("</mediawiki>\n");
        w.flushBuffer();
        out.close();
    }

    @Override
    protected void discard() {
        closeQuietly(out);
    }
}
