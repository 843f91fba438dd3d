package org.mwdump;

import java.util.List;

/**
 * What {@link Dumps#apply} did.
 *
 * @param pagesCreated        pages that the base lacked and the changes created (or restored)
 * @param pagesChanged        pages of the base that changed in any way
 * @param pagesMoved          pages whose title or namespace changed
 * @param pagesDeleted        pages removed
 * @param revisionsAdded      revisions added
 * @param revisionsSkipped    revisions already present (in the base, or twice in the changes), and the
 *                            other changes the base has already: deletions of pages it lacks, visibility
 *                            changes to what it shows and hides already
 * @param revisionsSuppressed revisions whose text, comment or editor became hidden
 * @param notApplied          one line for each change that could not be applied: its event id (or
 *                            revision), page and why
 * @param chunksCopied        streams or frames copied byte for byte (random-access layouts; else 0)
 * @param chunksRewritten     streams or frames decoded, changed and compressed again
 * @param bytesDecoded        bytes of XML decoded from the base in a random-access layout (-1 after one
 *                            streaming pass: all of it)
 */
public record ApplyResult(long pagesCreated, long pagesChanged, long pagesMoved, long pagesDeleted, long revisionsAdded,
                          long revisionsSkipped, long revisionsSuppressed, List<String> notApplied, long chunksCopied,
                          long chunksRewritten, long bytesDecoded) {
    /**
     * Copies the list.
     *
     * @param pagesCreated        pages created
     * @param pagesChanged        pages changed
     * @param pagesMoved          pages moved
     * @param pagesDeleted        pages deleted
     * @param revisionsAdded      revisions added
     * @param revisionsSkipped    revisions (and other changes) already present
     * @param revisionsSuppressed revisions suppressed
     * @param notApplied          the changes not applied
     * @param chunksCopied        streams or frames copied
     * @param chunksRewritten     streams or frames rewritten
     * @param bytesDecoded        bytes of XML decoded
     */
    public ApplyResult {
        notApplied = List.copyOf(notApplied);
    }

    /** @return the summary as {@code mwdump apply} prints it, one line */
    public String summary() {
        return "pages: " + pagesCreated + " created, " + pagesChanged + " changed, " + pagesMoved + " moved, "
                + pagesDeleted + " deleted; revisions: " + revisionsAdded + " added, " + revisionsSkipped
                + " skipped, " + revisionsSuppressed + " suppressed; not applied: " + notApplied.size();
    }
}
