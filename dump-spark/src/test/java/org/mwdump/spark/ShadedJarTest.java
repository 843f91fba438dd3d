package org.mwdump.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar for {@code spark-submit --jars}, on its own: run after {@code package} with Spark's class path
 * and {@code dump-spark-VERSION-all.jar} in place of mwdump's modules and xz (see the pom), it reads the
 * sample dump and writes it as multistream parts, which read back the same.
 */
class ShadedJarTest {
    static final Path SAMPLE = Path.of(System.getProperty("basedir", "."))
            .resolve("../samples/src/main/resources/org/mwdump/samples/sample-dump.xml.bz2");

    @Test
    void readsAndWritesWithTheOneJar(@TempDir Path dir) throws Exception {
        String jar = MwdumpDataSource.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertTrue(jar.endsWith("-all.jar"), "mwdump's classes come from " + jar);
        assertTrue(Files.isRegularFile(SAMPLE), SAMPLE.toString());
        SparkSession spark = SparkSession.builder().master("local[2]").appName("mwdump-shaded")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        try {
            Dataset<Row> rows = spark.read().format("mwdump").load(SAMPLE.toString());
            assertEquals(59, rows.count());
            Path out = dir.resolve("out");
            rows.write().format("mwdump").option("layout", "multistream").option("date", "20260101")
                    .mode("overwrite").save(out.toString());
            Dataset<Row> back = spark.read().format("mwdump").load(out.toString());
            assertEquals(59, back.count());
            assertEquals(rows.select("revision_id").orderBy("revision_id").collectAsList(),
                    back.select("revision_id").orderBy("revision_id").collectAsList());
        } finally {
            spark.stop();
        }
    }
}
