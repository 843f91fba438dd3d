package org.mwdump.spi;

import java.nio.file.Path;
import java.util.List;
import org.mwdump.ApplyOptions;
import org.mwdump.ApplyResult;

/** Applies changes to a dump: the service behind {@link org.mwdump.Dumps#apply}, in {@code indexers}. */
public interface ChangeApplier {
    /**
     * Writes {@code out}: {@code base} with {@code changes} applied.
     *
     * @param base    the dump to update (never modified)
     * @param changes adds-changes dumps and change event files
     * @param out     the file to create (appears only when complete)
     * @param options how
     * @return what was done
     */
    ApplyResult apply(Path base, List<Path> changes, Path out, ApplyOptions options);
}
