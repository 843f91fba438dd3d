package org.mwdump.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.MalformedDumpException;
import org.mwdump.DumpLocation;
import org.mwdump.model.PageChange;
import org.mwdump.model.Revision;
import org.mwdump.model.Timestamps;

/**
 * The changes to apply, read from adds-changes dumps and change event files and grouped by page id,
 * each page's in the order they happened: event time (a dump's revisions: their timestamps), then
 * revision id, then the order of the files. Held in memory: a day's changes, not a dump.
 */
final class ChangeLog {
    /**
     * One change: a revision from a dump ({@code kind} null: an edit, or the page's creation) or an event.
     *
     * @param time     microseconds since the epoch of the event (or the revision)
     * @param seq      position among all changes read, to keep the files' order among equals
     * @param kind     the event's kind; null for a dump's revision
     * @param revision the revision, with the page as the change saw it
     * @param source   the file it came from, for reports
     * @param eventId  the event's id, or null
     */
    record Change(long time, long seq, PageChange.Kind kind, Revision revision, String source, String eventId) {
        /** How a report names the change. */
        String describe() {
            String what = kind == null ? "revision " + revision.id() : kind.eventName() + " event "
                    + (eventId != null ? eventId : "of revision " + revision.id());
            return what + " (" + source + ") of page " + revision.page().id() + " \"" + revision.page().title() + "\"";
        }
    }

    static final Comparator<Change> ORDER = Comparator.comparingLong(Change::time)
            .thenComparingLong(c -> c.revision().id())
            .thenComparingLong(Change::seq);

    /** Page id to its changes, in order. */
    final TreeMap<Long, List<Change>> byPage = new TreeMap<>();

    static ChangeLog read(List<Path> files) {
        ChangeLog log = new ChangeLog();
        Set<String> events = new HashSet<>();
        long seq = 0;
        for (Path file : files) {
            String source = file.getFileName().toString();
            try (DumpReader reader = Dumps.open(file)) {
                boolean isEvents = reader.format() == DumpFormat.EVENTS;
                for (Revision r : reader.revisions()) {
                    PageChange change = r.change();
                    if (r.page().id() == null || r.id() == null) {
                        throw new MalformedDumpException("a change without page id or revision id",
                                DumpLocation.of(source));
                    }
                    if (isEvents && change != null && change.eventId() != null && !events.add(change.eventId())) {
                        continue; // the same event twice
                    }
                    String when = change != null && change.eventTime() != null ? change.eventTime() : r.timestamp();
                    long time = when == null ? Long.MIN_VALUE : Timestamps.epochMicros(when);
                    log.byPage.computeIfAbsent(r.page().id(), k -> new ArrayList<>())
                            .add(new Change(time, seq++, change == null ? null : change.kind(), r, source,
                                    change == null ? null : change.eventId()));
                }
            }
        }
        for (Map.Entry<Long, List<Change>> e : log.byPage.entrySet()) {
            e.getValue().sort(ORDER);
        }
        return log;
    }
}
