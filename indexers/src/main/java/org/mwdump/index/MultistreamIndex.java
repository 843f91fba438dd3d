package org.mwdump.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mwdump.DumpException;
import org.mwdump.DumpLocation;
import org.mwdump.MalformedDumpException;

/**
 * Reads Wikimedia's multistream index files ({@code offset:page_id:title} per line, usually
 * bz2-compressed). Titles are XML-escaped in the file and unescaped here; a title may contain colons,
 * so a line is split on its first two only. Old index files wrote offsets above 2^31 as negative
 * 32-bit numbers; since offsets never decrease, such a value is corrected by adding 2^32 until it
 * is not below the previous offset.
 */
public final class MultistreamIndex {
    private MultistreamIndex() {
    }

    /**
     * Reads every entry of an index file (bz2- or zstd-compressed, or plain).
     *
     * @param file the index file
     * @return the entries, in file order
     */
    public static List<IndexEntry> read(Path file) {
        List<IndexEntry> entries = new ArrayList<>();
        forEach(file, entries::add);
        return entries;
    }

    /**
     * Streams the entries of an index file to a consumer, in file order.
     *
     * @param file     the index file
     * @param consumer given each entry
     */
    public static void forEach(Path file, Consumer<IndexEntry> consumer) {
        try (InputStream raw = Files.newInputStream(file)) {
            // bz2 as Wikimedia writes it, zstd beside mwdump's seekable zstd dumps, or plain
            parse(org.mwdump.Dumps.decompress(raw, file), file.toString(), consumer);
        } catch (IOException e) {
            // a malformed line is a MalformedDumpException and damaged bz2 a CorruptInputException: this is
            // the file failing (or missing)
            throw DumpException.cannotRead(e, DumpLocation.of(file.toString()));
        }
    }

    /**
     * Parses index lines from a decompressed stream.
     *
     * @param in       the decompressed index text
     * @param source   the name of the index, for messages
     * @param consumer given each entry
     */
    public static void parse(InputStream in, String source, Consumer<IndexEntry> consumer) {
        parseLines(in, source, (entry, tail) -> consumer.accept(entry));
    }

    /**
     * As {@link #parse(InputStream, String, Consumer)}, giving with each entry its line's text after the
     * offset ({@code :page_id:title}, the title still escaped), for rewriting the line at another offset.
     */
    static void parseLines(InputStream in, String source, java.util.function.BiConsumer<IndexEntry, String> consumer) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            String line;
            long lineNumber = 0;
            long previous = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isEmpty()) {
                    continue;
                }
                int a = line.indexOf(':');
                int b = a < 0 ? -1 : line.indexOf(':', a + 1);
                if (b < 0) {
                    throw malformed("expected offset:page_id:title", source, lineNumber);
                }
                long offset;
                long id;
                try {
                    offset = Long.parseLong(line, 0, a, 10);
                    id = Long.parseLong(line, a + 1, b, 10);
                } catch (NumberFormatException e) {
                    throw malformed("invalid number", source, lineNumber);
                }
                if (offset < previous && offset < (1L << 32)) {
                    // a 32-bit offset that wrapped: the smallest value with the same low 32 bits not below the previous
                    long candidate = (previous & ~0xFFFFFFFFL) | (offset & 0xFFFFFFFFL);
                    offset = candidate < previous ? candidate + (1L << 32) : candidate;
                }
                if (offset < previous) {
                    throw malformed("offset " + offset + " is below the previous offset " + previous, source, lineNumber);
                }
                previous = offset;
                consumer.accept(new IndexEntry(offset, id, unescape(line.substring(b + 1))), line.substring(a));
            }
        } catch (IOException e) {
            throw DumpException.cannotRead(e, DumpLocation.of(source));
        }
    }

    private static MalformedDumpException malformed(String what, String source, long line) {
        return new MalformedDumpException("bad index line: " + what, new DumpLocation(source, -1, line, -1, null, null,
                null));
    }

    /**
     * Undoes PHP's {@code htmlspecialchars}: {@code &amp; &lt; &gt; &quot; &#039;} and numeric references.
     *
     * @param s an escaped title
     * @return the title unescaped
     */
    public static String unescape(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (amp >= 0) {
            sb.append(s, i, amp);
            int semi = s.indexOf(';', amp);
            String entity = semi < 0 ? "" : s.substring(amp + 1, semi);
            String replacement = switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> numeric(entity);
            };
            if (replacement == null) {
                sb.append('&');
                i = amp + 1;
            } else {
                sb.append(replacement);
                i = semi + 1;
            }
            amp = s.indexOf('&', i);
        }
        return sb.append(s, i, s.length()).toString();
    }

    private static String numeric(String entity) {
        try {
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                return Character.toString(Integer.parseInt(entity.substring(2), 16));
            }
            if (entity.startsWith("#")) {
                return Character.toString(Integer.parseInt(entity.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
