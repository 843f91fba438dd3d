package org.mwdump.samples;

import java.io.InputStream;
import java.nio.file.Path;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.WriteOptions;
import org.mwdump.model.Revision;

/**
 * Use 3: convert a dump to RevDoc JSON lines (compression from the output's extension, for example
 * {@code .jsonl.zst}). Usage: {@code ConvertToRevDoc [IN] OUT}; without IN the bundled sample is used.
 */
public final class ConvertToRevDoc {
    private ConvertToRevDoc() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 1 ? args[1] : args.length == 1 ? args[0] : "sample.jsonl");
        // on every core: decoding, parsing and writing in parallel, with the bytes of a one-thread conversion
        long n = args.length > 1 ? Dumps.convert(Path.of(args[0]), out, DumpFormat.REVDOC,
                WriteOptions.builder().threads(Runtime.getRuntime().availableProcessors()).build())
                : convertSample(out);
        System.out.println("wrote " + n + " revisions to " + out);
    }

    /** Converts the bundled sample; returns the number of revisions written. */
    static long convertSample(Path out) throws Exception {
        try (InputStream in = Summary.openSample(); DumpReader reader = Dumps.open(in)) {
            DumpWriter writer = Dumps.create(out, DumpFormat.REVDOC);
            try {
                // the flat view: every revision of every page, read one at a time (Dumps.copy does the same)
                writer.writeSiteInfo(reader.siteInfo());
                long n = 0;
                for (Revision rev : reader.revisions()) {
                    writer.write(rev);
                    n++;
                }
                writer.finish();
                return n;
            } catch (RuntimeException e) {
                writer.abort();
                throw e;
            }
        }
    }
}
