package org.mwdump.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads zstd-jni's native library from the directory {@code native} beside {@code mwdump.jar}, where the
 * build puts the library for its own platform, taken out of that jar, for the commands whose arguments
 * name zstd. Otherwise zstd-jni copies the library out of the jar into a new temporary file on every run
 * that uses zstd, which costs some of a short run's start (creating a temporary file starts a secure random
 * generator, and a megabyte is inflated and written).
 *
 * <p>It never makes anything fail, and it leaves the user's choices to zstd-jni: nothing is done when the
 * system property {@code ZstdNativePath} names a library, or a directory of {@code java.library.path} holds
 * one of the running version, as zstd-jni takes those first. The library beside the jar is taken only when
 * its file name carries the version of the zstd-jni classes that run (read from them, not from when this
 * class was compiled), so a library of another version is never loaded; when there is none, or it does not
 * load (another platform, a damaged file), nothing is done and zstd-jni loads its own copy as usual.
 */
final class ZstdNativeLibrary {
    /** The directory beside the jar that holds native libraries. */
    static final String DIRECTORY = "native";

    private ZstdNativeLibrary() {
    }

    /**
     * Loads the library beside the jar, on this thread, when the arguments name zstd: a {@code .zst} file or
     * {@code --seekable-zstd}. Done before the command runs, so that the library is there before anything
     * else (such as the recompressor's own early load) asks zstd-jni for it.
     *
     * @param args the command line
     */
    static void loadIfUsed(String[] args) {
        if (usesZstd(args)) {
            Path jar = jar();
            if (jar != null) {
                load(jar.resolveSibling(DIRECTORY));
            }
        }
    }

    /** Whether the command line names zstd: a {@code .zst} file or {@code --seekable-zstd}. */
    static boolean usesZstd(String[] args) {
        for (String a : args) {
            if (a.endsWith(".zst") || a.startsWith("--seekable-zstd")) {
                return true;
            }
        }
        return false;
    }

    /** The jar the classes of this program come from, or null when they come from elsewhere (a directory). */
    static Path jar() {
        try {
            java.security.CodeSource source = ZstdNativeLibrary.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            Path p = Path.of(source.getLocation().toURI());
            return p.getFileName() != null && p.getFileName().toString().endsWith(".jar") ? p : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Loads the library of the running zstd-jni version from {@code directory}, if it is there and zstd-jni
     * has none loaded yet.
     *
     * @param directory where the build put the library
     * @return whether the library was loaded from {@code directory}
     */
    static boolean load(Path directory) {
        try {
            synchronized (com.github.luben.zstd.util.Native.class) {
                if (com.github.luben.zstd.util.Native.isLoaded() || chosenByUser()) {
                    return false;
                }
                Path library = libraryIn(directory);
                if (library == null) {
                    return false;
                }
                System.load(library.toString());
                com.github.luben.zstd.util.Native.assumeLoaded();
                return true;
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false; // zstd-jni loads its own copy when it is first used
        }
    }

    /**
     * Whether the user chose a library that zstd-jni takes before its own copy: one named by the system
     * property {@code ZstdNativePath}, or one of the running version in a directory of
     * {@code java.library.path}.
     *
     * @return whether zstd-jni is to load a library of the user's
     * @throws ReflectiveOperationException when the zstd-jni classes do not say their version
     */
    static boolean chosenByUser() throws ReflectiveOperationException {
        if (System.getProperty("ZstdNativePath") != null) {
            return true;
        }
        String name = System.mapLibraryName("zstd-jni-" + runningVersion());
        for (String directory : System.getProperty("java.library.path", "").split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isRegularFile(Path.of(directory, name))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The library of the running zstd-jni version in {@code directory}, as an absolute path, or null when
     * there is none.
     *
     * @param directory where the build put the library
     * @return the library's file, or null
     * @throws ReflectiveOperationException when the zstd-jni classes do not say their version
     */
    static Path libraryIn(Path directory) throws ReflectiveOperationException {
        Path library = directory.resolve(System.mapLibraryName("zstd-jni-" + runningVersion())).toAbsolutePath();
        return Files.isRegularFile(library) ? library : null;
    }

    /**
     * The version of the zstd-jni classes on the class path, as they name their library ({@code 1.5.7-9}).
     * Read by reflection: the compiler would copy the constant into this class.
     */
    static String runningVersion() throws ReflectiveOperationException {
        return (String) Class.forName("com.github.luben.zstd.util.ZstdVersion").getField("VERSION").get(null);
    }
}
