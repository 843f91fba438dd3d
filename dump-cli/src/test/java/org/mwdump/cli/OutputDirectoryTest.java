package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.testing.ReadOnlyDirs;
import org.mwdump.testing.SmallDumps;

/**
 * An output in a directory that is missing or cannot be written: recompress and apply say it as convert does,
 * {@code cannot create OUT: why}, naming the file the user gave (never a temporary file), in one line.
 */
class OutputDirectoryTest {

    @Test
    void aMissingDirectoryIsReportedAsConvertReportsIt(@TempDir Path dir) throws IOException {
        Path xml = Files.write(dir.resolve("small.xml"), SmallDumps.xml(5));
        Path out = dir.resolve("no/such/x.xml.bz2");
        MainTest.Result convert = MainTest.run("convert", "--quiet", xml.toString(), out.toString());
        MainTest.assertOneLineError(convert, 1, "mwdump: cannot create " + out + ": no such directory");
        for (String[] args : List.of(
                new String[] {"recompress", "--multistream", xml.toString(), out.toString()},
                new String[] {"recompress", "--multistream", "--pages-per-part", "2", xml.toString(), out.toString()},
                new String[] {"recompress", "--seekable-zstd", xml.toString(), dir.resolve("no/such/x.xml.zst")
                        .toString()})) {
            MainTest.Result r = MainTest.run(args);
            String target = args[args.length - 1];
            assertEquals(convert.err().replace(out.toString(), target), r.err(), String.join(" ", args));
            assertEquals(1, r.status());
        }
        // apply: onto a multistream base with its index (streams copied and rewritten), and onto XML
        for (String[] args : applying(dir, xml, dir.resolve("no/such"))) {
            MainTest.Result r = MainTest.run(args);
            String target = args[args.length - 1];
            assertEquals(convert.err().replace(out.toString(), target), r.err(), String.join(" ", args));
            assertEquals(1, r.status());
        }
    }

    /** apply of one edit to a multistream base and to an XML one, with outputs in {@code outDir}. */
    static List<String[]> applying(Path dir, Path xml, Path outDir) throws IOException {
        Path base = dir.resolve("b-multistream.xml.bz2");
        if (!Files.exists(base)) {
            MainTest.Result r = MainTest.run("recompress", "--multistream", xml.toString(), base.toString());
            assertEquals(0, r.status(), r.err());
        }
        Path events = Files.writeString(dir.resolve("events.jsonl"),
                ApplyCommandTest.edit("e1", 10, "Page_1", 999, 11, "new text") + "\n");
        return List.of(
                new String[] {"apply", base.toString(), events.toString(), outDir.resolve("o-multistream.xml.bz2")
                        .toString()},
                new String[] {"apply", xml.toString(), events.toString(), outDir.resolve("o.xml").toString()});
    }

    /** A read-only (for root: immutable) directory: the output named, nothing left in the directory. */
    @Test
    void aDirectoryThatCannotBeWrittenIsReportedAsConvertReportsIt(@TempDir Path dir) throws IOException {
        Path xml = Files.write(dir.resolve("small.xml"), SmallDumps.xml(5));
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Path out = locked.resolve("o.xml.bz2");
        ReadOnlyDirs.makeReadOnly(locked);
        try {
            MainTest.Result convert = MainTest.run("convert", "--quiet", xml.toString(), out.toString());
            MainTest.assertOneLineError(convert, 1, "mwdump: cannot create " + out + ": ");
            for (String[] args : List.of(
                    new String[] {"recompress", "--multistream", xml.toString(), out.toString()},
                    new String[] {"recompress", "--multistream", "--pages-per-part", "2", xml.toString(),
                            out.toString()})) {
                MainTest.Result r = MainTest.run(args);
                assertEquals(convert.err(), r.err(), String.join(" ", args));
                assertEquals(1, r.status());
                assertFalse(r.err().contains(".part"), r.err());
            }
            for (String[] args : applying(dir, xml, locked)) {
                MainTest.Result r = MainTest.run(args);
                String target = args[args.length - 1];
                assertEquals(convert.err().replace(out.toString(), target), r.err(), String.join(" ", args));
                assertEquals(1, r.status());
            }
            assertEquals(List.of(), IndexPlaceTest.names(locked));
        } finally {
            ReadOnlyDirs.makeWritable(locked);
        }
    }
}
