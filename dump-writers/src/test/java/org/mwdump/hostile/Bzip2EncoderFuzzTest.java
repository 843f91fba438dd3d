package org.mwdump.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.mwdump.read.bzip2.Bzip2InputStream;
import org.mwdump.testing.Tools;
import org.mwdump.write.bzip2.Bzip2OutputStream;

/**
 * Fuzzes {@link Bzip2OutputStream}: for any bytes (the first chooses the level and the thread count,
 * the rest repeated to reach block boundaries at small levels) the output must decode to the input
 * through mwdump's own decoder, and, where the {@code bzip2} command is installed, equal its output
 * byte for byte. Seeds and findings: {@code Bzip2EncoderFuzzTestInputs/fuzz/}.
 */
class Bzip2EncoderFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] input) throws IOException, InterruptedException {
        if (input.length == 0) {
            return;
        }
        int control = input[0] & 0xFF;
        int level = 1 + control % 9;
        int threads = 1 + (control >> 7);
        byte[] unit = Arrays.copyOfRange(input, 1, input.length);
        // repeating the input makes long runs and self-repeating blocks, the encoder's corners
        int times = unit.length == 0 ? 0 : 1 + ((control >> 4) & 7) * (1 + 4000 / unit.length);
        byte[] data = new byte[unit.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(unit, 0, data, i * unit.length, unit.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Bzip2OutputStream bz = new Bzip2OutputStream(out, level, threads)) {
            bz.write(data);
        }
        byte[] compressed = out.toByteArray();
        try (InputStream in = new Bzip2InputStream(new ByteArrayInputStream(compressed))) {
            assertArrayEquals(data, in.readAllBytes(), "round trip");
        }
        if (Tools.onPath("bzip2")) {
            Process p = new ProcessBuilder("bzip2", "-c", "-" + level).start();
            try (OutputStream stdin = p.getOutputStream()) {
                stdin.write(data);
            }
            byte[] expected = p.getInputStream().readAllBytes();
            p.waitFor();
            assertArrayEquals(expected, compressed, "bzip2 -" + level + " writes other bytes");
        }
    }
}
