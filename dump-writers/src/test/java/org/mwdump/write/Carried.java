package org.mwdump.write;

import java.util.ArrayList;
import java.util.List;
import org.mwdump.model.Comment;
import org.mwdump.model.Page;
import org.mwdump.model.Revision;
import org.mwdump.model.Slot;
import org.mwdump.model.Text;

/**
 * What each output format keeps of a revision, as its writer documents it: the model a revision must
 * read back to after being written in that format. Applied to the model a test dump was made from, never
 * to what the code under test produced.
 */
public final class Carried {
    private Carried() {
    }

    /**
     * XML of the given schema version: everything in 0.11; schema 0.10 cannot hold {@code <origin>}, slots
     * other than the main one, or the {@code sha1} and {@code location} attributes of {@code <text>}.
     */
    public static Revision xml(Revision r, String schemaVersion) {
        if (schemaVersion.equals("0.11")) {
            return r;
        }
        Slot main = r.mainSlot();
        List<Slot> slots = new ArrayList<>();
        if (main != null) {
            Text t = main.text();
            slots.add(main.toBuilder().origin(null)
                    .text(t == null ? null : t.toBuilder().sha1(null).location(null).build()).build());
        }
        return r.withSlots(slots);
    }

    /**
     * RevDoc (the slots shape of mwxml): the page's redirect only through its target; no empty comment;
     * the main slot without {@code origin} and text ids; when the main text has no {@code sha1} attribute
     * (before schema 0.11) the main slot takes the revision's {@code <sha1>} and no location, and with
     * further slots such a main slot is left out; an empty revision {@code <sha1/>} like an absent one;
     * empty text like none. Uploads and log items are not carried at all.
     */
    public static Revision revDoc(Revision r) {
        String revSha1 = r.sha1() == null || r.sha1().isEmpty() ? null : r.sha1();
        Slot main = r.mainSlot();
        boolean newFormat = main != null && main.text() != null && main.text().sha1() != null;
        List<Slot> slots = new ArrayList<>();
        for (Slot s : r.slots()) {
            Text t = s.text();
            if (s.isMain() && !newFormat) {
                if (r.slots().size() > 1) {
                    continue;
                }
                slots.add(s.toBuilder().origin(null).text(Text.builder().content(content(t))
                        .bytes(t == null ? null : t.bytes()).sha1(revSha1).deleted(t != null && t.deleted()).build())
                        .build());
            } else {
                slots.add(s.toBuilder().origin(s.isMain() ? null : s.origin())
                        .text(t == null ? null : t.toBuilder().content(content(t)).textId(null).build()).build());
            }
        }
        return r.toBuilder().page(page(r.page())).comment(comment(r.comment())).slots(slots).sha1(revSha1).build();
    }

    /**
     * RevDoc in mwxml 0.3.3's flat shape: the main slot's text, bytes, model and format only, the revision's
     * {@code <sha1>} when not empty, and the rest as in {@link #revDoc}. Titles keep their namespace prefix
     * when the reader is given the site info.
     */
    public static Revision legacyRevDoc(Revision r) {
        Slot main = r.mainSlot();
        Text t = main == null ? null : main.text();
        String content = content(t);
        Long bytes = t == null ? null : t.bytes();
        String model = main == null ? null : main.model();
        String format = main == null ? null : main.format();
        String revSha1 = r.sha1() == null || r.sha1().isEmpty() ? null : r.sha1();
        List<Slot> slots = content != null || bytes != null || model != null || format != null || r.textDeleted()
                || revSha1 != null
                ? List.of(Slot.builder().model(model).format(format)
                        .text(Text.builder().content(content).bytes(bytes).deleted(r.textDeleted()).build()).build())
                : List.of();
        return r.toBuilder().page(page(r.page())).comment(comment(r.comment())).slots(slots).sha1(revSha1).build();
    }

    private static String content(Text t) {
        return t == null || t.content() == null || t.content().isEmpty() ? null : t.content();
    }

    private static Page page(Page p) {
        return p.redirect() && p.redirectTarget() == null
                ? p.toBuilder().redirect(false).build() : p;
    }

    private static Comment comment(Comment c) {
        return c != null && !c.deleted() && c.text().isEmpty() ? null : c;
    }
}
