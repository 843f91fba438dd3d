package org.mwdump.index;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.mwdump.model.Comment;
import org.mwdump.model.Contributor;
import org.mwdump.model.Page;
import org.mwdump.model.PageChange;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.Slot;
import org.mwdump.model.Text;

/**
 * One page's changes worked out against the page as the base has it (or does not): the page it becomes
 * (or none), then its revisions, streamed from the base's with the new ones merged in by revision id.
 * Nothing of the base page is held in memory but in a current-revision dump (one revision a page).
 */
final class PageUpdate {
    private final Page base;
    private final boolean current;
    private final Report report;
    /** The page after the changes; null when deleted or never created. */
    private Page page;
    private boolean exists;
    private boolean deleted;
    /** Revisions added and suppressed on this page, to tell whether it changed. */
    private long addedHere;
    private long suppressedHere;
    private final TreeMap<Long, Revision> added = new TreeMap<>();
    /** Revisions the changes give without content: skipped when the dump has them, else not applied. */
    private final Map<Long, ChangeLog.Change> bare = new TreeMap<>();
    /** Revision id to the revision as a visibility change left it (its flags are the new visibility). */
    private final Map<Long, Revision> visibility = new TreeMap<>();
    private final Map<Long, ChangeLog.Change> visibilitySource = new TreeMap<>();

    /** The counts and reports of a page, a stream or a whole run; {@link #add} merges one into another. */
    static final class Report {
        long created;
        long changed;
        long moved;
        long deleted;
        long added;
        long skipped;
        long suppressed;
        final List<String> notApplied = new ArrayList<>();

        synchronized void add(PageUpdate.Report r) {
            created += r.created;
            changed += r.changed;
            moved += r.moved;
            deleted += r.deleted;
            added += r.added;
            skipped += r.skipped;
            suppressed += r.suppressed;
            notApplied.addAll(r.notApplied);
        }
    }

    PageUpdate(Page base, List<ChangeLog.Change> changes, boolean current, Report report) {
        this.base = base;
        this.current = current;
        this.report = report;
        this.page = base;
        this.exists = base != null;
        // the deletion that ends the page (none when a creation or undeletion follows the last one): what
        // comes before it is undone by it, so a change before it that finds no page is not missed, it is done
        // (applying the changes again, the base lacks the page the first time left out)
        int finalDelete = -1;
        for (int i = 0; i < changes.size(); i++) {
            PageChange.Kind kind = changes.get(i).kind();
            if (kind == PageChange.Kind.DELETE) {
                finalDelete = i;
            } else if (kind == PageChange.Kind.CREATE || kind == PageChange.Kind.UNDELETE) {
                finalDelete = -1;
            }
        }
        for (int i = 0; i < changes.size(); i++) {
            apply(changes.get(i), i < finalDelete, finalDelete >= 0 && i > finalDelete);
        }
        if (deleted) {
            // deleted by these changes: what they gave the page before is gone with it, as it is when they
            // are applied again to a base without the page
            page = null;
            report.skipped += added.size() + bare.size() + visibility.size();
            added.clear();
            bare.clear();
            visibility.clear();
        } else if (!exists) {
            page = null;
        }
        if (base == null && page != null) {
            report.created++;
        } else if (base != null && page == null) {
            report.deleted++;
        } else if (base != null && (!Objects.equals(base.title(), page.title())
                || !Objects.equals(base.namespace(), page.namespace()))) {
            report.moved++;
        }
    }

    /** The page as it is after the changes, or null when it is gone (deleted, or never created). */
    Page page() {
        return page;
    }

    /**
     * Applies one change. {@code undone}: a deletion of the page later in these changes undoes it, so if
     * it finds no page to apply to, it is skipped (done already) rather than reported. {@code afterDeletion}:
     * it comes after the deletion that ends the page.
     */
    private void apply(ChangeLog.Change c, boolean undone, boolean afterDeletion) {
        Revision r = c.revision();
        PageChange.Kind kind = c.kind();
        if (kind == null) {
            // a dump's revision: it creates the page when it has no parent and the page is not there
            kind = !exists && r.parentId() == null ? PageChange.Kind.CREATE : PageChange.Kind.EDIT;
        }
        boolean live = exists && !deleted;
        switch (kind) {
            case CREATE, UNDELETE -> {
                if (!live && !deleted && !hasContent(r)) {
                    if (undone) {
                        report.skipped++;
                    } else {
                        notApplied(c, kind == PageChange.Kind.UNDELETE ? "an undeletion without content"
                                : "a page creation without content");
                    }
                    return;
                }
                exists = true;
                deleted = false;
                take(c);
                add(c);
            }
            case EDIT, MOVE -> {
                if (!live) {
                    if (undone) {
                        report.skipped++;
                    } else {
                        notApplied(c, deleted ? "a change to a deleted page" : "a change to a page the dump lacks"
                                + " and no change creates");
                    }
                    return;
                }
                // an edit whose revision cannot be added changes nothing; a move renames all the same
                if (add(c) || kind == PageChange.Kind.MOVE) {
                    take(c);
                }
            }
            case DELETE -> {
                if (!live) {
                    // the page is gone already (a page is its id: a title can be taken again by a new page)
                    report.skipped++;
                    return;
                }
                deleted = true;
            }
            case VISIBILITY_CHANGE -> {
                if (!exists) {
                    if (undone) {
                        report.skipped++;
                    } else {
                        notApplied(c, "a visibility change on a page the dump lacks");
                    }
                    return;
                }
                if (deleted && afterDeletion) {
                    notApplied(c, "a visibility change on a deleted page");
                    return;
                }
                visibility.put(r.id(), r);
                visibilitySource.put(r.id(), c);
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    /** The page as the change saw it: title, namespace and redirect; a dump's changes also bring restrictions. */
    private void take(ChangeLog.Change c) {
        Page seen = c.revision().page();
        Page before = page != null ? page : base;
        List<String> restrictions = c.kind() == null || before == null ? seen.restrictions() : before.restrictions();
        page = new Page(base != null ? base.id() : seen.id(), seen.namespace(), seen.title(), seen.redirect(),
                seen.redirectTarget(), restrictions);
    }

    /**
     * Adds the change's revision; false when it carries no content: then it is skipped when the page has
     * it already (in the base, or from another change), and reported otherwise.
     */
    private boolean add(ChangeLog.Change c) {
        Revision r = c.revision();
        if (!hasContent(r)) {
            bare.putIfAbsent(r.id(), c);
            return false;
        }
        if (added.containsKey(r.id())) {
            report.skipped++;
        } else {
            added.put(r.id(), r);
        }
        return true;
    }

    /** Whether every slot's text is there (or hidden), so that a dump can hold the revision. */
    private static boolean hasContent(Revision r) {
        for (Slot s : r.slots()) {
            Text t = s.text();
            if (t == null || !t.hasContent() && !t.deleted()) {
                return false;
            }
        }
        return !r.slots().isEmpty();
    }

    private void notApplied(ChangeLog.Change c, String why) {
        report.notApplied.add(c.describe() + ": " + why);
    }

    /**
     * Writes the page's revisions after the changes, in revision id order: the base's (from
     * {@code baseEntries}, in their order) with the new ones merged in, visibility changes applied.
     * Uploads of the base pass through. Call only when {@link #page()} is not null.
     */
    void revisions(Iterator<PageEntry> baseEntries, Consumer<PageEntry> out) {
        Iterator<Map.Entry<Long, Revision>> news = added.entrySet().iterator();
        Map.Entry<Long, Revision> next = news.hasNext() ? news.next() : null;
        Revision latest = null;
        boolean latestIsNew = false;
        while (baseEntries.hasNext()) {
            PageEntry e = baseEntries.next();
            if (!(e instanceof Revision r)) {
                out.accept(e);
                continue;
            }
            long id = r.id() == null ? Long.MIN_VALUE : r.id();
            while (next != null && next.getKey() < id) {
                Revision n = emit(fresh(next.getValue()), out);
                if (current && newer(n, latest)) {
                    latest = n;
                    latestIsNew = true;
                }
                next = news.hasNext() ? news.next() : null;
            }
            if (next != null && next.getKey() == id) {
                report.skipped++; // already in the dump
                next = news.hasNext() ? news.next() : null;
            }
            if (bare.remove(id) != null) {
                report.skipped++; // given without content, and already in the dump
            }
            Revision b = emit(r.page() == page ? r : r.withPage(page), out);
            if (current && newer(b, latest)) {
                latest = b;
                latestIsNew = false;
            }
        }
        while (next != null) {
            Revision n = emit(fresh(next.getValue()), out);
            if (current && newer(n, latest)) {
                latest = n;
                latestIsNew = true;
            }
            next = news.hasNext() ? news.next() : null;
        }
        if (current && latest != null) {
            out.accept(latest);
            addedHere += latestIsNew ? 1 : 0;
        }
        for (ChangeLog.Change c : bare.values()) {
            if (added.containsKey(c.revision().id())) {
                report.skipped++; // another change gave its content
            } else {
                notApplied(c, "revision " + c.revision().id() + " carries no content");
            }
        }
        bare.clear();
        // (a current-revision dump holds the newest revision only: older ones are not there to hide)
        if (!current) {
            for (Long id : visibility.keySet()) {
                notApplied(visibilitySource.get(id), "revision " + id + " is not in the dump");
            }
        }
        report.added += addedHere;
        if (base != null && (addedHere > 0 || suppressedHere > 0 || !page.equals(base))) {
            report.changed++;
        }
    }

    private static boolean newer(Revision r, Revision than) {
        return than == null || r.id() != null && than.id() != null && r.id() > than.id();
    }

    /** A new revision as the dump holds it: on the page as it now is, without the event's account. */
    private Revision fresh(Revision r) {
        if (!current) {
            addedHere++;
        }
        return r.toBuilder().page(page).change(null).build();
    }

    /** Applies a visibility change to the revision, and writes it unless the dump holds only the newest one. */
    private Revision emit(Revision r, Consumer<PageEntry> out) {
        Revision v = visibility.remove(r.id());
        if (v != null) {
            r = withVisibility(r, v, visibilitySource.get(r.id()));
        }
        if (!current) {
            out.accept(r);
        }
        return r;
    }

    /** The revision with the visibility a change gave it: hidden parts dropped, shown ones restored from the change. */
    private Revision withVisibility(Revision r, Revision wanted, ChangeLog.Change c) {
        int reported = report.notApplied.size();
        boolean hidden = false;
        boolean restored = false;
        Revision.Builder b = r.toBuilder();
        if (wanted.contributorDeleted() && !r.contributorDeleted()) {
            b.contributor(Contributor.DELETED);
            hidden = true;
        } else if (!wanted.contributorDeleted() && r.contributorDeleted()) {
            if (wanted.contributor() == null) {
                notApplied(c, "the editor of revision " + r.id() + " is hidden in the dump and the change does not"
                        + " give it");
            } else {
                b.contributor(wanted.contributor());
                restored = true;
            }
        }
        if (wanted.commentDeleted() && !r.commentDeleted()) {
            b.comment(Comment.DELETED);
            hidden = true;
        } else if (!wanted.commentDeleted() && r.commentDeleted()) {
            b.comment(wanted.comment()); // an event gives the comment it shows (none: an empty one)
            restored = true;
        }
        boolean textHidden = wanted.textDeleted();
        List<Slot> slots = new ArrayList<>(r.slots().size());
        boolean textChanged = false;
        for (Slot s : r.slots()) {
            Text t = s.text();
            if (t == null) {
                slots.add(s);
            } else if (textHidden && !t.deleted()) {
                // as dumps write hidden text: its size and sha1 stay, its content goes, the revision's sha1 is empty
                slots.add(s.toBuilder().text(t.toBuilder().content(null).deleted(true).build()).build());
                textChanged = true;
            } else if (!textHidden && t.deleted()) {
                Slot shown = wanted.slot(s.role());
                if (shown == null || shown.text() == null || !shown.text().hasContent()) {
                    notApplied(c, "the text of revision " + r.id() + " is hidden in the dump and the change does not"
                            + " give it");
                    slots.add(s);
                } else {
                    slots.add(shown);
                    textChanged = true;
                }
            } else {
                slots.add(s);
            }
        }
        if (textChanged) {
            b.slots(slots);
            b.sha1(textHidden ? "" : wanted.sha1());
            hidden |= textHidden;
        }
        restored |= textChanged && !textHidden;
        if (hidden) {
            report.suppressed++;
            suppressedHere++;
        } else if (!restored && report.notApplied.size() == reported) {
            report.skipped++; // the dump shows and hides what the change says already
        }
        return b.build();
    }
}
