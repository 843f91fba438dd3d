package org.mwdump.spi;

import java.nio.file.Path;
import org.mwdump.DumpWriter;
import org.mwdump.ReadOptions;

/**
 * Copies a dump file into a writer on several threads, found through {@link java.util.ServiceLoader}
 * ({@code org.mwdump:indexers} supplies it). {@link org.mwdump.Dumps#convert} uses it when asked for
 * more than one thread.
 */
public interface ParallelCopier {
    /**
     * Writes the site info and every page, entry and log item of {@code in} into {@code out}, in dump
     * order and with the bytes a single-threaded copy gives; {@code finish()} is left to the caller.
     *
     * @param in      the dump file to read
     * @param out     the writer, with nothing written yet
     * @param threads threads to use
     * @param options how to read {@code in}
     * @return the entries (revisions and uploads) and log items copied, as {@link org.mwdump.Dumps#copy} counts them
     */
    long copy(Path in, DumpWriter out, int threads, ReadOptions options);
}
