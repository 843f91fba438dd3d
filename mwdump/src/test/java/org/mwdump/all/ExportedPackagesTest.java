package org.mwdump.all;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * What mwdump's modules export to everyone, and how many public types stay behind: the figure is
 * printed ({@code mvn -pl mwdump test -Dtest=ExportedPackagesTest}). Qualified exports (to another
 * mwdump module only) count as not exported. dump-parquet, an automatic module, exports its one
 * package and is not listed.
 */
class ExportedPackagesTest {
    /** The API: a package is added here on purpose, with its package-info.java and Javadoc. */
    static final Map<String, List<String>> EXPORTED = Map.of(
            "org.mwdump.all", List.of(),
            "org.mwdump.index", List.of("org.mwdump.index"),
            "org.mwdump.model", List.of("org.mwdump", "org.mwdump.model", "org.mwdump.spi"),
            "org.mwdump.read", List.of("org.mwdump.read.bzip2"),
            "org.mwdump.write", List.of("org.mwdump.write.bzip2", "org.mwdump.write.layout"));

    @Test
    void exportsOnlyTheApiAndCountsWhatStaysBehind() throws IOException {
        Map<String, List<String>> exported = new TreeMap<>();
        Map<String, Integer> hidden = new TreeMap<>();
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
                    String type = topLevelType(resource);
                    if (type == null || open.contains(type.substring(0, type.lastIndexOf('.')))) {
                        continue;
                    }
                    if (isPublic(type)) {
                        hidden.merge(type.substring(0, type.lastIndexOf('.')), 1, Integer::sum);
                    }
                }
            }
        }
        int total = hidden.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("public types outside exported packages: " + total + " " + hidden);
        assertEquals(new TreeMap<>(EXPORTED), exported);
    }

    /** The binary name of a top-level class file's type, or {@code null}. */
    private static String topLevelType(String resource) {
        if (!resource.endsWith(".class") || resource.contains("$") || resource.endsWith("module-info.class")
                || resource.endsWith("package-info.class") || resource.startsWith("META-INF/")) {
            return null;
        }
        return resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
    }

    private static boolean isPublic(String type) {
        try {
            return Modifier.isPublic(Class.forName(type, false, ExportedPackagesTest.class.getClassLoader())
                    .getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(type + " is in a module but not on the test class path", e);
        }
    }
}
