package org.mwdump.testing;

import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Directories the test's user cannot write to, made by taking away the write permission. */
public final class ReadOnlyDirs {
    private ReadOnlyDirs() {
    }

    /**
     * Makes {@code dir} read-only ({@code r-xr-xr-x}), or skips the test when the file system has no POSIX
     * modes or when the user can write to it anyway (root, or a process with {@code CAP_DAC_OVERRIDE}), where
     * a test of a read-only directory would pass without testing anything. Undo with {@link #makeWritable}.
     */
    public static void makeReadOnly(Path dir) throws IOException {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "file system without POSIX modes");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (Files.isWritable(dir)) {
            makeWritable(dir);
            assumeFalse(true, "a read-only directory is writable for this user (" + System.getProperty("user.name")
                    + "): file permissions are not enforced");
        }
    }

    /** Gives the owner back the write permission, so that the directory can be cleaned up. */
    public static void makeWritable(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
