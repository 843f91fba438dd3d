package org.mwdump.hostile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import org.mwdump.DumpException;

/**
 * Fuzzes {@link org.mwdump.Dumps#open(java.io.InputStream)} with RevDoc JSON lines (a leading brace makes every input RevDoc):
 * reading everything must end normally or in a {@link DumpException}; any other throwable, a hang or
 * running out of memory is a finding. Seeds and findings: {@code RevDocReaderFuzzTestInputs/fuzz/}.
 */
class RevDocReaderFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] data) {
        try {
            BadInputs.read(new java.io.SequenceInputStream(new ByteArrayInputStream(new byte[] {(byte) 0x7b}), new ByteArrayInputStream(data)), org.mwdump.ReadOptions.DEFAULT);
        } catch (DumpException expected) {
            // the documented failure
        }
    }
}
