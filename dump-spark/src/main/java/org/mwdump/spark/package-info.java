/**
 * The Spark data source {@code mwdump} ({@link org.mwdump.spark.MwdumpDataSource}): MediaWiki dumps read
 * as a DataFrame of revisions, split at bz2 stream and zstd frame boundaries, in the columns of mwdump's
 * Parquet output.
 */
package org.mwdump.spark;
