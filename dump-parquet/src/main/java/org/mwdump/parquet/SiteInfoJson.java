package org.mwdump.parquet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mwdump.model.CaseRule;
import org.mwdump.model.Namespace;
import org.mwdump.model.SiteInfo;

/**
 * Site info as a small JSON object, as mwdump keeps it in a Parquet file's key-value metadata (key
 * {@code mwdump.siteinfo}) and in the column metadata of the Spark source's {@code wiki_db} column, and as
 * the Spark writer's {@code siteInfo} option takes it: {@code schema_version}, {@code language},
 * {@code present}, {@code sitename}, {@code dbname}, {@code base}, {@code generator}, {@code case} and
 * {@code namespaces} (objects with {@code key}, {@code name} and {@code case}).
 */
public final class SiteInfoJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private SiteInfoJson() {
    }

    /**
     * The site info as JSON.
     *
     * @param site the site info
     * @return one JSON object
     */
    public static String write(SiteInfo site) {
        StringWriter text = new StringWriter(256 + 48 * site.namespaces().size());
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("schema_version", site.schemaVersion());
            g.writeStringField("language", site.language());
            g.writeBooleanField("present", site.present());
            g.writeStringField("sitename", site.siteName());
            g.writeStringField("dbname", site.dbName());
            g.writeStringField("base", site.base());
            g.writeStringField("generator", site.generator());
            g.writeStringField("case", site.caseRule() == null ? null : site.caseRule().xmlValue());
            g.writeArrayFieldStart("namespaces");
            for (Namespace ns : site.namespaces()) {
                g.writeStartObject();
                g.writeNumberField("key", ns.key());
                g.writeStringField("name", ns.name());
                g.writeStringField("case", ns.caseRule() == null ? null : ns.caseRule().xmlValue());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @param json one JSON object
     * @return the site info
     * @throws IllegalArgumentException if the text is not such a JSON object
     */
    public static SiteInfo read(String json) {
        Object parsed;
        try (JsonParser p = FACTORY.createParser(json)) {
            p.nextToken();
            parsed = value(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("site info: trailing characters");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("site info is not valid JSON: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("site info is not a JSON object");
        }
        List<Namespace> namespaces = new ArrayList<>();
        if (m.get("namespaces") instanceof List<?> list) {
            for (Object o : list) {
                Map<?, ?> ns = (Map<?, ?>) o;
                namespaces.add(new Namespace(((Long) ns.get("key")).intValue(), (String) ns.get("name"),
                        caseRule(ns.get("case"))));
            }
        }
        return new SiteInfo((String) m.get("schema_version"), (String) m.get("language"),
                Boolean.TRUE.equals(m.get("present")), (String) m.get("sitename"), (String) m.get("dbname"),
                (String) m.get("base"), (String) m.get("generator"), caseRule(m.get("case")), namespaces);
    }

    private static CaseRule caseRule(Object value) {
        return value == null ? null : CaseRule.fromXml((String) value);
    }

    /** The value at the parser's current token: maps, lists, strings, longs, booleans and null. */
    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new IllegalArgumentException("site info: unexpected end");
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, value(p));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalArgumentException("site info: unexpected " + t);
        }
    }
}
