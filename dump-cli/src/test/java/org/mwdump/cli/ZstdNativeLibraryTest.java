package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * zstd-jni's library from {@code native/} beside the jar: the build puts it there and the built launcher's
 * runs load it from there, needing no temporary copy; a directory without it, with another version's, or
 * with a library that does not load changes nothing.
 */
class ZstdNativeLibraryTest {
    @TempDir
    Path dir;

    /** The version in the library's name is the one of the zstd-jni classes that run, as in their jar's resource. */
    @Test
    void theVersionIsReadFromTheRunningClasses() throws ReflectiveOperationException {
        String version = ZstdNativeLibrary.runningVersion();
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+-\\d+"), version);
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux"), "Linux only");
        String resource = "/linux/" + System.getProperty("os.arch") + "/libzstd-jni-" + version + ".so";
        assertTrue(com.github.luben.zstd.util.Native.class.getResource(resource) != null, resource);
    }

    /** Only commands that name zstd load it: a .zst file, in or out, or --seekable-zstd. */
    @Test
    void onlyCommandsNamingZstdLoadIt() {
        assertTrue(ZstdNativeLibrary.usesZstd(new String[] {"recompress", "--seekable-zstd", "in.xml", "out"}));
        assertTrue(ZstdNativeLibrary.usesZstd(new String[] {"get", "dump.xml.zst", "--id", "3"}));
        assertTrue(ZstdNativeLibrary.usesZstd(new String[] {"convert", "in.xml.bz2", "out.jsonl.zst"}));
        assertFalse(ZstdNativeLibrary.usesZstd(new String[] {"convert", "in.xml.bz2", "out.jsonl"}));
        assertFalse(ZstdNativeLibrary.usesZstd(new String[] {"recompress", "--multistream", "in.xml", "o.xml.bz2"}));
        assertFalse(ZstdNativeLibrary.usesZstd(new String[] {"info", "zst.xml"}));
    }

    /** Only a file named for the running version is taken. */
    @Test
    void onlyTheRunningVersionsLibraryIsTaken() throws Exception {
        assertNull(ZstdNativeLibrary.libraryIn(dir.resolve("no-such-directory")));
        Files.writeString(dir.resolve(System.mapLibraryName("zstd-jni-0.0.1-1")), "another version");
        assertNull(ZstdNativeLibrary.libraryIn(dir));
        Path own = Files.writeString(dir.resolve(System.mapLibraryName("zstd-jni-" + ZstdNativeLibrary.runningVersion())),
                "this version");
        assertEquals(own.toAbsolutePath(), ZstdNativeLibrary.libraryIn(dir));
        assertNull(ZstdNativeLibrary.libraryIn(own), "a file is no directory");
    }

    /**
     * The built launcher: the build left this platform's library, and only it, in native/ beside the jar,
     * and a recompression loads it from there, so it needs no temporary copy: given a temporary folder that
     * does not exist, where zstd-jni's own copy fails (as the copies below show), it still works. A copy of
     * the launcher and jar without native/, with a broken library there or with only another version's, runs
     * as before, with zstd-jni's own copy. A library the user names with {@code ZstdNativePath} is the one
     * zstd-jni loads, even a broken one, rather than the one beside the jar.
     */
    @Test
    void theBuiltLauncherLoadsTheLibraryBesideTheJar() throws Exception {
        Path built = Path.of("target").toAbsolutePath();
        Path nativeDirectory = built.resolve(ZstdNativeLibrary.DIRECTORY);
        org.junit.jupiter.api.Assumptions.assumeTrue(ZstdNativeLibrary.jar() != null,
                "runs in the shaded-jar execution, after this build has packaged target/mwdump and target/native");
        String library = System.mapLibraryName("zstd-jni-" + ZstdNativeLibrary.runningVersion());
        try (var files = Files.list(nativeDirectory)) {
            assertEquals(List.of(library), files.map(p -> p.getFileName().toString()).toList());
        }
        Path xml = Files.write(dir.resolve("in.xml"), org.mwdump.testing.SmallDumps.xml(5));
        String noTemp = "-DZstdTempFolder=" + dir.resolve("no-such-folder");
        assertEquals(0, recompress(built.resolve("mwdump"), noTemp, xml));
        Path broken = Files.writeString(dir.resolve("broken.so"), "not a library");
        assertEquals(1, recompress(built.resolve("mwdump"), noTemp + " -DZstdNativePath=" + broken, xml));

        Path copy = Files.createDirectories(dir.resolve("copy"));
        Files.copy(built.resolve("mwdump"), copy.resolve("mwdump"));
        Files.copy(built.resolve("mwdump.jar"), copy.resolve("mwdump.jar"));
        assertEquals(0, recompress(copy.resolve("mwdump"), "", xml));
        assertEquals(1, recompress(copy.resolve("mwdump"), noTemp, xml));

        Path copyNative = Files.createDirectories(copy.resolve(ZstdNativeLibrary.DIRECTORY));
        Files.writeString(copyNative.resolve(library), "not a library");
        assertEquals(0, recompress(copy.resolve("mwdump"), "", xml));
        assertEquals(1, recompress(copy.resolve("mwdump"), noTemp, xml));

        Files.delete(copyNative.resolve(library));
        Files.copy(nativeDirectory.resolve(library), copyNative.resolve(System.mapLibraryName("zstd-jni-0.0.1-1")));
        assertEquals(1, recompress(copy.resolve("mwdump"), noTemp, xml));
    }

    private int recompress(Path launcher, String javaOptions, Path in) throws IOException, InterruptedException {
        Path out = dir.resolve("out.xml.zst");
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "recompress", "--seekable-zstd", "--force",
                in.toString(), out.toString());
        pb.environment().put("MWDUMP_JAVA_OPTS", javaOptions);
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile());
        Process p = pb.start();
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            return p.exitValue();
        } finally {
            p.destroyForcibly();
        }
    }
}
