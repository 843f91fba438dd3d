package org.mwdump.samples;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark in local mode: reads a dump (the bundled sample when no path is given) through the data source
 * {@code mwdump}, counts revisions per namespace, and writes the revisions without their texts as
 * Parquet.
 *
 * <pre>
 * mvn -q -pl samples exec:exec@spark                      # the bundled sample
 * mvn -q -pl samples exec:exec@spark -Dspark.args="DUMP OUT_DIR"
 * </pre>
 */
public final class SparkNamespaceCounts {
    private SparkNamespaceCounts() {
    }

    public static void main(String[] args) throws Exception {
        Path dump;
        if (args.length > 0) {
            dump = Path.of(args[0]);
        } else {
            // Spark reads files, not class path resources: the sample is copied out first
            dump = Files.createTempFile("sample-dump", ".xml.bz2");
            dump.toFile().deleteOnExit();
            try (InputStream in = Summary.openSample()) {
                Files.copy(in, dump, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path out = args.length > 1 ? Path.of(args[1]) : Path.of("target", "sample-revisions.parquet");
        SparkSession spark = SparkSession.builder().master("local[2]").appName("mwdump sample")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            Dataset<Row> revisions = spark.read().format("mwdump").load(dump.toString());
            revisions.groupBy("page_namespace_id").count().orderBy("page_namespace_id").show();
            // no text column selected: the reader skips the texts
            revisions.select("page_id", "page_title", "revision_id", "revision_dt", "user_text", "revision_size")
                    .write().mode("overwrite").parquet(out.toString());
            System.out.println("wrote " + spark.read().parquet(out.toString()).count() + " revisions to "
                    + out.toAbsolutePath());
        } finally {
            spark.stop();
        }
    }
}
