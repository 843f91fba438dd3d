package org.mwdump.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.mwdump.DumpException;
import org.mwdump.DumpLocation;

/** Outputs that exist already are replaced only with {@code --force}, as gzip and zstd do. */
final class Existing {
    private Existing() {
    }

    /** Fails, before anything is written, if one of the outputs exists and {@code force} is off. */
    static void refuse(boolean force, Path... outputs) {
        if (force) {
            return;
        }
        for (Path p : outputs) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new DumpException(p + " exists: use --force to replace it",
                        DumpLocation.UNKNOWN);
            }
        }
    }
}
