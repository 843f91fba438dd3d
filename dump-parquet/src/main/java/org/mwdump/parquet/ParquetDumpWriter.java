package org.mwdump.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.mwdump.DumpException;
import org.mwdump.DumpLocation;
import org.mwdump.PageRunWriter;
import org.mwdump.PageRuns;
import org.mwdump.model.LogItem;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.model.Upload;
import org.mwdump.spi.AbstractDumpWriter;

/**
 * Writes revisions as Parquet rows, one per revision, with columns named after Wikimedia's
 * {@code mediawiki_content_history_v1} (see the package documentation for the schema). The site
 * info goes into the file's key-value metadata under {@code mwdump.siteinfo} as JSON.
 *
 * <p>Parquet holds revisions only: uploads, log items and pages without any revision are not stored;
 * they are counted ({@link #droppedUploads()}, {@link #droppedLogItems()}, {@link #droppedEmptyPages()})
 * and the counts are written to the metadata key {@code mwdump.dropped}.
 *
 * <p>Cost: rows are encoded column by column into compressed pages, which are kept until a row group
 * is full (see {@link ParquetOptions} for the memory this takes) and then written out; nothing is kept
 * after that. The footer is written on {@link #finish()}: a file whose writer was not finished is not
 * readable. Not thread-safe.
 *
 * <p>Parallel conversion: {@link #pageRuns()} lets other threads encode runs of pages into compressed
 * column pages ({@link RowPiece}); {@link PageRuns#append} only adds a run's pages to the row group
 * being assembled. A row group ends after the first piece that brings it to
 * {@link ParquetOptions#rowGroupBytes()} compressed bytes, so where row groups and pages are cut depends
 * on the pieces only. Rows written directly ({@link #write}) form one piece per row group.
 * No column has a dictionary: pieces encoded apart could not share one.
 */
public final class ParquetDumpWriter extends AbstractDumpWriter {
    private final StreamOutputFile file;
    private final ParquetFileWriter fileWriter;
    private final ParquetProperties properties;
    private final PlainCodecFactory.Compressor compressor;
    private final CompressionCodecName codec;
    private final long rowGroupBytes;
    private final Map<String, String> footer = new LinkedHashMap<>();
    private String wikiId;
    /** Rows written directly, not yet in {@link #group}. */
    private RowPiece.Encoder direct;
    /** The row group being assembled. */
    private final List<RowPiece> group = new ArrayList<>();
    private long groupBytes;
    private long rows;
    private long droppedUploads;
    private long droppedLogItems;
    private long droppedEmptyPages;
    private Page startedPage;
    private boolean startedPageHasRows;
    /** Pieces encoded by runs and not yet appended, by the token their run wrote. */
    private final Map<Long, Run> encoded = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();

    private ParquetDumpWriter(OutputStream out, ParquetOptions options) throws IOException {
        super("Parquet");
        this.file = new StreamOutputFile(out);
        int level = options.compressionLevel();
        this.codec = CompressionCodecName.valueOf(options.codec().name());
        this.compressor = new PlainCodecFactory(level < 0 ? PlainCodecFactory.ZSTD_DEFAULT_LEVEL : level)
                .compressor(codec);
        this.rowGroupBytes = options.rowGroupBytes();
        this.properties = ParquetProperties.builder()
                .withPageSize(options.pageBytes())
                .withDictionaryPageSize(options.pageBytes())
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                // pieces encoded on different threads are joined in one column chunk, which can hold
                // only one dictionary
                .withDictionaryEncoding(false)
                // min/max of whole texts would be copied into every page header and the footer
                .withStatisticsEnabled(RevisionSchema.CONTENT_BODY_PATH, false)
                .withStatisticsTruncateLength(64)
                .withColumnIndexTruncateLength(64)
                .build();
        this.fileWriter = new ParquetFileWriter(file, RevisionSchema.SCHEMA, ParquetFileWriter.Mode.CREATE,
                options.rowGroupBytes(), 0, null, properties);
        fileWriter.start();
    }

    /**
     * A builder for a writer onto {@code out}, which the writer closes when it is finished, aborted or
     * closed. Without settings, the writer uses {@link ParquetOptions#DEFAULT}.
     *
     * @param out where the Parquet file goes; written strictly forward, never seeked
     * @return a new builder
     */
    public static Builder builder(OutputStream out) {
        return new Builder(Objects.requireNonNull(out, "out is null"));
    }

    /** Builder for {@link ParquetDumpWriter}. */
    public static final class Builder {
        private final OutputStream out;
        private ParquetOptions options = ParquetOptions.DEFAULT;

        private Builder(OutputStream out) {
            this.out = out;
        }

        /**
         * Sets the codec, level and sizes.
         *
         * @param value the options; default {@link ParquetOptions#DEFAULT}
         * @return this builder
         */
        public Builder options(ParquetOptions value) {
            this.options = Objects.requireNonNull(value, "options is null");
            return this;
        }

        /**
         * Builds the writer, which starts the file.
         *
         * @return the writer
         * @throws DumpException if the start of the file cannot be written
         */
        public ParquetDumpWriter build() {
            try {
                return new ParquetDumpWriter(out, options);
            } catch (IOException e) {
                throw new DumpException("cannot start Parquet output: " + e.getMessage(), DumpLocation.UNKNOWN, e);
            }
        }
    }

    @Override
    public void writeSiteInfo(SiteInfo siteInfo) {
        Objects.requireNonNull(siteInfo, "siteInfo is null");
        if (rows() > 0) {
            throw new IllegalStateException("site info must be written before the first revision");
        }
        wikiId = siteInfo.dbName();
        footer.put(RevisionSchema.META_SITEINFO, SiteInfoJson.write(siteInfo));
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
            if (direct == null) {
                direct = new RowPiece.Encoder(properties, compressor, wikiId);
            }
            direct.write(revision);
            if (direct.bufferedSize() >= rowGroupBytes) {
                add(direct.finish());
                direct = null;
            }
        } catch (IOException | RuntimeException e) {
            Page p = revision.page();
            throw new DumpException("cannot write Parquet row: " + e.getMessage(),
                    new DumpLocation(null, file.position(), -1, -1, p.id(), p.title(), revision.id()), e);
        }
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
        return rows + (direct == null ? 0 : direct.rows());
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

    /** Writes the last row group and the footer, and closes the stream. */
    @Override
    protected void complete() {
        endStartedPage();
        footer.put(RevisionSchema.META_LAYOUT, RevisionSchema.LAYOUT_VERSION);
        if (droppedUploads + droppedLogItems + droppedEmptyPages > 0) {
            footer.put(RevisionSchema.META_DROPPED, "uploads=" + droppedUploads + ",log_items=" + droppedLogItems
                    + ",pages_without_revisions=" + droppedEmptyPages);
        }
        footer.put("writer.model.name", "mwdump");
        try {
            flushDirect();
            writeGroup();
            fileWriter.end(footer);
        } catch (DumpException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DumpException("cannot finish Parquet output: " + e.getMessage(),
                    DumpLocation.at(null, file.position()), e);
        }
        compressor.release();
    }

    /** Drops the buffered row group: the footer is never written. */
    @Override
    protected void discard() {
        group.clear();
        encoded.clear();
        direct = null;
        compressor.release();
        file.closeQuietly();
    }

    // ---------------------------------------------------------------- row groups

    /** Adds a piece to the row group, and writes the group once it is full. */
    private void add(RowPiece piece) throws IOException {
        if (piece.rows() == 0) {
            return;
        }
        group.add(piece);
        groupBytes += piece.bytes();
        rows += piece.rows();
        if (groupBytes >= rowGroupBytes) {
            writeGroup();
        }
    }

    private void flushDirect() throws IOException {
        if (direct != null) {
            RowPiece piece = direct.finish();
            direct = null;
            add(piece);
        }
    }

    /** Writes the pieces gathered as one row group: each column's pages, piece after piece. */
    private void writeGroup() throws IOException {
        if (group.isEmpty()) {
            return;
        }
        long groupRows = 0;
        for (RowPiece p : group) {
            groupRows += p.rows();
        }
        fileWriter.startBlock(groupRows);
        for (int c = 0; c < RowPiece.COLUMNS.size(); c++) {
            long values = 0;
            for (RowPiece p : group) {
                values += p.columns()[c].valueCount;
            }
            fileWriter.startColumn(RowPiece.COLUMNS.get(c), values, codec);
            for (RowPiece p : group) {
                for (RowPiece.Page page : p.columns()[c].pages) {
                    fileWriter.writeDataPage(page.valueCount(), page.uncompressedSize(), BytesInput.from(page.data()),
                            page.statistics(), page.rowCount(), page.rlEncoding(), page.dlEncoding(),
                            page.valuesEncoding(), null, null, page.sizeStatistics());
                }
            }
            fileWriter.endColumn();
        }
        fileWriter.endBlock();
        group.clear();
        groupBytes = 0;
    }

    // ---------------------------------------------------------------- page runs

    /** What a run encoded, and how its pages started and ended. */
    private record Run(RowPiece piece, long uploads, long logItems, long emptyPages, long continuedRows,
                       boolean continuedEnded, long openRows) {
    }

    /**
     * Runs that encode their pages into a {@link RowPiece} on the thread that writes them. A run's
     * bytes are only a token for its piece, which {@link PageRuns#append} adds to the row group; they
     * mean nothing to any other writer.
     */
    @Override
    public PageRuns pageRuns() {
        ensureOpen();
        String wiki = wikiId;
        return new PageRuns() {
            @Override
            public PageRunWriter newRun(OutputStream out, Page continued) {
                return new RunWriter(out, continued, new RowPiece.Encoder(properties, compressor, wiki));
            }

            @Override
            public void append(byte[] bytes, int offset, int length, Page continued, Page openAtEnd) {
                appendRun(bytes, offset, length, continued, openAtEnd);
            }
        };
    }

    private void appendRun(byte[] bytes, int offset, int length, Page continued, Page openAtEnd) {
        ensureOpen();
        if (length != Long.BYTES) {
            throw new IllegalArgumentException("not a run of this writer: " + length + " bytes");
        }
        long token = java.nio.ByteBuffer.wrap(bytes, offset, length).getLong();
        Run run = encoded.remove(token);
        if (run == null) {
            throw new IllegalArgumentException("not a run of this writer, or appended twice");
        }
        try {
            flushDirect();
            add(run.piece());
        } catch (IOException | RuntimeException e) {
            throw new DumpException("cannot write Parquet rows: " + e.getMessage(),
                    DumpLocation.at(null, file.position()), e);
        }
        droppedUploads += run.uploads();
        droppedLogItems += run.logItems();
        droppedEmptyPages += run.emptyPages();
        if (continued != null) {
            boolean hadRows = startedPageHasRows || run.continuedRows() > 0;
            if (run.continuedEnded()) {
                if (!hadRows) {
                    droppedEmptyPages++;
                }
                startedPage = null;
                startedPageHasRows = false;
            } else {
                startedPage = continued;
                startedPageHasRows = hadRows;
            }
        } else {
            endStartedPage();
        }
        if (openAtEnd != null && !(continued != null && !run.continuedEnded())) {
            startedPage = openAtEnd;
            startedPageHasRows = run.openRows() > 0;
        }
    }

    /** Encodes one run; counts what Parquet does not store as the writer itself does. */
    private final class RunWriter implements PageRunWriter {
        private final OutputStream out;
        private final RowPiece.Encoder encoder;
        private Page current;
        private boolean currentContinued;
        private long currentRows;
        private long uploads;
        private long logItems;
        private long emptyPages;
        private long continuedRows;
        private boolean continuedEnded;

        RunWriter(OutputStream out, Page continued, RowPiece.Encoder encoder) {
            this.out = out;
            this.encoder = encoder;
            this.current = continued;
            this.currentContinued = continued != null;
        }

        @Override
        public void writePage(Page page) {
            Objects.requireNonNull(page, "page is null");
            endPage();
            current = page;
        }

        private void endPage() {
            if (currentContinued) {
                continuedRows = currentRows;
                continuedEnded = true;
                currentContinued = false;
            } else if (current != null && currentRows == 0) {
                emptyPages++;
            }
            current = null;
            currentRows = 0;
        }

        @Override
        public void write(PageEntry entry) {
            Objects.requireNonNull(entry, "entry is null");
            if (current != null && !current.equals(entry.page())) {
                endPage();
            }
            if (entry instanceof Upload) {
                uploads++;
                return;
            }
            Revision revision = (Revision) entry;
            try {
                encoder.write(revision);
            } catch (RuntimeException e) {
                Page p = revision.page();
                throw new DumpException("cannot write Parquet row: " + e.getMessage(),
                        new DumpLocation(null, -1, -1, -1, p.id(), p.title(), revision.id()), e);
            }
            current = revision.page();
            currentRows++;
        }

        @Override
        public void writeLogItem(LogItem item) {
            Objects.requireNonNull(item, "item is null");
            logItems++;
        }

        @Override
        public void end(boolean leaveLastPageOpen) {
            long openRows = 0;
            if (leaveLastPageOpen) {
                openRows = currentRows;
                if (currentContinued) {
                    continuedRows = currentRows;
                }
            } else {
                endPage();
            }
            RowPiece piece = encoder.finish();
            long token = tokens.incrementAndGet();
            encoded.put(token, new Run(piece, uploads, logItems, emptyPages, continuedRows, continuedEnded, openRows));
            try {
                out.write(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(token).array());
            } catch (IOException e) {
                encoded.remove(token);
                throw new java.io.UncheckedIOException(e);
            }
        }
    }}
