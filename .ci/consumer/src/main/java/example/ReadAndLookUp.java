package example;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.PageRevisions;
import org.mwdump.index.IndexedDump;
import org.mwdump.index.IndexedPage;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.write.layout.Recompressor;

/** README's reading and lookup examples, as a user's program: {@code ReadAndLookUp DUMP WORKDIR}. */
public final class ReadAndLookUp {
    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        String lastTitle = null;
        long revisions = 0;
        try (DumpReader dump = Dumps.open(input)) {
            SiteInfo site = dump.siteInfo();
            System.out.println("site: " + site.siteName());
            for (PageRevisions page : dump.pages()) {
                for (Revision rev : page.revisions()) {
                    revisions++;
                }
                lastTitle = page.page().title();
            }
        }
        System.out.println("revisions: " + revisions);
        if (revisions == 0) {
            throw new IllegalStateException("no revisions read");
        }
        // the lookup example needs a multistream file: made from the same dump
        Path work = Files.createDirectories(Path.of(args[1]));
        Path multistream = work.resolve("sample-multistream.xml.bz2");
        try (InputStream xml = Dumps.decompress(Files.newInputStream(input), input)) {
            new Recompressor(Recompressor.Layout.BZIP2_MULTISTREAM, 10, 2).recompress(xml, multistream,
                    work.resolve("sample-multistream-index.txt.bz2"));
        }
        try (IndexedDump dump = IndexedDump.open(multistream)) {
            Optional<IndexedPage> page = dump.byTitle(lastTitle);
            System.out.println("found \"" + lastTitle + "\": " + page.isPresent());
            if (page.isEmpty()) {
                throw new IllegalStateException("lookup failed");
            }
        }
    }
}
