package org.mwdump.parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriteStore;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.statistics.geospatial.GeospatialStatistics;
import org.mwdump.model.Revision;

/**
 * A stretch of consecutive rows already encoded into compressed Parquet data pages, column by
 * column: the unit of work of parallel conversion. Any thread can {@linkplain Encoder encode} one;
 * the file's thread then lays the pages of consecutive pieces out as the column chunks of a row
 * group ({@link ParquetDumpWriter}), which only copies bytes.
 *
 * <p>Pages of different pieces can follow each other in one column chunk because no column uses a
 * dictionary (a column chunk has at most one dictionary page, and each piece would bring its own).
 *
 * @param rows    rows (revisions) in the piece
 * @param columns the pages of every leaf column, in the schema's column order
 * @param bytes   compressed bytes of all pages
 */
record RowPiece(long rows, ColumnPages[] columns, long bytes) {

    /** The leaf columns, in the order of {@link #columns}. */
    static final List<ColumnDescriptor> COLUMNS = RevisionSchema.SCHEMA.getColumns();

    /** One compressed data page (v1) and what its header and the column index need. */
    record Page(byte[] data, int uncompressedSize, int valueCount, int rowCount, Statistics<?> statistics,
                SizeStatistics sizeStatistics, Encoding rlEncoding, Encoding dlEncoding, Encoding valuesEncoding) {
    }

    /** The pages of one column, as a {@link PageWriter} that compresses and keeps them. */
    static final class ColumnPages implements PageWriter {
        private final PlainCodecFactory.Compressor compressor;
        final List<Page> pages = new ArrayList<>(2);
        long valueCount;
        long bytes;

        ColumnPages(PlainCodecFactory.Compressor compressor) {
            this.compressor = compressor;
        }

        @Override
        public void writePage(BytesInput bytesInput, int valueCount, Statistics<?> statistics, Encoding rlEncoding,
                              Encoding dlEncoding, Encoding valuesEncoding) {
            throw new UnsupportedOperationException("pages without a row count");
        }

        @Override
        public void writePage(BytesInput bytesInput, int valueCount, int rowCount, Statistics<?> statistics,
                              Encoding rlEncoding, Encoding dlEncoding, Encoding valuesEncoding) throws IOException {
            writePage(bytesInput, valueCount, rowCount, statistics, null, rlEncoding, dlEncoding, valuesEncoding);
        }

        @Override
        public void writePage(BytesInput bytesInput, int valueCount, int rowCount, Statistics<?> statistics,
                              SizeStatistics sizeStatistics, Encoding rlEncoding, Encoding dlEncoding,
                              Encoding valuesEncoding) throws IOException {
            byte[] raw = bytesInput.toByteArray();
            byte[] data = compressor.compress(raw);
            // the column writer starts new statistics objects for its next page, but copies cost little
            pages.add(new Page(data, raw.length, valueCount, rowCount, statistics.copy(),
                    sizeStatistics == null ? null : sizeStatistics.copy(), rlEncoding, dlEncoding, valuesEncoding));
            this.valueCount += valueCount;
            this.bytes += data.length;
        }

        @Override
        public void writePage(BytesInput bytesInput, int valueCount, int rowCount, Statistics<?> statistics,
                              SizeStatistics sizeStatistics, GeospatialStatistics geospatialStatistics,
                              Encoding rlEncoding, Encoding dlEncoding, Encoding valuesEncoding) throws IOException {
            writePage(bytesInput, valueCount, rowCount, statistics, sizeStatistics, rlEncoding, dlEncoding,
                    valuesEncoding);
        }

        @Override
        public void writePageV2(int rowCount, int nullCount, int valueCount, BytesInput repetitionLevels,
                                BytesInput definitionLevels, Encoding dataEncoding, BytesInput data,
                                Statistics<?> statistics) {
            throw new UnsupportedOperationException("data pages v2 are not written");
        }

        @Override
        public long getMemSize() {
            return bytes;
        }

        @Override
        public long allocatedSize() {
            return bytes;
        }

        @Override
        public void writeDictionaryPage(DictionaryPage dictionaryPage) {
            throw new UnsupportedOperationException("no column has a dictionary");
        }

        @Override
        public String memUsageString(String prefix) {
            return prefix + " " + bytes + " bytes";
        }
    }

    /**
     * Encodes revisions into a piece: Parquet's own column writers (levels, plain values, page
     * statistics, page cuts at {@link ParquetProperties#getPageSizeThreshold()}) with pages
     * compressed as they are cut. One thread at a time.
     */
    static final class Encoder {
        private final ColumnPages[] columns;
        private final ColumnWriteStore store;
        private final RevisionColumns row;
        private long rows;

        Encoder(ParquetProperties properties, PlainCodecFactory.Compressor compressor, String wikiId) {
            columns = new ColumnPages[COLUMNS.size()];
            java.util.Map<ColumnDescriptor, ColumnPages> byColumn = new java.util.HashMap<>();
            for (int i = 0; i < columns.length; i++) {
                columns[i] = new ColumnPages(compressor);
                byColumn.put(COLUMNS.get(i), columns[i]);
            }
            PageWriteStore pages = byColumn::get;
            store = properties.newColumnWriteStore(RevisionSchema.SCHEMA, pages);
            row = new RevisionColumns(store, wikiId);
        }

        /** Adds one row. */
        void write(Revision revision) {
            row.write(revision);
            rows++;
        }

        long rows() {
            return rows;
        }

        /** Bytes held: compressed pages plus the pages being filled. */
        long bufferedSize() {
            return store.getBufferedSize();
        }

        /** Cuts the last pages and returns the piece; the encoder is not used again. */
        RowPiece finish() {
            store.flush();
            store.close();
            long bytes = 0;
            for (ColumnPages c : columns) {
                bytes += c.bytes;
            }
            return new RowPiece(rows, columns, bytes);
        }
    }
}
