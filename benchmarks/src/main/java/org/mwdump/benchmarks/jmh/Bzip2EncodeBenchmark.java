package org.mwdump.benchmarks.jmh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.mwdump.benchmarks.SyntheticDump;
import org.mwdump.write.bzip2.Bzip2OutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to encode one full bzip2 block (level 9, 900 kB): what a multistream stream of 100 pages, or
 * every ninth of a megabyte of a {@code .bz2} output, costs a writing thread. A synthetic history dump
 * (seed 1, the generator {@code parallel-convert.sh} uses) is cut into {@code blocks} different pieces
 * of 899,000 bytes; every invocation encodes the next one into a complete stream.
 *
 * <ul>
 *   <li>{@link #mwdump}: {@link Bzip2OutputStream#compress}, libbzip2's bytes (run-length stage, SA-IS
 *       rotation sort, move-to-front, Huffman tables);</li>
 *   <li>{@link #commonsCompress}: Commons Compress's encoder, which mwdump used before, for scale.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar target/benchmarks.jar Bzip2EncodeBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class Bzip2EncodeBenchmark {
    /** XML bytes per piece: just under one level-9 block, so each encodes as one block. */
    @Param("899000")
    public int blockBytes;

    /** Number of different pieces encoded in turn. */
    @Param("12")
    public int blocks;

    private byte[] xml;
    private int next;

    /** Generates the XML. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyntheticDump.builder().seed(1).mode(SyntheticDump.Mode.HISTORY)
                .targetBytes((long) blockBytes * (blocks + 1)).build().write(out);
        xml = Arrays.copyOf(out.toByteArray(), blockBytes * blocks);
    }

    private int nextOffset() {
        int off = next * blockBytes;
        next = (next + 1) % blocks;
        return off;
    }

    @Benchmark
    public byte[] mwdump() {
        return Bzip2OutputStream.compress(xml, nextOffset(), blockBytes, 9);
    }

    @Benchmark
    public byte[] commonsCompress() throws IOException {
        ByteArrayOutputStream bz = new ByteArrayOutputStream(blockBytes / 4);
        try (OutputStream out = new BZip2CompressorOutputStream(bz, 9)) {
            out.write(xml, nextOffset(), blockBytes);
        }
        return bz.toByteArray();
    }
}
