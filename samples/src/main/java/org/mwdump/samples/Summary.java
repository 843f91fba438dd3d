package org.mwdump.samples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.PageRevisions;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;

/**
 * Reads a dump (the bundled sample when no path is given) and prints a summary: pages, revisions,
 * revisions per namespace and bytes of text.
 */
public final class Summary {
    /** The sample dump bundled with this module. */
    public static final String SAMPLE = "sample-dump.xml.bz2";

    private Summary() {
    }

    public static void main(String[] args) throws IOException {
        try (DumpReader dump = args.length > 0 ? Dumps.open(Path.of(args[0])) : Dumps.open(openSample())) {
            SiteInfo site = dump.siteInfo();
            long pages = 0;
            long revisions = 0;
            long textBytes = 0;
            Map<Integer, Long> byNamespace = new TreeMap<>();
            for (PageRevisions page : dump.pages()) {
                pages++;
                Integer ns = page.page().namespace();
                for (Revision rev : page.revisions()) {
                    revisions++;
                    byNamespace.merge(ns == null ? 0 : ns, 1L, Long::sum);
                    String text = rev.text();
                    if (text != null) {
                        textBytes += text.getBytes(StandardCharsets.UTF_8).length;
                    }
                }
            }
            System.out.println("source: " + (args.length > 0 ? args[0] : SAMPLE + " (bundled sample)"));
            System.out.println("site: " + site.siteName() + " (" + site.dbName() + "), schema " + site.schemaVersion()
                    + ", " + dump.compression());
            System.out.println("pages: " + pages);
            System.out.println("revisions: " + revisions);
            byNamespace.forEach((ns, n) -> System.out.println("namespace " + ns + ": " + n + " revisions"));
            System.out.println("text bytes: " + textBytes);
        }
    }

    /** The bundled sample dump as a stream. */
    public static InputStream openSample() throws IOException {
        InputStream in = Summary.class.getResourceAsStream(SAMPLE);
        if (in == null) {
            throw new IOException("sample dump " + SAMPLE + " is not on the class path");
        }
        return in;
    }
}
