package org.mwdump.read.xml;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.LimitExceededException;
import org.mwdump.ReadLimits;

/**
 * The default limits stop an endless text: the parser checks its text limit as the text grows, so a text
 * of twice the limit surely fails, and long before it is all read.
 */
class DefaultLimitsTest {

    /** {@code n} bytes of 'a', made as they are read. */
    static InputStream letters(long n) {
        return new InputStream() {
            private long left = n;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int k = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + k, (byte) 'a');
                left -= k;
                return k;
            }
        };
    }

    @Test
    void aTextOverTheDefaultLimitFails() {
        String head = "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" version=\"0.11\">\n  <page>\n"
                + "    <title>A</title>\n    <ns>0</ns>\n    <id>1</id>\n    <revision>\n      <id>1</id>\n"
                + "      <text bytes=\"1\" xml:space=\"preserve\">";
        String tail = "</text>\n    </revision>\n  </page>\n</mediawiki>\n";
        InputStream in = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)),
                letters(ReadLimits.DEFAULT.maxTextChars() * 2L),
                new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)))));
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> {
            try (DumpReader r = Dumps.open(in)) {
                r.revisions().forEach(x -> { });
            }
        });
        assertTrue(e.location().line() >= 1, e.toString());
    }

    /** {@code n} repetitions of the UTF-8 bytes of {@code unit}, made as they are read. */
    static InputStream repeated(long n, byte[] unit) {
        return new InputStream() {
            private long left = n * unit.length;
            private int next;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                int b = unit[next] & 0xff;
                next = (next + 1) % unit.length;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int k = (int) Math.min(len, left);
                for (int i = 0; i < k; i++) {
                    b[off + i] = unit[next];
                    next = next + 1 == unit.length ? 0 : next + 1;
                }
                left -= k;
                return k;
            }
        };
    }

    /**
     * Reads a dump of one revision whose text is {@code args[0]} times the character {@code args[1]}, and
     * prints the text's size in UTF-8 bytes, and with {@code args[2]} "content" also its length as a
     * string: run in a JVM of the heap {@link ReadLimits} states.
     */
    public static final class ReadOneText {
        public static void main(String[] args) {
            long chars = Long.parseLong(args[0]);
            byte[] unit = args[1].getBytes(StandardCharsets.UTF_8);
            String head = "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" version=\"0.11\">\n  <page>\n"
                    + "    <title>A</title>\n    <ns>0</ns>\n    <id>1</id>\n    <revision>\n      <id>1</id>\n"
                    + "      <text xml:space=\"preserve\">";
            String tail = "</text>\n    </revision>\n  </page>\n</mediawiki>\n";
            InputStream in = new SequenceInputStream(Collections.enumeration(List.of(
                    new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), repeated(chars, unit),
                    new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)))));
            try (DumpReader r = Dumps.open(in)) {
                org.mwdump.model.Text text = r.revisions().stream().findFirst().orElseThrow().slots().get(0).text();
                System.out.println(text.contentUtf8().remaining());
                if (args.length > 2 && args[2].equals("content")) {
                    System.out.println(text.content().length());
                }
            }
        }
    }

    /**
     * Runs {@link ReadOneText} in a JVM of its own with the given options; returns its standard output. Its
     * output (and standard error) goes to a file, so that a JVM that does not end is not waited for past
     * the timeout: it is killed, and the test fails with what it wrote.
     */
    static String readInJvm(List<String> jvmOptions, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ReadOneText.class.getName()));
        command.addAll(List.of(args));
        java.nio.file.Path log = java.nio.file.Files.createTempFile("mwdump-read-one-text", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long seconds = 120;
            if (!p.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                org.junit.jupiter.api.Assertions.fail(jvmOptions + ": the reader did not end in " + seconds
                        + " s; its output: " + new String(java.nio.file.Files.readAllBytes(log), StandardCharsets.UTF_8));
            }
            String out = new String(java.nio.file.Files.readAllBytes(log), StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertEquals(0, p.exitValue(), () -> jvmOptions + ": " + out.lines()
                    .limit(3).toList());
            return out;
        } finally {
            java.nio.file.Files.deleteIfExists(log);
        }
    }

    /**
     * A text at the default limit whose every char takes three bytes of UTF-8 (300 MB, the most a text
     * at the limit can take) is read in the heaps the Javadoc of {@link ReadLimits} states: with G1 (the
     * JVM's default) in -Xmx800m, with the parallel collector of the mwdump command in -Xmx1g; and with
     * its string made, in -Xmx2g with G1. (The reader alone was measured to need 650 MB with G1 and
     * 900 MB with the parallel collector; with the string made, -Xmx1400m ran out of heap in one run of
     * the suite in many, the largest arrays needing contiguous regions of G1's heap.) Each run takes a few seconds: the text is made as it is read,
     * never held as input.
     */
    @Test
    void aTextAtTheDefaultLimitIsReadInTheStatedHeap() throws Exception {
        String chars = Integer.toString(ReadLimits.DEFAULT.maxTextChars());
        String bytes = Long.toString(3L * ReadLimits.DEFAULT.maxTextChars());
        org.junit.jupiter.api.Assertions.assertEquals(bytes + "\n",
                readInJvm(List.of("-XX:+UseG1GC", "-Xmx800m"), chars, "\u20ac"));
        org.junit.jupiter.api.Assertions.assertEquals(bytes + "\n",
                readInJvm(List.of("-XX:+UseParallelGC", "-Xmx1g"), chars, "\u20ac"));
        org.junit.jupiter.api.Assertions.assertEquals(bytes + "\n" + chars + "\n",
                readInJvm(List.of("-XX:+UseG1GC", "-Xmx2g"), chars, "\u20ac", "content"));
    }

    /** The text of a one-revision dump read with a text limit of ten characters, or the limit's failure. */
    static String readWithTenCharacterLimit(String escapedText) {
        String xml = "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" version=\"0.11\">\n  <page>\n"
                + "    <title>A</title>\n    <ns>0</ns>\n    <id>1</id>\n    <revision>\n      <id>1</id>\n"
                + "      <text xml:space=\"preserve\">" + escapedText + "</text>\n    </revision>\n  </page>\n</mediawiki>\n";
        org.mwdump.ReadOptions options = org.mwdump.ReadOptions.builder()
                .limits(ReadLimits.DEFAULT.withMaxTextChars(10)).build();
        try (DumpReader r = Dumps.open(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), options)) {
            return r.revisions().stream().findFirst().orElseThrow().text();
        }
    }

    /**
     * The limit counts UTF-16 characters, as Java strings do, whatever the UTF-8 length: two-byte letters,
     * characters beyond the BMP (two UTF-16 characters each) and character references alike.
     */
    @Test
    void theTextLimitCountsCharactersNotBytes() {
        org.junit.jupiter.api.Assertions.assertEquals("αβγδεζηθικ", readWithTenCharacterLimit("αβγδεζηθικ"));
        assertThrows(LimitExceededException.class, () -> readWithTenCharacterLimit("αβγδεζηθικλ"));
        org.junit.jupiter.api.Assertions.assertEquals("😀😀😀😀😀", readWithTenCharacterLimit("😀😀😀😀😀"));
        assertThrows(LimitExceededException.class, () -> readWithTenCharacterLimit("😀😀😀😀😀a"));
        org.junit.jupiter.api.Assertions.assertEquals("€€€€𝒜𝒜&<", readWithTenCharacterLimit("€€€€&#x1D49C;𝒜&amp;&lt;"));
        assertThrows(LimitExceededException.class, () -> readWithTenCharacterLimit("€€€€&#x1D49C;𝒜&amp;&lt;b"));
    }
}
