package org.mwdump.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared corpus of real dumps and the specs beside it, read in place. Tests that need it are skipped
 * with a one-line reason when it is absent (a checkout without the shared directory; see
 * {@link SkipReport}), or failed with that reason when {@code -Dmwdump.requireTools=true} (CI, which runs
 * beside the shared directory) promises it ({@link Tools#assume}).
 */
public final class Corpus {
    private Corpus() {
    }

    /**
     * The shared directory: the system property {@code mwdump.shared} (which the build sets to
     * {@code ../shared} beside the checkout) when set, else {@code ../shared} or {@code ../../shared} from
     * the working directory. Skips the calling test when it holds no {@code corpus} directory (fails it under
     * {@code -Dmwdump.requireTools=true}).
     */
    public static Path shared() {
        Path p = location();
        Tools.assume(p != null && Files.isDirectory(p.resolve("corpus")), "shared corpus not found at "
                + (p == null ? Path.of("..", "shared").toAbsolutePath().normalize() : p) + " (set -Dmwdump.shared=DIR)");
        return p;
    }

    /** Where the shared directory is, or null if it is nowhere to be found. */
    private static Path location() {
        String prop = System.getProperty("mwdump.shared");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        for (Path p : List.of(Path.of("..", "shared"), Path.of("..", "..", "shared"))) {
            if (Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    /** A file of the corpus, by its path relative to {@code corpus/}. */
    public static Path file(String relative) {
        Path p = shared().resolve("corpus").resolve(relative);
        Tools.assume(Files.exists(p), "corpus file missing: " + relative);
        return p;
    }

    /** A file under {@code specs/}; skips the calling test when it is missing (fails it under the property). */
    public static Path spec(String relative) {
        Path p = shared().resolve("specs").resolve(relative);
        Tools.assume(Files.exists(p), "spec file missing: " + relative);
        return p;
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

    /** Every dump file of the corpus (not the reference outputs, schemas, multistream indexes or notes), sorted. */
    public static List<Path> dumps() {
        Path corpus = shared().resolve("corpus");
        try (Stream<Path> s = Files.walk(corpus, FileVisitOption.FOLLOW_LINKS)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(corpus.resolve("reference")) && !p.startsWith(corpus.resolve("schemas")))
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return !n.contains("index") && !n.endsWith(".md") && !n.endsWith(".txt")
                                && !n.endsWith(".xsd") && !n.endsWith(".json") && !n.endsWith(".py");
                    })
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
