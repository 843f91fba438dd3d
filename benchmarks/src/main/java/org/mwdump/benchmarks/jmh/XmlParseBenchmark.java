package org.mwdump.benchmarks.jmh;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.benchmarks.SyntheticDump;
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
import org.openjdk.jmh.infra.Blackhole;

import com.ctc.wstx.stax.WstxInputFactory;

/**
 * One whole pass over an uncompressed XML dump, three ways:
 * <ul>
 *   <li>{@link #woodstoxText}: the bare Woodstox event loop that reads every text event's
 *       characters — the least work any StAX-based reader of the dump has to do;</li>
 *   <li>{@link #woodstoxNextOnly}: the event loop alone; Woodstox then skips text without
 *       decoding it into characters, so this is a lower bound, not a fair baseline;</li>
 *   <li>{@link #mwdumpRevisions}: mwdump's reader producing every revision.</li>
 * </ul>
 * Each iteration is one pass ({@link Mode#SingleShotTime}); throughput in MB/s is the file size
 * divided by the time (see {@link XmlParseReport}, which runs this and prints MB/s).
 *
 * <p>The file is the {@code file} parameter, else the system property {@value #FILE_PROPERTY},
 * else {@value #DEFAULT_FILE} under {@code benchmarks/} (or the working directory when it is
 * {@code benchmarks/}); it is generated with {@link SyntheticDump} (history mode, seed 1, 200 MiB)
 * when absent.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 7)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
@State(Scope.Benchmark)
public class XmlParseBenchmark {
    /** System property naming the dump to read when the {@code file} parameter is empty. */
    public static final String FILE_PROPERTY = "mwdump.bench.xml";
    /** Default dump location, relative to the {@code benchmarks} module directory. */
    public static final String DEFAULT_FILE = "data/synthetic-history-seed1-200MiB.xml";
    /** Size of the generated default dump. */
    public static final String DEFAULT_SIZE = "200MiB";

    /** The uncompressed XML dump to read; empty for the default. */
    @Param("")
    public String file;

    private Path path;

    /** Finds the dump, generating it first if it does not exist. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        path = resolve(file);
        ensureExists(path, System.err);
    }

    /** The dump a run uses: {@code file} if non-empty, else the system property, else the default. */
    public static Path resolve(String file) {
        String f = file == null || file.isEmpty() ? System.getProperty(FILE_PROPERTY, "") : file;
        if (!f.isEmpty()) {
            return Path.of(f);
        }
        // the default lives in the git-ignored benchmarks/data/, wherever the run starts
        Path module = Files.isRegularFile(Path.of("benchmarks", "pom.xml")) ? Path.of("benchmarks") : Path.of("");
        return module.resolve(DEFAULT_FILE);
    }

    /** Generates the default synthetic dump at {@code path} unless a file is already there. */
    public static void ensureExists(Path path, PrintStream log) throws IOException {
        if (Files.exists(path)) {
            return;
        }
        log.println("generating " + path + " (" + DEFAULT_SIZE + ", history mode, seed 1)");
        SyntheticDump.run(new String[] {"--size", DEFAULT_SIZE, "--mode", "history", "--seed", "1",
            "--out", path.toString()}, log);
    }

    /** The file, buffered as {@code Dumps.open} buffers it, so that both sides make the same reads. */
    private InputStream open() throws IOException {
        return new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    }

    private static XMLInputFactory woodstox() {
        // created directly, so that no other StAX implementation on the class path can be picked
        XMLInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    /** The Woodstox event loop, reading the characters of every text event. */
    @Benchmark
    public long woodstoxText() throws IOException, XMLStreamException {
        long checksum = 0;
        try (InputStream in = open()) {
            XMLStreamReader r = woodstox().createXMLStreamReader(in);
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    char[] chars = r.getTextCharacters();
                    int start = r.getTextStart();
                    int length = r.getTextLength();
                    checksum += length;
                    if (length > 0) {
                        checksum += chars[start + length - 1];
                    }
                }
            }
            r.close();
        }
        return checksum;
    }

    /** The Woodstox event loop alone. */
    @Benchmark
    public long woodstoxNextOnly() throws IOException, XMLStreamException {
        long events = 0;
        try (InputStream in = open()) {
            XMLStreamReader r = woodstox().createXMLStreamReader(in);
            while (r.hasNext()) {
                events += r.next();
            }
            r.close();
        }
        return events;
    }

    /** mwdump's reader, every revision of the dump. */
    @Benchmark
    public void mwdumpRevisions(Blackhole bh) {
        try (DumpReader r = Dumps.open(path)) {
            r.revisions().forEach(bh::consume);
        }
    }

    /** Bytes per pass, for converting times to throughput. */
    static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
