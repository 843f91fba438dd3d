package org.mwdump.hostile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mwdump.write.layout.Recompressor;

/** Files for the fuzz targets of this module: a scratch folder and one small valid seekable zstd dump. */
final class FuzzFiles {
    static final Path DIR;
    static final Path DUMP;
    static final Path INDEX;

    static {
        try {
            DIR = Files.createTempDirectory("mwdump-fuzz");
            DIR.toFile().deleteOnExit();
            DUMP = DIR.resolve("valid.xml.zst");
            INDEX = DIR.resolve("valid-index.txt.bz2");
            new Recompressor(Recompressor.Layout.SEEKABLE_ZSTD, 1, 1)
                    .recompress(new ByteArrayInputStream(BadInputs.xmlDump(3)), DUMP, INDEX);
            DUMP.toFile().deleteOnExit();
            INDEX.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FuzzFiles() {
    }

    /** Writes the fuzzer's bytes to a fresh file of the given name, replacing any earlier one. */
    static Path write(String name, byte[] data) throws IOException {
        Path file = DIR.resolve(name);
        Files.write(file, data);
        return file;
    }
}
