package org.mwdump;

import java.io.OutputStream;
import org.mwdump.model.Page;

/**
 * The part of a {@link DumpWriter} that lets its pages be serialized on other threads and joined in
 * dump order, which is how {@code ParallelDumps} converts on every core. A <em>run</em> is a stretch of
 * consecutive pages (or of one page's revisions) serialized into bytes by a {@link PageRunWriter} on
 * any thread; {@link #append} then adds those bytes to the output as if the writer itself had written
 * those pages. The bytes are the same: a run writer shares the writer's settings and its detected
 * style.
 *
 * <p>A run may start inside a page whose header an earlier run wrote (it <em>continues</em> that page)
 * and may end with its last page left open for the next run; this is how a page with a million
 * revisions is split.
 */
public interface PageRuns {

    /**
     * A writer of one run into {@code out}, for use by one thread at a time. It writes no header or
     * footer.
     *
     * @param out       where the run's bytes go (uncompressed; the writer's compression applies on
     *                  {@link #append})
     * @param continued the page this run continues (its header and earlier revisions were written by
     *                  the previous run, which left it open), or {@code null} when the run starts with
     *                  a page of its own
     * @return a writer for the run
     */
    PageRunWriter newRun(OutputStream out, Page continued);

    /**
     * Appends one run's bytes after everything written so far. Runs must be appended in dump order,
     * on the writer's own thread.
     *
     * @param continued the page the run continues, as given to {@link #newRun}, or {@code null}
     * @param openAtEnd the page the run left open ({@link PageRunWriter#end end(true)}), or {@code null}
     * @param bytes  the run's bytes, as written to the stream given to {@link #newRun}
     * @param offset where they start in {@code bytes}
     * @param length how many there are
     */
    void append(byte[] bytes, int offset, int length, Page continued, Page openAtEnd);
}
