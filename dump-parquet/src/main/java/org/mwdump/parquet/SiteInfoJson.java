package org.mwdump.parquet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mwdump.model.CaseRule;
import org.mwdump.model.Namespace;
import org.mwdump.model.SiteInfo;

/**
 * Site info as a small JSON object, kept in the Parquet footer's key-value metadata. A hand-written
 * writer and parser, because the document is tiny and fixed and the module should not pull in a JSON
 * library for it.
 */
final class SiteInfoJson {
    private SiteInfoJson() {
    }

    static String write(SiteInfo site) {
        StringBuilder sb = new StringBuilder(256 + 48 * site.namespaces().size());
        sb.append('{');
        field(sb, "schema_version", site.schemaVersion()).append(',');
        field(sb, "language", site.language()).append(',');
        sb.append("\"present\":").append(site.present()).append(',');
        field(sb, "sitename", site.siteName()).append(',');
        field(sb, "dbname", site.dbName()).append(',');
        field(sb, "base", site.base()).append(',');
        field(sb, "generator", site.generator()).append(',');
        field(sb, "case", site.caseRule() == null ? null : site.caseRule().xmlValue()).append(',');
        sb.append("\"namespaces\":[");
        for (int i = 0; i < site.namespaces().size(); i++) {
            Namespace ns = site.namespaces().get(i);
            sb.append(i == 0 ? "" : ",").append("{\"key\":").append(ns.key()).append(',');
            field(sb, "name", ns.name()).append(',');
            field(sb, "case", ns.caseRule() == null ? null : ns.caseRule().xmlValue()).append('}');
        }
        return sb.append("]}").toString();
    }

    static SiteInfo read(String json) {
        Object parsed = new Parser(json).document();
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

    private static StringBuilder field(StringBuilder sb, String name, String value) {
        sb.append('"').append(name).append("\":");
        if (value == null) {
            return sb.append("null");
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    /** Just enough JSON: objects, arrays, strings, integers, booleans, null. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Object document() {
            Object v = value();
            skipSpace();
            if (i != s.length()) {
                throw error("trailing characters");
            }
            return v;
        }

        private Object value() {
            skipSpace();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                Map<String, Object> map = new LinkedHashMap<>();
                skipSpace();
                if (peek('}')) {
                    return map;
                }
                do {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    expect(':');
                    map.put(key, value());
                    skipSpace();
                } while (peek(','));
                expect('}');
                return map;
            }
            if (c == '[') {
                i++;
                List<Object> list = new ArrayList<>();
                skipSpace();
                if (peek(']')) {
                    return list;
                }
                do {
                    list.add(value());
                    skipSpace();
                } while (peek(','));
                expect(']');
                return list;
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            int start = i;
            if (c == '-') {
                i++;
            }
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (start == i) {
                throw error("unexpected character");
            }
            return Long.parseLong(s.substring(start, i));
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            }
        }

        private boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("bad site info JSON at " + i + ": " + what);
        }
    }
}
