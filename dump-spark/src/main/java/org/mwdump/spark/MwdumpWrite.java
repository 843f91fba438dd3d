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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write of revision rows as dump part files. Spark is asked to range-partition the rows by page id and
 * sort each partition by page id and revision id (or timestamp), so that every task gets whole pages in
 * order and writes them as they come. Tasks write under {@code DIR/_temporary/<job>/}; the job's commit
 * gives the parts their final names, numbered in page order as Wikimedia numbers its parts, and removes
 * the temporary directory; an aborted job leaves nothing behind. {@code mode("overwrite")} replaces what
 * the directory held: the commit first sets it aside under {@code DIR/_temporary/<job>.replaced/} and
 * removes it only once the parts are in place; {@code mode("append")} adds parts beside it and fails,
 * before naming any, rather than replace one. A commit that fails part-way undoes what it did (the parts
 * go back to their temporary names, a combined file it made is removed, what it set aside comes back)
 * before the job is aborted. Once the parts are in place the job is done: a failure to remove what was
 * set aside or the temporary directory is logged as a warning, not thrown.
 */
final class MwdumpWrite implements WriteBuilder, SupportsTruncate, RequiresDistributionAndOrdering, BatchWrite {
    private static final Logger LOG = LoggerFactory.getLogger(MwdumpWrite.class);
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
        FileSystem fs;
        try {
            fs = dir.getFileSystem(conf());
        } catch (IOException e) {
            throw new UncheckedIOException("mwdump: cannot commit the write to " + dir, e);
        }
        Moves moves = new Moves(fs, new Path(new Path(dir, "_temporary"), job + ".replaced"));
        try {
            List<MultistreamCombiner.Part> named = new ArrayList<>();
            List<Path[]> renames = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                PartWriters.Part p = parts.get(i);
                if (i > 0 && p.firstPage() <= parts.get(i - 1).lastPage()) {
                    throw new IllegalStateException("mwdump: parts overlap at page " + p.firstPage());
                }
                Path file = new Path(dir, settings.partName(i + 1, p.firstPage(), p.lastPage()));
                renames.add(new Path[] {new Path(p.file()), file});
                Path index = null;
                if (p.index() != null) {
                    index = new Path(dir, settings.indexName(i + 1, p.firstPage(), p.lastPage()));
                    renames.add(new Path[] {new Path(p.index()), index});
                }
                named.add(new MultistreamCombiner.Part(file, index));
            }
            if (truncate) {
                // what the directory held is set aside, to be removed once the commit is through (and put
                // back if it fails)
                for (FileStatus s : fs.listStatus(dir)) {
                    if (!s.getPath().getName().equals("_temporary")) {
                        moves.setAside(s.getPath());
                    }
                }
            }
            // every name is checked before the first rename: a clash changes nothing
            for (Path[] r : renames) {
                refuseExisting(fs, r[1]);
            }
            for (Path[] r : renames) {
                moves.rename(r[0], r[1]);
            }
            if (settings.combine() && !named.isEmpty()) {
                Path combined = new Path(dir, settings.combinedName());
                Path combinedIndex = new Path(dir, settings.combinedIndexName());
                // a combined file already there (mode append) is replaced, and put back if the job fails
                moves.setAside(combined);
                moves.setAside(combinedIndex);
                moves.created(combined);
                moves.created(combinedIndex);
                MultistreamCombiner.combine(fs, named, combined, combinedIndex);
            }
        } catch (IOException | RuntimeException e) {
            moves.undo(e);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("mwdump: cannot commit the write to " + dir, io);
            }
            throw (RuntimeException) e;
        }
        // the parts are in place: the job is done, whatever the clean-up that follows gives
        try {
            moves.done();
        } catch (IOException | RuntimeException e) {
            LOG.warn("mwdump: the write to {} is committed, but the files it replaced are not all removed from {}",
                    dir, moves.replaced, e);
        }
        try {
            deleteTemporary(fs);
        } catch (IOException | RuntimeException e) {
            LOG.warn("mwdump: the write to {} is committed, but its temporary files are not all removed from {}",
                    dir, temporary().getParent(), e);
        }
    }

    private static void refuseExisting(FileSystem fs, Path to) throws IOException {
        if (fs.exists(to)) {
            throw new IOException(to + " exists already (write with mode(\"overwrite\") to replace the parts)");
        }
    }

    /**
     * What a job's commit has changed in the output directory, so that a commit that fails part-way can
     * undo it: the parts renamed into place go back to their temporary names (which the abort then
     * removes), the files it created are removed, and the files it set aside to replace them come back.
     */
    private static final class Moves {
        private final FileSystem fs;
        /** Where files about to be replaced are kept until the commit is through. */
        private final Path replaced;
        /** The changes in the order made: {from, to} for a rename, {null, file} for a file created. */
        private final List<Path[]> changes = new ArrayList<>();

        Moves(FileSystem fs, Path replaced) {
            this.fs = fs;
            this.replaced = replaced;
        }

        void rename(Path from, Path to) throws IOException {
            refuseExisting(fs, to);
            if (!fs.rename(from, to)) {
                throw new IOException("cannot rename " + from + " to " + to);
            }
            changes.add(new Path[] {from, to});
        }

        /** Moves an existing file (or folder) out of the way: of one the commit creates, or of the write. */
        void setAside(Path file) throws IOException {
            if (fs.exists(file)) {
                fs.mkdirs(replaced);
                Path kept = new Path(replaced, file.getName());
                if (!fs.rename(file, kept)) {
                    throw new IOException("cannot move " + file + " to " + kept + " to replace it");
                }
                changes.add(new Path[] {file, kept});
            }
        }

        /** A file the commit is about to create. */
        void created(Path file) {
            changes.add(new Path[] {null, file});
        }

        /** Undoes every change, last first; what cannot be undone is added to the failure. */
        void undo(Exception failure) {
            boolean complete = true;
            for (int i = changes.size() - 1; i >= 0; i--) {
                Path from = changes.get(i)[0];
                Path to = changes.get(i)[1];
                try {
                    if (from == null) {
                        fs.delete(to, false);
                    } else if (!fs.rename(to, from)) {
                        throw new IOException("cannot rename " + to + " back to " + from);
                    }
                } catch (IOException | RuntimeException e) {
                    complete = false;
                    failure.addSuppressed(e);
                }
            }
            changes.clear();
            try {
                if (complete) {
                    fs.delete(replaced, true);
                } else if (fs.exists(replaced)) {
                    failure.addSuppressed(new IOException("the files the write was to replace are kept in "
                            + replaced));
                }
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }

        /** The commit is through: the files set aside are removed. */
        void done() throws IOException {
            changes.clear();
            fs.delete(replaced, true);
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
