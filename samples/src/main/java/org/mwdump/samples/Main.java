package org.mwdump.samples;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main job on the bundled sample dump: summarize it, convert it to RevDoc JSON lines, and look up
 * one page by title through a multistream index, printing what each step did.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("== reading the sample");
        Summary.main(new String[0]);
        System.out.println();
        System.out.println("== converting it to RevDoc JSON lines");
        Path out = Path.of("target", "sample.jsonl");
        Files.createDirectories(out.getParent());
        long n = ConvertToRevDoc.convertSample(out);
        System.out.println("wrote " + n + " revisions (" + Files.size(out) + " bytes) to " + out.toAbsolutePath());
        System.out.println();
        System.out.println("== looking up one page");
        LookUpPage.main(new String[0]);
    }
}
