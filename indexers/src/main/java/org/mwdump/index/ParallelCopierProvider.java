package org.mwdump.index;

import java.nio.file.Path;
import org.mwdump.DumpWriter;
import org.mwdump.ReadOptions;
import org.mwdump.spi.ParallelCopier;

/** {@link ParallelDumps#copy} as the service that {@link org.mwdump.Dumps#convert} looks for. */
public final class ParallelCopierProvider implements ParallelCopier {
    /** Called by {@link java.util.ServiceLoader}. */
    public ParallelCopierProvider() {
    }

    @Override
    public long copy(Path in, DumpWriter out, int threads, ReadOptions options) {
        ParallelDumps.CopyStats stats = ParallelDumps.copy(in, out, threads, options, null);
        return stats.entries() + stats.logItems();
    }
}
