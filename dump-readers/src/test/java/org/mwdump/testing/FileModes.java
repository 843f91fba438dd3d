package org.mwdump.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Checks that files mwdump writes have the mode any new file gets under the process umask. */
public final class FileModes {
    private FileModes() {
    }

    /**
     * Asserts that {@code file} has the mode that a file created with {@link FileOutputStream} in the same
     * directory gets ({@code rw-r--r--} under umask 022), not the {@code rw-------} of a temporary file.
     * Does nothing on a file system without POSIX modes.
     */
    public static void assertOrdinaryMode(Path file) {
        try {
            if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
                return;
            }
            Path probe = Files.createTempDirectory(file.toAbsolutePath().getParent(), ".probe").resolve("probe");
            try {
                new FileOutputStream(probe.toFile()).close();
                assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(probe)),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "mode of " + file);
            } finally {
                Files.deleteIfExists(probe);
                Files.deleteIfExists(probe.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
