package org.mwdump.benchmarks.jmh;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link XmlParseBenchmark} and prints each variant's throughput in MB/s (10<sup>6</sup> bytes
 * of uncompressed XML per second, from the median pass time) and the ratio of mwdump's reader to
 * the bare Woodstox loop.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.mwdump.benchmarks.jmh.XmlParseReport [FILE] [JMH options]},
 * for example {@code -i 7 -wi 2} to change the iteration counts.
 */
public final class XmlParseReport {
    private static final String BARE = "woodstoxText";
    private static final String NEXT_ONLY = "woodstoxNextOnly";
    private static final String MWDUMP = "mwdumpRevisions";

    private XmlParseReport() {
    }

    /** Runs the benchmark and prints the summary. */
    public static void main(String[] args) throws Exception {
        String file = "";
        String[] jmhArgs = args;
        if (args.length > 0 && !args[0].startsWith("-")) {
            file = args[0];
            jmhArgs = Arrays.copyOfRange(args, 1, args.length);
        }
        Path path = XmlParseBenchmark.resolve(file).toAbsolutePath();
        // generated here, once, rather than in the forked benchmark JVM
        XmlParseBenchmark.ensureExists(path, System.out);
        long size = XmlParseBenchmark.size(path);

        CommandLineOptions cmd = new CommandLineOptions(jmhArgs);
        Options options = new OptionsBuilder().parent(cmd)
                .include(XmlParseBenchmark.class.getName() + "\\.")
                .param("file", path.toString())
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, double[]> byName = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            Statistics st = r.getPrimaryResult().getStatistics();
            // SingleShotTime in milliseconds per pass: lower time is higher throughput
            byName.put(name, new double[] {st.getN(), st.getPercentile(50), st.getMin(), st.getMax()});
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "file: %s (%,d bytes of XML)%n", path, size);
        System.out.printf(Locale.ROOT, "%-18s %6s %12s %12s %20s%n", "variant", "passes", "median ms", "MB/s",
                "MB/s (slowest-fastest)");
        for (String name : new String[] {BARE, NEXT_ONLY, MWDUMP}) {
            double[] s = byName.get(name);
            if (s == null) {
                System.out.printf(Locale.ROOT, "%-18s %6s   failed or not run (see the JMH output above)%n", name, "-");
                continue;
            }
            System.out.printf(Locale.ROOT, "%-18s %6d %12.0f %12.1f %9.1f-%-10.1f%n", name, (long) s[0], s[1],
                    mbPerSecond(size, s[1]), mbPerSecond(size, s[3]), mbPerSecond(size, s[2]));
        }
        double[] bare = byName.get(BARE);
        double[] mw = byName.get(MWDUMP);
        if (bare != null && mw != null) {
            System.out.printf(Locale.ROOT, "ratio mwdump / bare Woodstox loop (throughput): %.2f%n",
                    mbPerSecond(size, mw[1]) / mbPerSecond(size, bare[1]));
        } else {
            System.out.println("ratio mwdump / bare Woodstox loop: n/a");
        }
    }

    private static double mbPerSecond(long bytes, double millis) {
        return bytes / 1e6 / (millis / 1e3);
    }
}
