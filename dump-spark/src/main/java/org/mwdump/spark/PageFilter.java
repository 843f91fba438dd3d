package org.mwdump.spark;

import java.io.Serializable;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;

/**
 * What a query's filters say about pages: a range of page ids and a set of namespaces. Used to skip
 * streams, frames and pages; the rows are filtered by Spark as well, so this may let more through.
 *
 * @param minId      the smallest page id wanted
 * @param maxId      the largest page id wanted
 * @param namespaces the namespaces wanted, or null for all
 */
record PageFilter(long minId, long maxId, Set<Integer> namespaces) implements Serializable {
    private static final long serialVersionUID = 1L;

    static final PageFilter ALL = new PageFilter(Long.MIN_VALUE, Long.MAX_VALUE, null);

    /** Whether the page ids are narrowed. */
    boolean pageIds() {
        return minId != Long.MIN_VALUE || maxId != Long.MAX_VALUE;
    }

    /** Whether the page ids or the namespaces are narrowed. */
    boolean narrows() {
        return pageIds() || namespaces != null;
    }

    /**
     * The test of index entries: the page id in the range, and the namespace that the title's prefix names
     * in the site info among the wanted ones; a title whose namespace is not known is kept.
     */
    java.util.function.Predicate<org.mwdump.index.IndexEntry> forIndex(org.mwdump.model.SiteInfo site) {
        return e -> {
            if (!wantsPageId(e.pageId())) {
                return false;
            }
            if (namespaces == null) {
                return true;
            }
            java.util.Optional<org.mwdump.model.Namespace> ns = site.namespaceOfTitle(e.title());
            return ns.isEmpty() || namespaces.contains(ns.get().key());
        };
    }

    boolean wantsPageId(long id) {
        return id >= minId && id <= maxId;
    }

    /** Whether a page (its id and namespace, either possibly null) may be wanted. */
    boolean wants(Long id, Integer namespace) {
        return (id == null || wantsPageId(id)) && (namespaces == null || namespace == null
                || namespaces.contains(namespace));
    }

    /** This filter narrowed by one of the query's filters; this same object if it says nothing usable. */
    PageFilter and(Filter f) {
        if (f instanceof EqualTo e && e.attribute().equals("page_id") && e.value() instanceof Number n) {
            return ids(n.longValue(), n.longValue());
        }
        if (f instanceof GreaterThan g && g.attribute().equals("page_id") && g.value() instanceof Number n) {
            return n.longValue() == Long.MAX_VALUE ? ids(1, 0) : ids(n.longValue() + 1, Long.MAX_VALUE);
        }
        if (f instanceof GreaterThanOrEqual g && g.attribute().equals("page_id") && g.value() instanceof Number n) {
            return ids(n.longValue(), Long.MAX_VALUE);
        }
        if (f instanceof LessThan l && l.attribute().equals("page_id") && l.value() instanceof Number n) {
            return n.longValue() == Long.MIN_VALUE ? ids(1, 0) : ids(Long.MIN_VALUE, n.longValue() - 1);
        }
        if (f instanceof LessThanOrEqual l && l.attribute().equals("page_id") && l.value() instanceof Number n) {
            return ids(Long.MIN_VALUE, n.longValue());
        }
        if (f instanceof In in && in.attribute().equals("page_id") && in.values().length > 0) {
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (Object v : in.values()) {
                if (!(v instanceof Number n)) {
                    return this;
                }
                lo = Math.min(lo, n.longValue());
                hi = Math.max(hi, n.longValue());
            }
            return ids(lo, hi);
        }
        if (f instanceof EqualTo e && e.attribute().equals("page_namespace_id") && e.value() instanceof Number n) {
            return namespaces(Set.of(n.intValue()));
        }
        if (f instanceof In in && in.attribute().equals("page_namespace_id")) {
            Set<Integer> set = new TreeSet<>();
            for (Object v : in.values()) {
                if (!(v instanceof Number n)) {
                    return this;
                }
                set.add(n.intValue());
            }
            return namespaces(set);
        }
        return this;
    }

    private PageFilter ids(long lo, long hi) {
        return new PageFilter(Math.max(minId, lo), Math.min(maxId, hi), namespaces);
    }

    private PageFilter namespaces(Set<Integer> set) {
        Set<Integer> both = new TreeSet<>(set);
        if (namespaces != null) {
            both.retainAll(namespaces);
        }
        return new PageFilter(minId, maxId, both);
    }

    @Override
    public String toString() {
        return (pageIds() ? "page_id " + minId + ".." + maxId : "") + (namespaces == null ? ""
                : (pageIds() ? ", " : "") + "namespaces " + namespaces);
    }
}
