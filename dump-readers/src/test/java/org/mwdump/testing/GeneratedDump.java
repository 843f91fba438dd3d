package org.mwdump.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * A MediaWiki XML dump of any export schema version from 0.3 to 0.11, made on the spot together with
 * the model a reader must give for it, so that tests run without the shared corpus and compare what
 * was read with what was meant rather than with what the code under test produced.
 *
 * <p>The XML is written here, by hand, from the export schemas ({@code export-0.3.xsd} to
 * {@code export-0.11.xsd}): each version gets the elements and the element order its schema lists, and
 * a feature appears only from the version that introduced it ({@link Feature}); a feature asked for
 * that the version lacks is left out. The layout is that of MediaWiki's dumps: no XML declaration,
 * the root element with namespace and schema location, two-space indentation, {@code <x />} for
 * empty elements, {@code &quot;} in element content of content dumps (not in stubs, which also write
 * {@code <minor/>} and {@code <sha1/>}), {@code &#039;} in attributes, and {@code xml:space} first on
 * {@code <text>} for MediaWiki 1.35 and earlier but last (and only on texts with a body) after it. For
 * 0.10 and 0.11 that is byte for byte the serialization of Wikimedia's dumps, so a faithful writer
 * gives the same bytes back.
 *
 * <p>The pages cycle through six namespaces (main, Talk, User, File, Template, Category) with titles
 * in Latin, Greek and CJK script, characters outside the Basic Multilingual Plane and characters that
 * need escaping; pages have one to four revisions by registered and anonymous (IPv4 and IPv6) editors,
 * minor edits, absent comments, redirects, restrictions, a blanked text, JavaScript pages. Optional:
 * deleted contributors, comments and texts; stub texts; a second slot on File pages; uploads; log
 * items. The same options always give the same bytes.
 */
public final class GeneratedDump {

    /** Every export schema version that can be generated, oldest first. */
    public static final List<String> VERSIONS = List.of("0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "0.10", "0.11");

    /** What a schema version can hold, and the version that introduced it. */
    public enum Feature {
        /** {@code <siteinfo>} with namespaces, {@code <restrictions>}, {@code <upload>}. */
        SITE_INFO(3),
        /** {@code deleted="deleted"} on contributor, comment and text; {@code <logitem>}; {@code <redirect />}. */
        DELETED_FLAGS(4),
        /** {@code <logitem>} after the pages. */
        LOG_ITEMS(4),
        /** {@code <redirect />} without target. */
        REDIRECT(4),
        /** The {@code bytes} attribute of {@code <text>}. */
        TEXT_BYTES(5),
        /** {@code <ns>}, {@code <sha1>} of the revision, {@code <redirect title="…">}, per-namespace case. */
        NS_AND_SHA1(6),
        /** Stub texts: {@code <text id="…" bytes="…" />}; upload {@code sha1base36}, {@code rel}, {@code archivename}. */
        TEXT_ID(6),
        /** {@code <parentid>}. */
        PARENT_ID(7),
        /** {@code <model>} and {@code <format>} (after the text until 0.9, before it from 0.10). */
        MODEL_AND_FORMAT(8),
        /** {@code <dbname>} in the site info. */
        DB_NAME(9),
        /** Upload {@code <contents>} (base64). */
        UPLOAD_CONTENTS(10),
        /** {@code <origin>}, {@code <content>} slots, {@code sha1} and {@code location} on {@code <text>}. */
        SLOTS(11);

        private final int since;

        Feature(int since) {
            this.since = since;
        }

        /** Whether the given schema version ({@code "0.3"} … {@code "0.11"}) has this feature. */
        public boolean in(String version) {
            return minor(version) >= since;
        }
    }

    private final String version;
    private final Options o;
    private final SiteInfo siteInfo;
    private final List<Page> pages = new ArrayList<>();
    private final List<PageEntry> entries = new ArrayList<>();
    private final List<LogItem> logItems = new ArrayList<>();
    private final byte[] xml;

    private record Options(String version, int pages, long seed, boolean stubs, boolean deletions, boolean uploads,
                           boolean slots, int logItems, String generator) {
    }

    private GeneratedDump(Options o) {
        this.o = o;
        this.version = o.version;
        this.siteInfo = SiteInfo.builder().schemaVersion(version).language("en").present(true)
                .siteName("Generated Wiki").dbName(has(Feature.DB_NAME) ? "genwiki" : null)
                .base("https://gen.example.org/wiki/Main_Page").generator(o.generator).caseRule(CaseRule.FIRST_LETTER)
                .namespaces(namespaces()).build();
        this.xml = new Writer().write();
    }

    /** A builder for a dump of the given schema version ({@code "0.3"} … {@code "0.11"}). */
    public static Builder builder(String version) {
        return new Builder(version);
    }

    /** A dump of the given version with every feature the version has: deletions, uploads, slots and log items. */
    public static GeneratedDump full(String version) {
        return builder(version).deletions(true).uploads(true).slots(true).logItems(6).build();
    }

    /** Options of a {@link GeneratedDump}. */
    public static final class Builder {
        private final String version;
        private int pages = 14;
        private long seed = 1;
        private boolean stubs;
        private boolean deletions;
        private boolean uploads;
        private boolean slots;
        private int logItems;
        private String generator;

        private Builder(String version) {
            if (!VERSIONS.contains(version)) {
                throw new IllegalArgumentException("schema version must be one of " + VERSIONS + ": " + version);
            }
            this.version = version;
        }

        /** How many pages (default 14). */
        public Builder pages(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("at least one page");
            }
            this.pages = n;
            return this;
        }

        /** Varies the texts; the structure depends only on the other options. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Texts without content, as in stub dumps (schema 0.6 and later: texts need their {@code id}). */
        public Builder stubs(boolean on) {
            if (on && !Feature.TEXT_ID.in(version)) {
                throw new IllegalArgumentException("stubs need schema 0.6 or later: " + version);
            }
            this.stubs = on;
            return this;
        }

        /** Some contributors, comments and texts deleted (schema 0.4 and later). */
        public Builder deletions(boolean on) {
            this.deletions = on;
            return this;
        }

        /** Uploads on File pages. */
        public Builder uploads(boolean on) {
            this.uploads = on;
            return this;
        }

        /** A second slot ({@code mediainfo}) on the revisions of File pages (schema 0.11). */
        public Builder slots(boolean on) {
            this.slots = on;
            return this;
        }

        /** How many log items follow the pages (schema 0.4 and later); default none. */
        public Builder logItems(int n) {
            this.logItems = n;
            return this;
        }

        /**
         * The site info's {@code <generator>}, which also decides where {@code xml:space} goes; by default a
         * MediaWiki release of the version's time.
         */
        public Builder generator(String value) {
            this.generator = Objects.requireNonNull(value, "generator is null");
            return this;
        }

        public GeneratedDump build() {
            String g = generator != null ? generator : switch (version) {
                case "0.3" -> "MediaWiki 1.15.5";
                case "0.4" -> "MediaWiki 1.16.5";
                case "0.5" -> "MediaWiki 1.18.6";
                case "0.6" -> "MediaWiki 1.19.24";
                case "0.7" -> "MediaWiki 1.20.8";
                case "0.8" -> "MediaWiki 1.22.15";
                case "0.9" -> "MediaWiki 1.24.6";
                case "0.10" -> "MediaWiki 1.27.0-wmf.22";
                default -> "MediaWiki 1.46.0-wmf.7";
            };
            return new GeneratedDump(new Options(version, pages, seed, stubs, deletions, uploads, slots, logItems, g));
        }
    }

    // ------------------------------------------------------------------ results

    /** The schema version, for example {@code "0.8"}. */
    public String version() {
        return version;
    }

    /** Whether this dump's schema version has the feature. */
    public boolean has(Feature f) {
        return f.in(version);
    }

    /** The dump, UTF-8. */
    public byte[] xml() {
        return xml.clone();
    }

    /** The dump as text. */
    public String xmlString() {
        return new String(xml, StandardCharsets.UTF_8);
    }

    /** Writes the dump (uncompressed) to {@code file}. */
    public Path write(Path file) {
        try {
            return Files.write(file, xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The site info a reader must give. */
    public SiteInfo siteInfo() {
        return siteInfo;
    }

    /** The pages, in dump order. */
    public List<Page> pages() {
        return List.copyOf(pages);
    }

    /** Every revision and upload, in dump order. */
    public List<PageEntry> entries() {
        return List.copyOf(entries);
    }

    /** The revisions, in dump order. */
    public List<Revision> revisions() {
        return entries.stream().filter(Revision.class::isInstance).map(Revision.class::cast).toList();
    }

    /** The uploads, in dump order. */
    public List<Upload> uploads() {
        return entries.stream().filter(Upload.class::isInstance).map(Upload.class::cast).toList();
    }

    /** The log items. */
    public List<LogItem> logItems() {
        return List.copyOf(logItems);
    }

    /** The entries of one page, in dump order. */
    public List<PageEntry> entriesOf(Page page) {
        return entries.stream().filter(e -> e.page().equals(page)).toList();
    }

    /** MediaWiki's base-36 SHA-1 of the UTF-8 bytes of a text, padded to 31 characters; computed here. */
    public static String sha1(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            String s = new BigInteger(1, d).toString(36);
            return "0".repeat(31 - s.length()) + s;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static int minor(String version) {
        return Integer.parseInt(version.substring(version.indexOf('.') + 1));
    }

    // ------------------------------------------------------------------ the model

    private static final int[] NS = {0, 1, 2, 6, 10, 14};
    private static final String[] PREFIX = {"", "Talk:", "User:", "File:", "Template:", "Category:"};
    private static final String[] NAMES = {"Alpha", "Ελλάδα", "東京都", "O'Brien & Sons", "\"Quoted\" <title>",
        "Émile Zola", "Rock 'n' Roll 😀", "AC/DC", "C++ 100%", "Ünïcödé 𝔘"};
    private static final String[] USERS = {"Alice", "Βασίλης", "李小龍", "Bob & \"Co\"", "O'Hara", "Zoë 😀"};
    private static final String[] FRAGMENTS = {
        "'''Bold''' and ''italic'' text.",
        "<ref name=\"a\">Cite & \"quote\"</ref>",
        "{{Infobox place|name=\"Ελλάδα\"|pop=10,000}}",
        "Κείμενο στα ελληνικά με τόνους.",
        "日本語のテキストと漢字。",
        "Emoji 😀 and math 𝔘𝔫𝔦 beyond the BMP.",
        "[[Link|label]] & [[Other page]] < > ' \"",
        "  indented line\twith a tab",
        "== Section ==",
        "* item one\n* item two",
        "&amp; is not an entity here; neither is &lt;"};

    private List<Namespace> namespaces() {
        boolean cases = has(Feature.NS_AND_SHA1);
        CaseRule first = cases ? CaseRule.FIRST_LETTER : null;
        return List.of(new Namespace(-2, "Media", first), new Namespace(-1, "Special", first),
                new Namespace(0, "", first), new Namespace(1, "Talk", first), new Namespace(2, "User", first),
                new Namespace(3, "User talk", first), new Namespace(6, "File", first),
                new Namespace(10, "Template", first), new Namespace(14, "Category", first),
                new Namespace(2302, "Gadget definition", cases ? CaseRule.CASE_SENSITIVE : null));
    }

    private String randomText(SplittableRandom r, int page, int rev) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(6);
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                sb.append('\n');
            }
            sb.append(FRAGMENTS[r.nextInt(FRAGMENTS.length)]);
        }
        sb.append("\nRevision ").append(rev).append(" of page ").append(page).append('.');
        if (r.nextInt(3) == 0) {
            sb.append('\n');
        }
        return sb.toString();
    }

    private static long utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Builds the model and writes its XML in the same pass. */
    private final class Writer {
        private final StringBuilder x = new StringBuilder(1 << 16);
        private final int v = minor(version);
        private final boolean legacyLayout = legacy(o.generator);
        private long nextRevision = 1000;

        byte[] write() {
            root();
            for (int i = 1; i <= o.pages; i++) {
                page(i, new SplittableRandom(o.seed * 1_000_003L + i));
            }
            for (int k = 1; k <= o.logItems && has(Feature.LOG_ITEMS); k++) {
                logItem(k);
            }
            x.append("</mediawiki>\n");
            return x.toString().getBytes(StandardCharsets.UTF_8);
        }

        private void root() {
            String ns = "http://www.mediawiki.org/xml/export-" + version + "/";
            x.append("<mediawiki xmlns=\"").append(ns)
                    .append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"")
                    .append(ns).append(" http://www.mediawiki.org/xml/export-").append(version).append(".xsd\" version=\"")
                    .append(version).append("\" xml:lang=\"en\">\n");
            SiteInfo s = siteInfo;
            x.append("  <siteinfo>\n");
            element(4, "sitename", s.siteName());
            element(4, "dbname", s.dbName());
            element(4, "base", s.base());
            element(4, "generator", s.generator());
            element(4, "case", s.caseRule().xmlValue());
            x.append("    <namespaces>\n");
            for (Namespace n : s.namespaces()) {
                x.append("      <namespace key=\"").append(n.key()).append('"');
                if (n.caseRule() != null) {
                    x.append(" case=\"").append(n.caseRule().xmlValue()).append('"');
                }
                if (n.name().isEmpty()) {
                    x.append(" />\n");
                } else {
                    x.append('>').append(content(n.name())).append("</namespace>\n");
                }
            }
            x.append("    </namespaces>\n  </siteinfo>\n");
        }

        private void page(int i, SplittableRandom r) {
            int kind = (i - 1) % NS.length;
            int ns = NS[kind];
            String name = NAMES[(i * 7) % NAMES.length] + " " + i;
            boolean js = ns == 2 && (i / 6) % 2 == 0;
            String title = PREFIX[kind] + (ns == 6 ? name.replace('/', '-') + ".jpg" : js ? name + "/common.js" : name);
            boolean redirect = has(Feature.REDIRECT) && ns == 0 && i % 4 == 1;
            String target = redirect && has(Feature.NS_AND_SHA1) ? "Target & 'page' " + i : null;
            List<String> restrictions = i % 5 == 2 ? List.of("edit=autoconfirmed:move=sysop") : List.of();
            Page page = new Page(100L + 7L * i, has(Feature.NS_AND_SHA1) ? ns : null, title, redirect, target,
                    restrictions);
            pages.add(page);

            x.append("  <page>\n");
            element(4, "title", title);
            if (page.namespace() != null) {
                x.append("    <ns>").append(ns).append("</ns>\n");
            }
            x.append("    <id>").append(page.id()).append("</id>\n");
            if (redirect) {
                x.append(target == null ? "    <redirect />\n" : "    <redirect title=\"" + attribute(target) + "\" />\n");
            }
            for (String s : restrictions) {
                element(4, "restrictions", s);
            }

            int revisions = 1 + (i * 3) % 4;
            long parent = 0;
            long firstRevision = nextRevision;
            Instant time = Instant.parse("2006-01-01T00:00:00Z").plusSeconds(86_400L * 3 * i);
            String mediainfo = "{\"type\":\"mediainfo\",\"id\":\"M" + page.id() + "\",\"labels\":{\"en\":{\"value\":\""
                    + name.replace("\"", "\\\"") + "\"}}}";
            for (int j = 0; j < revisions; j++) {
                long id = nextRevision++;
                time = time.plusSeconds(3600L * (1 + r.nextInt(48)));
                revision(page, i, j, id, parent, time.toString(), js, redirect,
                        ns == 6 && o.slots && has(Feature.SLOTS) ? mediainfo : null, firstRevision, r);
                parent = id;
            }
            if (ns == 6 && o.uploads) {
                upload(page, i, 0, time.plusSeconds(60));
                if (i % 2 == 0) {
                    upload(page, i, 1, time.minusSeconds(86_400L * 400));
                }
            }
            x.append("  </page>\n");
        }

        private void revision(Page page, int i, int j, long id, long parent, String timestamp, boolean js,
                              boolean redirect, String mediainfo, long firstRevision, SplittableRandom r) {
            boolean deletions = o.deletions && has(Feature.DELETED_FLAGS);
            boolean notFirst = i > 1 || j > 0; // the first revision shows what kind of dump this is
            Contributor contributor;
            int who = (i + 2 * j) % 5;
            if (deletions && notFirst && (i * 5 + j) % 7 == 3) {
                contributor = Contributor.DELETED;
            } else if (who == 1) {
                contributor = Contributor.ip("192.0.2." + (i * 11 + j) % 250);
            } else if (who == 3) {
                contributor = Contributor.ip("2001:DB8:0:0:0:0:" + Integer.toHexString(i).toUpperCase() + ":" + j);
            } else {
                int u = (i + j) % USERS.length;
                contributor = Contributor.user(USERS[u], 1000L + 17L * u);
            }
            boolean minor = (i + j) % 3 == 0;
            Comment comment;
            if (deletions && notFirst && (i + j) % 6 == 4) {
                comment = Comment.DELETED;
            } else if ((i + j) % 4 == 0) {
                comment = null;
            } else {
                comment = Comment.of(j == 0 ? "Created page & \"welcome\" <" + i + ">" : "/* Section */ edit 😀 " + j);
            }
            String content = redirect ? "#REDIRECT [[Target & 'page' " + i + "]]\n" + randomText(r, i, j) : randomText(r, i, j);
            if (i % 7 == 3 && j > 0) {
                content = ""; // blanked
            }
            boolean textDeleted = deletions && notFirst && i % 4 == 2 && j == 1;
            String model = has(Feature.MODEL_AND_FORMAT) ? (js ? "javascript" : "wikitext") : null;
            String format = has(Feature.MODEL_AND_FORMAT) ? (js ? "text/javascript" : "text/x-wiki") : null;
            String mainSha1 = sha1(content);
            Long bytes = has(Feature.TEXT_BYTES) ? utf8Length(content) : null;
            boolean v11 = has(Feature.SLOTS);
            boolean stub = o.stubs && !textDeleted;
            String textId = stub ? Long.toString(id + 5000) : null;
            Text text = Text.builder().content(stub || textDeleted || content.isEmpty() ? null : content).bytes(bytes)
                    .sha1(v11 ? mainSha1 : null).location(stub && v11 ? "tt:" + textId : null).textId(textId)
                    .deleted(textDeleted).build();
            List<Slot> slots = new ArrayList<>();
            slots.add(new Slot(Slot.MAIN, v11 ? id : null, model, format, text));
            String revisionSha1 = mainSha1;
            if (mediainfo != null) {
                String slotSha1 = sha1(mediainfo);
                Text t = Text.builder().content(o.stubs ? null : mediainfo).bytes(utf8Length(mediainfo))
                        .sha1(slotSha1).location(o.stubs ? "tt:" + (firstRevision + 9000) : null).build();
                slots.add(new Slot("mediainfo", firstRevision, "wikibase-mediainfo", "application/json", t));
                revisionSha1 = sha1(mainSha1 + slotSha1); // sorted by role: main, mediainfo
            }
            String sha1 = has(Feature.NS_AND_SHA1) ? (textDeleted ? "" : revisionSha1) : null;
            Long parentId = has(Feature.PARENT_ID) && parent > 0 ? parent : null;
            Revision rev = Revision.builder().page(page).id(id).parentId(parentId).timestamp(timestamp)
                    .contributor(contributor).minor(minor).comment(comment).slots(slots).sha1(sha1).build();
            entries.add(rev);

            x.append("    <revision>\n");
            x.append("      <id>").append(id).append("</id>\n");
            if (parentId != null) {
                x.append("      <parentid>").append(parentId).append("</parentid>\n");
            }
            element(6, "timestamp", timestamp);
            contributor(6, contributor);
            if (minor) {
                x.append(o.stubs ? "      <minor/>\n" : "      <minor />\n");
            }
            comment(6, comment);
            Slot main = slots.get(0);
            if (v >= 11) {
                x.append("      <origin>").append(main.origin()).append("</origin>\n");
            }
            if (v >= 10) {
                element(6, "model", model);
                element(6, "format", format);
            }
            if (v == 6 || v == 7) {
                sha1Element(sha1); // before the text in the schemas of 0.6 and 0.7
            }
            textElement(6, main.text(), true);
            for (Slot s : slots.subList(1, slots.size())) {
                x.append("      <content>\n");
                element(8, "role", s.role());
                x.append("        <origin>").append(s.origin()).append("</origin>\n");
                element(8, "model", s.model());
                element(8, "format", s.format());
                textElement(8, s.text(), false);
                x.append("      </content>\n");
            }
            if (v >= 8) {
                sha1Element(sha1);
            }
            if (v == 8 || v == 9) {
                element(6, "model", model);
                element(6, "format", format);
            }
            x.append("    </revision>\n");
        }

        private void sha1Element(String sha1) {
            if (sha1 == null) {
                return;
            }
            if (sha1.isEmpty()) {
                x.append(o.stubs ? "      <sha1/>\n" : "      <sha1 />\n");
            } else {
                element(6, "sha1", sha1);
            }
        }

        /** MediaWiki's attribute order: bytes, sha1, deleted, location, id; {@code xml:space} first until 1.35. */
        private void textElement(int indent, Text t, boolean main) {
            x.append(" ".repeat(indent)).append("<text");
            boolean body = t.content() != null && !t.content().isEmpty();
            boolean stubText = t.content() == null && (t.textId() != null || t.location() != null);
            if (legacyLayout && !(stubText && v < 11)) {
                x.append(" xml:space=\"preserve\"");
            }
            if (t.bytes() != null) {
                x.append(" bytes=\"").append(t.bytes()).append('"');
            }
            if (t.sha1() != null) {
                x.append(" sha1=\"").append(t.sha1()).append('"');
            }
            if (t.deleted()) {
                x.append(" deleted=\"deleted\"");
            }
            if (t.location() != null) {
                x.append(" location=\"").append(attribute(t.location())).append('"');
            }
            if (main && t.textId() != null) {
                x.append(" id=\"").append(t.textId()).append('"');
            }
            if (!legacyLayout && body) {
                x.append(" xml:space=\"preserve\"");
            }
            if (body) {
                x.append('>').append(content(t.content())).append("</text>\n");
            } else {
                x.append(" />\n");
            }
        }

        private void contributor(int indent, Contributor c) {
            String pad = " ".repeat(indent);
            if (c.deleted()) {
                x.append(pad).append("<contributor deleted=\"deleted\" />\n");
                return;
            }
            x.append(pad).append("<contributor>\n");
            element(indent + 2, "username", c.username());
            if (c.id() != null) {
                x.append(pad).append("  <id>").append(c.id()).append("</id>\n");
            }
            element(indent + 2, "ip", c.ip());
            x.append(pad).append("</contributor>\n");
        }

        private void comment(int indent, Comment c) {
            if (c == null) {
                return;
            }
            if (c.deleted()) {
                x.append(" ".repeat(indent)).append("<comment deleted=\"deleted\" />\n");
            } else {
                element(indent, "comment", c.text());
            }
        }

        private void upload(Page page, int i, int n, Instant time) {
            boolean extras = has(Feature.TEXT_ID);
            String file = page.title().substring("File:".length()).replace(' ', '_');
            String hash = sha1(file + n);
            String dir = hash.substring(0, 1) + "/" + hash.substring(0, 2) + "/";
            String archive = n > 0 && extras ? time.toString().replaceAll("[^0-9]", "") + "!" + file : null;
            String contents = n == 0 && i % 4 == 0 && has(Feature.UPLOAD_CONTENTS)
                    ? Base64.getEncoder().encodeToString(("JPEG bytes of " + file).getBytes(StandardCharsets.UTF_8))
                    : null;
            int u = (i + n) % USERS.length;
            Upload up = Upload.builder().page(page).timestamp(time.toString())
                    .contributor(Contributor.user(USERS[u], 1000L + 17L * u))
                    .comment(Comment.of(n == 0 ? "New version of \"" + file + "\" & more" : "Original upload"))
                    .filename(file).archiveName(archive)
                    .src("https://upload.example.org/gen/" + (archive != null ? "archive/" + dir + url(archive)
                            : dir + url(file)))
                    .size(12_345L + 1000L * i + n).sha1Base36(extras ? hash : null).rel(extras ? dir + file : null)
                    .contents(contents).contentsEncoding(contents != null ? "base64" : null).build();
            entries.add(up);

            x.append("    <upload>\n");
            element(6, "timestamp", up.timestamp());
            contributor(6, up.contributor());
            comment(6, up.comment());
            element(6, "filename", up.filename());
            element(6, "archivename", up.archiveName());
            element(6, "src", up.src());
            x.append("      <size>").append(up.size()).append("</size>\n");
            element(6, "sha1base36", up.sha1Base36());
            element(6, "rel", up.rel());
            if (contents != null) {
                x.append("      <contents encoding=\"base64\">").append(contents).append("</contents>\n");
            }
            x.append("    </upload>\n");
        }

        private void logItem(int k) {
            boolean deletions = o.deletions && has(Feature.DELETED_FLAGS);
            String[][] kinds = {{"delete", "delete"}, {"move", "move"}, {"block", "block"}, {"upload", "upload"},
                {"protect", "protect"}, {"newusers", "create"}};
            String[] kind = kinds[(k - 1) % kinds.length];
            int u = k % USERS.length;
            Contributor c = deletions && k % 5 == 3 ? Contributor.DELETED : Contributor.user(USERS[u], 1000L + 17L * u);
            Comment comment = deletions && k % 4 == 2 ? Comment.DELETED
                    : k % 3 == 0 ? null : Comment.of("Reason & \"why\" <" + k + "> 😀");
            Page about = pages.get((k * 5) % pages.size());
            String logTitle = k % 7 == 6 ? null : about.title();
            String params = switch (k % 3) {
                case 0 -> "";
                case 1 -> kind[0].equals("move") ? "Moved 'here' & <there>" : "a:1:{s:4:\"test\";i:1;}";
                default -> null;
            };
            LogItem item = LogItem.builder().id(500L + k)
                    .timestamp(Instant.parse("2012-03-04T05:06:07Z").plusSeconds(7777L * k).toString())
                    .contributor(c).comment(comment).type(kind[0]).action(kind[1]).textDeleted(deletions && k % 6 == 5)
                    .logTitle(logTitle).params(params).build();
            logItems.add(item);

            x.append("  <logitem>\n");
            x.append("    <id>").append(item.id()).append("</id>\n");
            element(4, "timestamp", item.timestamp());
            contributor(4, c);
            comment(4, comment);
            element(4, "type", item.type());
            element(4, "action", item.action());
            if (item.textDeleted()) {
                x.append("    <text deleted=\"deleted\" />\n");
            }
            element(4, "logtitle", logTitle);
            if (params != null) {
                x.append(params.isEmpty() ? "    <params xml:space=\"preserve\" />\n"
                        : "    <params xml:space=\"preserve\">" + content(params) + "</params>\n");
            }
            x.append("  </logitem>\n");
        }

        private void element(int indent, String name, String value) {
            if (value == null) {
                return;
            }
            x.append(" ".repeat(indent));
            if (value.isEmpty()) {
                x.append('<').append(name).append(" />\n");
            } else {
                x.append('<').append(name).append('>').append(content(value)).append("</").append(name).append(">\n");
            }
        }

        /** Element content: {@code & < >} escaped, and {@code "} in content dumps (not in stubs). */
        private String content(String s) {
            String e = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            return o.stubs ? e : e.replace("\"", "&quot;");
        }

        private String attribute(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                    .replace("'", "&#039;");
        }
    }

    /** A file name in a URL, as MediaWiki's {@code rawurlencode} writes it. */
    private static String url(String name) {
        return java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static final Pattern RELEASE = Pattern.compile("^MediaWiki 1\\.(\\d+)");

    /** Whether MediaWiki of this generator wrote {@code xml:space} first on {@code <text>} (1.35 and earlier). */
    private static boolean legacy(String generator) {
        Matcher m = RELEASE.matcher(generator);
        return m.find() && Integer.parseInt(m.group(1)) <= 35;
    }

    @Override
    public String toString() {
        return "schema " + version + (o.stubs ? " stubs" : "") + ", " + pages.size() + " pages";
    }
}
