package org.mwdump.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * The external programs some tests compare against or read their output with ({@code bzip2}, {@code lbzip2},
 * {@code pbzip2}, {@code zstd}, {@code 7z}, …), found on {@code PATH}. A test that needs one that is missing
 * is skipped with a one-line reason (see {@link SkipReport}), unless the system property
 * {@value #REQUIRE} is {@code true}, as in CI, which installs them: then it fails. The same property makes
 * the other needs of tests ({@link #assume}: the shared corpus, named pipes) failures rather than skips
 * (read-only directories have a property of their own, {@link ReadOnlyDirs#REQUIRE}).
 */
public final class Tools {
    /** The system property that turns a missing tool from a skip into a failure. */
    public static final String REQUIRE = "mwdump.requireTools";

    private static final Map<String, Boolean> FOUND = new ConcurrentHashMap<>();

    private Tools() {
    }

    /** Skips the calling test (or fails it, when {@value #REQUIRE} is true) unless every program is on PATH. */
    public static void require(String... programs) {
        for (String program : programs) {
            if (!onPath(program)) {
                String reason = program + " is not on PATH";
                if (Boolean.getBoolean(REQUIRE)) {
                    fail(reason + ", and -D" + REQUIRE + "=true requires it (Debian: apt-get install "
                            + debianPackage(program) + ")");
                }
                Assumptions.abort(reason + " (with -D" + REQUIRE + "=true this fails)");
            }
        }
    }

    /**
     * Skips the calling test with {@code reason} unless {@code condition} holds, or fails it with the same
     * reason when {@value #REQUIRE} is true: for what a test needs besides a program (the shared corpus, a
     * directory that permissions can make read-only, a named pipe), so that a run that promises every
     * tool and the corpus cannot pass by skipping what it was to test.
     *
     * @param condition whether the test has what it needs
     * @param reason    what is missing, in one line
     */
    public static void assume(boolean condition, String reason) {
        if (condition) {
            return;
        }
        if (Boolean.getBoolean(REQUIRE)) {
            fail(reason + ", and -D" + REQUIRE + "=true requires it");
        }
        Assumptions.abort(reason + " (with -D" + REQUIRE + "=true this fails)");
    }

    /** Whether an executable of this name is in a directory of PATH. */
    public static boolean onPath(String program) {
        return FOUND.computeIfAbsent(program, p -> {
            String path = System.getenv("PATH");
            if (path == null) {
                return false;
            }
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, p))) {
                    return true;
                }
            }
            return false;
        });
    }

    private static String debianPackage(String program) {
        return switch (program) {
            case "xz" -> "xz-utils";
            case "7z", "7za" -> "p7zip-full";
            case "chattr" -> "e2fsprogs";
            case "script" -> "bsdutils";
            case "mkfifo" -> "coreutils";
            default -> program;
        };
    }
}
