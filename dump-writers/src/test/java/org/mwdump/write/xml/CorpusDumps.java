package org.mwdump.write.xml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mwdump.Compression;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.read.compress.ReadCodecs;

/** Corpus dumps for the XML writer tests: their decompressed bytes, and writing them again. */
final class CorpusDumps {
    private CorpusDumps() {
    }

    /** The decompressed content of a corpus file. */
    static byte[] decompressed(Path file) {
        try {
            byte[] raw = Files.readAllBytes(file);
            Compression c = Compression.sniff(raw, raw.length);
            if (c == Compression.NONE) {
                return raw;
            }
            try (InputStream in = new ReadCodecs().decompress(c, Files.newInputStream(file), file)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a dump and writes it with the given writer builder; returns the bytes written. */
    static byte[] rewrite(Path file, java.util.function.Function<ByteArrayOutputStream, XmlDumpWriter> writers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DumpReader reader = Dumps.open(file)) {
            XmlDumpWriter writer = writers.apply(out);
            Dumps.copy(reader, writer);
            writer.finish();
        }
        return out.toByteArray();
    }
}
