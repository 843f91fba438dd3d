package org.mwdump.all;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What mwdump's modules export to everyone, and how many public types stay behind in the packages that
 * are not exported (top-level and nested ones, public with every type around them): they are printed
 * ({@code mvn -pl mwdump test -Dtest=ExportedPackagesTest}) and may not grow past {@link #MAX_HIDDEN}.
 * What stays public there has to: the providers that {@link java.util.ServiceLoader} instantiates, and
 * the types that a qualified export gives another mwdump module. Qualified exports (to another mwdump
 * module only) count as not exported. dump-parquet, an automatic module, exports its one package and is
 * not listed.
 */
class ExportedPackagesTest {
    /** The API: a package is added here on purpose, with its package-info.java and Javadoc. */
    static final Map<String, List<String>> EXPORTED = Map.of(
            "org.mwdump.all", List.of(),
            "org.mwdump.index", List.of("org.mwdump.index"),
            "org.mwdump.model", List.of("org.mwdump", "org.mwdump.model", "org.mwdump.spi"),
            "org.mwdump.read", List.of("org.mwdump.read.bzip2"),
            "org.mwdump.write", List.of("org.mwdump.write.bzip2", "org.mwdump.write.layout"));

    /**
     * Public types in packages that are not exported: the seven service providers (three readers, two
     * writers, the codecs of each module), what org.mwdump.index uses through qualified exports
     * ({@code ChunkedInputStream}, {@code XmlHead}), and {@code XmlDumpWriter} with its builder, for class-path
     * code that flushes it page by page (the benchmarks' corpus generator). Lower it when one goes.
     */
    static final int MAX_HIDDEN = 11;

    @Test
    void exportsOnlyTheApiAndCountsWhatStaysBehind() throws IOException {
        Map<String, List<String>> exported = new TreeMap<>();
        Map<String, List<String>> hidden = new TreeMap<>();
        for (Path path : ModulePathTest.paths().modulePath()) {
            Optional<ModuleReference> found = ModuleFinder.of(path).findAll().stream().findFirst();
            if (found.isEmpty() || !found.get().descriptor().name().startsWith("org.mwdump.")) {
                continue;
            }
            ModuleDescriptor d = found.get().descriptor();
            TreeSet<String> open = d.exports().stream().filter(e -> !e.isQualified())
                    .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
            exported.put(d.name(), new ArrayList<>(open));
            try (ModuleReader reader = found.get().open()) {
                for (String resource : reader.list().collect(Collectors.toList())) {
                    String type = typeName(resource);
                    if (type == null || open.contains(type.substring(0, type.lastIndexOf('.')))) {
                        continue;
                    }
                    if (isVisible(type)) {
                        hidden.computeIfAbsent(type.substring(0, type.lastIndexOf('.')), k -> new ArrayList<>())
                                .add(type.substring(type.lastIndexOf('.') + 1));
                    }
                }
            }
        }
        hidden.values().forEach(java.util.Collections::sort);
        int total = hidden.values().stream().mapToInt(List::size).sum();
        System.out.println("public types outside exported packages: " + total + " " + hidden);
        assertEquals(new TreeMap<>(EXPORTED), exported);
        assertTrue(total <= MAX_HIDDEN, () -> total + " public types outside exported packages, more than "
                + MAX_HIDDEN + ": " + hidden);
    }

    /** The binary name of a class file's type (top-level or nested), or {@code null}. */
    private static String typeName(String resource) {
        if (!resource.endsWith(".class") || resource.endsWith("module-info.class")
                || resource.endsWith("package-info.class") || resource.startsWith("META-INF/")) {
            return null;
        }
        return resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
    }

    /** Public, and (a nested type) inside public types all the way out: usable from another package. */
    private static boolean isVisible(String type) {
        Class<?> c;
        try {
            c = Class.forName(type, false, ExportedPackagesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(type + " is in a module but not on the test class path", e);
        }
        for (Class<?> t = c; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
                return false;
            }
        }
        return true;
    }
}
