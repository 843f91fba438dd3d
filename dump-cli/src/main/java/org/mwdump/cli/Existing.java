package org.mwdump.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.mwdump.DumpException;
import org.mwdump.DumpLocation;
import org.mwdump.spi.OutputFiles;

/**
 * Outputs that exist already are replaced only with {@code --force}, as gzip and zstd do. A device or
 * named pipe ({@code /dev/null}, a FIFO) is never replaced: {@code convert} writes into it, the commands
 * that write a dump with its index refuse it.
 */
final class Existing {
    private Existing() {
    }

    /**
     * Fails, before anything is written, if one of the outputs exists and {@code force} is off, or is a
     * device or named pipe (these outputs are files renamed into place).
     */
    static void refuse(boolean force, Path... outputs) {
        for (Path p : outputs) {
            if (OutputFiles.isSpecial(p)) {
                throw new DumpException(p + " is not a regular file: the output must be a file",
                        DumpLocation.UNKNOWN);
            }
        }
        refuseExisting(force, outputs);
    }

    /** Like {@link #refuse}, for an output that may also be a device or named pipe, which is written into. */
    static void refuseUnlessSpecial(boolean force, Path output) {
        if (!OutputFiles.isSpecial(output)) {
            refuseExisting(force, output);
        }
    }

    private static void refuseExisting(boolean force, Path... outputs) {
        for (Path p : outputs) {
            if (Files.isDirectory(p)) {
                throw new DumpException(p + " is a directory: name the output file", DumpLocation.UNKNOWN);
            }
        }
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
