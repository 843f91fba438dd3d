package org.mwdump.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.mwdump.DumpReader;
import org.mwdump.ReadProgress;

/**
 * A one-line progress bar on standard error (compressed bytes, pages per second or, where pages are not
 * counted, megabytes per second, time left), shown only when standard error is a terminal and not
 * {@code --quiet}. Redrawn at most twice a second.
 */
final class Progress {
    /** The option of the commands that show the bar: {@code -q, --quiet}. */
    static final Option<Boolean> QUIET = Option.flag("-q", "--quiet", "no progress bar");

    /**
     * Whether a bar is on its line, not ended yet: a message printed while it is (by the hook that reports
     * Ctrl-C) starts a line of its own.
     */
    private static volatile boolean onScreen;

    private final PrintWriter err;
    private final boolean enabled;
    private final java.util.function.LongSupplier clock;
    /** The first report: the clock, bytes and pages then, from which rates and the time left are reckoned. */
    private long firstNanos;
    private long firstBytes;
    private long firstPages;
    private double firstFraction;
    private boolean reported;
    private boolean drawn;
    private long lastDraw;
    private long pages;
    /** The last report, and whether it is on the screen. */
    private ReadProgress last;
    private boolean lastWithPages;
    private boolean lastShown;
    private int lastLength;

    /**
     * The line {@code seconds: S} that ends a command's summary: the seconds since {@code startNanos} (a
     * {@link System#nanoTime()}), with two decimals after a point.
     *
     * @param startNanos when the work started
     * @return the line, without its line end
     */
    static String secondsLine(long startNanos) {
        return "seconds: " + twoDecimals(System.nanoTime() - startNanos);
    }

    /**
     * {@code nanos} in seconds as {@code %.2f} writes it in the root locale, rounded half up; without
     * {@link java.util.Formatter}, whose first use loads the locale data and a regular expression, some 20 ms
     * at the end of a short run, after all its work.
     */
    static String twoDecimals(long nanos) {
        long hundredths = (Math.max(0, nanos) + 5_000_000) / 10_000_000;
        long fraction = hundredths % 100;
        return hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }

    /**
     * Whether the commands take standard error for a terminal whatever it is, or {@code null} to find out: for
     * tests of the commands' bars, which run with standard error going elsewhere.
     */
    static volatile Boolean terminalForTests;

    Progress(PrintWriter err, boolean quiet) {
        this(err, quiet, terminalForTests != null ? terminalForTests : stderrIsTerminal());
    }

    /** As the command line makes it, but told whether standard error is a terminal. */
    Progress(PrintWriter err, boolean quiet, boolean terminal) {
        this(err, quiet, terminal, System::nanoTime);
    }

    /** As above, reading the time in nanoseconds from {@code clock}. */
    Progress(PrintWriter err, boolean quiet, boolean terminal, java.util.function.LongSupplier clock) {
        this.err = err;
        this.enabled = !quiet && terminal;
        this.clock = clock;
    }

    /**
     * Whether standard error is a terminal, whatever standard output is ({@code convert … - | zstd} shows
     * the bar): on Linux from what file descriptor 2 points to, elsewhere from {@link System#console()},
     * which needs standard input and output to be terminals too.
     */
    static boolean stderrIsTerminal() {
        try {
            java.nio.file.Path fd = java.nio.file.Path.of("/proc/self/fd/2");
            if (java.nio.file.Files.isSymbolicLink(fd)) {
                String target = java.nio.file.Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux, or no /proc: ask the console below
        }
        return System.console() != null;
    }

    void page(DumpReader reader) {
        pages++;
        if (enabled) {
            report(reader.progress(), true);
        }
    }

    /** Progress reported by a conversion on several threads: bytes consumed and pages written so far. */
    void update(ReadProgress p, long pagesSoFar) {
        pages = pagesSoFar;
        if (enabled) {
            report(p, true);
        }
    }

    /**
     * Progress of work that reads the input without counting pages (XML recompressed as it is): the bar
     * shows the input's megabytes and megabytes per second.
     */
    void bytes(ReadProgress p) {
        if (enabled) {
            report(p, false);
        }
    }

    /**
     * Takes a report, drawn at once if it is the first or half a second has passed since the last drawing.
     * Rates and the time left are reckoned from the first report, not from the command's start: work done
     * before it (finding the streams of a bz2 file, say) would make the rest look slower than it is.
     */
    private void report(ReadProgress p, boolean withPages) {
        long now = clock.getAsLong();
        if (!reported) {
            reported = true;
            firstNanos = now;
            firstBytes = p.bytesRead();
            firstPages = pages;
            firstFraction = Math.max(p.fraction(), 0);
        }
        last = p;
        lastWithPages = withPages;
        lastShown = false;
        if (!drawn || now - lastDraw >= 500_000_000L) {
            draw(now);
        }
    }

    private void draw(long now) {
        ReadProgress p = last;
        drawn = true;
        lastShown = true;
        lastDraw = now;
        double seconds = Math.max((now - firstNanos) / 1e9, 1e-3);
        StringBuilder line = new StringBuilder("\r");
        if (p.totalBytes() > 0) {
            double f = p.fraction();
            int width = 30;
            int done = (int) (f * width);
            line.append('[').append("#".repeat(done)).append(" ".repeat(width - done)).append("] ");
            line.append(String.format(Locale.ROOT, "%5.1f%% ", f * 100));
            // guessed once a percent has been done since the first report, at the pace since then
            if (f - firstFraction >= 0.01) {
                long left = Math.round(seconds * (1 - f) / (f - firstFraction));
                line.append(String.format(Locale.ROOT, "%d:%02d left ", left / 60, left % 60));
            }
        }
        if (lastWithPages) {
            line.append(String.format(Locale.ROOT, "%d MB, %d pages, %.0f pages/s", p.bytesRead() >> 20, pages,
                    (pages - firstPages) / seconds));
        } else {
            line.append(String.format(Locale.ROOT, "%d MB, %.1f MB/s", p.bytesRead() >> 20,
                    (p.bytesRead() - firstBytes) / (double) (1 << 20) / seconds));
        }
        // blanks over what is left of a longer line before
        int length = line.length();
        line.append(" ".repeat(Math.max(1, lastLength - length + 1)));
        lastLength = length;
        err.print(line);
        err.flush();
        onScreen = true;
    }

    /** Whether a bar is on its line, not ended yet. */
    static boolean onScreen() {
        return onScreen;
    }

    /** Ends the bar: its last report drawn if it was not, and the line ended. */
    void done() {
        if (enabled && drawn) {
            if (!lastShown) {
                draw(clock.getAsLong());
            }
            err.println();
            err.flush();
            onScreen = false;
        }
    }
}
