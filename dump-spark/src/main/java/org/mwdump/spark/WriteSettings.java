package org.mwdump.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.mwdump.Compression;
import org.mwdump.DumpFormat;
import org.mwdump.model.SiteInfo;
import org.mwdump.parquet.SiteInfoJson;
import org.mwdump.write.layout.PartNames;
import org.mwdump.write.layout.Recompressor;

/**
 * The options of {@code df.write.format("mwdump")}, checked on the driver, and the names of the files a
 * write makes.
 *
 * @param path           the output directory
 * @param format         XML, RevDoc or legacy RevDoc
 * @param schemaVersion  the XML schema version (0.11 or 0.10), or null for the writer's choice
 * @param layout         none, bz2, gz, zst, multistream or seekable-zstd
 * @param pagesPerPart   pages after which a task starts its next part file (0: one part per task)
 * @param bytesPerPart   bytes of output after which a task starts its next part file, at a page end (0: no limit)
 * @param pagesPerStream pages per bz2 stream or zstd frame of the random-access layouts
 * @param siteInfoJson   the site info, as {@link SiteInfoJson} writes it
 * @param prefix         the file names' start: {@code <wiki>-<date>-<kind>}
 * @param byTimestamp    whether revisions are ordered by timestamp (then id) within a page, not by id
 * @param parts          the number of write tasks asked for (0: Spark's choice)
 * @param combine        whether multistream parts are also combined into one file with one index
 */
record WriteSettings(String path, DumpFormat format, String schemaVersion, String layout, long pagesPerPart,
                     long bytesPerPart, int pagesPerStream, String siteInfoJson, String prefix, boolean byTimestamp,
                     int parts, boolean combine) implements Serializable {
    /** The key of the site info in the metadata of the source's {@code wiki_db} column. */
    static final String SITE_INFO_METADATA = "mwdump.siteinfo";

    private static final java.util.Set<String> LAYOUTS = java.util.Set.of("none", "bz2", "gz", "zst", "multistream",
            "seekable-zstd");

    /**
     * Reads and checks the options of a write of rows with the given columns.
     *
     * @throws IllegalArgumentException naming the option that is wrong, or the site info that is missing
     */
    static WriteSettings of(CaseInsensitiveStringMap options, StructType schema) {
        String path = options.get("path");
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("mwdump: the write needs a path (save(\"dir\"))");
        }
        String f = options.getOrDefault("format", "xml").toLowerCase(Locale.ROOT);
        DumpFormat format = switch (f) {
            case "xml" -> DumpFormat.XML;
            case "revdoc" -> DumpFormat.REVDOC;
            case "revdoc-legacy" -> DumpFormat.REVDOC_LEGACY;
            default -> throw new IllegalArgumentException("mwdump: format must be xml, revdoc or revdoc-legacy, not " + f);
        };
        // none given: the writer's choice, the site info's own version where it writes that one
        String version = options.get("schemaVersion");
        if (version != null && !version.equals("0.11") && !version.equals("0.10")) {
            throw new IllegalArgumentException("mwdump: schemaVersion must be 0.11 or 0.10, not " + version);
        }
        String layout = options.getOrDefault("layout", "bz2").toLowerCase(Locale.ROOT);
        if (!LAYOUTS.contains(layout)) {
            throw new IllegalArgumentException("mwdump: layout must be one of none, bz2, gz, zst, multistream, "
                    + "seekable-zstd, not " + layout);
        }
        if (format != DumpFormat.XML && (layout.equals("multistream") || layout.equals("seekable-zstd"))) {
            throw new IllegalArgumentException("mwdump: layout " + layout + " is made of XML: use format xml");
        }
        String json = options.get("siteInfo");
        if (json == null) {
            json = siteInfoOf(schema);
        }
        if (json == null) {
            throw new IllegalArgumentException("mwdump: no site info: these rows did not come from "
                    + "spark.read.format(\"mwdump\"); give it as the option siteInfo (JSON, as mwdump's Parquet "
                    + "files keep it under mwdump.siteinfo)");
        }
        SiteInfo site = SiteInfoJson.read(json); // checked here, on the driver
        String wiki = options.getOrDefault("wiki", site.dbName() != null ? site.dbName() : "wiki");
        String date = options.getOrDefault("date",
                LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE));
        String kind = options.getOrDefault("kind", "pages-meta-history");
        String order = options.getOrDefault("order", "revision_id").toLowerCase(Locale.ROOT);
        if (!order.equals("revision_id") && !order.equals("timestamp")) {
            throw new IllegalArgumentException("mwdump: order must be revision_id or timestamp, not " + order);
        }
        boolean combine = options.getBoolean("combine", false);
        if (combine && !layout.equals("multistream")) {
            throw new IllegalArgumentException("mwdump: combine=true combines multistream parts: use layout multistream");
        }
        return new WriteSettings(path, format, version, layout, nonNegative(options, "pagesPerPart"),
                nonNegative(options, "bytesPerPart"), (int) Math.max(1, positive(options, "pagesPerStream", 100)), json,
                wiki + "-" + date + "-" + kind, order.equals("timestamp"), (int) nonNegative(options, "parts"), combine);
    }

    private static long nonNegative(CaseInsensitiveStringMap options, String name) {
        long v = options.getLong(name, 0);
        if (v < 0) {
            throw new IllegalArgumentException("mwdump: " + name + " must not be negative");
        }
        return v;
    }

    private static long positive(CaseInsensitiveStringMap options, String name, long fallback) {
        long v = options.getLong(name, fallback);
        if (v < 1) {
            throw new IllegalArgumentException("mwdump: " + name + " must be at least 1");
        }
        return v;
    }

    /** The site info the source put in the metadata of its {@code wiki_db} column, or null. */
    static String siteInfoOf(StructType schema) {
        for (StructField f : schema.fields()) {
            if (f.name().equals("wiki_db") && f.metadata().contains(SITE_INFO_METADATA)) {
                return f.metadata().getString(SITE_INFO_METADATA);
            }
        }
        return null;
    }

    /** The compression of the part files, or null for the layouts the recompressor makes. */
    Compression compression() {
        return switch (layout) {
            case "none" -> Compression.NONE;
            case "bz2" -> Compression.BZIP2;
            case "gz" -> Compression.GZIP;
            case "zst" -> Compression.ZSTD;
            default -> null;
        };
    }

    /** The random-access layout, or null. */
    Recompressor.Layout randomAccess() {
        return switch (layout) {
            case "multistream" -> Recompressor.Layout.BZIP2_MULTISTREAM;
            case "seekable-zstd" -> Recompressor.Layout.SEEKABLE_ZSTD;
            default -> null;
        };
    }

    /**
     * The name of part {@code n} holding pages {@code first} to {@code last}, as Wikimedia names its parts:
     * {@code enwiki-20240601-pages-meta-history1.xml-p1p812.bz2}; multistream parts
     * {@code …-multistream1.xml-p1p812.bz2}.
     */
    String partName(int n, long first, long last) {
        return PartNames.part(stem(), n, format == DumpFormat.XML ? ".xml" : ".jsonl", first, last, suffix());
    }

    /**
     * The name of the index of part {@code n}, for the random-access layouts, as Wikimedia names them:
     * {@code …-multistream-index1.txt-p1p812.bz2} ({@code …-index1.txt-p1p812.zst} for seekable zstd).
     */
    String indexName(int n, long first, long last) {
        return PartNames.index(stem(), n, first, last, suffix());
    }

    private String stem() {
        return layout.equals("multistream") ? prefix + "-multistream" : prefix;
    }

    /** The name of the combined multistream file: {@code …-multistream.xml.bz2}. */
    String combinedName() {
        return prefix + "-multistream.xml.bz2";
    }

    /** The name of the combined file's index: {@code …-multistream-index.txt.bz2}. */
    String combinedIndexName() {
        return prefix + "-multistream-index.txt.bz2";
    }

    private String suffix() {
        return switch (layout) {
            case "none" -> "";
            case "gz" -> ".gz";
            case "zst", "seekable-zstd" -> ".zst";
            default -> ".bz2";
        };
    }
}
