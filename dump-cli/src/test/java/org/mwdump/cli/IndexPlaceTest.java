package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.index.IndexedDump;
import org.mwdump.testing.FileModes;
import org.mwdump.testing.ReadOnlyDirs;
import org.mwdump.testing.SmallDumps;
import org.mwdump.write.layout.Recompressor;

/** Where {@code index} and {@code get} keep a dump's index, the modes of what they write, and stale indexes. */
class IndexPlaceTest {

    static Path multistream(Path dir, int pages) throws IOException {
        Path dump = dir.resolve("wiki-multistream.xml.bz2");
        new Recompressor(Recompressor.Layout.BZIP2_MULTISTREAM, 10, 1).recompress(
                new ByteArrayInputStream(SmallDumps.xml(pages)), dump, dir.resolve("wiki-multistream-index.txt.bz2"));
        return dump;
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The value of a {@code name: value} line of {@code index}'s output. */
    static Path printed(String out, String name) {
        return out.lines().filter(l -> l.startsWith(name + ": ")).map(l -> Path.of(l.substring(name.length() + 2)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + out));
    }

    /** The command in a child JVM with the given environment (which an in-process run cannot change). */
    static GetTest.Result child(Map<String, String> env, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove(IndexPlace.ENV);
        pb.environment().remove("XDG_CACHE_HOME");
        pb.environment().putAll(env);
        Path err = Files.createTempFile("mwdump-test", ".err");
        try {
            Process p = pb.redirectError(err.toFile()).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            return new GetTest.Result(p.exitValue(), out, Files.readString(err));
        } finally {
            Files.delete(err);
        }
    }

    @Test
    void indexDirKeepsTheIndexAwayFromTheDump(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path dump = multistream(data, 30);
        List<String> before = names(data);
        Path indexes = dir.resolve("indexes");
        GetTest.Result index = GetTest.run("index", dump.toString(), "--index-dir", indexes.toString());
        assertEquals(0, index.status(), index.err());
        assertTrue(index.out().contains("pages: 30\n"), index.out());
        Path pageIndex = printed(index.out(), "page index");
        assertEquals(indexes, pageIndex.getParent());
        assertTrue(Files.exists(pageIndex));
        FileModes.assertOrdinaryMode(pageIndex);
        assertEquals(before, names(data), "nothing beside the dump");

        GetTest.Result get = GetTest.run("get", dump.toString(), "--index-dir", indexes.toString(), "--no-build",
                "--id", "30");
        assertEquals(0, get.status(), get.err());
        assertEquals(List.of("Page 3"), GetTest.titles(get.out()));
        assertEquals(before, names(data), "nothing beside the dump");
    }

    @Test
    void indexDirFromTheEnvironment(@TempDir Path dir) throws Exception {
        Path dump = multistream(Files.createDirectory(dir.resolve("data")), 12);
        Path indexes = dir.resolve("from-env");
        GetTest.Result index = child(Map.of(IndexPlace.ENV, indexes.toString()), "index", dump.toString());
        assertEquals(0, index.status(), index.err());
        assertEquals(indexes, printed(index.out(), "page index").getParent());
        assertEquals(1, names(indexes).size());
        assertFalse(Files.exists(IndexedDump.pageIndexOf(dump)));
    }

    @Test
    void aStaleIndexIsRebuiltOrReportedWithNoBuild(@TempDir Path dir) throws IOException {
        Path dump = multistream(dir, 20);
        assertEquals(0, GetTest.run("index", dump.toString()).status());
        FileModes.assertOrdinaryMode(IndexedDump.pageIndexOf(dump));
        FileTime built = Files.getLastModifiedTime(dump);
        multistream(dir, 45);
        Files.setLastModifiedTime(dump, FileTime.fromMillis(built.toMillis() + 3000));

        GetTest.Result reported = GetTest.run("get", dump.toString(), "--no-build", "--id", "400");
        assertEquals(1, reported.status(), reported.err());
        assertEquals("", reported.out());
        MainTest.assertOneLineError(new MainTest.Result(reported.status(), reported.out(), reported.err()), 1, "stale");
        assertTrue(reported.err().contains("run mwdump index"), reported.err());

        GetTest.Result rebuilt = GetTest.run("get", dump.toString(), "--id", "400");
        assertEquals(0, rebuilt.status(), rebuilt.err());
        assertTrue(rebuilt.err().startsWith("building the page index wiki-multistream.xml.bz2.mwpidx"), rebuilt.err());
        assertEquals(List.of("Page 40"), GetTest.titles(rebuilt.out()));
        assertEquals(0, GetTest.run("get", dump.toString(), "--no-build", "--id", "400").status());

        Files.delete(IndexedDump.pageIndexOf(dump));
        GetTest.Result missing = GetTest.run("get", dump.toString(), "--no-build", "--id", "400");
        MainTest.assertOneLineError(new MainTest.Result(missing.status(), missing.out(), missing.err()), 1,
                "no page index");
        assertEquals("", missing.out());
    }

    @Test
    void aDumpInAReadOnlyDirectoryIsIndexedInTheUsersCache(@TempDir Path dir) throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Path dump = multistream(shared, 25);
        Path single = SmallDumps.singleStreamBz2(shared.resolve("single.xml.bz2"), 25);
        List<String> before = names(shared);
        Path cacheHome = dir.resolve("cache-home");
        ReadOnlyDirs.makeReadOnly(shared);
        try {
            for (Path d : List.of(dump, single)) {
                GetTest.Result index = child(Map.of("XDG_CACHE_HOME", cacheHome.toString()), "index", d.toString());
                assertEquals(0, index.status(), index.err());
                Path pageIndex = printed(index.out(), "page index");
                assertEquals(cacheHome.resolve("mwdump"), pageIndex.getParent());
                FileModes.assertOrdinaryMode(pageIndex);
                GetTest.Result get = child(Map.of("XDG_CACHE_HOME", cacheHome.toString()), "get", d.toString(),
                        "--no-build", "--title", "Page 7", "--id", "250");
                assertEquals(0, get.status(), get.err());
                assertEquals(List.of("Page 7", "Page 25"), GetTest.titles(get.out()));
            }
            assertEquals(before, names(shared), "nothing written beside the dumps");
            // the block index of the single-stream dump is in the cache too
            assertEquals(3, names(cacheHome.resolve("mwdump")).size(), names(cacheHome.resolve("mwdump")).toString());
        } finally {
            ReadOnlyDirs.makeWritable(shared);
        }
    }

    @Test
    void recompressAndIndexWriteFilesWithOrdinaryModes(@TempDir Path dir) throws IOException {
        Path xml = Files.write(dir.resolve("small.xml"), SmallDumps.xml(30));
        Path out = dir.resolve("small.xml.zst");
        GetTest.Result r = GetTest.run("recompress", xml.toString(), out.toString(), "--seekable-zstd");
        assertEquals(0, r.status(), r.err());
        FileModes.assertOrdinaryMode(out);
        FileModes.assertOrdinaryMode(dir.resolve("small-index.txt.zst"));
        Path single = SmallDumps.singleStreamBz2(dir.resolve("single.xml.bz2"), 30);
        GetTest.Result index = GetTest.run("index", single.toString());
        assertEquals(0, index.status(), index.err());
        FileModes.assertOrdinaryMode(printed(index.out(), "page index"));
        FileModes.assertOrdinaryMode(printed(index.out(), "block index"));
        for (String name : names(dir)) {
            assertFalse(name.endsWith(".part"), name);
        }
    }

    /** An error is one line; with MWDUMP_DEBUG set, its stack trace follows, for a bug report. */
    @Test
    void stackTraceOnlyWhenAsked(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        String[] args = {"convert", text.toString(), dir.resolve("out.jsonl").toString()};
        GetTest.Result plain = child(Map.of("MWDUMP_DEBUG", "0"), args);
        assertEquals(1, plain.status());
        assertEquals(1, plain.err().lines().count(), plain.err());
        GetTest.Result debug = child(Map.of("MWDUMP_DEBUG", "1"), args);
        assertEquals(1, debug.status());
        assertTrue(debug.err().startsWith(plain.err()), debug.err());
        assertTrue(debug.err().contains("\tat org.mwdump."), debug.err());
    }
}
