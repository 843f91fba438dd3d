package org.mwdump.read.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mwdump.read.xml.XmlTokenizer.Problem;
import org.mwdump.read.xml.XmlTokenizer.XmlException;

/**
 * The encoding of an XML document, found as XML 1.0 (appendix F) says: from a byte-order mark, the
 * first bytes, or the encoding named in the XML declaration. Dumps are UTF-8; a document in another
 * encoding (UTF-16, ISO-8859-1, ...) is transcoded to UTF-8 for {@link XmlTokenizer}, and bytes that
 * are not valid in its encoding are reported as such.
 */
final class XmlEncoding {
    private static final Pattern DECLARED =
            Pattern.compile("^<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._\\-]*)[\"']");

    private XmlEncoding() {
    }

    /**
     * The document as UTF-8: the stream itself when it is UTF-8 (or ASCII), else a transcoding stream.
     *
     * @param head the first bytes of the document (as many as were available, up to a few hundred)
     */
    static InputStream utf8(InputStream in, byte[] head) throws XmlException {
        int n = head.length;
        int b0 = n > 0 ? head[0] & 0xff : -1;
        int b1 = n > 1 ? head[1] & 0xff : -1;
        int b2 = n > 2 ? head[2] & 0xff : -1;
        int b3 = n > 3 ? head[3] & 0xff : -1;
        if (b0 == 0xff && b1 == 0xfe || b0 == 0xfe && b1 == 0xff) {
            return new Transcoding(in, StandardCharsets.UTF_16);
        }
        if (b0 == '<' && b1 == 0 && b2 == '?' && b3 == 0) {
            return new Transcoding(in, StandardCharsets.UTF_16LE);
        }
        if (b0 == 0 && b1 == '<' && b2 == 0 && b3 == '?') {
            return new Transcoding(in, StandardCharsets.UTF_16BE);
        }
        if (b0 == 0xef && b1 == 0xbb && b2 == 0xbf) {
            return in;
        }
        Matcher m = DECLARED.matcher(new String(head, 0, n, StandardCharsets.ISO_8859_1));
        if (!m.find()) {
            return in;
        }
        String name = m.group(1);
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.equals("UTF-8") || upper.equals("UTF8") || upper.equals("US-ASCII") || upper.equals("ASCII")) {
            return in;
        }
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new XmlException(Problem.ENCODING, "unsupported encoding \"" + name + "\"", 1, 1);
        }
        return new Transcoding(in, charset);
    }

    /** Characters decoded in one encoding and encoded again in UTF-8; bad input is an error, never replaced. */
    private static final class Transcoding extends InputStream {
        private final InputStream source;
        private final Reader reader;
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer chars = CharBuffer.allocate(8192);
        private final ByteBuffer bytes = ByteBuffer.allocate(3 * 8192 + 16);
        private boolean endOfChars;
        private boolean flushed;

        Transcoding(InputStream source, Charset charset) {
            this.source = source;
            this.reader = new InputStreamReader(source, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            chars.flip();
            bytes.flip();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!bytes.hasRemaining()) {
                if (!fill()) {
                    return -1;
                }
            }
            int n = Math.min(len, bytes.remaining());
            bytes.get(b, off, n);
            return n;
        }

        /** Encodes more characters; false at the end. */
        private boolean fill() throws IOException {
            if (flushed) {
                return false;
            }
            bytes.clear();
            if (!endOfChars) {
                chars.compact();
                int r = reader.read(chars);
                chars.flip();
                if (r < 0) {
                    endOfChars = true;
                }
            }
            CoderResult result = encoder.encode(chars, bytes, endOfChars);
            if (result.isError()) {
                result.throwException();
            }
            if (endOfChars && !chars.hasRemaining()) {
                encoder.flush(bytes);
                flushed = true;
            }
            bytes.flip();
            return bytes.hasRemaining() || !flushed;
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
