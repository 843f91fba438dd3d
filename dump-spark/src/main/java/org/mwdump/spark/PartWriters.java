package org.mwdump.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.util.SerializableConfiguration;
import org.mwdump.DumpFormat;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.WriteOptions;
import org.mwdump.model.Page;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.parquet.SiteInfoJson;
import org.mwdump.write.layout.Recompressor;

/**
 * The tasks of a write: each writes the rows of its partition (whole pages, in page id order, each page's
 * revisions in order) into part files under the job's temporary directory, one page at a time, never
 * holding more than one revision; a part ends after {@code pagesPerPart} pages or {@code bytesPerPart}
 * bytes of output (at a page end). Committing the task reports the parts; the job's commit names them.
 */
final class PartWriters implements DataWriterFactory {
    private static final long serialVersionUID = 1L;

    /** A part file a task wrote, under its temporary name. */
    record Part(String file, String index, long firstPage, long lastPage, long pages, long revisions, long bytes)
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** What a task wrote: its parts, in page order. */
    record Written(List<Part> parts) implements WriterCommitMessage {
        private static final long serialVersionUID = 1L;
    }

    private final WriteSettings settings;
    private final RowRevisions rows;
    private final String temporaryDirectory;
    private final Broadcast<SerializableConfiguration> conf;

    PartWriters(WriteSettings settings, RowRevisions rows, String temporaryDirectory,
                Broadcast<SerializableConfiguration> conf) {
        this.settings = settings;
        this.rows = rows;
        this.temporaryDirectory = temporaryDirectory;
        this.conf = conf;
    }

    @Override
    public DataWriter<InternalRow> createWriter(int partitionId, long taskId) {
        return new Task(partitionId, taskId);
    }

    private final class Task implements DataWriter<InternalRow> {
        private final String name;
        private final FileSystem fs;
        private final SiteInfo site;
        private final List<Part> parts = new ArrayList<>();
        private final List<Path> files = new ArrayList<>();
        private int sequence;
        // the part being written
        private DumpWriter writer;
        /** The part's file; its position is the number of bytes written to it. */
        private FSDataOutputStream out;
        private Recompressor.XmlSink recompression;
        private Path file;
        private Path index;
        private long firstPage;
        private long page = Long.MIN_VALUE;
        private Page pageObject;
        private long pages;
        private long revisions;
        private boolean pageOpen;

        Task(int partitionId, long taskId) {
            this.name = "part-" + partitionId + "-" + taskId;
            Configuration c = conf.value().value();
            try {
                this.fs = new Path(temporaryDirectory).getFileSystem(c);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("mwdump: cannot reach " + temporaryDirectory, e);
            }
            this.site = SiteInfoJson.read(settings.siteInfoJson());
        }

        @Override
        public void write(InternalRow row) throws IOException {
            long id = rows.pageId(row);
            if (id != page) {
                if (id < page) {
                    throw new IllegalStateException("mwdump: rows out of page id order (" + id + " after " + page
                            + "): the writer's ordering was not applied");
                }
                if (writer != null && (settings.pagesPerPart() > 0 && pages >= settings.pagesPerPart()
                        || settings.bytesPerPart() > 0 && out.getPos() >= settings.bytesPerPart())) {
                    endPart();
                }
                if (writer == null) {
                    startPart(id);
                }
                page = id;
                pageObject = null;
                pageOpen = false;
                pages++;
            }
            Revision r = rows.revision(row, pageObject);
            if (!pageOpen) {
                pageObject = r.page();
                writer.writePage(pageObject);
                pageOpen = true;
            }
            writer.write(r);
            revisions++;
        }

        private void startPart(long first) throws IOException {
            file = new Path(temporaryDirectory, name + "-" + sequence++);
            files.add(file);
            out = fs.create(file, false);
            firstPage = first;
            pages = 0;
            revisions = 0;
            WriteOptions options = WriteOptions.builder().schemaVersion(settings.schemaVersion())
                    .compression(settings.compression()).build();
            Recompressor.Layout layout = settings.randomAccess();
            if (layout == null) {
                writer = Dumps.create(out, settings.format(), options);
            } else {
                // the XML goes into the recompressor, on a thread of its own
                index = new Path(file + "-index");
                files.add(index);
                recompression = new Recompressor(layout, settings.pagesPerStream(),
                        Recompressor.defaultMaxChunkBytes(layout), 1, 3).xmlSink(out, fs.create(index, false));
                writer = Dumps.create(recompression, DumpFormat.XML, WriteOptions.builder()
                        .schemaVersion(settings.schemaVersion()).build());
            }
            writer.writeSiteInfo(site);
        }

        private void endPart() throws IOException {
            writer.finish();
            writer.close();
            writer = null;
            if (recompression != null) {
                try {
                    recompression.result(); // the writer closed it: everything is written
                } catch (org.mwdump.DumpException e) {
                    throw new IOException("mwdump: cannot write " + file + ": " + e.getMessage(), e);
                }
                recompression = null;
            } else {
                out.close();
            }
            parts.add(new Part(file.toString(), index == null ? null : index.toString(), firstPage, page, pages,
                    revisions, out.getPos()));
            index = null;
        }

        @Override
        public WriterCommitMessage commit() throws IOException {
            if (writer != null) {
                endPart();
            }
            return new Written(List.copyOf(parts));
        }

        @Override
        public void abort() throws IOException {
            if (writer != null) {
                writer.abort();
                writer.close();
                writer = null;
            }
            if (recompression != null) {
                try {
                    recompression.close(); // ends the recompressor's thread; what it wrote is deleted below
                } catch (IOException | org.mwdump.DumpException e) {
                    // the part is given up anyway
                }
                recompression = null;
            }
            for (Path p : files) {
                fs.delete(p, false);
            }
        }

        @Override
        public void close() {
            if (writer != null) {
                writer.close();
                writer = null;
            }
        }
    }
}
