package org.mwdump.write.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.testing.FileModes;
import org.mwdump.testing.SmallDumps;

/** The files a recompression leaves: the dump and its index, with ordinary modes, and nothing else. */
class RecompressorFilesTest {

    @ParameterizedTest
    @EnumSource(Recompressor.Layout.class)
    void outputsHaveOrdinaryModesAndNoTemporaryFileRemains(Recompressor.Layout layout, @TempDir Path dir)
            throws IOException {
        Path out = dir.resolve(layout == Recompressor.Layout.SEEKABLE_ZSTD ? "small.xml.zst" : "small-multistream.xml.bz2");
        Path index = dir.resolve("small-index.txt.bz2");
        Recompressor.Result result = new Recompressor(layout, 10, 2)
                .recompress(new ByteArrayInputStream(SmallDumps.xml(35)), out, index);
        assertEquals(35, result.pages());
        FileModes.assertOrdinaryMode(out);
        FileModes.assertOrdinaryMode(index);
        try (DumpReader r = Dumps.open(out)) {
            assertEquals(35, r.revisions().stream().count());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(index, out), files.sorted().toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Recompressor.Layout.class)
    void aFailedRecompressionLeavesNothing(Recompressor.Layout layout, @TempDir Path dir) throws IOException {
        Path out = dir.resolve("broken.out");
        InputStream failing = new InputStream() {
            private final InputStream xml = new ByteArrayInputStream(SmallDumps.xml(35));
            private int reads;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (reads++ == 1) {
                    throw new IOException("disk gone");
                }
                return xml.read(b, off, Math.min(len, 1000));
            }
        };
        org.mwdump.DumpException read = assertThrows(org.mwdump.DumpException.class,
                () -> new Recompressor(layout, 10, 2).recompress(failing, out, dir.resolve("broken-index.txt.bz2")));
        assertEquals("cannot read input: disk gone", read.getMessage());
        assertEquals("disk gone", read.getCause().getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
        // the index's directory is missing: the dump's temporary file goes too
        org.mwdump.DumpException write = assertThrows(org.mwdump.DumpException.class, () -> new Recompressor(layout, 10, 2)
                .recompress(new ByteArrayInputStream(SmallDumps.xml(3)), out, dir.resolve("no-such-dir/index.txt.bz2")));
        assertEquals("cannot create " + dir.resolve("no-such-dir/index.txt.bz2") + ": no such directory",
                write.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent());
        }
    }
}
