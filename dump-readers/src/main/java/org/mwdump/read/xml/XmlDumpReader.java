package org.mwdump.read.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mwdump.Compression;
import org.mwdump.CorruptInputException;
import org.mwdump.DumpException;
import org.mwdump.DumpFormat;
import org.mwdump.DumpLocation;
import org.mwdump.DumpReader;
import org.mwdump.LimitExceededException;
import org.mwdump.MalformedDumpException;
import org.mwdump.ReadLimits;
import org.mwdump.ReadOptions;
import org.mwdump.ReadProgress;
import org.mwdump.model.CaseRule;
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
import org.mwdump.read.xml.XmlTokenizer.Problem;
import org.mwdump.read.xml.XmlTokenizer.XmlException;
import org.mwdump.spi.ReaderInput;

/**
 * Streaming reader of MediaWiki XML dumps, schema 0.3 to 0.11 (any {@code export-0.x} namespace or
 * none), on mwdump's own XML parser ({@link XmlTokenizer}), which works on the UTF-8 bytes; a document in
 * another encoding is transcoded to UTF-8 first. Elements are matched by local name and read in any order within their
 * parent; unknown elements are skipped and counted (lenient) or rejected (strict). DTDs and external
 * entities are always off, and the {@link ReadLimits} apply to this reader only.
 *
 * <p>Cost: one pass over the input; memory is bounded by the largest single text.
 */
final class XmlDumpReader implements DumpReader {
    private final XmlTokenizer xr;
    private final ReaderInput input;
    private final boolean strict;
    /** Whether text contents are read, or skipped ({@link ReadOptions#texts()}). */
    private final boolean texts;
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private SiteInfo siteInfo;

    /** Whether the document has no {@code <mediawiki>} root (a multistream segment without header). */
    private final boolean fragment;
    /** Event positioned on: a START_ELEMENT not yet consumed (page child or root child), or -1. */
    private boolean pendingStart;
    private boolean inPage;
    private boolean endOfPages;
    private boolean endOfDocument;
    private boolean inputFinished;
    /** Whether the document ended early, read as a segment without footer. */
    private boolean cutTolerated;
    private Page page;
    private String pageTitleForErrors;
    private Long pageIdForErrors;
    private Long revisionIdForErrors;

    XmlDumpReader(ReaderInput input, ReadOptions options) throws IOException {
        this.input = input;
        this.strict = options.strict();
        this.texts = options.texts();
        InputStream stream = input.stream();
        stream.mark(512);
        byte[] peek = stream.readNBytes(512);
        stream.reset();
        String first = XmlHead.of(peek, peek.length).firstElement();
        // a multistream segment without its header starts with <page>; any other root is not a dump
        this.fragment = "page".equals(first);
        if (first != null && !fragment && !"mediawiki".equals(first)) {
            throw new MalformedDumpException("root element is <" + first + ">, not <mediawiki>", location(1, 1));
        }
        if (fragment && strict) {
            throw new MalformedDumpException("no <mediawiki> root: a segment of a dump, read only in lenient mode",
                    location(1, 1));
        }
        ReadLimits limits = options.limits();
        InputStream utf8;
        try {
            utf8 = XmlEncoding.utf8(stream, peek);
        } catch (XmlException e) {
            throw translate(e);
        }
        this.xr = new XmlTokenizer(utf8, fragment, limits.maxTextChars(), limits.maxAttributeChars(),
                limits.maxDepth());
        try {
            readHeader();
        } catch (CorruptInputException e) {
            throw located(e);
        }
    }

    /**
     * Reads the rest of the input once the document has ended: the trailers that follow the last
     * content (bz2 stream CRC, gzip CRC-32, zstd checksum, further streams) are only checked when read,
     * and damage there must not go unnoticed.
     */
    private void finishInput() {
        if (inputFinished) {
            return;
        }
        inputFinished = true;
        try {
            if (!fragment && !cutTolerated) {
                // only comments, processing instructions and white space may follow the root element
                while (xr.hasNext()) {
                    xr.next();
                }
            }
            input.stream().transferTo(OutputStream.nullOutputStream());
        } catch (XmlException e) {
            throw translate(e);
        } catch (IOException e) {
            // damaged data is reported by the decompressor as CorruptInputException: this is the input failing
            throw DumpException.cannotRead(e, location());
        }
    }

    /** Damage found by the decompressor, with the position of the parser and the page added. */
    private CorruptInputException located(CorruptInputException e) {
        return input.located(e, location());
    }

    // ---------------------------------------------------------------- header

    private void readHeader() {
        try {
            if (fragment) {
                siteInfo = SiteInfo.EMPTY;
                countSkipped("(no <mediawiki> root)");
                if (nextChildStart()) {
                    pendingStart = true;
                }
                return;
            }
            if (!nextChildStart()) {
                throw new MalformedDumpException("empty document", location());
            }
            String version = xr.attribute("version");
            String lang = xr.xmlAttribute("lang");
            if (nextChildStart() && "siteinfo".equals(xr.localName())) {
                siteInfo = readSiteInfo(version, lang);
                pendingStart = nextChildStart();
            } else {
                siteInfo = SiteInfo.EMPTY.withRoot(version, lang);
                pendingStart = xr.eventType() == XmlTokenizer.START;
            }
        } catch (XmlException e) {
            throw translate(e);
        }
    }

    private SiteInfo readSiteInfo(String version, String lang) throws XmlException {
        String siteName = null;
        String dbName = null;
        String base = null;
        String generator = null;
        CaseRule caseRule = null;
        List<Namespace> namespaces = new ArrayList<>();
        while (nextChildStart()) {
            switch (xr.localName()) {
                case "sitename" -> siteName = xr.elementText();
                case "dbname" -> dbName = xr.elementText();
                case "base" -> base = xr.elementText();
                case "generator" -> generator = xr.elementText();
                case "case" -> caseRule = caseRule(xr.elementText());
                case "namespaces" -> {
                    while (nextChildStart()) {
                        if ("namespace".equals(xr.localName())) {
                            String key = xr.attribute("key");
                            String nsCase = xr.attribute("case");
                            String name = xr.elementText();
                            namespaces.add(new Namespace((int) parseLong(key, "namespace key"), name,
                                    nsCase == null ? null : caseRule(nsCase)));
                        } else {
                            skipUnknown("siteinfo/namespaces");
                        }
                    }
                }
                default -> skipUnknown("siteinfo");
            }
        }
        return new SiteInfo(version, lang, true, siteName, dbName, base, generator, caseRule, namespaces);
    }

    private CaseRule caseRule(String value) {
        try {
            return CaseRule.fromXml(value.trim());
        } catch (IllegalArgumentException e) {
            throw new MalformedDumpException("unknown case rule \"" + value + "\"", location());
        }
    }

    // ---------------------------------------------------------------- navigation

    /**
     * Moves to the next START_ELEMENT among the children of the current element.
     *
     * @return true on a child start, false on the parent's END_ELEMENT (or the end of the document)
     */
    private boolean nextChildStart() throws XmlException {
        while (true) {
            int event;
            try {
                if (!xr.hasNext()) {
                    return false;
                }
                event = xr.next();
            } catch (XmlException e) {
                if (e.problem != Problem.END_OF_INPUT) {
                    // a segment without header still ends with the footer of the whole dump
                    if (fragment && !inPage && String.valueOf(e.getMessage()).contains("</mediawiki>")) {
                        endOfDocument = true;
                        countSkipped("(unmatched </mediawiki>)");
                        return false;
                    }
                    throw e;
                }
                if (!strict && endOfDocumentTolerated()) {
                    endOfDocument = true;
                    cutTolerated = true;
                    countSkipped("(missing </mediawiki>)");
                    return false;
                }
                throw e;
            }
            switch (event) {
                case XmlTokenizer.START:
                    return true;
                case XmlTokenizer.END:
                    return false;
                case XmlTokenizer.END_DOCUMENT:
                    endOfDocument = true;
                    return false;
                case XmlTokenizer.TEXT:
                    if (strict && !xr.isWhiteSpace()) {
                        throw new MalformedDumpException("unexpected text", location());
                    }
                    break;
                default:
                    break;
            }
        }
    }

    /** A dump cut after a whole page (a multistream segment without footer) is tolerated when lenient. */
    private boolean endOfDocumentTolerated() {
        return !inPage;
    }

    private void skipUnknown(String parent) throws XmlException {
        String name = xr.localName();
        if (strict) {
            throw new MalformedDumpException("unexpected element <" + name + "> in <"
                    + parent.substring(parent.lastIndexOf('/') + 1) + ">", location());
        }
        countSkipped(parent + "/" + name);
        xr.skipElement();
    }

    private void countSkipped(String what) {
        skipped.merge(what, 1L, Long::sum);
    }

    // ---------------------------------------------------------------- pages

    @Override
    public Page nextPage() {
        return guarded(this::nextPageUnlocated);
    }

    /**
     * Runs one pull call: damage found by the decompressor gets the parser's position and page, and the
     * rest of the input is read once the document ends.
     */
    private <T> T guarded(java.util.function.Supplier<T> call) {
        try {
            T result = call.get();
            if (endOfDocument) {
                finishInput();
            }
            return result;
        } catch (CorruptInputException e) {
            throw located(e);
        }
    }

    private Page nextPageUnlocated() {
        try {
            if (inPage) {
                finishPage();
            }
            while (!endOfPages) {
                if (!pendingStart) {
                    if (endOfDocument || !nextChildStart()) {
                        endOfPages = true;
                        endOfDocument = true;
                        return null;
                    }
                }
                pendingStart = false;
                String name = xr.localName();
                if ("page".equals(name)) {
                    return startPage();
                }
                if ("logitem".equals(name)) {
                    pendingStart = true;
                    endOfPages = true;
                    return null;
                }
                skipUnknown("mediawiki");
            }
            return null;
        } catch (XmlException e) {
            throw translate(e);
        }
    }

    private Page startPage() throws XmlException {
        inPage = true;
        revisionIdForErrors = null;
        pageIdForErrors = null;
        pageTitleForErrors = null;
        Long id = null;
        Integer ns = null;
        String title = null;
        boolean redirect = false;
        String redirectTarget = null;
        List<String> restrictions = List.of();
        while (true) {
            if (!nextChildStart()) {
                inPage = false;
                page = new Page(id, ns, title, redirect, redirectTarget, restrictions);
                return page;
            }
            String name = xr.localName();
            switch (name) {
                case "title", "ns", "id" -> {
                    String value = xr.elementText();
                    switch (name) {
                        case "title" -> pageTitleForErrors = title = value;
                        case "ns" -> ns = (int) parseLong(value, "ns");
                        default -> pageIdForErrors = id = parseLong(value, "page id");
                    }
                }
                case "redirect" -> {
                    redirect = true;
                    redirectTarget = xr.attribute("title");
                    xr.skipElement();
                }
                case "restrictions" -> {
                    if (restrictions.isEmpty()) {
                        restrictions = new ArrayList<>(1);
                    }
                    restrictions.add(xr.elementText());
                }
                case "revision", "upload" -> {
                    pendingStart = true;
                    page = new Page(id, ns, title, redirect, redirectTarget, restrictions);
                    return page;
                }
                default -> skipUnknown("page");
            }
        }
    }

    /** Skips whatever remains of the current page. */
    private void finishPage() throws XmlException {
        while (inPage) {
            if (pendingStart) {
                pendingStart = false;
                xr.skipElement();
            }
            if (!nextChildStart()) {
                inPage = false;
            } else {
                pendingStart = true;
            }
        }
    }

    @Override
    public PageEntry nextEntry() {
        return guarded(this::nextEntryUnlocated);
    }

    private PageEntry nextEntryUnlocated() {
        if (!inPage) {
            return null;
        }
        try {
            while (true) {
                if (!pendingStart && !nextChildStart()) {
                    inPage = false;
                    return null;
                }
                pendingStart = false;
                switch (xr.localName()) {
                    case "revision":
                        return readRevision();
                    case "upload":
                        return readUpload();
                    default:
                        skipUnknown("page");
                }
            }
        } catch (XmlException e) {
            throw translate(e);
        }
    }

    // ---------------------------------------------------------------- revisions

    private Revision readRevision() throws XmlException {
        revisionIdForErrors = null;
        Long id = null;
        Long parentId = null;
        String timestamp = null;
        Contributor contributor = null;
        boolean minor = false;
        Comment comment = null;
        Long origin = null;
        String model = null;
        String format = null;
        Text text = null;
        List<Slot> extra = null;
        String sha1 = null;
        while (nextChildStart()) {
            String name = xr.localName();
            switch (name) {
                case "contributor" -> contributor = readContributor();
                case "minor" -> {
                    minor = true;
                    xr.skipElement();
                }
                case "text" -> text = readText(true);
                case "content" -> {
                    if (extra == null) {
                        extra = new ArrayList<>(2);
                    }
                    extra.add(readContent());
                }
                case "id", "parentid", "timestamp", "comment", "origin", "model", "format", "sha1" -> {
                    // the text-only elements share one read of their text: the compiled method stays
                    // small, which shortens the JIT's warm-up on every conversion
                    boolean deleted = name.equals("comment") && xr.attribute("deleted") != null;
                    String value = xr.elementText();
                    switch (name) {
                        case "id" -> revisionIdForErrors = id = parseLong(value, "revision id");
                        case "parentid" -> parentId = parseLong(value, "parentid");
                        case "timestamp" -> timestamp = value;
                        case "comment" -> comment = comment(deleted, value);
                        case "origin" -> origin = parseLong(value, "origin");
                        case "model" -> model = value;
                        case "format" -> format = value;
                        default -> sha1 = value;
                    }
                }
                default -> skipUnknown("revision");
            }
        }
        List<Slot> slots;
        boolean hasMain = text != null || model != null || format != null || origin != null;
        if (extra == null) {
            slots = hasMain ? List.of(new Slot(Slot.MAIN, origin, model, format, text))
                    : List.of();
        } else {
            slots = new ArrayList<>(extra.size() + 1);
            if (hasMain) {
                slots.add(new Slot(Slot.MAIN, origin, model, format, text));
            }
            slots.addAll(extra);
        }
        return new Revision(page, id, parentId, timestamp, contributor, minor, comment, slots, sha1);
    }

    private Slot readContent() throws XmlException {
        String role = null;
        Long origin = null;
        String model = null;
        String format = null;
        Text text = null;
        while (nextChildStart()) {
            switch (xr.localName()) {
                case "role" -> role = xr.elementText();
                case "origin" -> origin = parseLong(xr.elementText(), "origin");
                case "model" -> model = xr.elementText();
                case "format" -> format = xr.elementText();
                case "text" -> text = readText(false);
                default -> skipUnknown("content");
            }
        }
        return new Slot(role, origin, model, format, text);
    }

    private Text readText(boolean main) throws XmlException {
        String bytes = null;
        String sha1 = null;
        String location = null;
        String textId = null;
        boolean deleted = false;
        int n = xr.attributeCount();
        for (int i = 0; i < n; i++) {
            String local = xr.attributeLocalName(i);
            switch (local) {
                case "bytes" -> bytes = xr.attributeValue(i);
                case "sha1" -> sha1 = xr.attributeValue(i);
                case "location" -> location = xr.attributeValue(i);
                case "id" -> textId = xr.attributeValue(i);
                case "deleted" -> deleted = true;
                default -> {
                    // xml:space is implied by the format
                }
            }
        }
        byte[] content = null;
        if (xr.isEmptyElement()) {
            xr.next();
        } else if (texts) {
            content = xr.elementTextUtf8();
        } else {
            xr.skipElementText();
        }
        // the tokenizer checked the bytes while decoding them
        Long size = bytes == null || bytes.isEmpty() ? null : parseLong(bytes, "text bytes");
        return Text.ofCheckedUtf8(content, size, sha1, location, textId, deleted);
    }

    private Contributor readContributor() throws XmlException {
        boolean deleted = xr.attribute("deleted") != null;
        String username = null;
        Long id = null;
        String ip = null;
        while (nextChildStart()) {
            String name = xr.localName();
            switch (name) {
                case "username", "id", "ip" -> {
                    String value = xr.elementText();
                    switch (name) {
                        case "username" -> username = value;
                        case "id" -> id = value.isBlank() ? null : parseLong(value, "contributor id");
                        default -> ip = value;
                    }
                }
                default -> skipUnknown("contributor");
            }
        }
        return deleted && username == null && id == null && ip == null ? Contributor.DELETED
                : new Contributor(username, id, ip, deleted);
    }

    private Comment readComment() throws XmlException {
        boolean deleted = xr.attribute("deleted") != null;
        return comment(deleted, xr.elementText());
    }

    private static Comment comment(boolean deleted, String text) {
        return deleted && text.isEmpty() ? Comment.DELETED : new Comment(text, deleted);
    }

    private Upload readUpload() throws XmlException {
        String timestamp = null;
        Contributor contributor = null;
        Comment comment = null;
        String filename = null;
        String archiveName = null;
        String src = null;
        Long size = null;
        String sha1 = null;
        String rel = null;
        String contents = null;
        String encoding = null;
        while (nextChildStart()) {
            switch (xr.localName()) {
                case "timestamp" -> timestamp = xr.elementText();
                case "contributor" -> contributor = readContributor();
                case "comment" -> comment = readComment();
                case "filename" -> filename = xr.elementText();
                case "archivename" -> archiveName = xr.elementText();
                case "src" -> src = xr.elementText();
                case "size" -> size = parseLong(xr.elementText(), "upload size");
                case "sha1base36" -> sha1 = xr.elementText();
                case "rel" -> rel = xr.elementText();
                case "contents" -> {
                    encoding = xr.attribute("encoding");
                    contents = xr.elementText();
                }
                default -> skipUnknown("upload");
            }
        }
        return new Upload(page, timestamp, contributor, comment, filename, archiveName, src, size, sha1, rel, contents,
                encoding);
    }

    // ---------------------------------------------------------------- log items

    @Override
    public LogItem nextLogItem() {
        return guarded(this::nextLogItemUnlocated);
    }

    private LogItem nextLogItemUnlocated() {
        try {
            while (true) {
                if (!endOfPages) {
                    if (nextPage() != null) {
                        continue;
                    }
                }
                if (!pendingStart) {
                    if (endOfDocument || !nextChildStart()) {
                        endOfDocument = true;
                        return null;
                    }
                }
                pendingStart = false;
                String name = xr.localName();
                if ("logitem".equals(name)) {
                    return readLogItem();
                }
                // pages after log items are not in the schema: skipped (and counted) like unknown elements
                skipUnknown("mediawiki");
            }
        } catch (XmlException e) {
            throw translate(e);
        }
    }

    private LogItem readLogItem() throws XmlException {
        Long id = null;
        String timestamp = null;
        Contributor contributor = null;
        Comment comment = null;
        String type = null;
        String action = null;
        boolean textDeleted = false;
        String logTitle = null;
        String params = null;
        while (nextChildStart()) {
            switch (xr.localName()) {
                case "id" -> id = parseLong(xr.elementText(), "logitem id");
                case "timestamp" -> timestamp = xr.elementText();
                case "contributor" -> contributor = readContributor();
                case "comment" -> comment = readComment();
                case "type" -> type = xr.elementText();
                case "action" -> action = xr.elementText();
                case "text" -> {
                    textDeleted = xr.attribute("deleted") != null;
                    xr.skipElement();
                }
                case "logtitle" -> logTitle = xr.elementText();
                case "params" -> params = xr.elementText();
                default -> skipUnknown("logitem");
            }
        }
        return new LogItem(id, timestamp, contributor, comment, type, action, textDeleted, logTitle, params);
    }

    // ---------------------------------------------------------------- common

    private long parseLong(String value, String what) {
        if (value == null) {
            // an attribute that is absent, such as a <namespace> without key
            throw new MalformedDumpException("missing " + what, location());
        }
        String v = value.trim();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new MalformedDumpException("invalid " + what + " \"" + abbreviate(value) + "\"", location());
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    @Override
    public SiteInfo siteInfo() {
        return siteInfo;
    }

    @Override
    public DumpFormat format() {
        return DumpFormat.XML;
    }

    @Override
    public Compression compression() {
        return input.compression();
    }

    @Override
    public ReadProgress progress() {
        return new ReadProgress(input.bytesRead().getAsLong(), input.totalBytes());
    }

    @Override
    public Map<String, Long> skippedElements() {
        return Collections.unmodifiableMap(skipped);
    }

    @Override
    public void close() {
        try {
            input.stream().close();
        } catch (IOException ignored) {
            // nothing more to report
        }
    }

    private DumpLocation location() {
        return xr == null ? location(-1, -1) : location(xr.line(), xr.column());
    }

    private DumpLocation location(long line, long column) {
        return new DumpLocation(input.sourceName(), input.bytesRead().getAsLong(), line, column, pageIdForErrors,
                pageTitleForErrors, revisionIdForErrors);
    }

    private DumpException translate(XmlException e) {
        DumpLocation where = location(e.line, e.column);
        return switch (e.problem) {
            case INPUT_FAILED -> e.getCause() instanceof IOException io ? DumpException.cannotRead(io, where)
                    : new MalformedDumpException(e.getMessage(), where, e);
            case ENCODING -> new MalformedDumpException("invalid encoding: " + e.getMessage(), where, e);
            case LIMIT -> new LimitExceededException(e.getMessage(), where, e);
            case END_OF_INPUT -> new MalformedDumpException("unexpected end of input: " + e.getMessage(), where, e);
            case MALFORMED -> new MalformedDumpException("malformed XML: " + e.getMessage(), where, e);
        };
    }
}
