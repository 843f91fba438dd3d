package org.mwdump.benchmarks.write;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.WriteOptions;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
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
 * Throughput of the XML and RevDoc writers, without compression and without I/O: a dump is read into
 * memory once, then written again and again to an output stream that only counts bytes. The figure
 * that matters is output MB/s (bytes written / time), printed by {@link #main}.
 *
 * <p>Run with JMH (the class carries the annotations) or, without the annotation processor, with
 * {@code main [dump file] [MB to write per format]}: the default dump is the shared corpus's
 * elwikivoyage sample (10 MB of XML, 2040 revisions) and 300 MB are written per format.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WriteBenchmark {

    /** The dump to read; empty for the corpus sample. */
    @Param({""})
    public String dump;

    private SiteInfo site;
    private List<Revision> revisions;

    @Setup(Level.Trial)
    public void load() {
        Path path = dump == null || dump.isEmpty() ? defaultDump() : Path.of(dump);
        try (DumpReader reader = Dumps.open(path)) {
            site = reader.siteInfo();
            revisions = new ArrayList<>(reader.revisions().stream().toList());
        }
    }

    @Benchmark
    public long xml() {
        CountingNullStream out = new CountingNullStream();
        write(Dumps.create(out, DumpFormat.XML, WriteOptions.DEFAULT), out);
        return out.count;
    }

    @Benchmark
    public long revdoc() {
        CountingNullStream out = new CountingNullStream();
        write(Dumps.create(out, DumpFormat.REVDOC, WriteOptions.DEFAULT), out);
        return out.count;
    }

    @Benchmark
    public long revdocLegacy() {
        CountingNullStream out = new CountingNullStream();
        write(Dumps.create(out, DumpFormat.REVDOC_LEGACY, WriteOptions.DEFAULT), out);
        return out.count;
    }

    private void write(DumpWriter writer, CountingNullStream out) {
        writer.writeSiteInfo(site);
        for (Revision r : revisions) {
            writer.write(r);
        }
        writer.finish();
    }

    static Path defaultDump() {
        String shared = System.getProperty("mwdump.shared", "../shared");
        return Path.of(shared, "corpus", "elwikivoyage-pages-articles-sample", "sample-pages-articles.xml.bz2");
    }

    /** An output stream that discards its bytes and counts them. */
    static final class CountingNullStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** A plain timing loop: writes each format until the given amount is written, after a warm-up. */
    public static void main(String[] args) {
        WriteBenchmark b = new WriteBenchmark();
        b.dump = args.length > 0 ? args[0] : "";
        long targetMb = args.length > 1 ? Long.parseLong(args[1]) : 300;
        b.load();
        System.out.printf("%d revisions in memory%n", b.revisions.size());
        String[] names = {"xml", "revdoc", "revdocLegacy"};
        for (String name : names) {
            for (int round = 0; round < 2; round++) { // round 0 warms up
                long bytes = 0;
                long start = System.nanoTime();
                while (bytes < targetMb * 1_000_000) {
                    bytes += switch (name) {
                        case "xml" -> b.xml();
                        case "revdoc" -> b.revdoc();
                        default -> b.revdocLegacy();
                    };
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (round == 1) {
                    System.out.printf("%-13s %6.0f MB written in %5.2f s: %7.1f MB/s%n", name, bytes / 1e6, seconds,
                            bytes / 1e6 / seconds);
                }
            }
        }
    }
}
