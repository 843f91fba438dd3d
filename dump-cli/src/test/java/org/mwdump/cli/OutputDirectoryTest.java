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
 * An output in a directory that is missing or cannot be written: recompress says it as convert does,
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
            assertEquals(List.of(), IndexPlaceTest.names(locked));
        } finally {
            ReadOnlyDirs.makeWritable(locked);
        }
    }
}
