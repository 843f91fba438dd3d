package org.mwdump.all;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * mwdump's API reports failures with its unchecked {@code DumpException} family only: no public
 * method or constructor of a public type in an exported package declares a checked exception, unless
 * it implements a JDK method that declares it (an {@code InputStream}'s {@code read}, say). The packages
 * are those that mwdump's modules export, and every package of its automatic modules on the class path
 * (dump-parquet's {@code org.mwdump.parquet}, whose classes implement the SPI without its checked
 * exceptions).
 *
 * <p>One package is left out on purpose, {@code org.mwdump.spi}: it is the service-provider interface,
 * implemented by a module that adds a format or a codec and called only by {@code Dumps}, which turns
 * what it throws into {@code DumpException}s. Its methods declare {@code IOException} where a provider
 * works on streams and files (opening a reader, writing a format's header, moving a finished output
 * into place), so that an implementation lets its input's and output's failures through instead of
 * wrapping each; its package documentation says so. Users of the library never call it.
 */
class UncheckedApiTest {
    /** Exported, but not held to the rule: the SPI (see above). */
    static final Set<String> NOT_CHECKED = Set.of("org.mwdump.spi");
    /** Packages of automatic modules that must be found and checked. */
    static final Set<String> AUTOMATIC = Set.of("org.mwdump.parquet");

    @Test
    void noCheckedExceptionsInTheApi() throws IOException {
        List<String> offenders = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        int members = 0;
        ModulePathTest.Paths paths = ModulePathTest.paths();
        for (Path path : paths.modulePath()) {
            Optional<ModuleReference> found = ModuleFinder.of(path).findAll().stream().findFirst();
            if (found.isEmpty() || !found.get().descriptor().name().startsWith("org.mwdump.")) {
                continue;
            }
            ModuleDescriptor d = found.get().descriptor();
            Set<String> open = d.exports().stream().filter(e -> !e.isQualified())
                    .map(ModuleDescriptor.Exports::source).filter(p -> !NOT_CHECKED.contains(p))
                    .collect(Collectors.toSet());
            try (ModuleReader reader = found.get().open()) {
                members += check(reader.list().collect(Collectors.toList()), open::contains, checked, offenders);
            }
        }
        // an automatic module exports every package it has
        for (Path path : paths.classPath()) {
            members += check(classFiles(path), p -> p.startsWith("org.mwdump."), checked, offenders);
        }
        System.out.println("public members checked: " + members + " in " + checked);
        assertTrue(checked.containsAll(AUTOMATIC), () -> "not found on the class path: " + AUTOMATIC);
        assertEquals(new TreeSet<String>(), new TreeSet<>(offenders));
    }

    /**
     * Checks the public and protected members of the visible types among {@code resources} (class file names)
     * whose package is {@code open}, adds those that declare a checked exception to {@code offenders} and the
     * packages seen to {@code checked}.
     *
     * @return the number of members checked
     */
    private static int check(List<String> resources, Predicate<String> open, Set<String> checked,
                             List<String> offenders) {
        int members = 0;
        for (String resource : resources) {
            if (!resource.endsWith(".class") || resource.endsWith("module-info.class")
                    || resource.endsWith("package-info.class") || resource.startsWith("META-INF/")) {
                continue;
            }
            String name = resource.substring(0, resource.length() - 6).replace('/', '.');
            String pkg = name.substring(0, Math.max(0, name.lastIndexOf('.')));
            if (!open.test(pkg)) {
                continue;
            }
            checked.add(pkg);
            Class<?> type = load(name);
            if (!isVisible(type)) {
                continue;
            }
            List<Executable> executables = new ArrayList<>(Arrays.asList(type.getDeclaredConstructors()));
            executables.addAll(Arrays.asList(type.getDeclaredMethods()));
            for (Executable e : executables) {
                if (!Modifier.isPublic(e.getModifiers()) && !Modifier.isProtected(e.getModifiers())
                        || e.isSynthetic()) {
                    continue;
                }
                members++;
                for (Class<?> thrown : e.getExceptionTypes()) {
                    boolean isChecked = Exception.class.isAssignableFrom(thrown)
                            && !RuntimeException.class.isAssignableFrom(thrown);
                    if (isChecked && !(e instanceof Method m && implementsJdkMethod(type, m))) {
                        offenders.add(type.getName() + "." + e.getName() + " throws " + thrown.getName());
                    }
                }
            }
        }
        return members;
    }

    /** The entries of a jar, or the files of a classes directory, as {@code a/b/C.class} names. */
    static List<String> classFiles(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                return files.filter(Files::isRegularFile)
                        .map(f -> path.relativize(f).toString().replace(File.separatorChar, '/'))
                        .collect(Collectors.toList());
            }
        }
        if (!path.getFileName().toString().endsWith(".jar")) {
            return List.of();
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            return jar.stream().map(JarEntry::getName).collect(Collectors.toList());
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, UncheckedApiTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name + " is in a module but not on the test class path", e);
        }
    }

    /** Public, and (for a nested type) inside public types all the way out. */
    private static boolean isVisible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    /** Whether a JDK supertype (class or interface) declares the method. */
    private static boolean implementsJdkMethod(Class<?> type, Method m) {
        List<Class<?>> todo = new ArrayList<>();
        todo.add(type);
        while (!todo.isEmpty()) {
            Class<?> t = todo.remove(todo.size() - 1);
            if (t == null) {
                continue;
            }
            if (t != type && (t.getName().startsWith("java.") || t.getName().startsWith("javax."))) {
                try {
                    t.getDeclaredMethod(m.getName(), m.getParameterTypes());
                    return true;
                } catch (NoSuchMethodException e) {
                    // not this one
                }
            }
            todo.add(t.getSuperclass());
            todo.addAll(Arrays.asList(t.getInterfaces()));
        }
        return false;
    }
}
