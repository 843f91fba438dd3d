package example;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.mwdump.ApplyResult;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.PageRevisions;
import org.mwdump.index.IndexedDump;
import org.mwdump.index.IndexedPage;
import org.mwdump.model.Revision;
import org.mwdump.read.bzip2.Bzip2InputStream;
import org.mwdump.write.layout.Recompressor;

/**
 * {@code ModulePathProgram DUMP.xml.bz2 WORKDIR [parquet]}: reads a dump, writes it as RevDoc, reads that
 * back, looks a page up in a multistream copy, applies a change to that copy, and prints one line per step and the exports of mwdump's
 * modules. With {@code parquet}, also writes and reads Parquet (dump-parquet on the class path).
 */
public final class ModulePathProgram {
    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        Path work = Files.createDirectories(Path.of(args[1]));
        System.out.println("module: " + ModulePathProgram.class.getModule().getName());

        long pages = 0;
        long revisions = 0;
        String lastTitle = null;
        Path revdoc = work.resolve("out.jsonl.zst");
        try (DumpReader in = Dumps.open(input);
             DumpWriter out = Dumps.create(revdoc, DumpFormat.REVDOC)) {
            out.writeSiteInfo(in.siteInfo());
            for (PageRevisions page : in.pages()) {
                pages++;
                for (Revision rev : page.revisions()) {
                    revisions++;
                    out.write(rev);
                }
                lastTitle = page.page().title();
            }
            out.finish();
        }
        System.out.println("read xml: " + pages + " pages, " + revisions + " revisions");
        try (DumpReader back = Dumps.open(revdoc)) {
            System.out.println("read revdoc: " + back.revisions().stream().count() + " revisions");
        }

        long decoded;
        try (InputStream bz2 = new Bzip2InputStream(Files.newInputStream(input))) {
            decoded = bz2.transferTo(OutputStreamSink.INSTANCE);
        }
        System.out.println("bzip2 decoded: " + (decoded > 0));

        Path multistream = work.resolve("multistream.xml.bz2");
        try (InputStream xml = Dumps.decompress(Files.newInputStream(input), input)) {
            new Recompressor(Recompressor.Layout.BZIP2_MULTISTREAM, 10, 2).recompress(xml, multistream,
                    work.resolve("multistream-index.txt.bz2"));
        }
        try (IndexedDump dump = IndexedDump.open(multistream)) {
            Optional<IndexedPage> page = dump.byTitle(lastTitle);
            System.out.println("lookup: " + page.isPresent());
        }

        // apply rewrites the multistream copy's changed stream with the writers' encoder, found as a service
        Path changes = work.resolve("adds-changes.xml");
        try (DumpReader in = Dumps.open(input);
             DumpWriter out = Dumps.create(changes, DumpFormat.XML)) {
            out.writeSiteInfo(in.siteInfo());
            Revision last = null;
            for (PageRevisions page : in.pages()) {
                for (Revision rev : page.revisions()) {
                    last = rev;
                }
            }
            out.writePage(last.page());
            out.write(last.toBuilder().id(last.id() + 1_000_000).parentId(last.id()).build());
            out.finish();
        }
        ApplyResult applied = Dumps.apply(multistream, List.of(changes), work.resolve("applied-multistream.xml.bz2"));
        System.out.println("apply: " + applied.revisionsAdded() + " revision added, " + applied.chunksRewritten()
                + " stream rewritten");

        if (args.length > 2 && args[2].equals("parquet")) {
            Path parquet = work.resolve("out.parquet");
            Dumps.convert(input, parquet, DumpFormat.PARQUET, org.mwdump.WriteOptions.DEFAULT);
            try (DumpReader back = Dumps.open(parquet)) {
                System.out.println("read parquet: " + back.revisions().stream().count() + " revisions");
            }
        }

        // what the module system lets a user see of mwdump
        for (Module m : ModuleLayer.boot().modules().stream()
                .filter(m -> m.getName().startsWith("org.mwdump."))
                .sorted((a, b) -> a.getName().compareTo(b.getName())).collect(Collectors.toList())) {
            TreeSet<String> exported = m.getDescriptor().exports().stream()
                    .filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                    .collect(Collectors.toCollection(TreeSet::new));
            System.out.println("exports " + m.getName() + ": " + String.join(" ", exported));
        }
        Module self = ModulePathProgram.class.getModule();
        List<String> reachable = new TreeSet<>(List.of(
                "org.mwdump.read.xml.XmlDumpReader", "org.mwdump.read.compress.ReadCodecs",
                "org.mwdump.read.revdoc.RevDocReader", "org.mwdump.write.xml.XmlDumpWriter",
                "org.mwdump.write.revdoc.RevDocWriter", "org.mwdump.write.compress.WriteCodecs"))
                .stream().filter(name -> {
                    try {
                        Class<?> c = Class.forName(name);
                        return c.getModule().isExported(c.getPackageName(), self);
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(name + " is missing", e);
                    }
                }).collect(Collectors.toList());
        System.out.println("internal packages reachable: " + reachable);
    }

    /** Counts and drops bytes. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
