package org.mwdump.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.ReadOptions;
import org.mwdump.WriteOptions;
import org.mwdump.model.LogItem;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.SiteInfo;
import org.mwdump.spi.OutputFiles;
import org.mwdump.index.IndexedDump;
import org.mwdump.index.ParallelDumps;
import org.mwdump.write.bzip2.Bzip2OutputStream;
import org.mwdump.write.layout.PartNames;
import org.mwdump.write.layout.Recompressor;

/**
 * {@code mwdump recompress}: rewrites a dump as XML in a random-access layout with its index, or in one bz2
 * stream.
 */
final class RecompressCommand implements Subcommand {
    static final Positional<Path> IN = Positional.required("IN", Option.PATH,
            "a dump: XML (any compression), RevDoc or Parquet");
    static final Positional<Path> OUT = Positional.required("OUT", Option.PATH, "the output file");
    static final Option<Boolean> MULTISTREAM = Option.flag("--multistream",
            "bz2 streams of whole pages, as Wikimedia publishes");
    static final Option<Boolean> SEEKABLE_ZSTD = Option.flag("--seekable-zstd",
            "zstd frames of whole pages with a seek table");
    static final Option<Boolean> SINGLE_STREAM = Option.flag("--single-stream",
            "one bz2 stream and no index, as Wikimedia's single-stream dumps: the bytes of bzip2 -9");
    static final Option<Integer> PAGES_PER_STREAM = Option.intValue("--pages-per-stream", "N",
            "whole pages per stream or frame (default 100)").withDefault(100);
    static final Option<Long> MAX_STREAM_BYTES = Option.longValue("--max-stream-bytes", "BYTES",
            "also end a stream or frame at the first page end past BYTES of XML (default: 262144 for "
                    + "--seekable-zstd, where it bounds the cost of a lookup; no limit for --multistream, as in "
                    + "Wikimedia's files)");
    static final Option<Long> PAGES_PER_PART = Option.longValue("--pages-per-part", "N",
            "write part files of N pages each, named as Wikimedia names its parts: OUT X.xml.bz2 gives "
                    + "X1.xml-pApB.bz2, X2.xml-pCpD.bz2, ..., each with its index X-index1.txt-pApB.bz2, ...");
    static final Option<Boolean> FORCE = Option.flag("--force", "replace OUT and its index if they exist");
    static final Option<Integer> THREADS = Option.intValue("--threads", "N",
            "compression threads (default, or 0: all cores)");

    /** What {@code mwdump recompress} takes, and its help. */
    static final CommandLineSpec SPEC = new CommandLineSpec("recompress", RecompressCommand::new,
            "Rewrite a dump as a multistream bz2 file (the layout of Wikimedia's *-multistream.xml.bz2) or as "
                    + "seekable zstd, with its index beside it: OUT minus .xml.bz2/.xml.zst plus -index.txt.bz2 "
                    + "(bz2, as Wikimedia's) or -index.txt.zst (seekable zstd); or as one bz2 stream, the layout of "
                    + "Wikimedia's *-pages-articles.xml.bz2, byte for byte what bzip2 -9 writes, with no index.",
            "IN is any dump convert reads: XML is laid out as it is; RevDoc and Parquet (and XML split into parts) "
                    + "are written as XML first.",
            "Chunks are compressed on all threads. Outputs appear only when complete.")
            .positionals(IN, OUT).oneOf(MULTISTREAM, SEEKABLE_ZSTD, SINGLE_STREAM)
            .options(PAGES_PER_STREAM, MAX_STREAM_BYTES, PAGES_PER_PART, FORCE, THREADS, Progress.QUIET);

    // what run was given, which the parts read too
    Path in;
    Path out;
    Long pagesPerPart;
    boolean force;
    Progress progress;

    @Override
    public int run(Args args, PrintWriter stdout, PrintWriter err) throws IOException {
        in = args.get(IN);
        out = args.get(OUT);
        pagesPerPart = args.get(PAGES_PER_PART);
        force = args.isSet(FORCE);
        progress = new Progress(err, args.isSet(Progress.QUIET));
        if (args.isSet(SINGLE_STREAM)) {
            for (Option<?> o : new Option<?>[] {PAGES_PER_STREAM, MAX_STREAM_BYTES, PAGES_PER_PART}) {
                if (args.has(o)) {
                    throw new UsageException(o.name() + " does not apply to --single-stream");
                }
            }
            return singleStream(Threads.of(args.get(THREADS)), stdout);
        }
        int pagesPerStream = args.get(PAGES_PER_STREAM);
        Long maxStreamBytes = args.get(MAX_STREAM_BYTES);
        if (pagesPerStream < 1) {
            throw new UsageException("--pages-per-stream must be at least 1");
        }
        if (maxStreamBytes != null && maxStreamBytes < 1) {
            throw new UsageException("--max-stream-bytes must be at least 1");
        }
        Recompressor.Layout l = args.isSet(MULTISTREAM) ? Recompressor.Layout.BZIP2_MULTISTREAM
                : Recompressor.Layout.SEEKABLE_ZSTD;
        long maxBytes = maxStreamBytes != null ? maxStreamBytes : Recompressor.defaultMaxChunkBytes(l);
        if (pagesPerPart != null && pagesPerPart < 1) {
            throw new UsageException("--pages-per-part must be at least 1");
        }
        int n = Threads.of(args.get(THREADS));
        String stem = stem(out.getFileName().toString());
        String suffix = l == Recompressor.Layout.SEEKABLE_ZSTD ? ".zst" : ".bz2";
        Path index = out.resolveSibling(stem + "-index.txt" + suffix);
        if (pagesPerPart == null) {
            Existing.refuse(force, out, index);
        }
        long start = System.nanoTime();
        Recompressor recompressor = new Recompressor(l, pagesPerStream, maxBytes, n, 3);
        Recompressor.Result result;
        List<Path> written = new ArrayList<>();
        ParallelDumps.DecodedXml asItIs = pagesPerPart == null ? xmlAsItIs(n) : null;
        if (asItIs != null) {
            // XML as it is, its bytes laid out without parsing them
            try (InputStream xml = asItIs) {
                result = recompressor.recompress(reportingProgress(asItIs), out, index);
            } finally {
                progress.done();
            }
            written.add(out);
        } else {
            DumpFormat format;
            try (DumpReader reader = Dumps.open(in)) {
                format = reader.format();
            }
            try {
                result = throughTheXmlWriter(recompressor, format, pagesPerPart == null, n, stem, suffix, index,
                        written);
            } finally {
                progress.done();
            }
        }
        stdout.println("pages: " + result.pages());
        stdout.println("streams: " + result.chunks());
        stdout.println("xml bytes: " + result.bytesIn());
        stdout.println("output bytes: " + result.bytesOut());
        if (pagesPerPart == null) {
            stdout.println("index: " + index);
        } else {
            // each part and its index
            stdout.println("parts: " + written.size() / 2);
            for (int i = 0; i + 1 < written.size(); i += 2) {
                stdout.println("  " + written.get(i) + "  (index " + written.get(i + 1).getFileName() + ")");
            }
        }
        stdout.println(Progress.secondsLine(start));
        for (Path p : written) {
            Files.deleteIfExists(IndexedDump.pageIndexOf(p));
        }
        return 0;
    }

    /**
     * Writes IN as one bz2 stream at level 9 into OUT, under a temporary name moved into place when
     * complete: XML as it is, anything else through the XML writer. A multistream index beside OUT (from
     * an earlier run that wrote OUT as multistream) would no longer describe it: it counts as an output,
     * refused without --force and removed with it.
     */
    private int singleStream(int threads, PrintWriter stdout) throws IOException {
        Path staleIndex = out.resolveSibling(stem(out.getFileName().toString()) + "-index.txt.bz2");
        Existing.refuse(force, out, staleIndex);
        long start = System.nanoTime();
        Path temp = OutputFiles.createTempBesideOutput(out);
        long pages = -1;
        CountingOutputStream xmlBytes;
        try {
            // the encoder closes the file when it closes; closing it again here is harmless (asItIs, null for
            // other inputs, is closed whatever fails)
            try (ParallelDumps.DecodedXml asItIs = xmlAsItIs(threads);
                 OutputStream file = Files.newOutputStream(temp)) {
                xmlBytes = new CountingOutputStream(new Bzip2OutputStream(file, 9, threads));
                if (asItIs != null) {
                    try (OutputStream bz2 = xmlBytes) {
                        // pieces of 1 MiB: the encoder takes a few at a time, and reads this large go past
                        // the input's buffer
                        byte[] piece = new byte[1 << 20];
                        for (int n; (n = asItIs.read(piece)) > 0; ) {
                            bz2.write(piece, 0, n);
                            progress.bytes(asItIs.progress());
                        }
                    }
                } else {
                    pages = throughTheXmlWriter(xmlBytes);
                }
            } finally {
                progress.done();
            }
            OutputFiles.moveIntoPlace(temp, out);
        } catch (IOException | RuntimeException | Error e) {
            OutputFiles.discard(temp);
            throw e;
        }
        Files.deleteIfExists(staleIndex);
        if (pages >= 0) {
            stdout.println("pages: " + pages);
        }
        stdout.println("streams: 1");
        stdout.println("xml bytes: " + xmlBytes.count);
        stdout.println("output bytes: " + Files.size(out));
        stdout.println(Progress.secondsLine(start));
        Files.deleteIfExists(IndexedDump.pageIndexOf(out));
        return 0;
    }

    /** Writes every page, entry and log item of IN as XML into {@code sink}, and closes it; returns the pages. */
    private long throughTheXmlWriter(OutputStream sink) throws IOException {
        long pages = 0;
        try (OutputStream s = sink;
             DumpReader reader = Dumps.open(in);
             DumpWriter writer = Dumps.create(s, DumpFormat.XML, WriteOptions.DEFAULT)) {
            try {
                writer.writeSiteInfo(reader.siteInfo());
                for (Page p = reader.nextPage(); p != null; p = reader.nextPage()) {
                    writer.writePage(p);
                    pages++;
                    progress.page(reader);
                    for (PageEntry e = reader.nextEntry(); e != null; e = reader.nextEntry()) {
                        writer.write(e);
                    }
                }
                for (LogItem item = reader.nextLogItem(); item != null; item = reader.nextLogItem()) {
                    writer.writeLogItem(item);
                }
                writer.finish();
            } catch (RuntimeException | Error e) {
                writer.abort();
                throw e;
            }
        }
        return pages;
    }

    /** The bytes written through it. */
    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /**
     * The decoded bytes of IN when it is a MediaWiki XML dump file (compressed or not), else null. This is
     * found without {@link Dumps#open}, which looks up every reader on the class path first (a noticeable
     * part of a short run's start). Anything else, and a file that cannot be read, is left to the general
     * path, which opens it with {@link Dumps#open} and so says what it is or what is wrong with it.
     */
    private ParallelDumps.DecodedXml xmlAsItIs(int threads) {
        if (!Files.isRegularFile(in)) {
            return null;
        }
        try {
            return ParallelDumps.xmlOrNull(in, threads);
        } catch (org.mwdump.DumpException e) {
            return null;
        }
    }

    /** {@code xml}, telling the progress bar how far it has come after each read. */
    private InputStream reportingProgress(ParallelDumps.DecodedXml xml) {
        return new java.io.FilterInputStream(xml) {
            @Override
            public int read() throws IOException {
                int b = in.read();
                progress.bytes(xml.progress());
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                progress.bytes(xml.progress());
                return n;
            }
        };
    }

    /**
     * OUT's name without {@code .bz2}, {@code .zst} or {@code .zstd} and a {@code .xml} before it: the stem
     * of the index's name ({@code X.xml.zst} has the index {@code X-index.txt.zst}).
     *
     * @param name OUT's file name
     * @return its stem
     */
    static String stem(String name) {
        for (String extension : new String[] {".bz2", ".zst", ".zstd"}) {
            if (name.endsWith(extension)) {
                String stem = name.substring(0, name.length() - extension.length());
                return stem.endsWith(".xml") ? stem.substring(0, stem.length() - ".xml".length()) : stem;
            }
        }
        return name;
    }

    /**
     * Reads the dump into the model and writes it as XML into the recompressor: all of it into OUT, or
     * {@code --pages-per-part} pages into each part. Each file is written under a temporary name and moved
     * into place when complete; on failure every file this run made is removed.
     */
    private Recompressor.Result throughTheXmlWriter(Recompressor recompressor, DumpFormat format, boolean notAsItIs,
                                                    int threads, String stem,
                                                    String suffix, Path index, List<Path> written) throws IOException {
        long pages = 0;
        long chunks = 0;
        long bytesIn = 0;
        long bytesOut = 0;
        Part part = null;
        // XML decoded on every core (bz2 block by block), else (RevDoc, Parquet, XML that is not UTF-8, as
        // notAsItIs says when xmlAsItIs has already found that) as convert reads it
        ParallelDumps.DecodedXml xml = format == DumpFormat.XML && !notAsItIs ? ParallelDumps.xmlOrNull(in, threads)
                : null;
        try (DumpReader reader = xml != null
                ? Dumps.open(xml, in.getFileName().toString(), ReadOptions.DEFAULT)
                : Dumps.open(in)) {
            SiteInfo site = reader.siteInfo();
            for (Page p = reader.nextPage(); p != null; p = reader.nextPage()) {
                if (part == null || pagesPerPart != null && part.pages == pagesPerPart) {
                    if (part != null) {
                        Recompressor.Result r = part.finish(stem, suffix, index, written);
                        chunks += r.chunks();
                        bytesIn += r.bytesIn();
                        bytesOut += r.bytesOut();
                    }
                    part = new Part(recompressor, site, written.size() / 2 + 1, p.id());
                }
                part.writer.writePage(p);
                part.pages++;
                part.lastPage = p.id();
                pages++;
                // the file's bytes read: the reader of decoded XML knows only those it has parsed
                progress.update(xml != null ? xml.progress() : reader.progress(), pages);
                for (PageEntry e = reader.nextEntry(); e != null; e = reader.nextEntry()) {
                    part.writer.write(e);
                }
            }
            for (LogItem item = reader.nextLogItem(); item != null; item = reader.nextLogItem()) {
                if (part == null) {
                    part = new Part(recompressor, site, written.size() / 2 + 1, null);
                }
                part.writer.writeLogItem(item);
            }
            if (part == null && pagesPerPart == null) {
                part = new Part(recompressor, site, 1, null); // no pages: still a dump, of none
            }
            if (part != null) {
                Recompressor.Result r = part.finish(stem, suffix, index, written);
                part = null;
                chunks += r.chunks();
                bytesIn += r.bytesIn();
                bytesOut += r.bytesOut();
            }
        } catch (IOException | RuntimeException e) {
            if (part != null) {
                part.abort();
            }
            for (Path p : written) {
                Files.deleteIfExists(p);
            }
            throw e;
        }
        return new Recompressor.Result(pages, chunks, bytesIn, bytesOut);
    }

    /** One output file being written: XML into the recompressor, under temporary names. */
    final class Part {
        final Path tempDump;
        final Path tempIndex;
        final Recompressor.XmlSink sink;
        final DumpWriter writer;
        final int number;
        final Long firstPage;
        Long lastPage;
        long pages;

        /**
         * Starts the file: both temporary files, the recompressor's thread and the XML writer with the site
         * info. When any of it fails, what was started is stopped and both temporary files are removed.
         */
        Part(Recompressor recompressor, SiteInfo site, int number, Long firstPage) throws IOException {
            this.number = number;
            this.firstPage = firstPage;
            this.lastPage = firstPage;
            tempDump = OutputFiles.createTempBesideOutput(out);
            Path index = null;
            OutputStream dumpFile = null;
            OutputStream indexFile = null;
            Recompressor.XmlSink started = null;
            DumpWriter xml = null;
            try {
                index = OutputFiles.createTempBesideOutput(out);
                dumpFile = Files.newOutputStream(tempDump);
                indexFile = Files.newOutputStream(index);
                started = recompressor.xmlSink(dumpFile, indexFile);
                xml = Dumps.create(started, DumpFormat.XML, WriteOptions.DEFAULT);
                xml.writeSiteInfo(site);
            } catch (IOException | RuntimeException | Error e) {
                stop(xml, started, dumpFile, indexFile);
                OutputFiles.discard(tempDump);
                if (index != null) {
                    OutputFiles.discard(index);
                }
                throw e;
            }
            tempIndex = index;
            sink = started;
            writer = xml;
        }

        /**
         * Stops what a part has started, as far as it got: the writer, else the recompressor's thread (which
         * closes both files when its input ends), else the files. Never throws: the part is given up.
         */
        private static void stop(DumpWriter writer, Recompressor.XmlSink sink, OutputStream dumpFile,
                                 OutputStream indexFile) {
            if (writer != null) {
                writer.abort();
                writer.close();
            }
            if (sink != null) {
                try {
                    sink.close();
                } catch (IOException | org.mwdump.DumpException e) {
                    // given up anyway
                }
                return;
            }
            for (OutputStream file : new OutputStream[] {dumpFile, indexFile}) {
                if (file != null) {
                    try {
                        file.close();
                    } catch (IOException e) {
                        // given up anyway
                    }
                }
            }
        }

        /** Ends the file and moves it into place: OUT, or the part's own name. */
        Recompressor.Result finish(String stem, String suffix, Path index, List<Path> written) throws IOException {
            writer.finish();
            writer.close();
            Recompressor.Result r = sink.result();
            Path dump = out;
            Path idx = index;
            if (pagesPerPart != null) {
                long first = firstPage == null ? 0 : firstPage;
                long last = lastPage == null ? 0 : lastPage;
                dump = out.resolveSibling(PartNames.part(stem, number, ".xml", first, last, suffix));
                idx = out.resolveSibling(PartNames.index(stem, number, first, last, suffix));
                Existing.refuse(force, dump, idx);
            }
            OutputFiles.moveIntoPlace(tempDump, dump);
            written.add(dump);
            OutputFiles.moveIntoPlace(tempIndex, idx);
            written.add(idx);
            return r;
        }

        void abort() {
            stop(writer, sink, null, null);
            OutputFiles.discard(tempDump);
            OutputFiles.discard(tempIndex);
        }
    }
}
