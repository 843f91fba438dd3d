package org.mwdump.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import com.github.luben.zstd.ZstdOutputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.mwdump.DumpException;
import org.mwdump.DumpLocation;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.ReadOptions;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.Slot;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Test inputs for the bad-input cases: a small synthetic dump, its compressed forms, and the outcome
 * of reading something (a fingerprint of everything read, or the typed exception it ended in).
 */
public final class BadInputs {
    private BadInputs() {
    }

    /** A deterministic XML dump of {@code pages} pages with two revisions each, texts of varied length. */
    public static byte[] xmlDump(int pages) {
        StringBuilder sb = new StringBuilder(pages * 900);
        sb.append("<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" version=\"0.11\" xml:lang=\"en\">\n")
                .append("  <siteinfo>\n    <sitename>Hostile</sitename>\n    <dbname>hostilewiki</dbname>\n")
                .append("    <base>https://hostile.example/wiki/Main</base>\n    <generator>MediaWiki 1.41</generator>\n")
                .append("    <case>first-letter</case>\n    <namespaces>\n")
                .append("      <namespace key=\"0\" case=\"first-letter\" />\n")
                .append("      <namespace key=\"1\" case=\"first-letter\">Talk</namespace>\n")
                .append("    </namespaces>\n  </siteinfo>\n");
        long seed = 12345;
        for (int p = 1; p <= pages; p++) {
            sb.append("  <page>\n    <title>Page ").append(p).append(" &amp; ").append((char) ('α' + p % 20))
                    .append("</title>\n    <ns>0</ns>\n    <id>").append(p).append("</id>\n");
            for (int r = 0; r < 2; r++) {
                long rev = p * 10L + r;
                sb.append("    <revision>\n      <id>").append(rev).append("</id>\n");
                if (r > 0) {
                    sb.append("      <parentid>").append(rev - 1).append("</parentid>\n");
                }
                sb.append("      <timestamp>2020-01-0").append(1 + r).append("T00:00:00Z</timestamp>\n")
                        .append("      <contributor>\n        <username>U").append(p % 7).append("</username>\n")
                        .append("        <id>").append(p % 7 + 1).append("</id>\n      </contributor>\n")
                        .append("      <comment>edit ").append(r).append("</comment>\n")
                        .append("      <model>wikitext</model>\n      <format>text/x-wiki</format>\n")
                        .append("      <text bytes=\"1\" xml:space=\"preserve\">");
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                int words = 20 + (int) ((seed >>> 33) % 120);
                for (int w = 0; w < words; w++) {
                    seed = seed * 6364136223846793005L + 1442695040888963407L;
                    sb.append(WORDS[(int) ((seed >>> 33) % WORDS.length)]).append(w % 13 == 12 ? "\n" : " ");
                }
                sb.append("</text>\n      <sha1>phoiac9h4m842xq45sp7s6u21eteeq1</sha1>\n    </revision>\n");
            }
            sb.append("  </page>\n");
        }
        sb.append("</mediawiki>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final String[] WORDS = {"the", "[[link]]", "{{cite}}", "wiki", "&lt;ref&gt;", "ολα", "page",
        "'''bold'''", "dump", "zürich", "東京", "of", "and", "history", "== Section ==", "*", "1999", "🙂"};

    /** One of the compressions of a test dump. */
    public enum Codec {
        BZ2, MULTISTREAM_BZ2, GZIP, XZ, ZSTD, SEVEN_Z
    }

    /** {@code xml} compressed with {@code codec}; multistream bz2 is one stream per 8 pages plus an empty one. */
    public static byte[] compress(byte[] xml, Codec codec) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (codec) {
                case BZ2 -> write(new BZip2CompressorOutputStream(out, 1), xml);
                case MULTISTREAM_BZ2 -> {
                    String s = new String(xml, StandardCharsets.UTF_8);
                    int from = 0;
                    int pagesInChunk = 0;
                    int at = s.indexOf("<page>");
                    write(new BZip2CompressorOutputStream(out, 9), s.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    from = at;
                    while (true) {
                        int end = s.indexOf("</page>\n", at);
                        if (end < 0) {
                            break;
                        }
                        at = end + "</page>\n".length();
                        if (++pagesInChunk == 8) {
                            write(new BZip2CompressorOutputStream(out, 9), s.substring(from, at).getBytes(StandardCharsets.UTF_8));
                            from = at;
                            pagesInChunk = 0;
                        }
                    }
                    write(new BZip2CompressorOutputStream(out, 9), s.substring(from).getBytes(StandardCharsets.UTF_8));
                    write(new BZip2CompressorOutputStream(out, 9), new byte[0]);
                }
                case GZIP -> write(new GZIPOutputStream(out), xml);
                case XZ -> write(new XZOutputStream(out, new LZMA2Options(6)), xml);
                case ZSTD -> {
                    ZstdOutputStream z = new ZstdOutputStream(out, 3);
                    z.setChecksum(true);
                    write(z, xml);
                }
                case SEVEN_Z -> {
                    Path temp = Files.createTempFile("hostile", ".7z");
                    try {
                        try (SevenZOutputFile seven = new SevenZOutputFile(temp.toFile())) {
                            SevenZArchiveEntry e = new SevenZArchiveEntry();
                            e.setName("dump.xml");
                            e.setSize(xml.length);
                            seven.putArchiveEntry(e);
                            seven.write(xml);
                            seven.closeArchiveEntry();
                        }
                        return Files.readAllBytes(temp);
                    } finally {
                        Files.deleteIfExists(temp);
                    }
                }
                default -> throw new AssertionError(codec);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(OutputStream out, byte[] data) throws IOException {
        try (out) {
            out.write(data);
        }
    }

    /** What reading an input gave: a digest of every page and entry read, or the exception. */
    public record Outcome(String digest, long pages, DumpException failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    /** Reads everything from a stream through {@link Dumps#open(InputStream, ReadOptions)}. */
    public static Outcome read(InputStream in, ReadOptions options) {
        MessageDigest md = sha256();
        long pages = 0;
        try (DumpReader r = Dumps.open(in, options)) {
            update(md, String.valueOf(r.siteInfo()));
            for (Page p = r.nextPage(); p != null; p = r.nextPage()) {
                pages++;
                update(md, p.id() + "|" + p.title() + "|" + p.namespace());
                for (PageEntry e = r.nextEntry(); e != null; e = r.nextEntry()) {
                    if (e instanceof Revision rev) {
                        update(md, rev.id() + "|" + rev.timestamp() + "|" + rev.comment() + "|" + rev.contributor());
                        for (Slot s : rev.slots()) {
                            update(md, s.role() + "|" + (s.text() == null ? null : s.text().content()));
                        }
                    } else {
                        update(md, String.valueOf(e));
                    }
                }
            }
            return new Outcome(HexFormat.of().formatHex(md.digest()), pages, null);
        } catch (DumpException e) {
            return new Outcome(null, pages, e);
        }
    }

    /** Reads everything from a file through {@link Dumps#open(Path, ReadOptions)}. */
    public static Outcome read(Path file, ReadOptions options) {
        try {
            return read(Files.newInputStream(file), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Outcome read(byte[] data) {
        return read(new ByteArrayInputStream(data), ReadOptions.DEFAULT);
    }

    /**
     * Asserts the outcome of a damaged input: a typed failure that says where, or (only where
     * {@code fullAllowed}) exactly the full result.
     */
    public static void assertFailsCleanlyOrComplete(Outcome damaged, Outcome full, boolean fullAllowed, String what) {
        if (!damaged.failed()) {
            if (!fullAllowed) {
                fail(what + ": read without error (" + damaged.pages() + " of " + full.pages() + " pages)");
            }
            assertEquals(full.digest(), damaged.digest(), what + ": read without error but with a different result");
            return;
        }
        assertLocated(damaged.failure(), what);
    }

    /** The exception is one of the typed subclasses and carries a location. */
    public static void assertLocated(DumpException e, String what) {
        assertTrue(e.getClass() != DumpException.class, what + ": untyped " + e);
        DumpLocation where = e.location();
        assertTrue(where.compressedOffset() >= 0 || where.line() >= 0,
                what + ": no offset or line in " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static void update(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
    }
}
