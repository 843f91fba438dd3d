package org.mwdump.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Directories the test's user cannot write to, made by taking away the write permission, and, for a
 * user whom permissions do not stop (root), by making the directory immutable with {@code chattr +i},
 * which stops root too.
 */
public final class ReadOnlyDirs {
    /**
     * The system property that turns a directory that cannot be made read-only from a skip into a
     * failure. It is not {@link Tools#REQUIRE}: whether root may make a directory immutable depends on
     * the machine (a container without {@code CAP_LINUX_IMMUTABLE}, a file system without the flag), not
     * on a program that can be installed.
     */
    public static final String REQUIRE = "mwdump.requireReadOnlyDirs";

    private static final Set<Path> IMMUTABLE = ConcurrentHashMap.newKeySet();

    private ReadOnlyDirs() {
    }

    /**
     * Makes {@code dir} read-only ({@code r-xr-xr-x}, and immutable if that is not enough), or skips the
     * test when the file system has no POSIX modes (under {@code -Dmwdump.requireTools=true} it fails, see
     * {@link Tools#assume}) or when the directory stays writable anyway, where a test of a read-only
     * directory would pass without testing anything (under {@code -D}{@value #REQUIRE}{@code =true} it
     * fails). Undo with {@link #makeWritable}.
     */
    public static void makeReadOnly(Path dir) throws IOException {
        Tools.assume(Files.getFileStore(dir).supportsFileAttributeView("posix"), "file system without POSIX modes");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (Files.isWritable(dir) && chattr("+i", dir)) {
            IMMUTABLE.add(dir);
        }
        if (Files.isWritable(dir)) {
            makeWritable(dir);
            String reason = "a read-only directory is writable for this user (" + System.getProperty("user.name")
                    + ") and chattr +i could not make it immutable (chattr: Debian package e2fsprogs; root in a "
                    + "container also needs CAP_LINUX_IMMUTABLE): permissions are not enforced";
            // what the machine allows, not a tool that can be installed: its own property, which CI sets
            // when it has checked that a directory can be made read-only there
            if (Boolean.getBoolean(REQUIRE)) {
                org.junit.jupiter.api.Assertions.fail(reason + ", and -D" + REQUIRE + "=true requires it");
            }
            org.junit.jupiter.api.Assumptions.abort(reason + " (with -D" + REQUIRE + "=true this fails)");
        }
    }

    /** Gives the owner back the write permission, so that the directory can be cleaned up. */
    public static void makeWritable(Path dir) throws IOException {
        if (IMMUTABLE.remove(dir)) {
            chattr("-i", dir);
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static boolean chattr(String change, Path dir) {
        try {
            Process p = new ProcessBuilder("chattr", change, dir.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
