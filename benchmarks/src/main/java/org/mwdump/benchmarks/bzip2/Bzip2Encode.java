package org.mwdump.benchmarks.bzip2;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mwdump.write.bzip2.Bzip2OutputStream;

/**
 * {@code bzip2 -LEVEL -c FILE} with mwdump's encoder, as one process: reads FILE in 1 MiB pieces and
 * writes the stream to standard output, so scripts time it end to end like the command.
 *
 * <p>Usage: {@code Bzip2Encode FILE [threads] [level]} (defaults 1 and 9).
 */
public final class Bzip2Encode {
    private Bzip2Encode() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: Bzip2Encode FILE [threads] [level]");
            System.exit(2);
        }
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int level = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        try (InputStream in = Files.newInputStream(Path.of(args[0]));
             OutputStream bz = new Bzip2OutputStream(stdout, level, threads)) {
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                bz.write(buf, 0, n);
            }
        }
    }
}
