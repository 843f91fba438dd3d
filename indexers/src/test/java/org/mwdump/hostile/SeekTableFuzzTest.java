package org.mwdump.hostile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mwdump.DumpException;
import org.mwdump.index.IndexedDump;

/**
 * Fuzzes random access to a dump file without index: {@link IndexedDump#open(Path)} recognizes bz2
 * multistream or seekable zstd, reads the seek table, decodes every chunk to build the page index, then
 * looks pages up. Only {@link DumpException} and the declared {@link IOException} may end it.
 * Seeds and findings: {@code SeekTableFuzzTestInputs/fuzz/}.
 */
class SeekTableFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] data) throws IOException {
        Path dump = FuzzFiles.write("fuzz.xml.zst", data);
        Files.deleteIfExists(IndexedDump.pageIndexOf(dump));
        try (IndexedDump d = IndexedDump.open(dump)) {
            d.siteInfo();
            for (long id = 0; id <= 4; id++) {
                d.byId(id);
            }
            d.byTitle("Page 1 & β");
        } catch (DumpException expected) {
            // the documented failures
        }
    }
}
