package org.mwdump.hostile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.mwdump.DumpException;

/**
 * Fuzzes {@link org.mwdump.Dumps#open(java.io.InputStream)} with change events (a leading
 * {@code {"$schema":"/mediawiki/page/change/1.2.0",} makes every input events): reading everything must end
 * normally or in a {@link DumpException}; any other throwable, a hang or running out of memory is a finding.
 * Seeds and findings: {@code EventReaderFuzzTestInputs/fuzz/}.
 */
class EventReaderFuzzTest {
    private static final byte[] HEAD = "{\"$schema\":\"/mediawiki/page/change/1.2.0\","
            .getBytes(StandardCharsets.US_ASCII);

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] data) {
        try {
            BadInputs.read(new java.io.SequenceInputStream(new ByteArrayInputStream(HEAD),
                    new ByteArrayInputStream(data)), org.mwdump.ReadOptions.DEFAULT);
        } catch (DumpException expected) {
            // the documented failure
        }
    }
}
