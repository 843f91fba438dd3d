package org.mwdump.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.util.SerializableConfiguration;
import org.mwdump.DumpException;
import org.mwdump.DumpReader;
import org.mwdump.ReadOptions;
import org.mwdump.index.DumpSplits;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;

/** Makes, on an executor, the reader of one partition's revisions. */
final class SplitReaderFactory implements PartitionReaderFactory {
    private static final long serialVersionUID = 1L;

    private final Broadcast<SerializableConfiguration> conf;
    private final int[] columns;
    private final boolean withText;
    private final PageFilter filter;
    private final boolean permissive;
    private final boolean strict;

    SplitReaderFactory(Broadcast<SerializableConfiguration> conf, int[] columns, boolean withText, PageFilter filter,
                       boolean permissive, boolean strict) {
        this.conf = conf;
        this.columns = columns;
        this.withText = withText;
        this.filter = filter;
        this.permissive = permissive;
        this.strict = strict;
    }

    /**
     * Whether an error is damage in the data (or data that is not a dump), which a permissive read records
     * and goes on from; not the file failing to be read, which fails the task (and is retried).
     */
    static boolean isDamage(DumpException e) {
        return e.getClass() != DumpException.class;
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        SplitPartition p = (SplitPartition) partition;
        HadoopChannel channel;
        try {
            channel = HadoopChannel.open(p.file(), conf.value().value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            SplitReader r = new SplitReader(channel, p.file());
            try {
                r.reader = open(channel, p, r.decoded);
            } catch (DumpException e) {
                if (!permissive || !isDamage(e)) {
                    throw e;
                }
                r.corrupt = RevisionRows.project(RevisionRows.corrupt(r.source, e.getMessage()), columns);
            }
            return r;
        } catch (RuntimeException | Error e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The reader of a partition's pages, counting the chunks it decodes. */
    private DumpReader open(HadoopChannel channel, SplitPartition p, long[] decoded) {
        // texts not asked for are skipped by the parser, never decoded
        ReadOptions options = ReadOptions.builder().texts(withText).strict(strict).build();
        java.net.URI uri = new org.apache.hadoop.fs.Path(p.file()).toUri();
        if (p.split().kind() == DumpSplits.Kind.WHOLE && "file".equals(uri.getScheme())) {
            // a local file read whole: also the formats that need random access (7z)
            return org.mwdump.Dumps.open(java.nio.file.Path.of(uri), options);
        }
        return DumpSplits.open(channel, p.file(), p.split(), options, () -> decoded[0]++);
    }

    /** The revisions of one split, as rows. */
    private final class SplitReader implements PartitionReader<InternalRow> {
        private final HadoopChannel channel;
        final UTF8String source;
        /** Streams, frames or blocks decoded so far. */
        final long[] decoded = new long[1];
        /** The split's pages; null when it could not be opened. */
        DumpReader reader;
        /** The row to give instead of any, when the split could not even be opened. */
        InternalRow corrupt;
        private boolean finished;
        private UTF8String wikiDb;
        private boolean inPage;
        private InternalRow row;

        SplitReader(HadoopChannel channel, String file) {
            this.channel = channel;
            this.source = RevisionRows.utf8(file);
        }

        @Override
        public CustomTaskMetric[] currentMetricsValues() {
            long value = decoded[0];
            return new CustomTaskMetric[] {new CustomTaskMetric() {
                @Override
                public String name() {
                    return DecodedChunksMetric.NAME;
                }

                @Override
                public long value() {
                    return value;
                }
            }};
        }

        @Override
        public boolean next() {
            if (finished) {
                return false;
            }
            if (corrupt != null) {
                row = corrupt;
                finished = true;
                return true;
            }
            try {
                return advance();
            } catch (DumpException e) {
                if (!permissive || !isDamage(e)) {
                    throw e;
                }
                // the rows before the damage are kept; one row says where the rest was lost
                row = RevisionRows.project(RevisionRows.corrupt(source, e.getMessage()), columns);
                finished = true;
                return true;
            }
        }

        private boolean advance() {
            if (wikiDb == null) {
                wikiDb = RevisionRows.utf8(reader.siteInfo().dbName());
            }
            while (true) {
                if (!inPage) {
                    org.mwdump.model.Page page = reader.nextPage();
                    if (page == null) {
                        return false;
                    }
                    if (!filter.wants(page.id(), page.namespace())) {
                        continue; // the next page skips this one's revisions
                    }
                    inPage = true;
                }
                PageEntry e = reader.nextEntry();
                if (e == null) {
                    inPage = false;
                } else if (e instanceof Revision r) {
                    row = RevisionRows.project(RevisionRows.values(r, wikiDb, source, withText), columns);
                    return true;
                }
            }
        }

        @Override
        public InternalRow get() {
            return row;
        }

        @Override
        public void close() throws IOException {
            try {
                if (reader != null) {
                    reader.close();
                }
            } finally {
                channel.close();
            }
        }
    }
}
