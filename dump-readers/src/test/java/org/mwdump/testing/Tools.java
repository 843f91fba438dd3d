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
 * {@value #REQUIRE} is {@code true}, as in CI, which installs them: then it fails.
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
            default -> program;
        };
    }
}
