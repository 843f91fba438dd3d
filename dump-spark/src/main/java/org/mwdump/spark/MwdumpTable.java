package org.mwdump.spark;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** The dumps under the paths a read names, as one table of revisions; or the directory a write fills. */
final class MwdumpTable implements SupportsRead, org.apache.spark.sql.connector.catalog.SupportsWrite {
    private final CaseInsensitiveStringMap options;
    private final StructType schema;

    /** @param schema the columns, as {@link MwdumpDataSource#inferSchema} made them (the site info read once) */
    MwdumpTable(CaseInsensitiveStringMap options, StructType schema) {
        this.options = options;
        this.schema = schema;
    }

    @Override
    public String name() {
        return "mwdump " + options.getOrDefault("path", options.getOrDefault("paths", ""));
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public Set<TableCapability> capabilities() {
        // a write takes the columns of the rows it is given (checked by name against the source's)
        return EnumSet.of(TableCapability.BATCH_READ, TableCapability.BATCH_WRITE, TableCapability.TRUNCATE,
                TableCapability.ACCEPT_ANY_SCHEMA);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap scanOptions) {
        Map<String, String> all = new HashMap<>(options.asCaseSensitiveMap());
        all.putAll(scanOptions.asCaseSensitiveMap());
        return new MwdumpScan(new CaseInsensitiveStringMap(all));
    }

    @Override
    public org.apache.spark.sql.connector.write.WriteBuilder newWriteBuilder(
            org.apache.spark.sql.connector.write.LogicalWriteInfo info) {
        return new MwdumpWrite(info);
    }
}
