package org.mwdump.hostile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import org.mwdump.DumpException;
import org.mwdump.index.MultistreamIndex;

/**
 * Fuzzes the multistream index reader ({@code offset:page_id:title} lines, plain or bz2-compressed).
 * Only {@link DumpException} may end it. Seeds and findings: {@code MultistreamIndexFuzzTestInputs/fuzz/}.
 */
class MultistreamIndexFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] data) throws IOException {
        Path file = FuzzFiles.write("fuzz-index.txt", data);
        try {
            MultistreamIndex.read(file);
        } catch (DumpException expected) {
            // the documented failure
        }
    }
}
