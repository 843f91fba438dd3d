package org.mwdump.hostile;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mwdump.MalformedDumpException;
import org.mwdump.ReadOptions;
import org.mwdump.hostile.BadInputs.Outcome;

/**
 * The inputs the fuzzers found to crash a reader, each kept beside its fuzz test (where the fuzz tests
 * replay it too) and checked here by name for the exception it must now give.
 */
class FuzzFindingsTest {

    static byte[] finding(String path) throws IOException {
        try (InputStream in = FuzzFindingsTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    static Outcome read(InputStream in) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> BadInputs.read(in, ReadOptions.DEFAULT));
    }

    /** A gzip-compressed dump whose {@code <namespace>} has no {@code key}: was a NullPointerException. */
    @Test
    void namespaceWithoutKey() throws IOException {
        Outcome o = read(new ByteArrayInputStream(finding("XmlReaderFuzzTestInputs/fuzz/crash-namespace-without-key")));
        assertInstanceOf(MalformedDumpException.class, o.failure());
        assertTrue(o.failure().getMessage().contains("namespace key"), o.failure().getMessage());
        BadInputs.assertLocated(o.failure(), "namespace without key");
    }

    /** A RevDoc line with {@code "namespace": null}: was a NullPointerException; null is read as absent. */
    @Test
    void nullNamespace() throws IOException {
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(new byte[] {'{'}),
                new ByteArrayInputStream(finding("RevDocReaderFuzzTestInputs/fuzz/crash-null-namespace")));
        Outcome o = read(in);
        // the rest of this input is malformed JSON: the reader gets that far now
        assertInstanceOf(MalformedDumpException.class, o.failure());
        BadInputs.assertLocated(o.failure(), "null namespace");
        Outcome ok = read(new ByteArrayInputStream(("{\"id\": 2, \"page\": {\"id\": 1, \"title\": \"A\", \"namespace\": null}}\n"
                + "{\"id\": 3, \"page\": {\"id\": 1, \"title\": \"A\", \"namespace\": 4294967296}}\n").getBytes()));
        assertInstanceOf(MalformedDumpException.class, ok.failure(), "a namespace out of int range");
        assertTrue(ok.pages() == 1, "the null namespace reads");
    }
}
