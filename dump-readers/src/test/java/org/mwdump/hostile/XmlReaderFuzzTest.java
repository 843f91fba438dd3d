package org.mwdump.hostile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import org.mwdump.DumpException;

/**
 * Fuzzes {@link org.mwdump.Dumps#open(java.io.InputStream)} with XML (and whatever else the bytes sniff as):
 * reading everything must end normally or in a {@link DumpException}; any other throwable, a hang or
 * running out of memory is a finding. Seeds and findings: {@code XmlReaderFuzzTestInputs/fuzz/}.
 */
class XmlReaderFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] data) {
        try {
            BadInputs.read(new ByteArrayInputStream(data), org.mwdump.ReadOptions.DEFAULT);
        } catch (DumpException expected) {
            // the documented failure
        }
    }
}
