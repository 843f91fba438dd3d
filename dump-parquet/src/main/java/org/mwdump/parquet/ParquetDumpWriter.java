package org.mwdump.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.mwdump.DumpException;
import org.mwdump.DumpLocation;
import org.mwdump.DumpWriter;
import org.mwdump.model.LogItem;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.model.Upload;

/**
 * Writes revisions as Parquet rows, one per revision, with columns named after Wikimedia's
 * {@code mediawiki_content_history_v1} (see the package documentation for the schema). The site
 * info goes into the file's key-value metadata under {@code mwdump.siteinfo} as JSON.
 *
 * <p>Parquet holds revisions only: uploads, log items and pages without any revision are not stored;
 * they are counted ({@link #droppedUploads()}, {@link #droppedLogItems()}, {@link #droppedEmptyPages()})
 * and the counts are written to the metadata key {@code mwdump.dropped}.
 *
 * <p>Cost: rows are buffered column by column until a row group is full (see {@link ParquetOptions}
 * for the memory this takes), then compressed pages are written out; nothing is kept after that. The
 * footer is written on {@link #close()}: a file whose writer was not closed is not readable.
 * Not thread-safe.
 */
public final class ParquetDumpWriter implements DumpWriter {
    private final StreamOutputFile file;
    private final RevisionWriteSupport support = new RevisionWriteSupport();
    private final ParquetWriter<Revision> writer;
    private long rows;
    private long droppedUploads;
    private long droppedLogItems;
    private long droppedEmptyPages;
    private Page startedPage;
    private boolean startedPageHasRows;
    private boolean closed;

    private ParquetDumpWriter(OutputStream out, ParquetOptions options) throws IOException {
        this.file = new StreamOutputFile(out);
        int level = options.compressionLevel();
        this.writer = new Builder(file, support)
                // a plain configuration: a Hadoop Configuration would need Hadoop's whole class path
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new PlainCodecFactory(level < 0 ? PlainCodecFactory.ZSTD_DEFAULT_LEVEL : level))
                .withCompressionCodec(CompressionCodecName.valueOf(options.codec().name()))
                .withRowGroupSize(options.rowGroupBytes())
                .withPageSize(options.pageBytes())
                .withDictionaryPageSize(options.pageBytes())
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                .withDictionaryEncoding(true)
                // texts and hashes are nearly all distinct: a dictionary only costs time
                .withDictionaryEncoding(RevisionSchema.CONTENT_BODY_PATH, false)
                .withDictionaryEncoding(RevisionSchema.CONTENT_SHA1_PATH, false)
                .withDictionaryEncoding(RevisionSchema.REVISION_SHA1, false)
                // min/max of whole texts would be copied into every page header and the footer
                .withStatisticsEnabled(RevisionSchema.CONTENT_BODY_PATH, false)
                .withStatisticsTruncateLength(64)
                .withColumnIndexTruncateLength(64)
                .build();
    }

    /**
     * A writer onto a stream, which it closes when it is closed.
     *
     * @param out     where the Parquet file goes; written strictly forward, never seeked
     * @param options codec, level and sizes
     * @return the writer
     */
    public static ParquetDumpWriter create(OutputStream out, ParquetOptions options) {
        Objects.requireNonNull(out, "out is null");
        Objects.requireNonNull(options, "options is null");
        try {
            return new ParquetDumpWriter(out, options);
        } catch (IOException e) {
            throw new DumpException("cannot start Parquet output: " + e.getMessage(), DumpLocation.UNKNOWN, e);
        }
    }

    @Override
    public void writeSiteInfo(SiteInfo siteInfo) {
        Objects.requireNonNull(siteInfo, "siteInfo is null");
        if (rows > 0) {
            throw new IllegalStateException("site info must be written before the first revision");
        }
        support.wikiId(siteInfo.dbName());
        support.footer().put(RevisionSchema.META_SITEINFO, SiteInfoJson.write(siteInfo));
    }

    @Override
    public void writePage(Page page) {
        Objects.requireNonNull(page, "page is null");
        endStartedPage();
        startedPage = page;
    }

    @Override
    public void write(PageEntry entry) {
        Objects.requireNonNull(entry, "entry is null");
        ensureOpen();
        if (startedPage != null && !startedPage.equals(entry.page())) {
            endStartedPage();
        }
        if (entry instanceof Upload) {
            droppedUploads++;
            return;
        }
        Revision revision = (Revision) entry;
        try {
            writer.write(revision);
        } catch (IOException | RuntimeException e) {
            Page p = revision.page();
            throw new DumpException("cannot write Parquet row: " + e.getMessage(),
                    new DumpLocation(null, file.position(), -1, -1, p.id(), p.title(), revision.id()), e);
        }
        rows++;
        startedPage = revision.page();
        startedPageHasRows = true;
    }

    private void endStartedPage() {
        if (startedPage != null && !startedPageHasRows) {
            droppedEmptyPages++;
        }
        startedPage = null;
        startedPageHasRows = false;
    }

    @Override
    public void writeLogItem(LogItem item) {
        Objects.requireNonNull(item, "item is null");
        ensureOpen();
        droppedLogItems++;
    }

    /**
     * Revisions written so far.
     *
     * @return the number of rows
     */
    public long rows() {
        return rows;
    }

    /**
     * Uploads seen and not stored.
     *
     * @return the number of uploads dropped
     */
    public long droppedUploads() {
        return droppedUploads;
    }

    /**
     * Log items seen and not stored.
     *
     * @return the number of log items dropped
     */
    public long droppedLogItems() {
        return droppedLogItems;
    }

    /**
     * Pages started with {@link #writePage} that got no revision, and are therefore not stored.
     *
     * @return the number of pages dropped
     */
    public long droppedEmptyPages() {
        return droppedEmptyPages;
    }

    @Override
    public void close() {
        if (!closed) {
            abort();
        }
    }

    @Override
    public void finish() {
        if (closed) {
            return;
        }
        endStartedPage();
        closed = true;
        Map<String, String> footer = support.footer();
        footer.put(RevisionSchema.META_LAYOUT, RevisionSchema.LAYOUT_VERSION);
        if (droppedUploads + droppedLogItems + droppedEmptyPages > 0) {
            footer.put(RevisionSchema.META_DROPPED, "uploads=" + droppedUploads + ",log_items=" + droppedLogItems
                    + ",pages_without_revisions=" + droppedEmptyPages);
        }
        try {
            writer.close();
        } catch (IOException | RuntimeException e) {
            file.closeQuietly();
            throw new DumpException("cannot finish Parquet output: " + e.getMessage(),
                    new DumpLocation(null, file.position(), -1, -1, null, null, null), e);
        }
    }

    @Override
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        // the footer is never written, so the buffered row group is simply dropped
        file.closeQuietly();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("writer is closed");
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Revision, Builder> {
        private final RevisionWriteSupport support;

        Builder(OutputFile file, RevisionWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Revision> getWriteSupport(Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<Revision> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }
}
