package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** info --json's one-line JSON: spaces after ':' and ',', strings escaped as JSON requires. */
class JsonTextTest {
    @Test
    void oneLineWithSpaces() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pages", 507L);
        m.put("ratio", 0.5);
        m.put("present", true);
        m.put("title", "a \"quoted\" \\ Ελληνικά\n");
        m.put("none", null);
        Map<String, Object> ns = new LinkedHashMap<>();
        ns.put("key", 1);
        ns.put("name", "Talk");
        m.put("namespaces", List.of(ns, ns));
        assertEquals("{\"pages\": 507, \"ratio\": 0.5, \"present\": true, \"title\": \"a \\\"quoted\\\" \\\\ Ελληνικά\\n\", "
                + "\"none\": null, \"namespaces\": [{\"key\": 1, \"name\": \"Talk\"}, {\"key\": 1, \"name\": \"Talk\"}]}",
                JsonText.object(m));
    }
}
