package org.mwdump.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.mwdump.Compression;
import org.mwdump.DumpException;
import org.mwdump.DumpFormat;
import org.mwdump.DumpLocation;
import org.mwdump.DumpReader;
import org.mwdump.MalformedDumpException;
import org.mwdump.ReadOptions;
import org.mwdump.ReadProgress;
import org.mwdump.model.LogItem;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;

/**
 * Reads a Parquet file of revisions (as {@link ParquetDumpWriter} writes them, or any file with
 * columns named as in Wikimedia's {@code mediawiki_content_history_v1}) as a dump: consecutive rows
 * of the same page form one {@link Page}, shared by their revisions. The site info comes from the
 * {@code mwdump.siteinfo} metadata, else from {@link ReadOptions#siteInfo()}, else is empty.
 *
 * <p>Cost: one row group's compressed column chunks are held in memory at a time (the writer's row
 * group size, 64 MiB by default), plus one decompressed page per column and the current revision.
 * Only the columns mwdump knows are read. Parquet files hold no log items and no uploads.
 * Not thread-safe.
 */
public final class ParquetDumpReader implements DumpReader {
    private final String name;
    private final ParquetFileReader file;
    private final MessageColumnIO columnIO;
    private final RevisionMaterializer materializer;
    private final SiteInfo siteInfo;
    private final long totalBytes;
    private long bytesRead;
    private int rowGroup;
    private RecordReader<Revision> rows;
    private long rowsLeft;
    private long rowNumber;
    private Revision lookahead;
    private Page currentPage;
    private boolean finished;

    private ParquetDumpReader(Path path, ReadOptions options) throws IOException {
        this.name = path.toString();
        LocalInputFile input = new LocalInputFile(path);
        this.totalBytes = input.getLength();
        ParquetReadOptions readOptions = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new PlainCodecFactory(PlainCodecFactory.ZSTD_DEFAULT_LEVEL))
                .build();
        this.file = ParquetFileReader.open(input, readOptions);
        try {
            MessageType schema = file.getFileMetaData().getSchema();
            MessageType requested = RevisionMaterializer.projection(schema);
            file.setRequestedSchema(requested);
            this.columnIO = new ColumnIOFactory(file.getFileMetaData().getCreatedBy()).getColumnIO(requested, schema);
            this.materializer = new RevisionMaterializer(requested);
            Map<String, String> meta = file.getFileMetaData().getKeyValueMetaData();
            String json = meta.get(RevisionSchema.META_SITEINFO);
            if (json != null) {
                this.siteInfo = SiteInfoJson.read(json);
            } else {
                this.siteInfo = options.siteInfo() != null ? options.siteInfo() : SiteInfo.EMPTY;
            }
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /**
     * Opens a Parquet file with the default options.
     *
     * @param path the Parquet file
     * @return a reader; close it when done
     */
    public static ParquetDumpReader open(Path path) {
        return open(path, ReadOptions.DEFAULT);
    }

    /**
     * Opens a Parquet file; reads its footer (schema, metadata) now and rows as they are asked for.
     *
     * @param path    the Parquet file
     * @param options strictness and the site info to use where the file has none
     * @return a reader; close it when done
     * @throws DumpException if the file cannot be read or is not Parquet
     */
    public static ParquetDumpReader open(Path path, ReadOptions options) {
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(options, "options is null");
        try {
            return new ParquetDumpReader(path, options);
        } catch (IOException | RuntimeException e) {
            throw new MalformedDumpException("cannot open Parquet file: " + e.getMessage(),
                    DumpLocation.of(path.toString()), e);
        }
    }

    /**
     * The codecs the file's column chunks are compressed with, from its footer, in Parquet's names
     * lower-cased and joined by commas ({@code zstd} for what mwdump writes); {@code uncompressed} when none.
     *
     * @return the codec names
     */
    public String pageCodecs() {
        java.util.Set<String> codecs = new java.util.TreeSet<>();
        for (var block : file.getFooter().getBlocks()) {
            for (var column : block.getColumns()) {
                codecs.add(column.getCodec().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return codecs.isEmpty() ? "uncompressed" : String.join(",", codecs);
    }

    /**
     * Number of rows (revisions) in the file, from its footer.
     *
     * @return the number of rows
     */
    public long rowCount() {
        return file.getRecordCount();
    }

    @Override
    public SiteInfo siteInfo() {
        return siteInfo;
    }

    @Override
    public DumpFormat format() {
        return DumpFormat.PARQUET;
    }

    /** {@link Compression#NONE}: Parquet compresses its pages itself. */
    @Override
    public Compression compression() {
        return Compression.NONE;
    }

    private Revision readRow() {
        if (finished) {
            return null;
        }
        try {
            while (rowsLeft == 0) {
                PageReadStore store = file.readNextRowGroup();
                if (store == null) {
                    finished = true;
                    bytesRead = totalBytes;
                    return null;
                }
                BlockMetaData block = file.getRowGroups().get(rowGroup++);
                bytesRead += block.getCompressedSize();
                rowsLeft = store.getRowCount();
                rows = columnIO.getRecordReader(store, materializer, FilterCompat.NOOP);
            }
            rowsLeft--;
            rowNumber++;
            return rows.read();
        } catch (IOException | RuntimeException e) {
            throw new MalformedDumpException("cannot read Parquet row " + rowNumber + ": " + e.getMessage(),
                    DumpLocation.at(name, bytesRead), e);
        }
    }

    @Override
    public Page nextPage() {
        // skip what is left of the current page
        while (true) {
            if (lookahead == null) {
                lookahead = readRow();
                if (lookahead == null) {
                    currentPage = null;
                    return null;
                }
            }
            if (currentPage == null || lookahead.page() != currentPage) {
                currentPage = lookahead.page();
                return currentPage;
            }
            lookahead = null;
        }
    }

    @Override
    public PageEntry nextEntry() {
        if (currentPage == null) {
            return null;
        }
        if (lookahead == null) {
            lookahead = readRow();
        }
        if (lookahead == null || lookahead.page() != currentPage) {
            return null;
        }
        Revision r = lookahead;
        lookahead = null;
        return r;
    }

    /** Always {@code null}: Parquet files hold revisions only. */
    @Override
    public LogItem nextLogItem() {
        return null;
    }

    @Override
    public ReadProgress progress() {
        return new ReadProgress(bytesRead, totalBytes);
    }

    @Override
    public Map<String, Long> skippedElements() {
        return Map.of();
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            throw new DumpException("cannot close: " + e.getMessage(), new DumpLocation(name, -1, -1, -1, null, null,
                    null), e);
        }
    }
}
