package org.mwdump.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * What a test that lacks the corpus or another need of the machine does: skipped with a one-line reason,
 * or, under {@code -Dmwdump.requireTools=true} (CI), failed with the same reason.
 */
class ToolsTest {

    /** Runs {@code body} with the two system properties set as given ({@code null}: unset), then restores them. */
    private static void with(String shared, String require, Runnable body) {
        String savedShared = System.getProperty("mwdump.shared");
        String savedRequire = System.getProperty(Tools.REQUIRE);
        set("mwdump.shared", shared);
        set(Tools.REQUIRE, require);
        try {
            body.run();
        } finally {
            set("mwdump.shared", savedShared);
            set(Tools.REQUIRE, savedRequire);
        }
    }

    private static void set(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    @Test
    void aMissingCorpusIsASkipOrUnderThePropertyAFailure(@TempDir Path dir) {
        String reason = "shared corpus not found at " + dir + " (set -Dmwdump.shared=DIR)";
        with(dir.toString(), null, () -> assertEquals(reason + " (with -Dmwdump.requireTools=true this fails)",
                assertThrows(TestAbortedException.class, Corpus::shared).getMessage()));
        with(dir.toString(), "true", () -> {
            assertEquals(reason + ", and -Dmwdump.requireTools=true requires it",
                    assertThrows(AssertionFailedError.class, Corpus::shared).getMessage());
            assertThrows(AssertionFailedError.class, () -> Corpus.file("small/dump.xml.bz2"));
        });
    }

    @Test
    void aMissingCorpusFileIsASkipOrUnderThePropertyAFailure(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("corpus"));
        Files.createDirectories(dir.resolve("specs"));
        with(dir.toString(), "false", () -> {
            assertThrows(TestAbortedException.class, () -> Corpus.file("none.xml"));
            assertThrows(TestAbortedException.class, () -> Corpus.spec("none.xml"));
        });
        with(dir.toString(), "true", () -> {
            assertEquals("corpus file missing: none.xml, and -Dmwdump.requireTools=true requires it",
                    assertThrows(AssertionFailedError.class, () -> Corpus.file("none.xml")).getMessage());
            assertEquals("spec file missing: none.xml, and -Dmwdump.requireTools=true requires it",
                    assertThrows(AssertionFailedError.class, () -> Corpus.spec("none.xml")).getMessage());
        });
    }

    @Test
    void otherNeedsAndProgramsAlike() {
        with(null, null, () -> {
            Tools.assume(true, "never said");
            assertThrows(TestAbortedException.class, () -> Tools.assume(false, "no named pipes here"));
            assertThrows(TestAbortedException.class, () -> Tools.require("no-such-program-of-mwdump"));
        });
        with(null, "true", () -> {
            assertEquals("no named pipes here, and -Dmwdump.requireTools=true requires it",
                    assertThrows(AssertionFailedError.class, () -> Tools.assume(false, "no named pipes here"))
                            .getMessage());
            assertThrows(AssertionFailedError.class, () -> Tools.require("no-such-program-of-mwdump"));
        });
    }
}
