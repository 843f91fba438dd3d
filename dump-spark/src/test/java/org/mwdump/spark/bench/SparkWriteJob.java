package org.mwdump.spark.bench;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.parquet.SiteInfoJson;

/**
 * One Spark job for {@code benchmarks/scripts/spark-write.sh}, which times it as a whole process: mwdump's
 * Parquet, read with Spark's own Parquet reader, written with {@code format("mwdump")} as multistream XML
 * parts (the site info from the Parquet file's footer, as the option {@code siteInfo}).
 * Usage: {@code SparkWriteJob MASTER PARQUET_FILE OUT_DIR [LAYOUT]}; prints the part files made.
 */
public final class SparkWriteJob {
    private SparkWriteJob() {
    }

    public static void main(String[] args) {
        String master = args[0];
        Path parquet = Path.of(args[1]);
        String out = args[2];
        String layout = args.length > 3 ? args[3] : "multistream";
        String site;
        try (DumpReader r = Dumps.open(parquet)) {
            site = SiteInfoJson.write(r.siteInfo());
        }
        SparkSession spark = SparkSession.builder().master(master).appName("mwdump write")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        try {
            Dataset<Row> revisions = spark.read().parquet(parquet.toString());
            revisions.write().format("mwdump").option("layout", layout).option("siteInfo", site)
                    .mode("overwrite").save(out);
            try (var files = java.nio.file.Files.list(Path.of(out))) {
                files.map(p -> p.getFileName().toString()).sorted().forEach(System.out::println);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        } finally {
            spark.stop();
        }
    }
}
