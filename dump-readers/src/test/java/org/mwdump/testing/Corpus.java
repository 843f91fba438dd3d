package org.mwdump.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared corpus of real dumps and the specs beside it, read in place. Tests that need it skip
 * with a clear message when it is absent (a checkout without the shared directory).
 */
public final class Corpus {
    private Corpus() {
    }

    /** The shared directory (system property {@code mwdump.shared}, else {@code ../shared}). */
    public static Path shared() {
        String prop = System.getProperty("mwdump.shared");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "shared");
        if (!Files.isDirectory(p)) {
            p = Path.of("..", "..", "shared");
        }
        assumeTrue(Files.isDirectory(p.resolve("corpus")), "shared corpus not found at " + p.toAbsolutePath()
                + " (set -Dmwdump.shared)");
        return p.normalize();
    }

    /** A file of the corpus, by its path relative to {@code corpus/}. */
    public static Path file(String relative) {
        Path p = shared().resolve("corpus").resolve(relative);
        assumeTrue(Files.exists(p), "corpus file missing: " + relative);
        return p;
    }

    /** A file under {@code specs/}. */
    public static Path spec(String relative) {
        return shared().resolve("specs").resolve(relative);
    }

    /** The reference output directory {@code corpus/reference}. */
    public static Path reference() {
        return shared().resolve("corpus").resolve("reference");
    }

    /** Every file under {@code corpus/reference} (not recursing into sub-folders) ending with {@code .jsonl}. */
    public static List<Path> referenceFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The corpus dump a reference file was made from: the reference name is the corpus path with
     * {@code /} replaced by {@code __}, plus {@code .revdocs.jsonl} (or {@code .revdocs.partial.jsonl}).
     */
    public static Path dumpOfReference(Path reference) {
        String name = reference.getFileName().toString().replaceFirst("\\.revdocs(\\.partial)?\\.jsonl$", "");
        return shared().resolve("corpus").resolve(name.replace("__", "/"));
    }
}
