package org.mwdump.benchmarks.bzip2;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mwdump.write.bzip2.Bzip2OutputStream;

/**
 * How long the encoder takes for each piece of 900,000 bytes of a file, from the JVM's start: one thread,
 * level 9, output discarded, the file read into memory first. A piece's time is that of the block (or
 * blocks) its bytes complete, so the first pieces show what the JIT's warm-up costs (code interpreted,
 * then compiled with profiling, then compiled again) and the later ones the steady state.
 *
 * <p>Usage: {@code Bzip2WarmUp FILE [PIECES]}: the first PIECES pieces of FILE (default: all of it); prints
 * one line of milliseconds, one number per piece (the last piece includes the end of the stream).
 */
public final class Bzip2WarmUp {
    private static final int PIECE = 900_000;

    private Bzip2WarmUp() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Bzip2WarmUp FILE [PIECES]");
            System.exit(2);
        }
        byte[] data = Files.readAllBytes(Path.of(args[0]));
        if (args.length == 2) {
            data = java.util.Arrays.copyOf(data, (int) Math.min(data.length, (long) PIECE * Integer.parseInt(args[1])));
        }
        StringBuilder line = new StringBuilder();
        OutputStream bz = new Bzip2OutputStream(OutputStream.nullOutputStream(), 9, 1);
        for (int off = 0; off < data.length; off += PIECE) {
            long start = System.nanoTime();
            bz.write(data, off, Math.min(PIECE, data.length - off));
            if (off + PIECE >= data.length) {
                bz.close();
            }
            line.append(line.length() == 0 ? "" : " ").append((System.nanoTime() - start) / 100_000 / 10.0);
        }
        System.out.println(line);
    }
}
