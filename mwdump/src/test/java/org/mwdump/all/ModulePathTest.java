package org.mwdump.all;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's program on the module path, in a child JVM: it {@code requires org.mwdump.all} and nothing
 * else, and finds the XML and RevDoc readers and writers, the codecs, random access and the layout codec
 * that {@code apply} takes from the writers through the modules' {@code provides} and {@code uses}. The
 * module path is made of the modules this test itself runs with (jars
 * after {@code package}, {@code target/classes} directories before), so it tests the reactor's own
 * modules; Parquet, which cannot be on the module path (Parquet's jars split packages), is on the
 * class path beside it.
 */
class ModulePathTest {
    static final Path SAMPLE = Path.of(System.getProperty("basedir", "."))
            .resolve("../samples/src/main/resources/org/mwdump/samples/sample-dump.xml.bz2");

    @TempDir
    Path tmp;

    @Test
    void programOnTheModulePathReadsWritesAndLooksUp() throws Exception {
        Paths paths = paths();
        Path classes = compileProgram(paths.modulePath);

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", join(paths.modulePath) + File.pathSeparator + classes,
                "--class-path", join(paths.classPath),
                "--module", "example.app/example.ModulePathProgram",
                SAMPLE.toString(), tmp.resolve("work").toString(), "parquet"));
        // stderr apart: Parquet's SLF4J 1.7 says on stderr that it has no binding here
        Path stderr = tmp.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "child JVM did not end");
        assertEquals(0, p.exitValue(), () -> "child JVM failed:\n" + out + readString(stderr));

        assertEquals(String.join("\n",
                "module: example.app",
                "read xml: 40 pages, 59 revisions",
                "read revdoc: 59 revisions",
                "bzip2 decoded: true",
                "lookup: true",
                "apply: 1 revision added, 1 stream rewritten",
                "read parquet: 59 revisions",
                "exports org.mwdump.all: ",
                "exports org.mwdump.index: org.mwdump.index",
                "exports org.mwdump.model: org.mwdump org.mwdump.model org.mwdump.spi",
                "exports org.mwdump.read: org.mwdump.read.bzip2",
                "exports org.mwdump.write: org.mwdump.write.bzip2 org.mwdump.write.layout",
                "internal packages reachable: []",
                ""), out.replace(System.lineSeparator(), "\n"));
    }

    /** This test's class path, split into what has a module descriptor and what does not. */
    record Paths(List<Path> modulePath, List<Path> classPath) {
    }

    static Paths paths() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Path> modulePath = new ArrayList<>();
        List<Path> classPath = new ArrayList<>();
        for (String element : cp.split(File.pathSeparator)) {
            Path path = Path.of(element);
            if (!Files.exists(path) || path.endsWith("test-classes")) {
                continue;
            }
            Optional<ModuleDescriptor> d = descriptor(path);
            if (d.isPresent()) {
                String name = d.get().name();
                // the test framework stays out of the program's way
                if (!name.startsWith("org.junit") && !name.startsWith("org.opentest4j")
                        && !name.startsWith("org.apiguardian")) {
                    modulePath.add(path);
                }
            } else {
                classPath.add(path);
            }
        }
        return new Paths(modulePath, classPath);
    }

    /** The declared (not automatic) module of a jar or a classes directory. */
    static Optional<ModuleDescriptor> descriptor(Path path) {
        if (Files.isDirectory(path) && !Files.exists(path.resolve("module-info.class"))) {
            return Optional.empty();   // a directory without descriptor would be read as a directory of modules
        }
        return ModuleFinder.of(path).findAll().stream().findFirst().map(ModuleReference::descriptor)
                .filter(d -> !d.isAutomatic());
    }

    private Path compileProgram(List<Path> modulePath) throws IOException {
        Path src = tmp.resolve("src");
        Path classes = tmp.resolve("classes");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17",
                "--module-path", join(modulePath)));
        for (String name : List.of("module-info.java", "example/ModulePathProgram.java")) {
            Path file = src.resolve(name);
            Files.createDirectories(file.getParent());
            try (InputStream in = ModulePathTest.class.getResourceAsStream("app/" + name)) {
                Files.copy(in, file);
            }
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "javac failed: " + args);
        return classes;
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }
}
