package org.mwdump.hostile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.mwdump.DumpException;
import org.mwdump.read.bzip2.Bzip2InputStream;

/**
 * Fuzzes {@link Bzip2InputStream}: decoding must end normally or in a {@link DumpException}
 * ({@link org.mwdump.CorruptInputException}) or the declared {@link IOException}; anything else is a finding.
 * Seeds and findings: {@code Bzip2FuzzTestInputs/fuzz/}.
 */
class Bzip2FuzzTest {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] data) throws IOException {
        try (Bzip2InputStream in = new Bzip2InputStream(new ByteArrayInputStream(data))) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (DumpException | IOException expected) {
            // the documented failures
        }
    }
}
