package org.mwdump.spark;

import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The Spark data source {@code mwdump}: {@code spark.read.format("mwdump").load(paths)} reads MediaWiki
 * dumps (XML in any compression mwdump reads, RevDoc JSON lines) as one row per revision, in the
 * columns of mwdump's Parquet output plus {@code wiki_db} and {@code source_file}.
 *
 * <p>A path is a file, a directory (its dump files, not its index files) or a glob, on any file system
 * Hadoop is configured for. Multistream bz2 and seekable zstd files are read in splits of about
 * {@code maxPartitionBytes} compressed bytes (option; default Spark's
 * {@code spark.sql.files.maxPartitionBytes}) at stream or frame boundaries; other files in one
 * partition each.
 *
 * <p>Options: {@code maxPartitionBytes}; {@code strict} ({@code true}: every deviation from the dump
 * format, such as an unknown element, is an error, as with {@code ReadOptions.strict}; default lenient);
 * {@code mode}, {@code FAILFAST} (default: a damaged split fails
 * the job with mwdump's message, naming the file and the offset) or {@code PERMISSIVE} (the rows read
 * before the damage are kept, and a row with the file and the error in the column {@code _corrupt} takes
 * the place of the rest of the split).
 *
 * <p>{@code df.write.format("mwdump").mode("overwrite").save(dir)} writes such rows as dump part files,
 * named as Wikimedia names its parts, under the options {@code format} ({@code xml}, {@code revdoc},
 * {@code revdoc-legacy}), {@code layout} ({@code bz2}, {@code gz}, {@code zst}, {@code none},
 * {@code multistream}, {@code seekable-zstd}), {@code pagesPerPart}, {@code bytesPerPart}, {@code parts},
 * {@code pagesPerStream}, {@code combine}, {@code order}, {@code schemaVersion}, {@code siteInfo},
 * {@code wiki}, {@code date} and {@code kind}; see the project's README.
 */
public final class MwdumpDataSource implements TableProvider, DataSourceRegister {
    /** Creates the source (Spark does, by its short name). */
    public MwdumpDataSource() {
    }

    @Override
    public String shortName() {
        return "mwdump";
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return RevisionRows.schema(MwdumpScan.permissive(options), MwdumpScan.firstSiteInfoJson(options));
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        return new MwdumpTable(new CaseInsensitiveStringMap(properties), schema);
    }
}
