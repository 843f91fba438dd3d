package org.mwdump.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.index.IndexedDump;
import org.mwdump.index.IndexedPage;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.SiteInfo;
import org.mwdump.write.layout.Recompressor;
import org.mwdump.write.layout.Recompressor.Layout;

/**
 * One {@link IndexedDump} shared by 8 threads answers 100,000 random lookups (by id, by title, and
 * misses of both) exactly as a sequential read of the dump and a single thread do. The dump is seekable
 * zstd with 300 frames of two pages each, so that almost every lookup misses the cache of recent chunks
 * and the threads decode and parse concurrently (zstd rather than bz2 keeps the run short).
 */
class SharedIndexedDumpTest {
    static final int PAGES = 600;
    static final int LOOKUPS = 100_000;
    static final int THREADS = 8;

    record Query(int kind, long id, String title) {
    }

    @Test
    void eightThreadsAnswerLikeOne(@TempDir Path dir) throws Exception {
        Path dump = dir.resolve("shared.xml.zst");
        Path index = dir.resolve("shared-index.txt.bz2");
        new Recompressor(Layout.SEEKABLE_ZSTD, 2, 2).recompress(new ByteArrayInputStream(BadInputs.xmlDump(PAGES)),
                dump, index);
        Map<Long, IndexedPage> truth = new LinkedHashMap<>();
        Map<String, IndexedPage> byTitle = new LinkedHashMap<>();
        try (DumpReader r = Dumps.open(dump)) {
            SiteInfo site = r.siteInfo();
            for (Page p = r.nextPage(); p != null; p = r.nextPage()) {
                List<PageEntry> entries = new ArrayList<>();
                for (PageEntry e = r.nextEntry(); e != null; e = r.nextEntry()) {
                    entries.add(e);
                }
                IndexedPage page = new IndexedPage(site, p, entries);
                truth.put(p.id(), page);
                byTitle.put(p.title(), page);
            }
        }
        assertEquals(PAGES, truth.size());
        List<IndexedPage> pages = new ArrayList<>(truth.values());
        Random random = new Random(20240601);
        List<Query> queries = new ArrayList<>(LOOKUPS);
        for (int i = 0; i < LOOKUPS; i++) {
            int kind = random.nextInt(10);
            IndexedPage p = pages.get(random.nextInt(pages.size()));
            queries.add(switch (kind) {
                case 0 -> new Query(0, PAGES + 1 + random.nextInt(1000), null);      // id miss
                case 1 -> new Query(1, 0, p.page().title() + " (missing)");          // title miss
                default -> kind % 2 == 0 ? new Query(0, p.page().id(), null) : new Query(1, 0, p.page().title());
            });
        }
        Path pageIndex = dir.resolve("shared.mwpidx");
        try (IndexedDump shared = IndexedDump.open(dump, index, pageIndex)) {
            @SuppressWarnings("unchecked")
            Optional<IndexedPage>[] answers = new Optional[LOOKUPS];
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                ExecutorService pool = Executors.newFixedThreadPool(THREADS);
                try {
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<?>> futures = new ArrayList<>();
                    for (int t = 0; t < THREADS; t++) {
                        int first = t;
                        futures.add(pool.submit(() -> {
                            start.await();
                            for (int i = first; i < LOOKUPS; i += THREADS) {
                                answers[i] = answer(shared, queries.get(i));
                            }
                            return null;
                        }));
                    }
                    start.countDown();
                    for (Future<?> f : futures) {
                        f.get();
                    }
                } finally {
                    pool.shutdownNow();
                }
            });
            for (int i = 0; i < LOOKUPS; i++) {
                Query q = queries.get(i);
                Optional<IndexedPage> expected = Optional.ofNullable(q.kind() == 0 ? truth.get(q.id()) : byTitle.get(q.title()));
                assertEquals(expected, answers[i], "lookup " + i + ": " + q);
            }
            // and one thread on a fresh instance gives the same answers
            try (IndexedDump single = IndexedDump.open(dump, index, pageIndex)) {
                for (int i = 0; i < LOOKUPS; i += 20) {
                    assertEquals(answers[i], answer(single, queries.get(i)), "single thread, lookup " + i);
                }
            }
        }
    }

    static Optional<IndexedPage> answer(IndexedDump d, Query q) {
        return q.kind() == 0 ? d.byId(q.id()) : d.byTitle(q.title());
    }
}
