package org.mwdump.spark;

import org.apache.spark.sql.connector.metric.CustomSumMetric;

/**
 * The scan metric {@code decodedChunks}: how many bz2 streams, zstd frames or bz2 blocks the tasks of a
 * scan decoded (shown in Spark's SQL tab); low when filters on {@code page_id} let the scan skip most of
 * a file. Spark makes it by its class name.
 */
public final class DecodedChunksMetric extends CustomSumMetric {
    static final String NAME = "decodedChunks";

    /** The metric, as Spark creates it. */
    public DecodedChunksMetric() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "compressed streams, frames or blocks decoded";
    }
}
