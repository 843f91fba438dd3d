package org.mwdump.hostile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mwdump.DumpException;
import org.mwdump.index.IndexedDump;
import org.mwdump.index.PageIndex;

/**
 * Fuzzes the page index file: {@link PageIndex#open} and its lookups, then the same file as the index of
 * a small valid dump, so that lying positions reach the decoder. Only {@link DumpException} and the
 * declared {@link IOException} may end it. Seeds and findings: {@code PageIndexFuzzTestInputs/fuzz/}.
 */
class PageIndexFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] data) throws IOException {
        Path file = FuzzFiles.write("fuzz.mwpidx", data);
        try {
            PageIndex index = PageIndex.open(file);
            index.size();
            index.position(1);
            index.position(Long.MIN_VALUE);
            index.candidates("Page 1 & β");
            try (IndexedDump d = IndexedDump.open(FuzzFiles.DUMP, FuzzFiles.INDEX, file)) {
                for (long id = 0; id <= 4; id++) {
                    d.byId(id);
                }
                d.byTitle("Page 2 & γ");
                d.byIds(List.of(1L, 2L, 3L, -1L));
            }
        } catch (DumpException expected) {
            // the documented failures
        }
    }
}
