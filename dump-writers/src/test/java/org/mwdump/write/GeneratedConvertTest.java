package org.mwdump.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mwdump.Compression;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.ReadOptions;
import org.mwdump.WriteOptions;
import org.mwdump.model.LogItem;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.testing.GeneratedDump;

/**
 * {@code Dumps.convert} finds this module's writers and codecs: a generated dump converted to every
 * format in every compression reads back, from the file, to what the format carries of the model the
 * dump was made from ({@link Carried}). Each compression takes a dump of another schema version.
 */
class GeneratedConvertTest {

    static String versionFor(Compression c) {
        return GeneratedDump.VERSIONS.get((2 * c.ordinal() + 1) % GeneratedDump.VERSIONS.size());
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"NONE", "BZIP2", "GZIP", "XZ", "ZSTD"})
    void everyFormatInEveryCompressionReadsBack(Compression compression, @TempDir Path dir) {
        GeneratedDump dump = GeneratedDump.full(versionFor(compression));
        Path in = dump.write(dir.resolve("in.xml"));
        check(dump, in, dir, compression, DumpFormat.XML, r -> Carried.xml(r, "0.11"));
        check(dump, in, dir, compression, DumpFormat.REVDOC, Carried::revDoc);
        check(dump, in, dir, compression, DumpFormat.REVDOC_LEGACY, Carried::legacyRevDoc);
    }

    private static void check(GeneratedDump dump, Path in, Path dir, Compression compression, DumpFormat format,
                              UnaryOperator<Revision> carried) {
        Path out = dir.resolve("out-" + format + compression.extension());
        long n = Dumps.convert(in, out, format, WriteOptions.builder().compression(compression).build());
        boolean xml = format == DumpFormat.XML;
        assertEquals(dump.entries().size() + dump.logItems().size(), n, format + ": entries and log items copied");
        List<Object> expected = new ArrayList<>();
        for (PageEntry e : dump.entries()) {
            if (e instanceof Revision r) {
                expected.add(carried.apply(r));
            } else if (xml) {
                expected.add(e);
            }
        }
        if (xml) {
            expected.addAll(dump.logItems());
        }
        List<Object> actual = new ArrayList<>();
        try (DumpReader r = Dumps.open(out, ReadOptions.builder().siteInfo(dump.siteInfo()).build())) {
            assertEquals(compression, r.compression(), format.toString());
            assertEquals(format, r.format());
            r.entries().forEach(actual::add);
            for (LogItem item : r.logItems()) {
                actual.add(item);
            }
        }
        assertEquals(expected, actual, format + " " + compression);
    }
}
