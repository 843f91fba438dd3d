package org.mwdump.samples;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.mwdump.index.IndexedDump;
import org.mwdump.index.IndexedPage;
import org.mwdump.model.Revision;
import org.mwdump.write.layout.Recompressor;

/**
 * Use 2: look up one page by title in a multistream dump. Usage: {@code LookUpPage DUMP TITLE} for a
 * Wikimedia {@code *-multistream.xml.bz2} with its index beside it; without arguments the bundled sample
 * is first rewritten as a multistream file in a temporary folder.
 */
public final class LookUpPage {
    private LookUpPage() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2) {
            print(Path.of(args[0]), args[1]);
            return;
        }
        Path dir = Files.createTempDirectory("mwdump-sample");
        Path dump = dir.resolve("sample-multistream.xml.bz2");
        try (InputStream xml = new org.mwdump.read.bzip2.Bzip2InputStream(
                Summary.openSample())) {
            Recompressor.Result r = new Recompressor(Recompressor.Layout.BZIP2_MULTISTREAM, 10, 2)
                    .recompress(xml, dump, dir.resolve("sample-multistream-index.txt.bz2"));
            System.out.println("rewrote the sample as " + r.chunks() + " bz2 streams of up to 10 pages in " + dump);
        }
        try {
            print(dump, args.length == 1 ? args[0] : firstTitle(dump));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    private static String firstTitle(Path dump) {
        return org.mwdump.index.MultistreamIndex.read(IndexedDump.multistreamIndexOf(dump).orElseThrow()).get(7).title();
    }

    static void print(Path dump, String title) throws Exception {
        long start = System.nanoTime();
        try (IndexedDump indexed = IndexedDump.open(dump)) {
            Optional<IndexedPage> page = indexed.byTitle(title);
            double ms = (System.nanoTime() - start) / 1e6;
            if (page.isEmpty()) {
                System.out.printf("no page titled \"%s\" (%.1f ms)%n", title, ms);
                return;
            }
            IndexedPage p = page.get();
            System.out.printf("found \"%s\" (page %d, namespace %d) in %.1f ms, index and lookup included%n",
                    p.page().title(), p.page().id(), p.page().namespace(), ms);
            for (Revision rev : p.revisions()) {
                String text = rev.text() == null ? "" : rev.text();
                System.out.printf("  revision %d at %s by %s: %d chars, starts \"%s\"%n", rev.id(), rev.timestamp(),
                        rev.contributor() == null ? "?" : rev.contributor().displayName(), text.length(),
                        text.substring(0, Math.min(60, text.length())).replace('\n', ' '));
            }
        }
    }
}
