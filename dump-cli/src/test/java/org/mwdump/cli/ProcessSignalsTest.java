package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.testing.Tools;

/**
 * The {@code mwdump} process as a shell runs it: SIGINT or SIGTERM during a conversion, a recompression
 * or an index build removes the temporary outputs and exits 130 with one line; a reader that closes
 * standard output early stops the conversion at once with exit status 141 and nothing on standard
 * error. A conversion's input is a named pipe fed without end, so it is surely still running when the
 * signal or the close comes; recompress and index read a generated file big enough to take a while.
 */
class ProcessSignalsTest {
    private static final String HEAD = "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" version=\"0.11\">\n"
            + "  <siteinfo>\n    <sitename>Test</sitename>\n  </siteinfo>\n";

    static Path fifo(Path dir) throws IOException, InterruptedException {
        Path fifo = dir.resolve("input.xml");
        Tools.require("mkfifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Tools.assume(p.waitFor() == 0, "mkfifo could not make a named pipe");
        return fifo;
    }

    /** Feeds a dump of endless pages into the pipe until the reader goes away. */
    static Thread feed(Path fifo) {
        Thread t = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(HEAD.getBytes(StandardCharsets.UTF_8));
                String text = "Some text of the page. ".repeat(200);
                for (long id = 1; ; id++) {
                    out.write(("  <page>\n    <title>Page " + id + "</title>\n    <ns>0</ns>\n    <id>" + id
                            + "</id>\n    <revision>\n      <id>" + id + "</id>\n      <timestamp>2020-01-01T00:00:00Z"
                            + "</timestamp>\n      <text bytes=\"4600\" xml:space=\"preserve\">" + text
                            + "</text>\n    </revision>\n  </page>\n").getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the reader went away: done
            }
        }, "fifo-feeder");
        t.setDaemon(true);
        t.start();
        return t;
    }

    static ProcessBuilder mwdump(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    @Test
    void interruptRemovesTheTemporaryOutput(@TempDir Path dir) throws Exception {
        interruptConversion(dir, "INT");
    }

    /** SIGTERM (kill's default, what a service manager sends) is an interruption as Ctrl-C is. */
    @Test
    void terminationRemovesTheTemporaryOutput(@TempDir Path dir) throws Exception {
        interruptConversion(dir, "TERM");
    }

    private static void interruptConversion(Path dir, String signal) throws Exception {
        assumeNotIgnored(signal);
        Path in = fifo(dir);
        Path out = dir.resolve("out.jsonl");
        Process p = mwdump("convert", "--quiet", in.toString(), out.toString())
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        feed(in);
        // wait until the conversion has started writing its temporary file
        awaitFile(p, dir, ".out.jsonl");
        Thread.sleep(300);
        assertInterrupted(p, signal);
        assertEquals(List.of("input.xml"), listing(dir), "no output or temporary file left");
    }

    /** Waits until a file whose name starts with {@code prefix} is in {@code dir}, while {@code p} runs. */
    static void awaitFile(Process p, Path dir, String prefix) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (listing(dir).stream().noneMatch(n -> n.startsWith(prefix)) && p.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), () -> "still running: " + errorOf(p));
    }

    /**
     * Skips the test when this JVM runs with the signal ignored, as a shell without job control starts its
     * background jobs with SIGINT ignored: the command started from here inherits that, and, as any program
     * honours an ignored signal (what {@code nohup} relies on), never sees it. Read from
     * {@code /proc/self/status}; where that is missing the test runs.
     */
    static void assumeNotIgnored(String signal) throws IOException {
        int number = switch (signal) {
            case "HUP" -> 1;
            case "INT" -> 2;
            case "TERM" -> 15;
            default -> throw new IllegalArgumentException(signal);
        };
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                assumeTrue((ignored & 1L << (number - 1)) == 0, () -> "SIG" + signal
                        + " is ignored by this test run (a background job without job control), and so by mwdump");
            }
        }
    }

    /** Sends the signal to the running command: it says so in one line and exits 130. */
    static void assertInterrupted(Process p, String signal) throws IOException, InterruptedException {
        assertTrue(p.isAlive(), () -> "still running when signalled: " + errorOf(p));
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "exits after SIG" + signal);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(130, p.exitValue(), err);
        assertEquals("mwdump: interrupted", err.strip());
    }

    /**
     * A dump of about {@code bytes} bytes of XML, with texts of words in random order (which bz2 compresses
     * at its ordinary speed, neither the fast case of repeated text nor the slow one of noise).
     */
    static Path wordsDump(Path file, long bytes) throws IOException {
        java.util.Random random = new java.util.Random(42);
        String[] words = new String[2000];
        for (int i = 0; i < words.length; i++) {
            char[] w = new char[2 + random.nextInt(8)];
            for (int j = 0; j < w.length; j++) {
                w[j] = (char) ('a' + random.nextInt(26));
            }
            words[i] = new String(w);
        }
        try (java.io.Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEAD);
            long written = HEAD.length();
            StringBuilder page = new StringBuilder();
            for (long id = 1; written < bytes; id++) {
                page.setLength(0);
                page.append("  <page>\n    <title>Page ").append(id).append("</title>\n    <ns>0</ns>\n    <id>")
                        .append(id).append("</id>\n    <revision>\n      <id>").append(id)
                        .append("</id>\n      <timestamp>2020-01-01T00:00:00Z</timestamp>\n      ")
                        .append("<text xml:space=\"preserve\">");
                for (int i = 0; i < 800; i++) {
                    page.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
                }
                page.append("</text>\n    </revision>\n  </page>\n");
                out.write(page.toString());
                written += page.length();
            }
            out.write("</mediawiki>\n");
        }
        return file;
    }

    /**
     * SIGINT while recompress compresses (on one thread, so that 16 MB of XML take seconds): both
     * temporary files, the dump's and its index's, are removed.
     */
    @Test
    void interruptedRecompressLeavesNothing(@TempDir Path dir) throws Exception {
        assumeNotIgnored("INT");
        Path in = wordsDump(dir.resolve("in.xml"), 16_000_000);
        Process p = mwdump("recompress", "--multistream", "--threads", "1", in.toString(),
                dir.resolve("out.xml.bz2").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.PIPE).start();
        awaitFile(p, dir, ".out.xml.bz2");
        Thread.sleep(200);
        assertInterrupted(p, "INT");
        assertEquals(List.of("in.xml"), listing(dir), "no output, index or temporary file left");
    }

    /**
     * SIGINT while index decodes a single-stream bz2 dump (its blocks on all cores; about a second for
     * 16 MB of XML): no page index, block index or temporary file is left. The index files are written
     * only at the end, and the dump is opened briefly before the build to check its head, so the signal is
     * sent once the build is decoding: when the process has the dump open and its block decoding threads
     * (seen in {@code /proc/PID/task}) have started.
     */
    @Test
    void interruptedIndexLeavesNothing(@TempDir Path dir) throws Exception {
        assumeNotIgnored("INT");
        Tools.require("bzip2");
        Path xml = wordsDump(dir.resolve("dump.xml"), 16_000_000);
        Path dump = dir.resolve("dump.xml.bz2");
        Process bzip2 = new ProcessBuilder("bzip2", "-1", "-c").redirectInput(xml.toFile())
                .redirectOutput(dump.toFile()).start();
        assertEquals(0, bzip2.waitFor());
        Files.delete(xml);
        Path self = Path.of("/proc", Long.toString(ProcessHandle.current().pid()));
        Tools.assume(Files.isDirectory(self.resolve("fd")) && Files.isDirectory(self.resolve("task")),
                "no /proc/PID/fd and /proc/PID/task to see what a process has open and runs");
        Process p = mwdump("index", dump.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.PIPE).start();
        Path real = dump.toRealPath();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean building = false;
        while (!building && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
            building = hasThread(p, BLOCK_DECODER) && hasOpen(p, real);
        }
        if (!building) {
            boolean alive = p.isAlive();
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError(alive ? "the index build did not start decoding within 60 s"
                    : "the index was built (or failed) before its decoding was seen: " + errorOf(p));
        }
        assertInterrupted(p, "INT");
        assertEquals(List.of("dump.xml.bz2"), listing(dir), "no index or temporary file left");
    }

    /**
     * The name of the threads that decode a bz2 dump's blocks for its index, as the system shows it (a
     * thread's name cut to 15 bytes).
     */
    private static final String BLOCK_DECODER = "mwdump-bzip2-block".substring(0, 15);

    /** Whether one of the process's threads has the name {@code name} (in {@code /proc/PID/task/TID/comm}). */
    static boolean hasThread(Process p, String name) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(p.pid()), "task"))) {
            return tasks.anyMatch(task -> {
                try {
                    return Files.readString(task.resolve("comm")).strip().equals(name);
                } catch (IOException e) {
                    return false; // ended meanwhile
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** Whether the process has the file open (the links in {@code /proc/PID/fd}, read, never opened). */
    static boolean hasOpen(Process p, Path file) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(p.pid()), "fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(file);
                } catch (IOException e) {
                    return false; // closed meanwhile
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    @Test
    void closedStandardOutputStopsTheConversion(@TempDir Path dir) throws Exception {
        Path in = fifo(dir);
        Process p = mwdump("convert", "--threads", "2", in.toString(), "-", "--to", "revdoc")
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        feed(in);
        try (InputStream stdout = p.getInputStream()) {
            byte[] first = stdout.readNBytes(100);
            assertEquals(100, first.length, () -> errorOf(p));
            assertTrue(new String(first, StandardCharsets.US_ASCII).startsWith("{\"id\": 1, "));
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "stops once its output is closed");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(141, p.exitValue(), err);
        assertEquals("", err.strip());
    }

    /** Feeds a finite dump into the pipe slowly (a page a millisecond), so that it lasts about 1.5 s. */
    static Thread feedSlowly(Path fifo, int pages) {
        Thread t = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(HEAD.getBytes(StandardCharsets.UTF_8));
                for (int id = 1; id <= pages; id++) {
                    out.write(("  <page>\n    <title>Page " + id + "</title>\n    <ns>0</ns>\n    <id>" + id
                            + "</id>\n    <revision>\n      <id>" + id + "</id>\n      <timestamp>2020-01-01T00:00:00Z"
                            + "</timestamp>\n      <text xml:space=\"preserve\">Text.</text>\n    </revision>\n"
                            + "  </page>\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(1);
                }
                out.write("</mediawiki>\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException | InterruptedException e) {
                // the reader went away: done
            }
        }, "fifo-slow-feeder");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * With standard error on a terminal (a pseudo-terminal from {@code script}) and standard output in a
     * file, the progress bar is drawn; with standard error in a file, nothing but errors goes there. With
     * standard output a pipe and a file read on two threads, the bar is drawn too, with the percentage of
     * the file read.
     */
    @Test
    void progressBarOnlyOnATerminal(@TempDir Path dir) throws Exception {
        Tools.require("script");
        boolean haveScript;
        try {
            haveScript = new ProcessBuilder("script", "--version").start().waitFor() == 0;
        } catch (IOException e) {
            haveScript = false;
        }
        Tools.assume(haveScript, "script (util-linux) cannot give the process a terminal");
        String command = String.join(" ", mwdump().command().stream().map(ProcessSignalsTest::quoted).toList());

        Path in = fifo(dir);
        Path typescript = dir.resolve("terminal.log");
        Process onTerminal = new ProcessBuilder("script", "-q", "-e", "-c", command + " convert " + quoted(in.toString())
                + " " + quoted(dir.resolve("a.jsonl").toString()) + " > " + quoted(dir.resolve("stdout").toString()),
                typescript.toString()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        feedSlowly(in, 1500);
        assertTrue(onTerminal.waitFor(60, TimeUnit.SECONDS), "the conversion ends");
        assertEquals(0, onTerminal.exitValue(), () -> readQuietly(typescript));
        String drawn = readQuietly(typescript);
        assertTrue(drawn.contains("\r") && drawn.contains("pages/s"), () -> "a progress bar on the terminal: " + drawn);
        assertEquals(1500, Files.readAllLines(dir.resolve("a.jsonl")).size());

        Files.delete(in);
        in = fifo(dir);
        Path errors = dir.resolve("stderr.log");
        Process toFile = mwdump("convert", in.toString(), dir.resolve("b.jsonl").toString())
                .redirectError(errors.toFile()).start();
        feedSlowly(in, 1500);
        assertTrue(toFile.waitFor(60, TimeUnit.SECONDS), "the conversion ends");
        assertEquals(0, toFile.exitValue(), () -> readQuietly(errors));
        String written = readQuietly(errors);
        assertTrue(!written.contains("\r") && !written.contains("pages/s"), () -> "no redraws in a file: " + written);
        assertTrue(written.contains("is not a file (a pipe cannot be split): it was read on one thread"), written);

        // two threads, standard output a pipe, the input a file (its size known): the bar, with percentages
        Path file = wordsDump(dir.resolve("words.xml"), 12_000_000);
        long pages;
        try (Stream<String> lines = Files.lines(file)) {
            pages = lines.filter(l -> l.equals("  <page>")).count();
        }
        Path piped = dir.resolve("piped.log");
        Process threads = new ProcessBuilder("script", "-q", "-e", "-c", command + " convert --threads 2 --to revdoc "
                + quoted(file.toString()) + " - | wc -l > " + quoted(dir.resolve("lines").toString()),
                piped.toString()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        assertTrue(threads.waitFor(60, TimeUnit.SECONDS), "the conversion ends");
        assertEquals(0, threads.exitValue(), () -> readQuietly(piped));
        String bar = readQuietly(piped);
        assertTrue(java.util.regex.Pattern.compile("\r\\[#* *\\] +[0-9]+\\.[0-9]% .*pages/s").matcher(bar).find(),
                () -> "a bar with a percentage on the terminal: " + bar);
        assertTrue(!bar.contains("read on one thread"), bar);
        assertEquals(Long.toString(pages), Files.readString(dir.resolve("lines")).strip(), "every revision through the pipe");
    }

    private static String quoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return e.toString();
        }
    }

    static String errorOf(Process p) {
        try {
            p.waitFor(10, TimeUnit.SECONDS);
            return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | InterruptedException e) {
            return e.toString();
        }
    }

    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void devStdoutIsTheProcesssOwnStandardOutputAndKeepsAnAppendRedirection(@TempDir Path dir) throws Exception {
        String in = org.mwdump.testing.Corpus.file("small/fowiki-macbre/dump.xml.bz2").toString();
        Path expected = dir.resolve("expected.jsonl");
        assertEquals(0, mwdump("convert", "--quiet", in, expected.toString()).start().waitFor());
        Path out = dir.resolve("out.jsonl");
        Files.writeString(out, "first line\n");
        Process p = mwdump("convert", "--quiet", "--to", "revdoc", in, "/dev/stdout")
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), errorOf(p));
        byte[] head = "first line\n".getBytes(StandardCharsets.US_ASCII);
        byte[] want = new byte[head.length + (int) Files.size(expected)];
        System.arraycopy(head, 0, want, 0, head.length);
        System.arraycopy(Files.readAllBytes(expected), 0, want, head.length, want.length - head.length);
        org.junit.jupiter.api.Assertions.assertArrayEquals(want, Files.readAllBytes(out));
        assertEquals(List.of("expected.jsonl", "out.jsonl"), listing(dir), "no temporary file, nothing renamed");

        Process other = mwdump("convert", "--quiet", "--to", "revdoc", in, "/dev/fd/5")
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        assertTrue(other.waitFor(60, TimeUnit.SECONDS));
        String err = new String(other.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, other.exitValue(), err);
        assertTrue(err.contains("only standard output and standard error"), err);
    }
}
