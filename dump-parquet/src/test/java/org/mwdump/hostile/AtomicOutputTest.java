package org.mwdump.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mwdump.CorruptInputException;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.WriteOptions;
import org.mwdump.hostile.BadInputs.Codec;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;

/**
 * A conversion that fails, is aborted or is killed leaves nothing under the target name (and an older
 * file there untouched), for each output format.
 */
class AtomicOutputTest {

    static String target(DumpFormat format) {
        return switch (format) {
            case XML -> "out.xml.bz2";
            case REVDOC -> "out.jsonl.gz";
            default -> "out.parquet";
        };
    }

    /** The input turns out damaged half way: the conversion fails and nothing is published. */
    @ParameterizedTest
    @EnumSource(value = DumpFormat.class, names = {"XML", "REVDOC", "PARQUET"})
    void failureMidConversion(DumpFormat format, @TempDir Path dir) throws IOException {
        byte[] compressed = BadInputs.compress(BadInputs.xmlDump(200), Codec.BZ2);
        Path input = dir.resolve("cut.xml.bz2");
        Files.write(input, Arrays.copyOf(compressed, compressed.length * 2 / 3));
        Path out = dir.resolve(target(format));
        assertThrows(CorruptInputException.class, () -> Dumps.convert(input, out, format, WriteOptions.DEFAULT));
        assertFalse(Files.exists(out), "nothing under the target name");
        assertEquals(List.of(input), list(dir), "no temporary file left either");

        // an older file under the target name survives a failed conversion
        byte[] old = "older content".getBytes(StandardCharsets.UTF_8);
        Files.write(out, old);
        assertThrows(CorruptInputException.class, () -> Dumps.convert(input, out, format, WriteOptions.DEFAULT));
        assertArrayEquals(old, Files.readAllBytes(out));
        Files.delete(out);
    }

    /** A caller that stops with an error of its own aborts the writer: nothing is published. */
    @ParameterizedTest
    @EnumSource(value = DumpFormat.class, names = {"XML", "REVDOC", "PARQUET"})
    void abortMidConversion(DumpFormat format, @TempDir Path dir) throws IOException {
        Path out = dir.resolve(target(format));
        DumpWriter writer = Dumps.create(out, format);
        try (DumpReader r = Dumps.open(new ByteArrayInputStream(BadInputs.xmlDump(50)))) {
            writer.writeSiteInfo(r.siteInfo());
            int pages = 0;
            for (Page p = r.nextPage(); p != null && pages < 25; p = r.nextPage(), pages++) {
                writer.writePage(p);
                for (PageEntry e = r.nextEntry(); e != null; e = r.nextEntry()) {
                    writer.write(e);
                }
            }
        }
        writer.abort();
        writer.close(); // closing after abort publishes nothing
        assertFalse(Files.exists(out));
        assertEquals(List.of(), list(dir));
    }

    /** A conversion in another JVM killed mid-way leaves nothing under the target name. */
    @ParameterizedTest
    @EnumSource(value = DumpFormat.class, names = {"XML", "REVDOC", "PARQUET"})
    void killedMidConversion(DumpFormat format, @TempDir Path dir) throws Exception {
        Path out = dir.resolve(target(format));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                EndlessConversionMain.class.getName(), out.toString(), format.name())
                .redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = lines.readLine();
            while (line != null && !line.equals(EndlessConversionMain.WRITING)) {
                line = lines.readLine(); // logging of the libraries the writer uses
            }
            assertEquals(EndlessConversionMain.WRITING, line, "the child started writing");
            assertFalse(Files.exists(out), "nothing published while writing");
            assertTrue(list(dir).size() == 1 && Files.size(list(dir).get(0)) >= 0, "one temporary file");
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertFalse(Files.exists(out), "nothing under the target name after the kill");
        // the killed process could not clean up: at most its temporary file, under another name
        for (Path left : list(dir)) {
            assertTrue(left.getFileName().toString().endsWith(".part"), left.toString());
        }
    }

    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    /** Child process: converts an endless stream of pages until killed. */
    public static final class EndlessConversionMain {
        static final String WRITING = "writing";

        public static void main(String[] args) {
            Path out = Path.of(args[0]);
            DumpFormat format = DumpFormat.valueOf(args[1]);
            byte[] xml = BadInputs.xmlDump(100);
            DumpWriter writer = Dumps.create(out, format);
            boolean told = false;
            for (long round = 0; ; round++) {
                try (DumpReader r = Dumps.open(new ByteArrayInputStream(xml))) {
                    if (round == 0) {
                        writer.writeSiteInfo(r.siteInfo());
                    }
                    for (Page p = r.nextPage(); p != null; p = r.nextPage()) {
                        writer.writePage(p);
                        for (PageEntry e = r.nextEntry(); e != null; e = r.nextEntry()) {
                            writer.write(e);
                        }
                    }
                }
                if (!told) {
                    System.out.println(WRITING);
                    System.out.flush();
                    told = true;
                }
            }
        }
    }

    static {
        // the child's class path is this JVM's
        assertTrue(System.getProperty("java.class.path").length() > 0, File.pathSeparator);
    }
}
