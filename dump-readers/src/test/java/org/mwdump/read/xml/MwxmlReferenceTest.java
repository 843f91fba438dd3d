package org.mwdump.read.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.model.Contributor;
import org.mwdump.model.Revision;
import org.mwdump.model.Slot;
import org.mwdump.model.Text;
import org.mwdump.model.Timestamps;
import org.mwdump.testing.Corpus;
import org.mwdump.testing.Json;

/**
 * Every revision mwdump reads carries the values mwxml 0.3.8 wrote for it (corpus/reference). The
 * expected view below applies mwxml's documented field rules (FORMATS.md §2.3) to the model; the
 * values themselves come only from the reference files.
 *
 * <p>Where mwxml is wrong, the view reproduces its output and the case is listed here:
 * <ul>
 *   <li>an empty {@code <username/>} comes out as the string {@code "None"} (Python's {@code str(None)});
 *       mwdump reads it as {@code ""};</li>
 *   <li>a {@code <content>} without {@code <role>} comes out under the key {@code "None"} with no role;
 *       mwdump reads the role as absent ({@code null}).</li>
 * </ul>
 */
class MwxmlReferenceTest {

    static Stream<Path> references() {
        List<Path> all = new ArrayList<>(Corpus.referenceFiles(Corpus.reference()));
        all.addAll(Corpus.referenceFiles(Corpus.reference().resolve("partial")));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void revisionsCarryTheReferenceValues(Path reference) throws IOException {
        Path dump = Corpus.dumpOfReference(reference);
        assertTrue(Files.exists(dump), "dump of " + reference.getFileName());
        int compared = 0;
        try (DumpReader reader = Dumps.open(dump);
             BufferedReader lines = Files.newBufferedReader(reference, StandardCharsets.UTF_8)) {
            Iterator<Revision> revisions = reader.revisions().iterator();
            String line;
            while ((line = lines.readLine()) != null) {
                assertTrue(revisions.hasNext(), "mwdump has fewer revisions than the reference, after " + compared);
                Revision rev = revisions.next();
                Map<String, Object> expected = Json.object(line);
                Map<String, Object> actual = mwxmlView(rev);
                assertEquals(expected, actual, () -> "revision " + rev.id() + " (line " + lineNumber(rev, expected)
                        + "): " + difference("", expected, actual));
                compared++;
            }
            if (!reference.getParent().getFileName().toString().equals("partial")) {
                assertFalse(revisions.hasNext(), "mwdump has more revisions than the reference");
            }
        }
        assertTrue(compared > 0);
    }

    @Test
    void everyReferenceWasFound() {
        assertTrue(references().count() >= 40);
    }

    private static String lineNumber(Revision rev, Map<String, Object> expected) {
        return String.valueOf(expected.get("id"));
    }

    /** The first path where two JSON-like values differ, with both values. */
    static String difference(String path, Object expected, Object actual) {
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            for (Object k : e.keySet()) {
                if (!a.containsKey(k)) {
                    return path + "/" + k + " missing (expected " + e.get(k) + ")";
                }
                String d = difference(path + "/" + k, e.get(k), a.get(k));
                if (d != null) {
                    return d;
                }
            }
            for (Object k : a.keySet()) {
                if (!e.containsKey(k)) {
                    return path + "/" + k + " unexpected (" + a.get(k) + ")";
                }
            }
            return null;
        }
        if (expected == null ? actual == null : expected.equals(actual)) {
            return null;
        }
        return path + ": expected " + expected + " (" + (expected == null ? "" : expected.getClass().getSimpleName())
                + ") but was " + actual + " (" + (actual == null ? "" : actual.getClass().getSimpleName()) + ")";
    }

    /** The revision as mwxml 0.3.8 describes it (FORMATS.md §2.3). */
    static Map<String, Object> mwxmlView(Revision r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("timestamp", Timestamps.format(r.instant()));
        Contributor c = r.contributor();
        if (c != null && !c.deleted()) {
            Map<String, Object> user = new LinkedHashMap<>();
            if (c.id() != null) {
                user.put("id", c.id());
            }
            String text = c.username() != null ? (c.username().isEmpty() ? "None" : c.username()) : c.ip();
            if (text != null) {
                user.put("text", text);
            }
            m.put("user", user);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("id", r.page().id());
        // mwxml normalizes titles with title.replace("_", " ")
        page.put("title", r.page().title() == null ? null : r.page().title().replace('_', ' '));
        page.put("namespace", r.page().namespace() == null ? null : r.page().namespace().longValue());
        if (r.page().redirectTarget() != null) {
            page.put("redirect", r.page().redirectTarget());
        }
        page.put("restrictions", new ArrayList<Object>(r.page().restrictions()));
        page.values().removeIf(v -> v == null);
        m.put("page", page);
        m.put("minor", r.minor());
        if (r.comment() != null && !r.comment().deleted() && !r.comment().text().isEmpty()) {
            m.put("comment", r.comment().text());
        }
        Map<String, Object> slots = new LinkedHashMap<>();
        if (r.sha1() != null && !r.sha1().isEmpty()) {
            slots.put("sha1", r.sha1());
        }
        Map<String, Object> contents = new LinkedHashMap<>();
        Slot main = r.mainSlot();
        boolean newFormat = main != null && main.text() != null && main.text().sha1() != null;
        for (Slot s : r.slots()) {
            if (s.isMain() && !newFormat && r.slots().size() > 1) {
                continue; // mwxml adds an old-style main slot only when there are no <content> slots
            }
            Map<String, Object> content = new LinkedHashMap<>();
            Text t = s.text() != null ? s.text() : new Text(null, null, null, null, null, false);
            if (s.role() != null) {
                content.put("role", s.role());
            }
            if (!s.isMain() && s.origin() != null) {
                content.put("origin", s.origin());
            }
            putIfPresent(content, "model", s.model());
            putIfPresent(content, "format", s.format());
            if (s.isMain() || s.text() != null) {
                content.put("deleted", t.deleted()); // mwxml leaves it unset for a <content> without <text>
            }
            if (s.isMain() && !newFormat) {
                putIfPresent(content, "bytes", t.bytes());
                // an empty <sha1/> is None for ElementTree, so the key is omitted
                putIfPresent(content, "sha1", r.sha1() == null || r.sha1().isEmpty() ? null : r.sha1());
            } else {
                putIfPresent(content, "location", t.location());
                putIfPresent(content, "bytes", t.bytes());
                putIfPresent(content, "sha1", t.sha1());
            }
            if (t.content() != null && !t.content().isEmpty()) {
                content.put("text", t.content());
            }
            contents.put(s.role() == null ? "None" : s.role(), content);
        }
        if (main == null && r.slots().isEmpty()) {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("role", "main");
            content.put("deleted", false);
            putIfPresent(content, "sha1", r.sha1());
            contents.put("main", content);
        }
        slots.put("contents", contents);
        m.put("slots", slots);
        putIfPresent(m, "parent_id", r.parentId());
        Map<String, Object> deleted = new LinkedHashMap<>();
        deleted.put("text", r.textDeleted());
        deleted.put("comment", r.commentDeleted());
        deleted.put("user", r.contributorDeleted());
        m.put("deleted", deleted);
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
