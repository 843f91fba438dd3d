package org.mwdump.spark.bench;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * One Spark job over a dump, for {@code benchmarks/scripts/spark-read.sh}, which times it as a whole
 * process:
 * <ul>
 *   <li>{@code parquet}: count the revisions and write them all (texts included) as Parquet;</li>
 *   <li>{@code meta}: revisions per namespace, no text column (the reader skips the texts);</li>
 *   <li>{@code text}: revisions per namespace and the total length of their texts;</li>
 *   <li>{@code floor}: not the dump, but 1000 numbers counted by their last digit: what starting the
 *       session and a first job cost whatever the input.</li>
 * </ul>
 * Usage: {@code SparkReadJob MASTER JOB DUMP [OUT_DIR]}; prints what it counted.
 */
public final class SparkReadJob {
    private SparkReadJob() {
    }

    public static void main(String[] args) {
        String master = args[0];
        String job = args[1];
        String dump = args[2];
        SparkSession spark = SparkSession.builder().master(master).appName("mwdump " + job)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        try {
            if (job.equals("floor")) {
                print(spark.range(1000).withColumn("page_namespace_id", functions.col("id").mod(10))
                        .groupBy("page_namespace_id").count());
                return;
            }
            Dataset<Row> revisions = spark.read().format("mwdump").load(dump);
            switch (job) {
                case "parquet" -> {
                    revisions.write().mode("overwrite").parquet(args[3]);
                    System.out.println("revisions: " + spark.read().parquet(args[3]).count()
                            + ", partitions: " + revisions.rdd().getNumPartitions());
                }
                case "meta" -> print(revisions.groupBy("page_namespace_id").count());
                case "text" -> print(revisions.groupBy("page_namespace_id").agg(functions.count("*"),
                        functions.sum(functions.length(functions.col("revision_content_slots").getItem("main")
                                .getField("content_body")))));
                default -> throw new IllegalArgumentException("job: parquet, meta, text or floor");
            }
        } finally {
            spark.stop();
        }
    }

    private static void print(Dataset<Row> result) {
        for (Row r : result.orderBy("page_namespace_id").collectAsList()) {
            System.out.println(r.mkString("\t"));
        }
    }
}
