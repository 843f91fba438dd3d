package org.mwdump.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints one line on standard output for each test class that skipped tests, when the class ends: how
 * many and the first reason (the corpus or a tool missing, file permissions not enforced, …), so that a
 * run without the shared corpus or the external tools says what it did not test. Registered through
 * {@code META-INF/services} in the test jar, so every module whose tests use it reports the same way.
 */
public final class SkipReport implements TestExecutionListener {
    private static final class Skips {
        int tests;
        int skipped;
        String reason;
        boolean whole;
    }

    private final Map<String, Skips> byClass = new LinkedHashMap<>();

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        className(id).ifPresent(c -> {
            skipped(c, id, reason);
            report(c, id);
        });
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Optional<String> c = className(id);
        if (c.isEmpty()) {
            return;
        }
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            skipped(c.get(), id, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        } else if (id.isTest()) {
            byClass.computeIfAbsent(c.get(), k -> new Skips()).tests++;
        }
        report(c.get(), id);
    }

    private void skipped(String className, TestIdentifier id, String reason) {
        Skips s = byClass.computeIfAbsent(className, k -> new Skips());
        if (isClass(id)) {
            s.whole = true; // its tests never start
        } else {
            s.tests++; // a test, or a test factory or template whose tests never start: one
        }
        s.skipped++;
        if (s.reason == null) {
            s.reason = reason == null ? "skipped" : reason;
        }
    }

    /** When a class ends: its line, if it skipped anything. */
    private void report(String className, TestIdentifier id) {
        if (!isClass(id)) {
            return;
        }
        Skips s = byClass.remove(className);
        if (s != null && s.skipped > 0) {
            String simple = className.substring(className.lastIndexOf('.') + 1);
            String count = s.whole ? "all tests" : s.skipped + " of " + s.tests + " tests";
            System.out.println("SKIPPED " + simple + " (" + count + "): " + oneLine(s.reason));
            System.out.flush();
        }
    }

    private static boolean isClass(TestIdentifier id) {
        return id.getSource().filter(ClassSource.class::isInstance).isPresent();
    }

    private static String oneLine(String reason) {
        String line = reason.replaceFirst("^Assumption failed: ", "").strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl);
    }

    private static Optional<String> className(TestIdentifier id) {
        Optional<TestSource> source = id.getSource();
        if (source.isEmpty()) {
            return Optional.empty();
        }
        if (source.get() instanceof ClassSource cs) {
            return Optional.of(cs.getClassName());
        }
        if (source.get() instanceof MethodSource ms) {
            return Optional.of(ms.getClassName());
        }
        return Optional.empty();
    }
}
