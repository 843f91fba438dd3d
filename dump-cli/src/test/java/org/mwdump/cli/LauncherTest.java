package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.testing.Tools;

/**
 * The launcher script finds {@code mwdump.jar} beside the real script, however it is reached: directly,
 * through a relative or absolute symbolic link on PATH, or through a chain of them. A stand-in for
 * {@code java} prints the arguments it gets.
 */
class LauncherTest {
    @TempDir
    Path dir;
    Path app;
    Path fakeJava;

    record Run(int status, String out, String err) {
    }

    @BeforeEach
    void install() throws IOException {
        Tools.require("sh", "readlink", "dirname");
        app = Files.createDirectories(dir.resolve("opt/mwdump"));
        Path script = Files.copy(Path.of("src/main/scripts/mwdump"), app.resolve("mwdump"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(app.resolve("mwdump.jar"), "");
        fakeJava = dir.resolve("fake-java");
        Files.writeString(fakeJava, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    Run run(Path bin, String command, Map<String, String> env, String... args) throws Exception {
        // through a shell, which looks the command up on the PATH given here, as a user's shell would
        List<String> cmd = new java.util.ArrayList<>(List.of("sh", "-c", "exec \"$0\" \"$@\"", command));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        pb.environment().remove("MWDUMP_JAVA_OPTS");
        pb.environment().putAll(env);
        Path err = dir.resolve("err");
        Process p = pb.redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, Files.readString(err));
    }

    /** The JVM options the launcher gives when MWDUMP_JAVA_OPTS names none of its own. */
    static final List<String> DEFAULTS = List.of("-XX:+UseParallelGC", "-XX:FreqInlineSize=120", "-Xmn128m");

    /** {@link #DEFAULTS}, then {@code more}. */
    static List<String> defaultsThen(String... more) {
        List<String> all = new java.util.ArrayList<>(DEFAULTS);
        all.addAll(List.of(more));
        return all;
    }

    /** The jar the launcher handed to java, as a real path. */
    Path jarOf(Run r) throws IOException {
        List<String> args = r.out().lines().toList();
        assertEquals(defaultsThen("-jar"), args.subList(0, 4),
                r.out() + r.err());
        return Path.of(args.get(4)).toRealPath();
    }

    @Test
    void findsTheJarThroughSymbolicLinksOnPath() throws Exception {
        Map<String, String> env = Map.of("JAVA", fakeJava.toString());
        Path jar = app.resolve("mwdump.jar").toRealPath();

        Run direct = run(dir, app.resolve("mwdump").toString(), env, "info", "a dump.xml");
        assertEquals(0, direct.status(), direct.err());
        assertEquals(jar, jarOf(direct));
        assertEquals(defaultsThen("-jar",
                direct.out().lines().toList().get(4),
                "info", "a dump.xml"),
                direct.out().lines().toList());

        // a relative link in one directory on PATH, an absolute link to that link in another
        Path bin = Files.createDirectories(dir.resolve("home/.local/bin"));
        Files.createSymbolicLink(bin.resolve("mwdump"), bin.relativize(app.resolve("mwdump")));
        Path usrBin = Files.createDirectories(dir.resolve("usr/bin"));
        Files.createSymbolicLink(usrBin.resolve("mwdump"), bin.resolve("mwdump"));
        for (Path onPath : List.of(bin, usrBin)) {
            Run r = run(onPath, "mwdump", env, "--version");
            assertEquals(0, r.status(), r.err());
            assertEquals(jar, jarOf(r), onPath.toString());
            assertEquals("--version", r.out().lines().toList().get(5));
        }
    }

    @Test
    void javaHomeAndJvmOptions() throws Exception {
        Path javaHome = Files.createDirectories(dir.resolve("jdk/bin"));
        Files.copy(fakeJava, javaHome.resolve("java"));
        Run r = run(dir, app.resolve("mwdump").toString(),
                Map.of("JAVA_HOME", dir.resolve("jdk").toString(), "MWDUMP_JAVA_OPTS", "-Xmx1g -Dx=y"), "info");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("-XX:+UseParallelGC", "-XX:FreqInlineSize=120", "-Xmx1g", "-Dx=y", "-jar"),
                r.out().lines().toList().subList(0, 5));
    }

    @Test
    void aCollectorChosenInJvmOptionsReplacesTheDefaultOne() throws Exception {
        Run r = run(dir, app.resolve("mwdump").toString(),
                Map.of("JAVA", fakeJava.toString(), "MWDUMP_JAVA_OPTS", "-XX:+UseG1GC -Xmn64m"), "info");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("-XX:FreqInlineSize=120", "-XX:+UseG1GC", "-Xmn64m", "-jar"),
                r.out().lines().toList().subList(0, 4));
    }

    @Test
    void aClassArchiveBesideTheJarIsOfferedToTheJavaThatWroteItUnlessTheOptionsNameOne() throws Exception {
        Path real = app.toRealPath();
        Files.writeString(app.resolve("mwdump.jsa"), "");
        Files.writeString(app.resolve("mwdump.jsa.java"), fakeJava + "\n");
        Map<String, String> env = Map.of("JAVA", fakeJava.toString());
        Run r = run(dir, app.resolve("mwdump").toString(), env, "info");
        assertEquals(0, r.status(), r.err());
        assertEquals(defaultsThen(
                "-XX:SharedArchiveFile=" + real.resolve("mwdump.jsa"), "-Xlog:cds*=off", "-jar",
                real.resolve("mwdump.jar").toString(), "info"), r.out().lines().toList());

        for (String opts : List.of("-Xshare:off", "-XX:SharedArchiveFile=/elsewhere.jsa")) {
            Run own = run(dir, app.resolve("mwdump").toString(),
                    Map.of("JAVA", fakeJava.toString(), "MWDUMP_JAVA_OPTS", opts), "info");
            assertEquals(0, own.status(), own.err());
            assertEquals(defaultsThen(opts, "-jar"),
                    own.out().lines().toList().subList(0, 5), opts);
        }

        // written by another java command: that one may not know the options, so none are given
        Path otherJava = dir.resolve("other-java");
        Files.copy(fakeJava, otherJava);
        Run other = run(dir, app.resolve("mwdump").toString(), Map.of("JAVA", otherJava.toString()), "info");
        assertEquals(0, other.status(), other.err());
        assertEquals(defaultsThen("-jar"),
                other.out().lines().toList().subList(0, 4));
        // and without the record of who wrote it, likewise
        Files.delete(app.resolve("mwdump.jsa.java"));
        Run unrecorded = run(dir, app.resolve("mwdump").toString(), env, "info");
        assertEquals(defaultsThen("-jar"),
                unrecorded.out().lines().toList().subList(0, 4));
    }

    @Test
    void writingTheClassArchiveRunsTheTrainingRecordsTheJavaAndRunsNoCommand() throws Exception {
        Path real = app.toRealPath();
        Files.writeString(app.resolve("mwdump.jsa"), "old");
        Map<String, String> env = Map.of("JAVA", fakeJava.toString(), "MWDUMP_WRITE_CLASS_ARCHIVE", "1");
        Run r = run(dir, app.resolve("mwdump").toString(), env);
        assertEquals(0, r.status(), r.err());
        assertEquals(defaultsThen(
                "-XX:ArchiveClassesAtExit=" + real.resolve("mwdump.jsa"), "-Xlog:cds*=off", "-cp",
                real.resolve("mwdump.jar").toString(), "org.mwdump.cli.ClassArchiveTraining"), r.out().lines().toList());
        assertTrue(Files.notExists(app.resolve("mwdump.jsa")), "the old archive is removed first");
        assertEquals(fakeJava + "\n", Files.readString(app.resolve("mwdump.jsa.java")));

        // with a command as well, nothing runs: a variable left set must not turn commands into no-ops
        Run command = run(dir, app.resolve("mwdump").toString(), env, "convert", "in.xml", "out.jsonl");
        assertEquals(2, command.status());
        assertEquals("", command.out());
        assertTrue(command.err().contains("MWDUMP_WRITE_CLASS_ARCHIVE=1"), command.err());
        // only 1 turns it on
        Run off = run(dir, app.resolve("mwdump").toString(),
                Map.of("JAVA", fakeJava.toString(), "MWDUMP_WRITE_CLASS_ARCHIVE", "0"), "info");
        assertEquals(0, off.status(), off.err());
        assertEquals("info", off.out().lines().reduce((a, b) -> b).orElse(""));
    }

    /**
     * The built launcher with the archive the build wrote: classes come from it. Copied elsewhere with
     * it, or beside a broken one, it runs as well, without a word about the archive.
     */
    @Test
    void theBuiltArchiveIsUsedAndOneThatDoesNotFitIsPassedOverSilently() throws Exception {
        Path built = Path.of("target").toAbsolutePath();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(built.resolve("mwdump.jsa"))
                        && Files.isRegularFile(built.resolve("mwdump.jsa.java")),
                "runs after packaging, in the shaded-jar execution, where target/mwdump.jsa exists");
        Map<String, String> classes = Map.of("MWDUMP_JAVA_OPTS", "-Xlog:class+load");
        Run r = run(dir, built.resolve("mwdump").toString(), classes, "--version");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("org.mwdump.cli.Main source: shared objects file (top)"), r.out());

        // all of it copied elsewhere: the archive was written for the jar at the other path
        Path copy = Files.createDirectories(dir.resolve("copy"));
        for (String f : List.of("mwdump", "mwdump.jar", "mwdump.jsa", "mwdump.jsa.java")) {
            Files.copy(built.resolve(f), copy.resolve(f));
        }
        Run moved = run(dir, copy.resolve("mwdump").toString(), classes, "--version");
        assertEquals(0, moved.status(), moved.err());
        assertEquals("", moved.err());
        assertTrue(moved.out().contains("org.mwdump.cli.Main source: file:"), moved.out());

        // a broken archive
        Files.delete(copy.resolve("mwdump.jsa"));
        Files.writeString(copy.resolve("mwdump.jsa"), "not an archive");
        Run broken = run(dir, copy.resolve("mwdump").toString(), Map.of(), "--version");
        assertEquals(0, broken.status(), broken.err());
        assertEquals("", broken.err());
        assertTrue(broken.out().startsWith("mwdump "), broken.out());
        assertEquals(1, broken.out().lines().count(), broken.out());
    }

    @Test
    void aMissingJarIsNamed() throws Exception {
        Files.delete(app.resolve("mwdump.jar"));
        Run r = run(dir, app.resolve("mwdump").toString(), Map.of("JAVA", fakeJava.toString()), "info");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("mwdump: cannot find mwdump.jar beside "), r.err());
        assertEquals("", r.out());
    }
}
