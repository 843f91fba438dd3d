package org.mwdump.benchmarks.bzip2;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.mwdump.write.bzip2.Bzip2OutputStream;

/**
 * Encodes one file (read into memory first) {@code rounds} times in one JVM with mwdump's encoder,
 * output discarded, and prints the MB/s of each round: the steady state that a profiler should look at,
 * once the first round has had the code compiled.
 *
 * <p>Usage: {@code Bzip2EncodeLoop FILE [rounds] [threads]} (defaults 3 and 1).
 */
public final class Bzip2EncodeLoop {
    private Bzip2EncodeLoop() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: Bzip2EncodeLoop FILE [rounds] [threads]");
            System.exit(2);
        }
        byte[] data = Files.readAllBytes(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        for (int r = 1; r <= rounds; r++) {
            long start = System.nanoTime();
            try (OutputStream bz = new Bzip2OutputStream(OutputStream.nullOutputStream(), 9, threads)) {
                bz.write(data);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "round %d: %.1f MB/s%n", r, data.length / 1e6 / seconds);
        }
    }
}
