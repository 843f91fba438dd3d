package org.mwdump.write.revdoc;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
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
import org.mwdump.model.Timestamps;
import org.mwdump.model.Upload;
import org.mwdump.spi.AbstractDumpWriter;

/**
 * Writes revisions as RevDoc JSON lines, byte for byte as mwxml {@code dump2revdocs} does: one
 * {@code json.dumps(revision.to_json())} per revision followed by {@code \n}. Keys follow the
 * {@code __slots__} order of mwtypes, absent values are left out (never {@code null}), strings use
 * Python's ASCII-only escaping, and separators are {@code ", "} and {@code ": "}.
 *
 * <p>mwxml's own behaviour is reproduced where it is surprising, because other tools compare against
 * its output: titles go through {@code replace("_", " ")}; an empty user name is written as
 * {@code "None"} (Python's {@code str(None)}); a slot without role is keyed {@code "None"}; the main slot
 * never carries {@code origin}; text ids are not written; a revision's main slot takes its
 * {@code sha1} and {@code location} from the text element only when the text has a {@code sha1}
 * attribute (schema 0.11), else the revision's {@code <sha1>}. Uploads and log items have no RevDoc
 * form and are skipped (see {@link #skippedEntries()}).
 *
 * <p>Cost: one pass over each string, no per-revision allocation beyond number formatting; output is
 * buffered (64 KiB). Not thread-safe.
 */
final class RevDocWriter extends AbstractDumpWriter {
    private final OutputStream out;
    private final AsciiJsonBuffer json;
    private final RevDocShape shape;
    private SiteInfo siteInfo = SiteInfo.EMPTY;
    private long skipped;
    /** Skipped by runs, which end on other threads. */
    private final java.util.concurrent.atomic.LongAdder runSkipped = new java.util.concurrent.atomic.LongAdder();

    private RevDocWriter(OutputStream out, RevDocShape shape) {
        super("RevDoc");
        this.out = Objects.requireNonNull(out, "out is null");
        this.shape = Objects.requireNonNull(shape, "shape is null");
        this.json = new AsciiJsonBuffer(out, 1 << 16);
    }

    /**
     * A builder for a writer onto {@code out}, which the writer closes when it is finished, aborted or
     * closed. Without settings, the writer writes the current ({@link RevDocShape#SLOTS}) shape.
     *
     * @param out where the JSON lines go
     * @return a new builder
     */
    public static Builder builder(OutputStream out) {
        return new Builder(Objects.requireNonNull(out, "out is null"));
    }

    /** Builder for {@link RevDocWriter}. */
    static final class Builder {
        private final OutputStream out;
        private RevDocShape shape = RevDocShape.SLOTS;

        private Builder(OutputStream out) {
            this.out = out;
        }

        /**
         * Sets the shape of the lines.
         *
         * @param value the shape; default {@link RevDocShape#SLOTS}
         * @return this builder
         */
        public Builder shape(RevDocShape value) {
            this.shape = Objects.requireNonNull(value, "shape is null");
            return this;
        }

        /**
         * Builds the writer.
         *
         * @return the writer
         */
        public RevDocWriter build() {
            return new RevDocWriter(out, shape);
        }
    }

    /** The shape written. */
    public RevDocShape shape() {
        return shape;
    }

    /** Uploads and log items that were skipped because RevDoc cannot hold them. */
    public long skippedEntries() {
        return skipped + runSkipped.sum();
    }

    /** Kept only for its namespaces, which the legacy shape uses to strip title prefixes. */
    @Override
    public void writeSiteInfo(SiteInfo info) {
        this.siteInfo = Objects.requireNonNull(info, "siteInfo is null");
    }

    /** RevDoc has no page records: a page without revisions leaves no trace. */
    @Override
    public void writePage(Page page) {
        Objects.requireNonNull(page, "page is null");
    }

    @Override
    public void write(PageEntry entry) {
        Objects.requireNonNull(entry, "entry is null");
        if (entry instanceof Upload) {
            skipped++;
            return;
        }
        try {
            writeRevision((Revision) entry);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void writeLogItem(LogItem item) {
        Objects.requireNonNull(item, "item is null");
        skipped++;
    }

    /** Writes one revision as one line. */
    public void writeRevision(Revision r) throws IOException {
        Objects.requireNonNull(r, "revision is null");
        AsciiJsonBuffer j = json;
        j.raw("{");
        boolean first = true;
        if (r.id() != null) {
            j.raw("\"id\": ").number(r.id());
            first = false;
        }
        if (r.timestamp() != null) {
            key(j, first, "timestamp").string(Timestamps.canonical(r.timestamp()));
            first = false;
        }
        Contributor c = r.contributor();
        if (c != null && !c.deleted()) {
            key(j, first, "user").raw("{");
            boolean f = true;
            if (c.id() != null) {
                j.raw("\"id\": ").number(c.id());
                f = false;
            }
            String text = c.username() != null ? (c.username().isEmpty() ? "None" : c.username()) : c.ip();
            if (text != null) {
                key(j, f, "text").string(text);
            }
            j.raw("}");
            first = false;
        }
        writePage(j, first, r.page());
        j.raw(", \"minor\": ").bool(r.minor());
        Comment comment = r.comment();
        if (comment != null && !comment.deleted() && !comment.text().isEmpty()) {
            j.raw(", \"comment\": ").string(comment.text());
        }
        if (shape == RevDocShape.SLOTS) {
            writeSlots(j, r);
            if (r.parentId() != null) {
                j.raw(", \"parent_id\": ").number(r.parentId());
            }
        } else {
            Slot main = r.mainSlot();
            Text t = main == null ? null : main.text();
            if (t != null && t.hasNonEmptyContent()) {
                text(j.raw(", \"text\": "), t);
            }
            if (t != null && t.bytes() != null) {
                j.raw(", \"bytes\": ").number(t.bytes());
            }
            if (r.sha1() != null && !r.sha1().isEmpty()) {
                j.raw(", \"sha1\": ").string(r.sha1());
            }
            if (r.parentId() != null) {
                j.raw(", \"parent_id\": ").number(r.parentId());
            }
            if (main != null && main.model() != null) {
                j.raw(", \"model\": ").string(main.model());
            }
            if (main != null && main.format() != null) {
                j.raw(", \"format\": ").string(main.format());
            }
        }
        j.raw(", \"deleted\": {\"text\": ").bool(r.textDeleted())
                .raw(", \"comment\": ").bool(r.commentDeleted())
                .raw(", \"user\": ").bool(r.contributorDeleted())
                .raw("}}\n");
    }

    private void writePage(AsciiJsonBuffer j, boolean first, Page p) throws IOException {
        key(j, first, "page").raw("{");
        boolean f = true;
        if (p.id() != null) {
            j.raw("\"id\": ").number(p.id());
            f = false;
        }
        if (p.title() != null) {
            String title = p.title().replace('_', ' ');
            if (shape == RevDocShape.LEGACY_FLAT) {
                title = stripNamespace(title, p.namespace());
            }
            key(j, f, "title").string(title);
            f = false;
        }
        if (p.namespace() != null) {
            key(j, f, "namespace").number(p.namespace());
            f = false;
        }
        if (p.redirectTarget() != null) {
            key(j, f, "redirect").string(p.redirectTarget());
            f = false;
        }
        key(j, f, "restrictions").raw("[");
        List<String> restrictions = p.restrictions();
        for (int i = 0; i < restrictions.size(); i++) {
            if (i > 0) {
                j.raw(", ");
            }
            j.string(restrictions.get(i));
        }
        j.raw("]}");
    }

    /**
     * mwxml 0.3.3 drops the localized namespace prefix of titles outside the main namespace, using the
     * site info's namespace names; without them (no {@link #writeSiteInfo}) titles are kept whole.
     */
    private String stripNamespace(String title, Integer namespace) {
        if (namespace == null || namespace == 0) {
            return title;
        }
        for (Namespace ns : siteInfo.namespaces()) {
            if (ns.key() == namespace && !ns.name().isEmpty()) {
                String prefix = ns.name().replace('_', ' ') + ":";
                if (title.startsWith(prefix)) {
                    return title.substring(prefix.length());
                }
            }
        }
        // an unknown namespace name: keeping the prefix loses nothing, guessing it could cut a title
        return title;
    }

    private static void writeSlots(AsciiJsonBuffer j, Revision r) throws IOException {
        j.raw(", \"slots\": {");
        String revSha1 = r.sha1() == null || r.sha1().isEmpty() ? null : r.sha1();
        if (revSha1 != null) {
            j.raw("\"sha1\": ").string(revSha1).raw(", ");
        }
        j.raw("\"contents\": {");
        Slot main = r.mainSlot();
        // mwxml decides between the 0.11 and the older main slot by the sha1 attribute of <text>
        boolean newFormat = main != null && main.text() != null && main.text().sha1() != null;
        List<Slot> slots = r.slots();
        boolean firstSlot = true;
        for (Slot s : slots) {
            boolean isMain = s.isMain();
            if (isMain && !newFormat && slots.size() > 1) {
                continue; // mwxml builds an old-style main slot only when there is no <content>
            }
            if (!firstSlot) {
                j.raw(", ");
            }
            firstSlot = false;
            j.string(s.role() == null ? "None" : s.role()).raw(": {");
            boolean f = true;
            if (s.role() != null) {
                j.raw("\"role\": ").string(s.role());
                f = false;
            }
            if (!isMain && s.origin() != null) {
                key(j, f, "origin").number(s.origin());
                f = false;
            }
            if (s.model() != null) {
                key(j, f, "model").string(s.model());
                f = false;
            }
            if (s.format() != null) {
                key(j, f, "format").string(s.format());
                f = false;
            }
            Text t = s.text();
            if (isMain || t != null) {
                key(j, f, "deleted").bool(t != null && t.deleted());
                f = false;
            }
            if (isMain && !newFormat) {
                if (t != null && t.bytes() != null) {
                    key(j, f, "bytes").number(t.bytes());
                    f = false;
                }
                if (revSha1 != null) {
                    key(j, f, "sha1").string(revSha1);
                    f = false;
                }
            } else if (t != null) {
                if (t.location() != null) {
                    key(j, f, "location").string(t.location());
                    f = false;
                }
                if (t.bytes() != null) {
                    key(j, f, "bytes").number(t.bytes());
                    f = false;
                }
                if (t.sha1() != null) {
                    key(j, f, "sha1").string(t.sha1());
                    f = false;
                }
            }
            if (t != null && t.hasNonEmptyContent()) {
                text(key(j, f, "text"), t);
            }
            j.raw("}");
        }
        if (slots.isEmpty()) {
            // a revision without any <text>: mwxml still makes an (empty) main slot
            j.raw("\"main\": {\"role\": \"main\", \"deleted\": false");
            if (revSha1 != null) {
                j.raw(", \"sha1\": ").string(revSha1);
            }
            j.raw("}");
        }
        j.raw("}}");
    }

    private static AsciiJsonBuffer key(AsciiJsonBuffer j, boolean first, String name) throws IOException {
        return j.raw(first ? "\"" : ", \"").raw(name).raw("\": ");
    }

    /**
     * Runs of revisions written on other threads: a run is a {@code RevDocWriter} of the same shape and
     * site info onto the run's buffer, since every line stands alone.
     */
    @Override
    public PageRuns pageRuns() {
        return new PageRuns() {
            @Override
            public PageRunWriter newRun(OutputStream runOut, Page continued) {
                RevDocWriter run = new RevDocWriter(runOut, shape);
                run.siteInfo = siteInfo;
                return PageRunWriter.of(run, leaveLastPageOpen -> {
                    try {
                        run.json.flushBuffer();
                    } catch (IOException e) {
                        throw failure(e);
                    }
                    runSkipped.add(run.skipped);
                });
            }

            @Override
            public void append(byte[] bytes, int offset, int length, Page continued, Page openAtEnd) {
                ensureOpen();
                try {
                    json.flushBuffer();
                    out.write(bytes, offset, length);
                } catch (IOException e) {
                    throw failure(e);
                }
            }
        };
    }

    /** Writes out what is buffered. */
    public void flush() {
        try {
            json.flushBuffer();
            out.flush();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Writes out what is buffered and closes the stream. */
    @Override
    protected void complete() throws IOException {
        json.flushBuffer();
        out.close();
    }

    @Override
    protected void discard() {
        closeQuietly(out);
    }

    /**
     * Writes a text's content in the form the text holds: from its UTF-8 bytes, or from its string (which
     * may hold an unpaired surrogate, written as Python writes it: a lone escape).
     */
    private static void text(AsciiJsonBuffer j, Text t) throws IOException {
        if (t.contentIsUtf8()) {
            j.stringUtf8(t.contentUtf8());
        } else {
            j.string(t.content());
        }
    }
}
