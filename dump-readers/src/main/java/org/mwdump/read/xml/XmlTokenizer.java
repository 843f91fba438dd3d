package org.mwdump.read.xml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A pull parser of XML 1.0 documents in UTF-8, made for the dump reader: start tags, end tags and
 * text, with comments, processing instructions and a document type declaration skipped. It works on
 * the bytes: element names come from a small cache, text is checked and collected as UTF-8 and becomes
 * a string once, when asked for.
 *
 * <p>It checks what makes a document well-formed: UTF-8 and the characters XML allows, names, matching
 * tags, one root element (or, for a fragment, any number of top-level elements), attributes that are
 * quoted and not repeated, namespace prefixes that are declared, and references. Only the five
 * predefined entities and character references are known; a document type declaration is skipped
 * without reading what it declares, so that any other entity is refused as undeclared and nothing
 * outside the document is ever read. Line ends are normalised as XML says ({@code \r\n} and {@code \r}
 * become {@code \n}; in attribute values white space becomes spaces).
 */
final class XmlTokenizer {
    static final int START = 1;
    static final int END = 2;
    static final int TEXT = 4;
    static final int END_DOCUMENT = 8;

    /** The kind of a problem, for the reader to type its exception. */
    enum Problem { MALFORMED, ENCODING, END_OF_INPUT, LIMIT, INPUT_FAILED }

    /** A document that is not well-formed, or beyond a limit, at a line and column. */
    static final class XmlException extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Problem problem;
        final long line;
        final long column;

        XmlException(Problem problem, String message, long line, long column) {
            this(problem, message, line, column, null);
        }

        XmlException(Problem problem, String message, long line, long column, Throwable cause) {
            super(message, cause);
            this.problem = problem;
            this.line = line;
            this.column = column;
        }
    }

    // byte classes in character data
    private static final byte PLAIN = 0;
    private static final byte LT = 1;
    private static final byte AMP = 2;
    private static final byte LF = 3;
    private static final byte CR = 4;
    private static final byte GT = 6;
    private static final byte CONTROL = 7;
    private static final byte HIGH = 8;
    private static final byte[] TEXT_CLASS = new byte[256];

    static {
        for (int c = 0; c < 0x20; c++) {
            TEXT_CLASS[c] = CONTROL;
        }
        TEXT_CLASS['\t'] = PLAIN;
        TEXT_CLASS['\n'] = LF;
        TEXT_CLASS['\r'] = CR;
        TEXT_CLASS['<'] = LT;
        TEXT_CLASS['&'] = AMP;
        TEXT_CLASS['>'] = GT;
        for (int c = 0x80; c < 0x100; c++) {
            TEXT_CLASS[c] = HIGH;
        }
    }

    private final InputStream in;
    private final boolean fragment;
    private final int maxText;
    private final int maxAttribute;
    private final int maxDepth;

    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    /** Offset in the input of {@code buf[0]}. */
    private long base;
    private boolean eof;

    private long line = 1;
    /** Input offset of the first byte of the current line. */
    private long lineStart;
    private long eventLine = 1;
    private long eventColumn = 1;

    private int event;
    private int depth;
    private String[] open = new String[16];
    private String localName;
    private boolean emptyElement;
    private boolean pendingEnd;
    private boolean rootSeen;
    private boolean contentSeen;
    private boolean started;
    /** Offset of the document's first character: 3 after a UTF-8 byte-order mark. */
    private long documentStart;

    private int attributeCount;
    private String[] attributePrefix = new String[8];
    private String[] attributeLocal = new String[8];
    private String[] attributeQName = new String[8];
    private String[] attributeValue = new String[8];

    /** Declared namespace prefixes, innermost last, and how many each open element declared. */
    private String[] prefixes = new String[8];
    private int prefixCount;
    private int[] declared = new int[16];

    /**
     * Character data read, decoded (references replaced, line ends normalised) but kept as UTF-8:
     * {@code text[0, textLength)}.
     */
    private byte[] text = new byte[1 << 12];
    private int textLength;
    /**
     * The most bytes {@link #text} ever holds: three for each UTF-16 char of the longest text or attribute
     * value the limits allow (UTF-8 takes at most three bytes per UTF-16 char), and room for what is
     * appended before the limit is checked; or, for limits that large, the largest array the JVM makes. A
     * text that needs more is beyond the limit, and fails as such (see {@link #growText}).
     */
    private final int textCapacity;
    /** The largest array the JVM surely makes. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
    /**
     * The largest text buffer kept once the text of an element was taken (see {@link #releaseLongText}):
     * enough that texts of a few MB each, as in history dumps, do not make it grow again for each one.
     */
    static final int KEPT_TEXT_BUFFER = 16 << 20;
    /** Whether {@link #text} holds an attribute value (else character data): which limit it is held to. */
    private boolean attributeText;
    /**
     * Bytes of {@link #text} beyond its length in UTF-16 chars, the unit of the limits: one for each
     * two-byte sequence, two for each three- or four-byte one (a four-byte one is two chars).
     */
    private int textSavings;
    /**
     * Where the characters of {@link #text} taken as they stand in the input begin (after the last
     * reference, CDATA section or comment): a {@code '>'} after two of them that are {@code ']'} makes the
     * forbidden {@code "]]>"}.
     */
    private int rawFrom;

    private byte[] scratch = new byte[256];
    private final String[] names = new String[1024];
    private final byte[][] nameBytes = new byte[1024][];

    XmlTokenizer(InputStream in, boolean fragment, int maxTextChars, int maxAttributeChars, int maxDepth) {
        this.in = in;
        this.fragment = fragment;
        this.maxText = maxTextChars;
        this.maxAttribute = maxAttributeChars;
        this.maxDepth = maxDepth;
        this.textCapacity = (int) Math.min(3L * Math.max(maxTextChars, maxAttributeChars) + 16, MAX_ARRAY);
    }

    // ---------------------------------------------------------------- what the reader asks

    int eventType() {
        return event;
    }

    boolean hasNext() {
        return event != END_DOCUMENT;
    }

    /** The local name of the current start or end tag. */
    String localName() {
        return localName;
    }

    /** Whether the current start tag closed itself ({@code <x/>}). */
    boolean isEmptyElement() {
        return emptyElement;
    }

    /** Line of the start of the current event (from 1). */
    long line() {
        return eventLine;
    }

    /** Column, in bytes, of the start of the current event (from 1). */
    long column() {
        return eventColumn;
    }

    /** Offset in the input of the next byte to be parsed. */
    long offset() {
        return base + pos;
    }

    int attributeCount() {
        return attributeCount;
    }

    String attributeLocalName(int i) {
        return attributeLocal[i];
    }

    String attributeQName(int i) {
        return attributeQName[i];
    }

    String attributeValue(int i) {
        return attributeValue[i];
    }

    /** The value of the current start tag's attribute without prefix of that name, or null. */
    String attribute(String local) {
        for (int i = 0; i < attributeCount; i++) {
            if (attributePrefix[i] == null && attributeLocal[i].equals(local)) {
                return attributeValue[i];
            }
        }
        return null;
    }

    /** The value of the current start tag's {@code xml:} attribute of that name, or null. */
    String xmlAttribute(String local) {
        for (int i = 0; i < attributeCount; i++) {
            if ("xml".equals(attributePrefix[i]) && attributeLocal[i].equals(local)) {
                return attributeValue[i];
            }
        }
        return null;
    }

    /** Whether the current text event is white space only. */
    boolean isWhiteSpace() {
        for (int i = 0; i < textLength; i++) {
            byte b = text[i];
            if (b != ' ' && b != '\n' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- events

    /** Moves to the next start tag, end tag, text or the end of the document. */
    int next() throws XmlException {
        if (pendingEnd) {
            pendingEnd = false;
            closeElement();
            return event = END;
        }
        if (event == END_DOCUMENT) {
            throw new IllegalStateException("after the end of the document");
        }
        if (!started) {
            started = true;
            if (ensure(3) && (buf[0] & 0xff) == 0xef && (buf[1] & 0xff) == 0xbb && (buf[2] & 0xff) == 0xbf) {
                pos = 3;
                documentStart = 3;
                lineStart = 3;
            }
        }
        while (true) {
            markEvent();
            if (!ensure(1)) {
                return endOfInput();
            }
            if (buf[pos] == '<') {
                int e = markup(false);
                if (e != 0) {
                    return event = e;
                }
                continue;
            }
            resetText();
            readCharacterData();
            if (depth == 0 && !fragment) {
                if (!isWhiteSpace()) {
                    throw error(rootSeen ? "text after the root element" : "text before the root element");
                }
                continue;
            }
            return event = TEXT;
        }
    }

    /**
     * The text of the current element, which must hold nothing but text (comments and processing
     * instructions are left out); moves to its end tag.
     */
    String elementText() throws XmlException {
        readElementText();
        String value = textString();
        releaseLongText();
        return value;
    }

    /** Like {@link #elementText()}, as UTF-8 in an array of its own. */
    byte[] elementTextUtf8() throws XmlException {
        readElementText();
        byte[] value = textUtf8();
        releaseLongText();
        return value;
    }

    /** Reads the text of the current element, which must hold nothing but text, into the text buffer. */
    private void readElementText() throws XmlException {
        if (event != START) {
            throw new IllegalStateException("not on a start tag");
        }
        resetText();
        if (pendingEnd) {
            pendingEnd = false;
            closeElement();
            event = END;
            return;
        }
        while (true) {
            readCharacterData();
            if (!ensure(2)) {
                throw endOfInputInside();
            }
            markEvent();
            int e = markup(true);
            if (e == END) {
                event = END;
                return;
            }
            if (e == START) {
                throw error("element <" + open[depth - 2] + "> holds text only, but <" + open[depth - 1] + "> starts in it");
            }
            // a comment, processing instruction or CDATA section: the text after it is not next to the text before
            rawFrom = textLength;
        }
    }

    /**
     * Skips the text of the current element, which must hold nothing but text, without decoding or
     * checking it (line ends are still counted, for the locations of later errors); moves to its end tag.
     */
    void skipElementText() throws XmlException {
        if (event != START) {
            throw new IllegalStateException("not on a start tag");
        }
        if (pendingEnd) {
            pendingEnd = false;
            closeElement();
            event = END;
            return;
        }
        while (true) {
            skipToMarkup();
            if (!ensure(2)) {
                throw endOfInputInside();
            }
            markEvent();
            resetText();
            int e = markup(true);
            resetText();
            if (e == END) {
                // a CDATA section is read into the text buffer even here
                releaseLongText();
                event = END;
                return;
            }
            if (e == START) {
                throw error("element <" + open[depth - 2] + "> holds text only, but <" + open[depth - 1] + "> starts in it");
            }
        }
    }

    /** Moves to the next {@code '<'}, counting lines; fails at the end of the input. */
    private void skipToMarkup() throws XmlException {
        while (true) {
            if (pos == limit && !ensure(1)) {
                throw endOfInputInside();
            }
            byte[] b = buf;
            int end = limit;
            for (int i = pos; i < end; i++) {
                byte c = b[i];
                if (c == '<') {
                    pos = i;
                    return;
                }
                if (c == '\n' || c == '\r' && (i + 1 == end || b[i + 1] != '\n')) {
                    newLine(i + 1);
                }
            }
            pos = end;
        }
    }

    /** Skips the current element with everything in it; moves to its end tag. */
    void skipElement() throws XmlException {
        if (event != START) {
            throw new IllegalStateException("not on a start tag");
        }
        int target = depth - 1;
        while (true) {
            int e = next();
            if (e == END && depth == target) {
                return;
            }
        }
    }

    // ---------------------------------------------------------------- markup

    /**
     * Parses the markup at {@code '<'}: a start or end tag (returned), a comment, processing instruction
     * or document type declaration (skipped: 0), or a CDATA section (its text appended; TEXT, or 0 when
     * {@code inText}).
     */
    private int markup(boolean inText) throws XmlException {
        pos++;
        if (!ensure(1)) {
            throw endOfInputInside();
        }
        byte b = buf[pos];
        if (b == '/') {
            pos++;
            endTag();
            return END;
        }
        if (b == '?') {
            pos++;
            processingInstruction();
            return 0;
        }
        if (b == '!') {
            pos++;
            if (lookingAt("--")) {
                pos += 2;
                comment();
                return 0;
            }
            if (lookingAt("[CDATA[")) {
                pos += 7;
                if (depth == 0) {
                    throw error("CDATA section outside the root element");
                }
                if (!inText) {
                    resetText();
                }
                cdata();
                return inText ? 0 : TEXT;
            }
            if (lookingAt("DOCTYPE")) {
                pos += 7;
                if (rootSeen || contentSeen) {
                    throw error("document type declaration after the start of the document");
                }
                contentSeen = true;
                doctype();
                return 0;
            }
            throw error("'<!' starts neither a comment, a CDATA section nor a document type declaration");
        }
        startTag();
        return START;
    }

    private void startTag() throws XmlException {
        if (depth == 0 && !fragment && rootSeen) {
            throw error("a second root element");
        }
        String qname = name("element name");
        contentSeen = true;
        attributeCount = 0;
        int declaredHere = 0;
        boolean empty;
        while (true) {
            boolean space = skipWhiteSpace();
            if (!ensure(1)) {
                throw endOfInputInside();
            }
            byte b = buf[pos];
            if (b == '>') {
                pos++;
                empty = false;
                break;
            }
            if (b == '/') {
                pos++;
                if (!ensure(1)) {
                    throw endOfInputInside();
                }
                if (buf[pos] != '>') {
                    throw error("'/' not followed by '>' in the tag of <" + qname + ">");
                }
                pos++;
                empty = true;
                break;
            }
            if (!space) {
                throw error("no white space before an attribute of <" + qname + ">");
            }
            String attribute = name("attribute name");
            skipWhiteSpace();
            if (!ensure(1) || buf[pos] != '=') {
                throw error("no '=' after attribute " + attribute + " of <" + qname + ">");
            }
            pos++;
            skipWhiteSpace();
            if (!ensure(1)) {
                throw endOfInputInside();
            }
            byte quote = buf[pos];
            if (quote != '"' && quote != '\'') {
                throw error("the value of attribute " + attribute + " of <" + qname + "> is not quoted");
            }
            pos++;
            String value = attributeValue(quote);
            for (int i = 0; i < attributeCount; i++) {
                if (attributeQName[i].equals(attribute)) {
                    throw error("attribute " + attribute + " repeated in <" + qname + ">");
                }
            }
            addAttribute(attribute, value);
            if (attribute.startsWith("xmlns:")) {
                declarePrefix(attribute.substring(6));
                declaredHere++;
            }
        }
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
            declared = Arrays.copyOf(declared, depth * 2);
        }
        if (depth >= maxDepth) {
            throw new XmlException(Problem.LIMIT, "elements nested deeper than the limit of " + maxDepth,
                    eventLine, eventColumn);
        }
        open[depth] = qname;
        declared[depth] = declaredHere;
        depth++;
        if (depth == 1) {
            rootSeen = true;
        }
        localName = local(qname, true);
        for (int i = 0; i < attributeCount; i++) {
            String p = attributePrefix[i];
            if (p != null && !p.equals("xmlns")) {
                checkPrefix(p);
            }
        }
        emptyElement = empty;
        pendingEnd = empty;
    }

    private void addAttribute(String qname, String value) {
        if (attributeCount == attributeQName.length) {
            int n = attributeCount * 2;
            attributeQName = Arrays.copyOf(attributeQName, n);
            attributeLocal = Arrays.copyOf(attributeLocal, n);
            attributePrefix = Arrays.copyOf(attributePrefix, n);
            attributeValue = Arrays.copyOf(attributeValue, n);
        }
        int colon = qname.indexOf(':');
        attributeQName[attributeCount] = qname;
        attributePrefix[attributeCount] = colon < 0 ? null : qname.substring(0, colon);
        attributeLocal[attributeCount] = colon < 0 ? qname : qname.substring(colon + 1);
        attributeValue[attributeCount] = value;
        attributeCount++;
    }

    private void declarePrefix(String prefix) {
        if (prefixCount == prefixes.length) {
            prefixes = Arrays.copyOf(prefixes, prefixCount * 2);
        }
        prefixes[prefixCount++] = prefix;
    }

    /** The local part of a qualified name, its prefix checked against the declarations in scope. */
    private String local(String qname, boolean element) throws XmlException {
        int colon = qname.indexOf(':');
        if (colon < 0) {
            return qname;
        }
        checkPrefix(qname.substring(0, colon));
        return element ? localNames(qname, colon) : qname.substring(colon + 1);
    }

    private String lastQName;
    private String lastLocal;

    private String localNames(String qname, int colon) {
        if (qname != lastQName) {
            lastQName = qname;
            lastLocal = qname.substring(colon + 1);
        }
        return lastLocal;
    }

    private void checkPrefix(String prefix) throws XmlException {
        if (prefix.equals("xml")) {
            return;
        }
        for (int i = prefixCount - 1; i >= 0; i--) {
            if (prefixes[i].equals(prefix)) {
                return;
            }
        }
        throw error("undeclared namespace prefix \"" + prefix + "\"");
    }

    private void endTag() throws XmlException {
        String qname = name("element name");
        skipWhiteSpace();
        if (!ensure(1)) {
            throw endOfInputInside();
        }
        if (buf[pos] != '>') {
            throw error("unexpected character in the end tag </" + qname + ">");
        }
        pos++;
        if (depth == 0) {
            throw error("unmatched end tag </" + qname + ">");
        }
        if (!qname.equals(open[depth - 1])) {
            throw error("end tag </" + qname + "> does not match the start tag <" + open[depth - 1] + ">");
        }
        localName = local(qname, true);
        closeElement();
    }

    private void closeElement() {
        depth--;
        prefixCount -= declared[depth];
        attributeCount = 0;
        emptyElement = false;
    }

    private static final java.util.regex.Pattern DECLARATION = java.util.regex.Pattern.compile(
            "version\\s*=\\s*([\"'])1\\.0\\1(\\s+encoding\\s*=\\s*([\"'])[A-Za-z][A-Za-z0-9._\\-]*\\3)?"
            + "(\\s+standalone\\s*=\\s*([\"'])(yes|no)\\5)?\\s*");

    private void processingInstruction() throws XmlException {
        long offset = base + pos - 2;
        String target = name("processing instruction target");
        boolean declaration = target.equalsIgnoreCase("xml");
        if (declaration && (offset != documentStart || !target.equals("xml"))) {
            throw error("an XML declaration (<?xml ...?>) that is not at the very start");
        }
        contentSeen = true;
        if (!skipWhiteSpace() && !lookingAt("?>")) {
            throw error("no white space after the target of a processing instruction");
        }
        // the content: up to "?>"
        StringBuilder content = declaration ? new StringBuilder() : null;
        boolean question = false;
        while (true) {
            if (!ensure(1)) {
                throw endOfInputInside();
            }
            byte b = buf[pos];
            if (b == '>' && question) {
                pos++;
                break;
            }
            question = b == '?';
            if (content != null && content.length() < 1000) {
                content.append((char) (b & 0xff));
            }
            skipChar(b);
        }
        if (content != null) {
            String c = content.substring(0, content.length() - 1);
            if (!DECLARATION.matcher(c).matches()) {
                throw error("not an XML 1.0 declaration: <?xml" + abbreviate(c) + "?>");
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private void comment() throws XmlException {
        int dashes = 0;
        while (true) {
            if (!ensure(1)) {
                throw endOfInputInside();
            }
            byte b = buf[pos];
            if (dashes >= 2) {
                if (b != '>') {
                    throw error("'--' inside a comment");
                }
                pos++;
                return;
            }
            dashes = b == '-' ? dashes + 1 : 0;
            skipChar(b);
        }
    }

    /** Skips a document type declaration, its internal subset included, without reading what it declares. */
    private void doctype() throws XmlException {
        int brackets = 0;
        byte quote = 0;
        while (true) {
            if (!ensure(1)) {
                throw endOfInputInside();
            }
            byte b = buf[pos];
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                }
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '[') {
                brackets++;
            } else if (b == ']') {
                brackets--;
            } else if (b == '>' && brackets <= 0) {
                pos++;
                return;
            }
            skipChar(b);
        }
    }

    /** Steps over one character of markup that is not kept, checking it. */
    private void skipChar(byte b) throws XmlException {
        int c = b & 0xff;
        if (c >= 0x80) {
            int saved = textLength;
            int savedSavings = textSavings;
            multiByte();
            textLength = saved;
            textSavings = savedSavings;
            return;
        }
        if (c < 0x20) {
            if (c == '\n') {
                newLine(pos + 1);
            } else if (c == '\r') {
                if (!ensure(2) || buf[pos + 1] != '\n') {
                    newLine(pos + 1);
                }
            } else if (c != '\t') {
                throw error(String.format("character 0x%02x, which XML does not allow", c));
            }
        }
        pos++;
    }

    private void cdata() throws XmlException {
        int brackets = 0;
        while (true) {
            if (!ensure(1)) {
                throw endOfInputInside();
            }
            byte b = buf[pos];
            if (b == '>' && brackets >= 2) {
                pos++;
                textLength -= 2;
                rawFrom = textLength;
                checkTextLimit();
                return;
            }
            brackets = b == ']' ? brackets + 1 : 0;
            int c = b & 0xff;
            if (c >= 0x80) {
                multiByte();
            } else if (c < 0x20 && c != '\t') {
                if (c == '\n') {
                    append((byte) '\n');
                    newLine(pos + 1);
                    pos++;
                } else if (c == '\r') {
                    lineEnd();
                } else {
                    throw error(String.format("character 0x%02x, which XML does not allow", c));
                }
            } else {
                append((byte) c);
                pos++;
            }
            // the text so far, but for the brackets that may yet be the section's end
            if (textLength - textSavings - Math.min(brackets, 2) > maxText) {
                throw textLimit();
            }
        }
    }

    // ---------------------------------------------------------------- character data

    private void resetText() {
        textLength = 0;
        textSavings = 0;
        rawFrom = 0;
        attributeText = false;
    }

    /** Appends character data up to the next {@code '<'} or the end of the input. */
    private void readCharacterData() throws XmlException {
        while (true) {
            // after each run and each character that is not one (a text of line ends or references only)
            checkTextLimit();
            if (pos == limit && !ensure(1)) {
                return;
            }
            byte[] b = buf;
            int i = pos;
            int end = limit;
            int savings = textSavings;
            // plain ASCII, and well-formed two- and three-byte UTF-8 sequences, stand for themselves: the
            // run is found (eight bytes at a time while they are plain ASCII, else up to eight characters
            // one by one), then copied at once
            scan:
            while (true) {
                while (i <= end - 8 && isPlainAscii((long) LONGS.get(b, i))) {
                    i += 8;
                }
                for (int k = 0; k < 8; k++) {
                    if (i >= end) {
                        break scan;
                    }
                    int c = b[i];
                    if (c >= 0) {
                        if (TEXT_CLASS[c] != PLAIN) {
                            break scan;
                        }
                        i++;
                    } else {
                        c &= 0xff;
                        if (c >= 0xc2 && c <= 0xdf && i + 1 < end && (b[i + 1] & 0xc0) == 0x80) {
                            i += 2;
                            savings++;
                        } else if (c >= 0xe0 && c <= 0xef && i + 2 < end && isThreeByteXmlChar(c, b[i + 1], b[i + 2])) {
                            i += 3;
                            savings += 2;
                        } else {
                            break scan;
                        }
                    }
                }
            }
            // one byte for each byte
            if (text.length - textLength < i - pos) {
                growText(i - pos);
            }
            int n = textLength + (i - pos);
            System.arraycopy(b, pos, text, textLength, i - pos);
            textSavings = savings;
            textLength = n;
            pos = i;
            if (i == end) {
                continue;
            }
            switch (TEXT_CLASS[b[i] & 0xff]) {
                case LT -> {
                    checkTextLimit();
                    return;
                }
                case HIGH -> multiByte();
                case LF -> {
                    append((byte) '\n');
                    pos = i + 1;
                    newLine(pos);
                }
                case CR -> lineEnd();
                case AMP -> {
                    pos = i + 1;
                    reference(false);
                }
                case GT -> {
                    if (textLength - rawFrom >= 2 && text[textLength - 1] == ']' && text[textLength - 2] == ']') {
                        throw error("']]>' in text");
                    }
                    append((byte) '>');
                    pos = i + 1;
                }
                default -> throw error(String.format("character 0x%02x, which XML does not allow", b[i] & 0xff));
            }
        }
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** Whether a byte of the word is zero (exactly: no false answers either way). */
    private static long zeroByte(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /**
     * Whether eight bytes are all plain character data: ASCII from 0x20 up, none of {@code < & >}.
     * (A tab is plain too, but takes the slower way.)
     */
    private static boolean isPlainAscii(long x) {
        long special = x & HIGHS
                | (x - 0x20 * ONES) & ~x & HIGHS
                | zeroByte(x ^ '<' * ONES)
                | zeroByte(x ^ '&' * ONES)
                | zeroByte(x ^ '>' * ONES);
        return special == 0;
    }

    /**
     * Whether three bytes are a well-formed UTF-8 sequence (not overlong, not a surrogate) of a
     * character XML allows (not U+FFFE or U+FFFF).
     */
    private static boolean isThreeByteXmlChar(int c0, byte b1, byte b2) {
        if ((b1 & 0xc0) != 0x80 || (b2 & 0xc0) != 0x80) {
            return false;
        }
        int cp = (c0 & 0x0f) << 12 | (b1 & 0x3f) << 6 | b2 & 0x3f;
        return cp >= 0x800 && (cp < 0xd800 || cp > 0xdfff) && cp < 0xfffe;
    }

    /** A {@code \r} at {@code pos}, with the {@code \n} after it if there is one, read as one line feed. */
    private void lineEnd() throws XmlException {
        append((byte) '\n');
        pos++;
        if (ensure(1) && buf[pos] == '\n') {
            pos++;
        }
        newLine(pos);
    }

    private void newLine(int at) {
        line++;
        lineStart = base + at;
    }

    private void checkTextLimit() throws XmlException {
        if (textLength - textSavings > maxText) {
            throw textLimit();
        }
    }

    /** The failure of a text longer than its limit, at the start of the text. */
    private XmlException textLimit() {
        return new XmlException(Problem.LIMIT, "text longer than the limit of " + maxText + " characters",
                eventLine, eventColumn);
    }

    /** The failure of an attribute value longer than its limit, at the start of its tag. */
    private XmlException attributeLimit() {
        return new XmlException(Problem.LIMIT, "attribute value longer than the limit of " + maxAttribute
                + " characters", eventLine, eventColumn);
    }

    /** Checks and appends the UTF-8 sequence at {@code pos}, which starts with a byte of 0x80 or more. */
    private void multiByte() throws XmlException {
        int b0 = buf[pos] & 0xff;
        int need;
        int cp;
        if (b0 >= 0xc2 && b0 <= 0xdf) {
            need = 1;
            cp = b0 & 0x1f;
        } else if (b0 >= 0xe0 && b0 <= 0xef) {
            need = 2;
            cp = b0 & 0x0f;
        } else if (b0 >= 0xf0 && b0 <= 0xf4) {
            need = 3;
            cp = b0 & 0x07;
        } else {
            throw encoding(String.format("byte 0x%02x cannot start a UTF-8 sequence", b0));
        }
        if (!ensure(need + 1)) {
            throw encoding("the input ends inside a UTF-8 sequence");
        }
        for (int k = 1; k <= need; k++) {
            int c = buf[pos + k] & 0xff;
            if ((c & 0xc0) != 0x80) {
                throw encoding(String.format("byte 0x%02x inside a UTF-8 sequence", c));
            }
            cp = cp << 6 | c & 0x3f;
        }
        if (need == 2 && cp < 0x800 || need == 3 && (cp < 0x10000 || cp > 0x10ffff)) {
            throw encoding("a UTF-8 sequence longer than its character needs, or beyond U+10FFFF");
        }
        if (cp >= 0xd800 && cp <= 0xdfff) {
            throw encoding(String.format("a surrogate (U+%04X) encoded in UTF-8", cp));
        }
        if (cp == 0xfffe || cp == 0xffff) {
            throw error(String.format("character U+%04X, which XML does not allow", cp));
        }
        // the sequence as it stands: one char for up to three bytes, two for four
        if (textLength + need + 1 > text.length) {
            growText(need + 1);
        }
        System.arraycopy(buf, pos, text, textLength, need + 1);
        textLength += need + 1;
        textSavings += need == 1 ? 1 : 2;
        pos += need + 1;
    }

    /** Reads a reference after {@code '&'}, appending what it stands for. */
    private void reference(boolean inAttribute) throws XmlException {
        if (!ensure(1)) {
            throw endOfInputInside();
        }
        if (buf[pos] == '#') {
            pos++;
            int radix = 10;
            if (ensure(1) && buf[pos] == 'x') {
                radix = 16;
                pos++;
            }
            long cp = 0;
            int digits = 0;
            while (true) {
                if (!ensure(1)) {
                    throw endOfInputInside();
                }
                byte b = buf[pos++];
                if (b == ';') {
                    break;
                }
                int d = Character.digit(b, radix);
                if (d < 0 || b > 'f') {
                    throw error("invalid character reference");
                }
                cp = Math.min(cp * radix + d, 0x110000);
                digits++;
            }
            if (digits == 0 || !isXmlChar(cp)) {
                throw error("character reference to a character that XML does not allow");
            }
            appendCodePoint((int) cp);
            rawFrom = textLength;
            return;
        }
        if (ensure(5)) {
            // the entities of MediaWiki's output, matched without making a name
            byte[] b = buf;
            int p = pos;
            byte c = 0;
            int length = 0;
            if (b[p] == 'q' && b[p + 1] == 'u' && b[p + 2] == 'o' && b[p + 3] == 't' && b[p + 4] == ';') {
                c = '"';
                length = 5;
            } else if (b[p] == 'a' && b[p + 1] == 'm' && b[p + 2] == 'p' && b[p + 3] == ';') {
                c = '&';
                length = 4;
            } else if (b[p + 1] == 't' && b[p + 2] == ';' && (b[p] == 'l' || b[p] == 'g')) {
                c = b[p] == 'l' ? (byte) '<' : (byte) '>';
                length = 3;
            }
            if (length > 0) {
                pos = p + length;
                append(c);
                rawFrom = textLength;
                return;
            }
        }
        String name = name("entity name");
        if (!ensure(1) || buf[pos] != ';') {
            throw error("reference &" + name + " without ';'");
        }
        pos++;
        byte c = switch (name) {
            case "amp" -> '&';
            case "lt" -> '<';
            case "gt" -> '>';
            case "quot" -> '"';
            case "apos" -> '\'';
            default -> throw error("undeclared entity &" + name + ";");
        };
        append(c);
        rawFrom = textLength;
    }

    private static boolean isXmlChar(long cp) {
        return cp == 0x9 || cp == 0xa || cp == 0xd || cp >= 0x20 && cp <= 0xd7ff || cp >= 0xe000 && cp <= 0xfffd
                || cp >= 0x10000 && cp <= 0x10ffff;
    }

    /** Appends a character (one XML allows, so not a surrogate) as UTF-8. */
    private void appendCodePoint(int cp) throws XmlException {
        if (cp < 0x80) {
            append((byte) cp);
            return;
        }
        if (textLength + 4 > text.length) {
            growText(4);
        }
        byte[] t = text;
        int n = textLength;
        if (cp < 0x800) {
            t[n++] = (byte) (0xc0 | cp >> 6);
            textSavings++;
        } else {
            if (cp < 0x10000) {
                t[n++] = (byte) (0xe0 | cp >> 12);
            } else {
                t[n++] = (byte) (0xf0 | cp >> 18);
                t[n++] = (byte) (0x80 | cp >> 12 & 0x3f);
            }
            t[n++] = (byte) (0x80 | cp >> 6 & 0x3f);
            textSavings += 2;
        }
        t[n++] = (byte) (0x80 | cp & 0x3f);
        textLength = n;
    }

    /** Appends an ASCII byte. */
    private void append(byte c) throws XmlException {
        if (textLength == text.length) {
            growText(1);
        }
        text[textLength++] = c;
    }

    /**
     * Makes room in {@link #text} for {@code extra} more bytes, which are about to be appended: twice the
     * room, but never more than the longest text or attribute value the limits let through can take
     * ({@link #textCapacity}), so that a text at the limit does not leave a buffer of up to twice its size.
     * Bytes past that capacity are past the limit (each char takes at most three bytes), so the text fails
     * here as it would at its end, and a buffer at its capacity is never copied again.
     */
    private void growText(int extra) throws XmlException {
        long need = (long) textLength + extra;
        if (need > textCapacity) {
            throw beyondCapacity();
        }
        long doubled = Math.min(2L * text.length, textCapacity);
        text = Arrays.copyOf(text, (int) Math.max(need, doubled));
    }

    /** The failure of a text or attribute value that does not fit {@link #textCapacity}. */
    private XmlException beyondCapacity() {
        if (textCapacity == MAX_ARRAY && 3L * (attributeText ? maxAttribute : maxText) + 16 > MAX_ARRAY) {
            // limits beyond what an array holds: the text may be within its limit, but cannot be held
            return new XmlException(Problem.LIMIT, (attributeText ? "attribute value" : "text") + " longer than "
                    + MAX_ARRAY + " bytes of UTF-8, the most a reader holds", eventLine, eventColumn);
        }
        return attributeText ? attributeLimit() : textLimit();
    }

    /**
     * After the text of an element was taken: a buffer grown past {@link #KEPT_TEXT_BUFFER} for a long
     * text is let go, so that a reader does not keep the memory of its longest text to its end.
     */
    private void releaseLongText() {
        if (text.length > KEPT_TEXT_BUFFER) {
            text = new byte[1 << 12];
            resetText();
        }
    }

    /** The size of the text buffer, for tests. */
    int textBufferSize() {
        return text.length;
    }

    /** The text of the current text event, or of the text or attribute value read last. */
    String textString() {
        return new String(text, 0, textLength, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The same as UTF-8, in an array of its own. */
    byte[] textUtf8() {
        return Arrays.copyOf(text, textLength);
    }

    /** An attribute value after its opening quote, normalised, up to and past the closing quote. */
    private String attributeValue(byte quote) throws XmlException {
        resetText();
        attributeText = true;
        while (true) {
            if (!ensure(1)) {
                throw endOfInputInside();
            }
            byte b = buf[pos];
            int c = b & 0xff;
            if (b == quote) {
                pos++;
                break;
            }
            if (c >= 0x80) {
                multiByte();
            } else if (c < 0x20) {
                if (c == '\r') {
                    lineEnd();
                    text[textLength - 1] = ' ';
                } else if (c == '\n' || c == '\t') {
                    append((byte) ' ');
                    pos++;
                    if (c == '\n') {
                        newLine(pos);
                    }
                } else {
                    throw error(String.format("character 0x%02x, which XML does not allow", c));
                }
            } else if (b == '<') {
                throw error("'<' in an attribute value");
            } else if (b == '&') {
                pos++;
                reference(true);
            } else {
                append((byte) c);
                pos++;
            }
            if (textLength - textSavings > maxAttribute) {
                throw attributeLimit();
            }
        }
        return textString();
    }

    // ---------------------------------------------------------------- names

    private static boolean isNameStart(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || c >= 0x80;
    }

    private static boolean isNameChar(int c) {
        return isNameStart(c) || c >= '0' && c <= '9' || c == '-' || c == '.';
    }

    /** A name at {@code pos}, as a cached string. */
    private String name(String what) throws XmlException {
        if (!ensure(1)) {
            throw endOfInputInside();
        }
        if (!isNameStart(buf[pos] & 0xff)) {
            int c = buf[pos] & 0xff;
            throw error(c < 0x20 || c == 0x7f ? "no " + what
                    : "no " + what + " where one should be ('" + (char) c + "')");
        }
        int n = 0;
        boolean high = false;
        int hash = 0;
        while (true) {
            if (pos == limit && !ensure(1)) {
                break;
            }
            int c = buf[pos] & 0xff;
            if (!isNameChar(c)) {
                break;
            }
            if (n == scratch.length) {
                if (n >= maxAttribute) {
                    throw new XmlException(Problem.LIMIT, "a name longer than the limit of " + maxAttribute
                            + " characters", line, base + pos - lineStart + 1);
                }
                scratch = Arrays.copyOf(scratch, n * 2);
            }
            scratch[n++] = (byte) c;
            high |= c >= 0x80;
            hash = hash * 31 + c;
            pos++;
        }
        int slot = (hash ^ hash >>> 10) & (names.length - 1);
        byte[] known = nameBytes[slot];
        if (known != null && known.length == n && Arrays.equals(known, 0, n, scratch, 0, n)) {
            return names[slot];
        }
        if (high) {
            checkUtf8(scratch, n);
        }
        String s = new String(scratch, 0, n, StandardCharsets.UTF_8);
        names[slot] = s;
        nameBytes[slot] = Arrays.copyOf(scratch, n);
        return s;
    }

    private void checkUtf8(byte[] b, int n) throws XmlException {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b, 0, n));
        } catch (CharacterCodingException e) {
            throw encoding("a name that is not valid UTF-8");
        }
    }

    private boolean skipWhiteSpace() throws XmlException {
        boolean any = false;
        while (ensure(1)) {
            byte b = buf[pos];
            if (b == ' ' || b == '\t') {
                pos++;
            } else if (b == '\n') {
                pos++;
                newLine(pos);
            } else if (b == '\r') {
                pos++;
                if (!ensure(1) || buf[pos] != '\n') {
                    newLine(pos);
                }
            } else {
                break;
            }
            any = true;
        }
        return any;
    }

    private boolean lookingAt(String s) throws XmlException {
        if (!ensure(s.length())) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (buf[pos + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- input

    /** Makes {@code n} bytes from {@code pos} on available; false if the input ends first. */
    private boolean ensure(int n) throws XmlException {
        if (limit - pos >= n) {
            return true;
        }
        if (eof) {
            return false;
        }
        if (pos > 0) {
            int keep = limit - pos;
            System.arraycopy(buf, pos, buf, 0, keep);
            base += pos;
            limit = keep;
            pos = 0;
        }
        if (buf.length < n) {
            buf = Arrays.copyOf(buf, Math.max(n, buf.length * 2));
        }
        while (limit < n) {
            int r;
            try {
                r = in.read(buf, limit, buf.length - limit);
            } catch (CharacterCodingException e) {
                throw encoding("the input is not valid in its declared encoding: " + e.getMessage());
            } catch (IOException e) {
                throw new XmlException(Problem.INPUT_FAILED, String.valueOf(e.getMessage()), line,
                        base + pos - lineStart + 1, e);
            }
            if (r < 0) {
                eof = true;
                return false;
            }
            limit += r;
        }
        return true;
    }

    private void markEvent() {
        eventLine = line;
        eventColumn = base + pos - lineStart + 1;
    }

    private int endOfInput() throws XmlException {
        if (depth > 0) {
            throw endOfInputInside();
        }
        if (!fragment && !rootSeen) {
            throw new XmlException(Problem.END_OF_INPUT, "the input ends before the root element",
                    line, base + pos - lineStart + 1);
        }
        return event = END_DOCUMENT;
    }

    private XmlException endOfInputInside() {
        return new XmlException(Problem.END_OF_INPUT, depth > 0 ? "the input ends inside <" + open[depth - 1] + ">"
                : "the input ends inside markup", line, base + pos - lineStart + 1);
    }

    private XmlException error(String message) {
        return new XmlException(Problem.MALFORMED, message, line, base + pos - lineStart + 1);
    }

    private XmlException encoding(String message) {
        return new XmlException(Problem.ENCODING, message, line, base + pos - lineStart + 1);
    }
}
