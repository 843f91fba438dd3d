package org.mwdump.benchmarks.jmh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.mwdump.benchmarks.SyntheticDump;
import org.mwdump.read.bzip2.Bzip2BlockDecoder;
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
 * Time to decode one bzip2 block of the size a multistream lookup decodes: the cost that dominates a
 * page lookup in a {@code pages-articles-multistream} dump. A synthetic articles dump (seed 7, the
 * generator {@code random-access.sh} uses) is cut into pieces of {@code blockBytes} bytes of XML,
 * each compressed at level 9 into a stream of one block; every invocation decodes the next piece, so
 * the score is the mean time per block over all of them.
 *
 * <ul>
 *   <li>{@link #mwdump}: {@link Bzip2BlockDecoder#decode(byte[], int, long, int)}, with one decoder
 *       reused as a lookup reuses its pooled decoder (Huffman, move-to-front, inverse Burrows-Wheeler
 *       transform, run-length undo and CRC check);</li>
 *   <li>{@link #commonsCompress}: Commons Compress reading the same stream, for scale.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar target/benchmarks.jar Bzip2BlockBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class Bzip2BlockBenchmark {
    /**
     * XML bytes per block. 737,000 is about the mean of the 100-page streams of the 1 GB synthetic
     * multistream dump (10^9 bytes in 1,357 streams); bzip2 -9 blocks hold up to 900,000 bytes.
     */
    @Param("737000")
    public int blockBytes;

    /** Number of different blocks decoded in turn (so that no single block's shape dominates). */
    @Param("24")
    public int blocks;

    private byte[][] streams;
    private int next;
    private final Bzip2BlockDecoder decoder = new Bzip2BlockDecoder();

    /** Generates the XML and compresses each piece into its own single-block stream. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        SyntheticDump.builder().seed(7).mode(SyntheticDump.Mode.ARTICLES)
                .targetBytes((long) blockBytes * (blocks + 1)).build().write(xml);
        byte[] all = xml.toByteArray();
        streams = new byte[blocks][];
        for (int i = 0; i < blocks; i++) {
            ByteArrayOutputStream bz = new ByteArrayOutputStream();
            try (BZip2CompressorOutputStream out = new BZip2CompressorOutputStream(bz, 9)) {
                out.write(all, i * blockBytes, blockBytes);
            }
            streams[i] = bz.toByteArray();
        }
        // each must decode to its piece, and be one block
        for (int i = 0; i < blocks; i++) {
            Bzip2BlockDecoder.Block b = decoder.decode(streams[i], streams[i].length, 32, 9);
            if (!Arrays.equals(b.data(), 0, b.data().length, all, i * blockBytes, (i + 1) * blockBytes)) {
                throw new IllegalStateException("block " + i + " does not decode to its piece of XML");
            }
        }
    }

    private byte[] nextStream() {
        byte[] s = streams[next];
        next = next + 1 == streams.length ? 0 : next + 1;
        return s;
    }

    /** mwdump's block decoder: returns the block's decoded length. */
    @Benchmark
    public int mwdump() {
        byte[] s = nextStream();
        return decoder.decode(s, s.length, 32, 9).data().length;
    }

    /** Commons Compress decoding the same one-block stream. */
    @Benchmark
    public int commonsCompress() {
        byte[] s = nextStream();
        try (BZip2CompressorInputStream in = new BZip2CompressorInputStream(new ByteArrayInputStream(s))) {
            return in.readAllBytes().length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
