package org.mwdump.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs every command once, in one JVM, on a small dump it writes itself, so that the JVM can archive the
 * classes they load ({@code -XX:ArchiveClassesAtExit}): the build does this through the launcher
 * ({@code MWDUMP_WRITE_CLASS_ARCHIVE=1 mwdump}), which leaves {@code mwdump.jsa} beside the jar for later
 * runs to start from. Not part of the command line; exits with 1 if a command fails, so that a build
 * notices a training that no longer covers what it should.
 */
final class ClassArchiveTraining {
    private ClassArchiveTraining() {
    }

    /** A dump of two pages, one with two revisions. */
    private static final String DUMP = """
            <mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">
              <siteinfo>
                <sitename>Wikipedia</sitename>
                <dbname>trainwiki</dbname>
                <base>https://train.example.org/wiki/Main_Page</base>
                <generator>MediaWiki 1.46.0</generator>
                <case>first-letter</case>
                <namespaces>
                  <namespace key="0" case="first-letter" />
                  <namespace key="1" case="first-letter">Talk</namespace>
                </namespaces>
              </siteinfo>
              <page>
                <title>First page</title>
                <ns>0</ns>
                <id>1</id>
                <revision>
                  <id>10</id>
                  <timestamp>2024-01-01T00:00:00Z</timestamp>
                  <contributor>
                    <username>Someone</username>
                    <id>5</id>
                  </contributor>
                  <comment>start</comment>
                  <origin>10</origin>
                  <model>wikitext</model>
                  <format>text/x-wiki</format>
                  <text xml:space="preserve">Hello, '''world'''.</text>
                </revision>
                <revision>
                  <id>11</id>
                  <parentid>10</parentid>
                  <timestamp>2024-01-02T00:00:00Z</timestamp>
                  <contributor>
                    <ip>192.0.2.1</ip>
                  </contributor>
                  <minor />
                  <origin>11</origin>
                  <model>wikitext</model>
                  <format>text/x-wiki</format>
                  <text xml:space="preserve">Hello, '''world''' &amp; all.</text>
                </revision>
              </page>
              <page>
                <title>Talk:First page</title>
                <ns>1</ns>
                <id>2</id>
                <revision>
                  <id>12</id>
                  <timestamp>2024-01-03T00:00:00Z</timestamp>
                  <contributor>
                    <username>Someone else</username>
                    <id>6</id>
                  </contributor>
                  <origin>12</origin>
                  <model>wikitext</model>
                  <format>text/x-wiki</format>
                  <text xml:space="preserve">Talk.</text>
                </revision>
              </page>
            </mediawiki>
            """;

    /**
     * Runs the commands in a temporary directory, which it removes.
     *
     * @param args ignored
     * @throws IOException if the directory cannot be made or removed
     */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("mwdump-class-archive");
        // get writes pages to standard output itself
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        int failed = 0;
        try {
            Path xml = dir.resolve("dump.xml");
            Files.writeString(xml, DUMP, StandardCharsets.UTF_8);
            String x = xml.toString();
            String ms = dir.resolve("ms.xml.bz2").toString();
            String zst = dir.resolve("sz.xml.zst").toString();
            String index = "--index-dir=" + dir.resolve("indexes");
            List<List<String>> commands = List.of(
                    List.of("--help"),
                    List.of("info", x),
                    List.of("validate", x),
                    List.of("convert", "--threads=2", x, dir.resolve("a.jsonl").toString()),
                    List.of("convert", x, dir.resolve("a.parquet").toString()),
                    List.of("convert", "--threads=2", x, dir.resolve("a.xml.bz2").toString()),
                    List.of("convert", x, dir.resolve("a.xml.gz").toString()),
                    List.of("recompress", "--multistream", "--threads=2", x, ms),
                    List.of("recompress", "--seekable-zstd", "--threads=2", x, zst),
                    List.of("recompress", "--single-stream", "--threads=2", x, dir.resolve("ss.xml.bz2").toString()),
                    List.of("index", index, ms),
                    List.of("get", index, "--title=First page", ms),
                    List.of("get", index, "--id=2", "--to=revdoc", zst),
                    List.of("convert", "--threads=2", ms, dir.resolve("b.jsonl").toString()),
                    List.of("info", dir.resolve("a.parquet").toString()));
            for (List<String> command : commands) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int status = Main.run(command.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
                if (status != 0) {
                    System.err.println("mwdump " + String.join(" ", command) + ": exit " + status + "\n" + err);
                    failed++;
                }
            }
        } finally {
            System.setOut(stdout);
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
