package org.mwdump.all;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * mwdump's API reports failures with its unchecked {@code DumpException} family only: no public
 * method or constructor of a public type in an exported package declares a checked exception, unless
 * it implements a JDK method that declares it (an {@code InputStream}'s {@code read}, say). The SPI
 * package is left out: a provider implements its contract, which lets the input fail as it does.
 */
class UncheckedApiTest {
    static final Set<String> NOT_CHECKED = Set.of("org.mwdump.spi");

    @Test
    void noCheckedExceptionsInTheApi() throws IOException {
        List<String> offenders = new ArrayList<>();
        int members = 0;
        for (Path path : ModulePathTest.paths().modulePath()) {
            Optional<ModuleReference> found = ModuleFinder.of(path).findAll().stream().findFirst();
            if (found.isEmpty() || !found.get().descriptor().name().startsWith("org.mwdump.")) {
                continue;
            }
            ModuleDescriptor d = found.get().descriptor();
            Set<String> open = d.exports().stream().filter(e -> !e.isQualified())
                    .map(ModuleDescriptor.Exports::source).filter(p -> !NOT_CHECKED.contains(p))
                    .collect(Collectors.toSet());
            try (ModuleReader reader = found.get().open()) {
                for (String resource : reader.list().collect(Collectors.toList())) {
                    if (!resource.endsWith(".class") || resource.endsWith("module-info.class")
                            || resource.endsWith("package-info.class")) {
                        continue;
                    }
                    String name = resource.substring(0, resource.length() - 6).replace('/', '.');
                    if (!open.contains(name.substring(0, name.lastIndexOf('.')))) {
                        continue;
                    }
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
                            boolean checked = Exception.class.isAssignableFrom(thrown)
                                    && !RuntimeException.class.isAssignableFrom(thrown);
                            if (checked && !(e instanceof Method m && implementsJdkMethod(type, m))) {
                                offenders.add(type.getName() + "." + e.getName() + " throws " + thrown.getName());
                            }
                        }
                    }
                }
            }
        }
        System.out.println("public members checked: " + members);
        assertEquals(new TreeSet<String>(), new TreeSet<>(offenders));
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
