package org.mwdump.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/**
 * Small MediaWiki XML dumps made on the spot, for tests that must run without the shared corpus:
 * pages titled {@code Page 1} … {@code Page n} (in the main namespace, ids 10, 20, …), each with one
 * revision whose text names the page.
 */
public final class SmallDumps {
    private SmallDumps() {
    }

    /** The id of page {@code i} (1-based). */
    public static long id(int i) {
        return 10L * i;
    }

    /** The title of page {@code i} (1-based). */
    public static String title(int i) {
        return "Page " + i;
    }

    /** A complete dump of export schema 0.11 with {@code pages} pages. */
    public static byte[] xml(int pages) {
        StringBuilder sb = new StringBuilder();
        sb.append("<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" version=\"0.11\" xml:lang=\"en\">\n")
                .append("  <siteinfo>\n    <sitename>Test</sitename>\n    <dbname>testwiki</dbname>\n")
                .append("    <case>first-letter</case>\n    <namespaces>\n")
                .append("      <namespace key=\"0\" case=\"first-letter\" />\n")
                .append("      <namespace key=\"1\" case=\"first-letter\">Talk</namespace>\n")
                .append("    </namespaces>\n  </siteinfo>\n");
        for (int i = 1; i <= pages; i++) {
            String text = "Text of page " + i + ". " + "lorem ipsum ".repeat(i % 7 + 1);
            sb.append("  <page>\n    <title>").append(title(i)).append("</title>\n    <ns>0</ns>\n    <id>")
                    .append(id(i)).append("</id>\n    <revision>\n      <id>").append(id(i) + 1)
                    .append("</id>\n      <timestamp>2020-01-01T00:00:00Z</timestamp>\n")
                    .append("      <contributor>\n        <username>U</username>\n        <id>1</id>\n")
                    .append("      </contributor>\n      <model>wikitext</model>\n      <format>text/x-wiki</format>\n")
                    .append("      <text bytes=\"").append(text.length()).append("\" xml:space=\"preserve\">")
                    .append(text).append("</text>\n      <sha1 />\n    </revision>\n  </page>\n");
        }
        sb.append("</mediawiki>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The dump of {@link #xml(int)} as one bz2 stream (blocks of 100 kB), written to {@code file}. */
    public static Path singleStreamBz2(Path file, int pages) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            try (OutputStream bz = new BZip2CompressorOutputStream(bytes, 1)) {
                bz.write(xml(pages));
            }
            return Files.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
