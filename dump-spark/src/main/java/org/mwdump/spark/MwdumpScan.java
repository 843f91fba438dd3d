package org.mwdump.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.network.util.JavaUtils;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.apache.spark.util.SerializableConfiguration;
import org.mwdump.index.DumpSplits;

/**
 * A read of the table: which columns (top-level pruning; slot texts are left out when
 * {@code content_body} is not read), and the partitions, planned on the driver.
 */
final class MwdumpScan implements ScanBuilder, SupportsPushDownRequiredColumns, SupportsPushDownFilters, Scan, Batch {
    private final CaseInsensitiveStringMap options;
    private final StructType schema;
    private StructType readSchema;
    private boolean withText = true;
    private PageFilter filter = PageFilter.ALL;
    private Filter[] pushed = new Filter[0];

    MwdumpScan(CaseInsensitiveStringMap options) {
        this.options = options;
        this.schema = RevisionRows.schema(permissive(options));
        this.readSchema = schema;
    }

    /** Whether the options ask for a permissive read ({@code mode=PERMISSIVE}); other modes are refused. */
    static boolean permissive(CaseInsensitiveStringMap options) {
        String mode = options.getOrDefault("mode", "FAILFAST");
        if (mode.equalsIgnoreCase("PERMISSIVE")) {
            return true;
        }
        if (mode.equalsIgnoreCase("FAILFAST")) {
            return false;
        }
        throw new IllegalArgumentException("mwdump: mode must be FAILFAST or PERMISSIVE, not " + mode);
    }

    @Override
    public void pruneColumns(StructType required) {
        List<StructField> kept = new ArrayList<>();
        for (StructField f : schema.fields()) {
            if (Arrays.asList(required.fieldNames()).contains(f.name())) {
                kept.add(f);
            }
        }
        readSchema = new StructType(kept.toArray(new StructField[0]));
        withText = false;
        for (StructField f : required.fields()) {
            if (f.name().equals("revision_content_slots") && f.dataType().catalogString().contains("content_body")) {
                withText = true;
            }
        }
    }

    /**
     * Takes the filters on {@code page_id} and {@code page_namespace_id} that it can use to skip streams,
     * frames and pages; Spark still applies every filter to the rows.
     */
    @Override
    public Filter[] pushFilters(Filter[] filters) {
        List<Filter> used = new ArrayList<>();
        PageFilter f = PageFilter.ALL;
        for (Filter x : filters) {
            PageFilter narrowed = f.and(x);
            if (narrowed != f) {
                used.add(x);
                f = narrowed;
            }
        }
        filter = f;
        pushed = used.toArray(new Filter[0]);
        return filters;
    }

    @Override
    public Filter[] pushedFilters() {
        return pushed.clone();
    }

    @Override
    public CustomMetric[] supportedCustomMetrics() {
        return new CustomMetric[] {new DecodedChunksMetric()};
    }

    @Override
    public Scan build() {
        return this;
    }

    @Override
    public StructType readSchema() {
        return readSchema;
    }

    @Override
    public String description() {
        return "mwdump " + String.join(", ", paths()) + (withText ? "" : " (no text)")
                + (filter == PageFilter.ALL ? "" : " " + filter);
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    private List<String> paths() {
        return paths(options);
    }

    /**
     * The site info of the first dump a read names, as JSON, for the metadata of the {@code wiki_db} column
     * (a write of the rows takes it from there); null when there is none to be read (the path of a write,
     * which does not exist yet, or a file that fails: the read itself then reports it).
     */
    static String firstSiteInfoJson(CaseInsensitiveStringMap options) {
        try {
            Configuration conf = SparkSession.active().sparkContext().hadoopConfiguration();
            for (String path : paths(options)) {
                for (FileStatus f : files(path, conf)) {
                    if (f.getPath().getName().endsWith(".parquet")) {
                        // mwdump's Parquet keeps the JSON in its footer
                        try (org.apache.parquet.hadoop.ParquetFileReader footer = org.apache.parquet.hadoop.ParquetFileReader
                                .open(org.apache.parquet.hadoop.util.HadoopInputFile.fromStatus(f, conf))) {
                            return footer.getFileMetaData().getKeyValueMetaData().get(WriteSettings.SITE_INFO_METADATA);
                        }
                    }
                    try (HadoopChannel channel = HadoopChannel.open(f.getPath().toString(), conf)) {
                        return org.mwdump.parquet.SiteInfoJson.write(
                                DumpSplits.siteInfo(channel, f.getPath().getName()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to read here
        }
        return null;
    }

    private static List<String> paths(CaseInsensitiveStringMap options) {
        List<String> paths = new ArrayList<>();
        String path = options.get("path");
        if (path != null) {
            paths.add(path);
        }
        String many = options.get("paths");
        if (many != null) {
            try {
                com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(many);
                if (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                    while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                        paths.add(p.getText());
                    }
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("option paths is not a JSON array of strings: " + many, e);
            }
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("mwdump: no path given (load(\"/data/dump.xml.bz2\"))");
        }
        return paths;
    }

    /** The dump files a path names: itself, the files of a directory, or the matches of a glob. */
    static List<FileStatus> files(String path, Configuration conf) throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(p);
        if (matches == null || matches.length == 0) {
            throw new IllegalArgumentException("mwdump: no such file: " + path);
        }
        boolean glob = path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
        List<FileStatus> files = new ArrayList<>();
        for (FileStatus s : matches) {
            if (glob && s.isFile() && !isDump(s.getPath().getName())) {
                continue; // "dir/*.bz2" names the dumps, not their index files
            }
            if (s.isDirectory()) {
                FileStatus[] inside = fs.listStatus(s.getPath());
                Arrays.sort(inside);
                for (FileStatus f : inside) {
                    if (f.isFile() && isDump(f.getPath().getName())) {
                        files.add(f);
                    }
                }
            } else {
                files.add(s);
            }
        }
        return files;
    }

    /**
     * Whether a file that a directory or a glob names is read: not hidden, not an index (Wikimedia's
     * {@code …-index.txt.bz2} and {@code …-indexN.txt-pApB.bz2}, mwdump's {@code .mwpidx} and {@code .mwbidx}).
     */
    static boolean isDump(String name) {
        return !name.startsWith(".") && !name.startsWith("_") && !name.matches(".*\\.txt(-p\\d+p\\d+)?(\\.bz2|\\.zst)?")
                && !name.endsWith(".mwpidx") && !name.endsWith(".mwbidx") && !name.endsWith(".crc");
    }

    @Override
    public InputPartition[] planInputPartitions() {
        SparkSession spark = SparkSession.active();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<FileStatus> all = new ArrayList<>();
        try {
            for (String path : paths()) {
                all.addAll(files(path, conf));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long targetBytes = targetBytes(spark, all);
        List<InputPartition> partitions = new ArrayList<>();
        try {
            for (FileStatus f : all) {
                String file = f.getPath().toString();
                Path index = filter.narrows() ? indexOf(f.getPath(), conf) : null;
                try (HadoopChannel channel = HadoopChannel.open(file, conf)) {
                    List<DumpSplits.Split> splits;
                    if (index != null) {
                        // only the streams or frames that hold a wanted page (namespaces from the titles)
                        java.util.function.Predicate<org.mwdump.index.IndexEntry> wanted =
                                filter.namespaces() == null ? e -> filter.wantsPageId(e.pageId())
                                        : filter.forIndex(DumpSplits.siteInfo(channel, file));
                        try (java.io.InputStream in = org.mwdump.Dumps.decompress(
                                index.getFileSystem(conf).open(index), null)) {
                            splits = DumpSplits.plan(channel, file, targetBytes, in, index.toString(), wanted);
                        }
                    } else {
                        splits = DumpSplits.plan(channel, file, targetBytes, streamOffsets(f.getPath(), conf));
                        if (filter.pageIds()) {
                            splits = withWantedPages(splits, f, conf);
                        }
                    }
                    for (DumpSplits.Split s : splits) {
                        partitions.add(new SplitPartition(file, s));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return partitions.toArray(new InputPartition[0]);
    }

    /**
     * The compressed size of a partition: the option {@code maxPartitionBytes} when given, else what
     * Spark's own file sources take: {@code spark.sql.files.maxPartitionBytes}, but less when the input
     * is small, so that every core gets work (the bytes per core, and at least
     * {@code spark.sql.files.openCostInBytes}).
     */
    private long targetBytes(SparkSession spark, List<FileStatus> files) {
        String option = options.get("maxPartitionBytes");
        if (option != null) {
            return JavaUtils.byteStringAsBytes(option);
        }
        long max = JavaUtils.byteStringAsBytes(spark.conf().get("spark.sql.files.maxPartitionBytes", "128m"));
        long openCost = JavaUtils.byteStringAsBytes(spark.conf().get("spark.sql.files.openCostInBytes", "4m"));
        long total = 0;
        for (FileStatus f : files) {
            total += f.getLen() + openCost;
        }
        long perCore = total / Math.max(1, spark.sparkContext().defaultParallelism());
        return Math.max(1, Math.min(max, Math.max(openCost, perCore)));
    }

    /**
     * The stream offsets of a multistream bz2 dump from the Wikimedia index beside it, so that planning
     * reads the index rather than the dump; null when there is none (or the file is not bz2).
     */
    static List<Long> streamOffsets(Path dump, Configuration conf) throws IOException {
        Path index = dump.getName().endsWith(".bz2") ? indexOf(dump, conf) : null;
        if (index == null) {
            return null;
        }
        try (java.io.InputStream in = org.mwdump.Dumps.decompress(index.getFileSystem(conf).open(index), null)) {
            return DumpSplits.streamOffsets(in, index.toString());
        }
    }

    /** The largest page index read to narrow a single-stream bz2 file's splits: 8 million pages. */
    static final long MAX_PAGE_INDEX_BYTES = 256L << 20;

    /**
     * The splits of a bz2 file of one stream that hold the start of a page in the filter's id range, from
     * the page and block indexes beside it ({@code DUMP.mwpidx}, {@code DUMP.mwbidx}, as {@code mwdump
     * index} writes them); all the splits when there are none, when they were built from another version
     * of the file (their stamps do not match its size and modification time: copy indexes with their dump
     * keeping its time, as {@code hdfs dfs -put -p} does), when an index is larger than
     * {@link #MAX_PAGE_INDEX_BYTES}, or when one is damaged: the indexes only save work, every split still
     * reads exactly its own pages.
     */
    private List<DumpSplits.Split> withWantedPages(List<DumpSplits.Split> splits, FileStatus dump, Configuration conf)
            throws IOException {
        if (splits.stream().noneMatch(s -> s.kind() == DumpSplits.Kind.BLOCKS)) {
            return splits;
        }
        Path pagePath = new Path(dump.getPath().getParent(), dump.getPath().getName() + ".mwpidx");
        Path blockPath = new Path(dump.getPath().getParent(), dump.getPath().getName() + ".mwbidx");
        FileSystem fs = dump.getPath().getFileSystem(conf);
        try {
            // one call per file (a round trip on a remote file system), for both its existence and size
            if (fs.getFileStatus(pagePath).getLen() > MAX_PAGE_INDEX_BYTES
                    || fs.getFileStatus(blockPath).getLen() > MAX_PAGE_INDEX_BYTES) {
                return splits;
            }
        } catch (java.io.FileNotFoundException e) {
            return splits;
        }
        org.mwdump.index.PageIndex pages;
        org.mwdump.index.BlockIndex blocks;
        try (java.io.InputStream p = fs.open(pagePath); java.io.InputStream b = fs.open(blockPath)) {
            pages = org.mwdump.index.PageIndex.read(p, pagePath.toString());
            blocks = org.mwdump.index.BlockIndex.read(b, blockPath.toString());
        } catch (org.mwdump.MalformedDumpException e) {
            return splits;
        }
        boolean current = pages.builtFrom().filter(t -> t.matches(dump.getLen(), dump.getModificationTime())).isPresent()
                && blocks.builtFrom().filter(t -> t.matches(dump.getLen(), dump.getModificationTime())).isPresent();
        return current ? DumpSplits.withWantedPages(splits, pages, blocks, filter::wantsPageId) : splits;
    }

    /** The Wikimedia-style index beside a dump (bz2 multistream, or mwdump's seekable zstd), or null. */
    static Path indexOf(Path dump, Configuration conf) throws IOException {
        FileSystem fs = dump.getFileSystem(conf);
        for (String name : DumpSplits.multistreamIndexNames(dump.getName())) {
            Path index = new Path(dump.getParent(), name);
            if (fs.exists(index)) {
                return index;
            }
        }
        return null;
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        SparkSession spark = SparkSession.active();
        Broadcast<SerializableConfiguration> conf = SerializableConfiguration.broadcast(spark.sparkContext(),
                spark.sparkContext().hadoopConfiguration());
        int[] columns = new int[readSchema.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = schema.fieldIndex(readSchema.fields()[i].name());
        }
        return new SplitReaderFactory(conf, columns, withText, filter, permissive(options),
                options.getBoolean("strict", false));
    }
}
