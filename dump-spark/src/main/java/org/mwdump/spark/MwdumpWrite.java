package org.mwdump.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.distributions.Distribution;
import org.apache.spark.sql.connector.distributions.Distributions;
import org.apache.spark.sql.connector.expressions.Expressions;
import org.apache.spark.sql.connector.expressions.SortDirection;
import org.apache.spark.sql.connector.expressions.SortOrder;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.RequiresDistributionAndOrdering;
import org.apache.spark.sql.connector.write.SupportsTruncate;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.util.SerializableConfiguration;

/**
 * A write of revision rows as dump part files. Spark is asked to range-partition the rows by page id and
 * sort each partition by page id and revision id (or timestamp), so that every task gets whole pages in
 * order and writes them as they come. Tasks write under {@code DIR/_temporary/<job>/}; the job's commit
 * gives the parts their final names, numbered in page order as Wikimedia numbers its parts, and removes
 * the temporary directory; an aborted job leaves nothing behind. {@code mode("overwrite")} first removes
 * what the directory held; {@code mode("append")} adds parts beside it and fails rather than replace one.
 */
final class MwdumpWrite implements WriteBuilder, SupportsTruncate, RequiresDistributionAndOrdering, BatchWrite {
    private final LogicalWriteInfo info;
    private final WriteSettings settings;
    private final RowRevisions rows;
    private boolean truncate;
    private final String job = UUID.randomUUID().toString();

    MwdumpWrite(LogicalWriteInfo info) {
        this.info = info;
        this.settings = WriteSettings.of(info.options(), info.schema());
        this.rows = new RowRevisions(info.schema());
    }

    // ---------------------------------------------------------------- WriteBuilder

    @Override
    public WriteBuilder truncate() {
        truncate = true;
        return this;
    }

    @Override
    public Write build() {
        return this;
    }

    // ---------------------------------------------------------------- Write

    @Override
    public String description() {
        return "mwdump " + settings.format() + " " + settings.layout() + " to " + settings.path();
    }

    @Override
    public Distribution requiredDistribution() {
        return Distributions.ordered(new SortOrder[] {ascending("page_id")});
    }

    @Override
    public int requiredNumPartitions() {
        return settings.parts();
    }

    @Override
    public SortOrder[] requiredOrdering() {
        return settings.byTimestamp()
                ? new SortOrder[] {ascending("page_id"), ascending("revision_dt"), ascending("revision_id")}
                : new SortOrder[] {ascending("page_id"), ascending("revision_id")};
    }

    private static SortOrder ascending(String column) {
        return Expressions.sort(Expressions.column(column), SortDirection.ASCENDING);
    }

    @Override
    public BatchWrite toBatch() {
        return this;
    }

    // ---------------------------------------------------------------- BatchWrite

    private Path temporary() {
        return new Path(new Path(settings.path(), "_temporary"), job);
    }

    private static Configuration conf() {
        return SparkSession.active().sparkContext().hadoopConfiguration();
    }

    @Override
    public DataWriterFactory createBatchWriterFactory(PhysicalWriteInfo physical) {
        SparkSession spark = SparkSession.active();
        try {
            Path tmp = temporary();
            tmp.getFileSystem(conf()).mkdirs(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("mwdump: cannot create " + temporary(), e);
        }
        return new PartWriters(settings, rows, temporary().toString(),
                SerializableConfiguration.broadcast(spark.sparkContext(), conf()));
    }

    @Override
    public void commit(WriterCommitMessage[] messages) {
        List<PartWriters.Part> parts = new ArrayList<>();
        for (WriterCommitMessage m : messages) {
            if (m instanceof PartWriters.Written w) {
                parts.addAll(w.parts());
            }
        }
        parts.sort(Comparator.comparingLong(PartWriters.Part::firstPage));
        Path dir = new Path(settings.path());
        try {
            FileSystem fs = dir.getFileSystem(conf());
            if (truncate) {
                for (FileStatus s : fs.listStatus(dir)) {
                    if (!s.getPath().getName().equals("_temporary")) {
                        fs.delete(s.getPath(), true);
                    }
                }
            }
            List<MultistreamCombiner.Part> named = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                PartWriters.Part p = parts.get(i);
                if (i > 0 && p.firstPage() <= parts.get(i - 1).lastPage()) {
                    throw new IllegalStateException("mwdump: parts overlap at page " + p.firstPage());
                }
                Path file = new Path(dir, settings.partName(i + 1, p.firstPage(), p.lastPage()));
                rename(fs, p.file(), file);
                Path index = null;
                if (p.index() != null) {
                    index = new Path(dir, settings.indexName(i + 1, p.firstPage(), p.lastPage()));
                    rename(fs, p.index(), index);
                }
                named.add(new MultistreamCombiner.Part(file, index));
            }
            if (settings.combine() && !named.isEmpty()) {
                MultistreamCombiner.combine(fs, named, new Path(dir, settings.combinedName()),
                        new Path(dir, settings.combinedIndexName()));
            }
            deleteTemporary(fs);
        } catch (IOException e) {
            throw new UncheckedIOException("mwdump: cannot commit the write to " + dir, e);
        }
    }

    private static void rename(FileSystem fs, String from, Path to) throws IOException {
        if (fs.exists(to)) {
            throw new IOException(to + " exists already (write with mode(\"overwrite\") to replace the parts)");
        }
        if (!fs.rename(new Path(from), to)) {
            throw new IOException("cannot rename " + from + " to " + to);
        }
    }

    private void deleteTemporary(FileSystem fs) throws IOException {
        fs.delete(temporary(), true);
        Path parent = temporary().getParent();
        FileStatus[] left = fs.exists(parent) ? fs.listStatus(parent) : new FileStatus[0];
        if (left.length == 0) {
            fs.delete(parent, true); // no other job is writing here
        }
    }

    @Override
    public void abort(WriterCommitMessage[] messages) {
        try {
            deleteTemporary(temporary().getFileSystem(conf()));
        } catch (IOException e) {
            throw new UncheckedIOException("mwdump: cannot remove " + temporary(), e);
        }
    }
}
