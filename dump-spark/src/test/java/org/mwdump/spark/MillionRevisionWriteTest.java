package org.mwdump.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.model.Namespace;
import org.mwdump.model.Page;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.parquet.SiteInfoJson;

/**
 * A page of a million revisions (400 MB of comments) is written by the Spark writer as it streams, in a
 * JVM of 640 MB (its own surefire execution): rows go from Spark's sort (which spills) to the XML writer
 * one at a time.
 */
class MillionRevisionWriteTest {
    static final int REVISIONS = 1_000_000;

    @Test
    void aMillionRevisionsOfOnePageStream(@TempDir Path dir) throws IOException {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("mwdump-million")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        try {
            // revision ids in descending order across 4 input partitions: the write's own sort puts them in order
            Dataset<Row> rows = spark.range(0, REVISIONS, 1, 4).select(
                    lit(7L).as("page_id"),
                    lit(0).as("page_namespace_id"),
                    lit("Big page").as("page_title"),
                    lit((long) REVISIONS).minus(col("id")).as("revision_id"),
                    lit("2020-01-01 00:00:00").cast("timestamp").as("revision_dt"),
                    // 400 bytes a revision: held in memory, the revisions would not fit in this heap
                    concat(lit("edit ".repeat(80)), col("id").cast("string")).as("revision_comment"));
            SiteInfo site = new SiteInfo("0.11", "en", true, "Test", "testwiki", "https://test.example/", "MediaWiki",
                    null, List.of(new Namespace(0, "", null)));
            Path out = dir.resolve("out");
            rows.write().format("mwdump").option("format", "xml").option("layout", "gz")
                    .option("siteInfo", SiteInfoJson.write(site)).option("wiki", "testwiki").option("date", "20200101")
                    .mode("overwrite").save(out.toString());
            List<Path> parts;
            try (Stream<Path> s = Files.list(out)) {
                parts = s.filter(p -> p.getFileName().toString().startsWith("testwiki-")).sorted().toList();
            }
            assertEquals(1, parts.size(), "one page, one part: " + parts);
            long n = 0;
            long last = 0;
            Page page = null;
            try (DumpReader r = Dumps.open(parts.get(0))) {
                for (Page p = r.nextPage(); p != null; p = r.nextPage()) {
                    assertTrue(page == null, "one page");
                    page = p;
                    for (var e = r.nextEntry(); e != null; e = r.nextEntry()) {
                        Revision rev = (Revision) e;
                        assertEquals(last + 1, rev.id(), "revision ids in order");
                        assertEquals("edit ".repeat(80) + (REVISIONS - rev.id()), rev.comment().text());
                        last = rev.id();
                        n++;
                    }
                }
            }
            assertEquals(7L, page.id());
            assertEquals("Big page", page.title());
            assertEquals(REVISIONS, n);
        } finally {
            spark.stop();
        }
    }
}
