package org.mwdump.read.revdoc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.mwdump.Compression;
import org.mwdump.CorruptInputException;
import org.mwdump.DumpException;
import org.mwdump.DumpLocation;
import org.mwdump.DumpReader;
import org.mwdump.MalformedDumpException;
import org.mwdump.ReadOptions;
import org.mwdump.ReadProgress;
import org.mwdump.model.LogItem;
import org.mwdump.model.Namespace;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.spi.ReaderInput;

/**
 * What the JSON lines readers share: one JSON object per line, each read into a {@link Revision} by the
 * subclass; consecutive revisions that share one {@link Page} object form one page. Values are read with
 * jackson-core's streaming parser under the reader's limits; unknown keys are skipped and counted (strict
 * mode rejects them); errors name the line, column, page and revision.
 */
abstract class JsonLinesReader implements DumpReader {
    final ReaderInput input;
    final JsonParser p;
    final boolean strict;
    /** Whether texts are read ({@link ReadOptions#texts()}); else they are skipped, never decoded. */
    final boolean texts;
    /** The site info the options give; null when none is given. */
    final SiteInfo given;
    /** The namespaces seen in titles so far, for a site info when none is given. */
    private final TreeMap<Integer, Namespace> seen = new TreeMap<>();
    private final Map<String, Long> skipped = new LinkedHashMap<>();

    private Revision lookahead;
    private boolean eof;
    private Page current;
    private boolean inPage;
    /** The revision being read, for messages. */
    Long revisionForErrors;

    JsonLinesReader(ReaderInput input, ReadOptions options) throws IOException {
        this.input = Objects.requireNonNull(input, "input is null");
        this.strict = options.strict();
        this.texts = options.texts();
        this.given = options.siteInfo();
        // limits belong to this reader, so the factory is made per reader (cheap next to the parse)
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(options.limits().maxTextChars())
                .maxNestingDepth(options.limits().maxDepth())
                .build()).build();
        this.p = factory.createParser(input.stream());
    }

    /**
     * The given site info, or one with this database name and the namespaces seen so far.
     *
     * @param dbName the wiki's database name, or null
     * @return the site info
     */
    final SiteInfo siteInfo(String dbName) {
        if (given != null) {
            return given;
        }
        return new SiteInfo(null, null, false, null, dbName, null, null, null, new ArrayList<>(seen.values()));
    }

    /**
     * Notes the namespace of a title: 0 is the main namespace; another is named by the title's prefix when
     * {@code prefixed} (titles that carry it).
     */
    final void noteNamespace(Integer ns, String title, boolean prefixed) {
        if (ns == null || title == null || seen.containsKey(ns)) {
            return;
        }
        int colon = title.indexOf(':');
        if (ns == 0) {
            seen.put(0, new Namespace(0, "", null));
        } else if (colon > 0 && prefixed) {
            seen.put(ns, new Namespace(ns, title.substring(0, colon), null));
        }
    }

    /**
     * Reads the object whose {@code START_OBJECT} was just read, up to its {@code END_OBJECT}.
     *
     * @return the revision it describes
     * @throws IOException when the input fails
     */
    abstract Revision readRevision() throws IOException;

    @Override
    public Compression compression() {
        return input.compression();
    }

    @Override
    public Page nextPage() {
        if (inPage) {
            for (Revision r = peek(); r != null && r.page() == current; r = peek()) {
                lookahead = null;
            }
        }
        Revision r = peek();
        if (r == null) {
            inPage = false;
            current = null;
            return null;
        }
        inPage = true;
        current = r.page();
        return current;
    }

    @Override
    public PageEntry nextEntry() {
        if (!inPage) {
            return null;
        }
        Revision r = peek();
        if (r == null || r.page() != current) {
            inPage = false;
            return null;
        }
        lookahead = null;
        return r;
    }

    /** RevDoc has no log items. */
    @Override
    public LogItem nextLogItem() {
        while (nextPage() != null) {
            // log items would follow all pages
        }
        return null;
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
            p.close();
        } catch (IOException ignored) {
            // nothing more to report
        } finally {
            try {
                input.stream().close();
            } catch (IOException ignored) {
                // nothing more to report
            }
        }
    }

    // ---------------------------------------------------------------- parsing

    /** The next line's revision, read ahead and kept until taken; null at the end. */
    final Revision peek() {
        if (lookahead == null && !eof) {
            try {
                JsonToken t = p.nextToken();
                if (t == null) {
                    eof = true;
                } else if (t != JsonToken.START_OBJECT) {
                    throw new MalformedDumpException("expected a JSON object per line, found " + t, location());
                } else {
                    lookahead = readRevision();
                }
            } catch (CorruptInputException e) {
                throw located(e);
            } catch (JsonProcessingException e) {
                throw new MalformedDumpException("malformed JSON: " + e.getOriginalMessage(), location(), e);
            } catch (IOException e) {
                // the input failed: damaged compressed data is reported by the decompressor as CorruptInputException
                throw DumpException.cannotRead(e, location());
            }
        }
        return lookahead;
    }

    // ---------------------------------------------------------------- values

    final void expect(JsonToken actual, JsonToken wanted) {
        if (actual != wanted) {
            throw new MalformedDumpException("expected " + wanted + " but found " + actual, location());
        }
    }

    final Long longValue(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Long.parseLong(p.getText().trim());
            } catch (NumberFormatException e) {
                throw new MalformedDumpException("expected a number, found \"" + p.getText() + "\"", location());
            }
        }
        throw new MalformedDumpException("expected a number, found " + t, location());
    }

    /** A namespace number: {@code null} stays absent, and one out of {@code int} range is an error, not wrapped. */
    final Integer intValue(JsonToken t) throws IOException {
        Long v = longValue(t);
        if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
            throw new MalformedDumpException("namespace number out of range: " + v, location());
        }
        return v == null ? null : v.intValue();
    }

    /** A text value: its string, or null without decoding it when texts are not read. */
    final String textValue(JsonToken t) throws IOException {
        if (!texts && t == JsonToken.VALUE_STRING) {
            return null; // the parser skips the string's characters when the next token is asked for
        }
        return stringValue(t);
    }

    final String stringValue(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getText();
        }
        throw new MalformedDumpException("expected a string, found " + t, location());
    }

    final void stringOrNumber(JsonToken t) throws IOException {
        if (t.isStructStart()) {
            p.skipChildren();
        }
    }

    final boolean boolValue(JsonToken t) {
        if (t == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (t == JsonToken.VALUE_FALSE || t == JsonToken.VALUE_NULL) {
            return false;
        }
        throw new MalformedDumpException("expected true or false, found " + t, location());
    }

    final void skip(String key) throws IOException {
        if (strict) {
            throw new MalformedDumpException("unexpected key \"" + key + "\"", location());
        }
        skipped.merge(key, 1L, Long::sum);
        p.skipChildren();
    }

    /** Damage found by the decompressor, with the file, the parser's position and the page added. */
    final CorruptInputException located(CorruptInputException e) {
        return input.located(e, location());
    }

    final DumpLocation location() {
        JsonLocation loc = p == null ? null : p.currentLocation();
        return new DumpLocation(input.sourceName(), input.bytesRead().getAsLong(),
                loc == null ? -1 : loc.getLineNr(), loc == null ? -1 : loc.getColumnNr(),
                current == null ? null : current.id(), current == null ? null : current.title(), revisionForErrors);
    }

}
