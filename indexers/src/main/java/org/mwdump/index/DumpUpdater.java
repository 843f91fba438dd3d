package org.mwdump.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mwdump.ApplyOptions;
import org.mwdump.ApplyResult;
import org.mwdump.Compression;
import org.mwdump.DumpException;
import org.mwdump.DumpFormat;
import org.mwdump.DumpLocation;
import org.mwdump.DumpReader;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.ReadOptions;
import org.mwdump.UnsupportedDumpException;
import org.mwdump.WriteOptions;
import org.mwdump.model.LogItem;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.SiteInfo;
import org.mwdump.spi.ChangeApplier;
import org.mwdump.spi.LayoutCodec;
import org.mwdump.spi.OutputFiles;

/**
 * Applies changes to a dump ({@link Dumps#apply}). Two ways:
 *
 * <ul>
 * <li><b>Chunk by chunk</b>, when the base is a bz2 multistream or seekable zstd file with its index beside
 * it and the output has the same compression: every stream or frame without a changed page is copied
 * byte for byte; those with one are decoded, parsed with the header stream in front, updated, written by
 * the XML writer and compressed again (in streams or frames of {@link ApplyOptions#pagesPerStream()} pages),
 * on all threads; a new page goes into the stream of the page before it in id order. The index is written
 * with the copied streams' lines shifted and the new streams' lines.</li>
 * <li><b>In one streaming pass</b> otherwise: the base is read (in parallel where it can be) and written in
 * its format, compressed as the output's name says.</li>
 * </ul>
 */
public final class DumpUpdater implements ChangeApplier {
    /** For the service loader. */
    public DumpUpdater() {
    }

    @Override
    public ApplyResult apply(Path base, List<Path> changes, Path out, ApplyOptions options) {
        Objects.requireNonNull(base, "base is null");
        Objects.requireNonNull(out, "out is null");
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("no changes to apply");
        }
        refuseOverwritingInputs(base, changes, out);
        ChangeLog log = ChangeLog.read(changes);
        boolean current = options.current() != null ? options.current() : isCurrentDump(base.getFileName().toString());
        PageUpdate.Report report = new PageUpdate.Report();
        long[] chunkCounts;
        Path index = indexOf(base);
        Compression layout = index == null ? null : layoutFor(base, out);
        if (layout != null) {
            chunkCounts = new Chunked(base, index, out, layout, log, options, current, report).run();
        } else {
            chunkCounts = streaming(base, out, log, options, current, report);
            // an index beside OUT from before would describe another file: it goes
            Path stale = indexBeside(out);
            if (stale != null) {
                try {
                    Files.deleteIfExists(stale);
                } catch (IOException e) {
                    throw DumpException.cannotWrite(stale.toString(), e);
                }
            }
        }
        return new ApplyResult(report.created, report.changed, report.moved, report.deleted, report.added,
                report.skipped, report.suppressed, report.notApplied, chunkCounts[0], chunkCounts[1], chunkCounts[2]);
    }

    /**
     * Fails, before anything is written, when {@code out} or the index that {@code apply} writes (or removes)
     * beside it is the base, an index of the base, or one of the change files: the base is never modified,
     * and a change file is never replaced. Files are compared as the files they are (through symbolic and
     * hard links) when both exist, and as absolute paths with the symbolic links of their existing parts
     * resolved otherwise.
     *
     * @param base    the dump to update
     * @param changes the change files
     * @param out     the output file
     * @throws DumpException naming the output that is one of the inputs
     */
    public static void refuseOverwritingInputs(Path base, List<Path> changes, Path out) {
        Objects.requireNonNull(base, "base is null");
        Objects.requireNonNull(changes, "changes is null");
        Objects.requireNonNull(out, "out is null");
        Map<Path, String> inputs = new java.util.LinkedHashMap<>();
        inputs.put(base, "the base dump");
        for (String candidate : DumpSplits.multistreamIndexNames(base.getFileName().toString())) {
            Path index = base.resolveSibling(candidate);
            if (Files.exists(index)) {
                inputs.putIfAbsent(index, "the base dump's index");
            }
        }
        if (Files.exists(IndexedDump.pageIndexOf(base))) {
            inputs.putIfAbsent(IndexedDump.pageIndexOf(base), "the base dump's page index");
        }
        for (Path change : changes) {
            inputs.putIfAbsent(Objects.requireNonNull(change, "a change file is null"), "a change file");
        }
        Path index = indexBeside(out);
        for (Map.Entry<Path, String> input : inputs.entrySet()) {
            if (sameFile(out, input.getKey())) {
                throw new DumpException(out + " is " + input.getValue() + ": write the update to another file",
                        DumpLocation.UNKNOWN);
            }
            if (index != null && sameFile(index, input.getKey())) {
                throw new DumpException(index + ", the index written beside " + out + ", is " + input.getValue()
                        + ": write the update to another file", DumpLocation.UNKNOWN);
            }
        }
    }

    /** Whether two paths name the same file (or would, once created). */
    private static boolean sameFile(Path a, Path b) {
        if (Files.exists(a) && Files.exists(b)) {
            try {
                return Files.isSameFile(a, b);
            } catch (IOException e) {
                // compared by name below
            }
        }
        return resolved(a).equals(resolved(b));
    }

    /** The absolute path, normalized, with the symbolic links of its longest existing part resolved. */
    private static Path resolved(Path p) {
        Path absolute = p.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            Path parent = absolute.getParent();
            return parent == null ? absolute : resolved(parent).resolve(absolute.getFileName());
        }
    }

    /** In strict mode, a change not applied is an error (before the output is in place). */
    private static void refuseIfStrict(ApplyOptions options, PageUpdate.Report report) {
        if (options.strict() && !report.notApplied.isEmpty()) {
            throw new DumpException("cannot apply " + report.notApplied.get(0)
                    + (report.notApplied.size() > 1 ? " (and " + (report.notApplied.size() - 1) + " more)" : ""),
                    DumpLocation.UNKNOWN);
        }
    }

    /** Whether a dump's name says it holds current revisions only. */
    static boolean isCurrentDump(String name) {
        return name.contains("pages-articles") || name.contains("pages-meta-current") || name.contains("-current");
    }

    /** The multistream index beside a dump, or null. */
    static Path indexOf(Path dump) {
        String name = dump.getFileName().toString();
        for (String candidate : DumpSplits.multistreamIndexNames(name)) {
            Path p = dump.resolveSibling(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** The layout kept when the base is laid out for random access and the output is compressed the same way. */
    private static Compression layoutFor(Path base, Path out) {
        String b = base.getFileName().toString();
        String o = out.getFileName().toString();
        if (b.endsWith(".bz2") && o.endsWith(".bz2")) {
            return Compression.BZIP2;
        }
        if (b.matches(".*\\.zstd?$") && o.matches(".*\\.zstd?$")) {
            return Compression.ZSTD;
        }
        return null;
    }

    /**
     * The index that {@code apply} writes beside an output of a random-access layout: the name under which
     * it looks for a base's index (as {@code recompress} and Wikimedia name them: {@code X-multistream.xml.bz2}
     * has {@code X-multistream-index.txt.bz2}, a part {@code X-multistream2.xml-pApB.bz2} has
     * {@code X-multistream-index2.txt-pApB.bz2}, {@code X.xml.zst} has {@code X-index.txt.zst}).
     *
     * @param out a dump file ending in {@code .bz2}, {@code .zst} or {@code .zstd}
     * @return its index's path, or null for a file of another compression
     */
    public static Path indexBeside(Path out) {
        String name = out.getFileName().toString();
        String suffix = name.endsWith(".bz2") ? ".bz2" : name.matches(".*\\.zstd?$") ? ".zst" : null;
        if (suffix == null) {
            return null;
        }
        for (String candidate : DumpSplits.multistreamIndexNames(name)) {
            if (candidate.endsWith(suffix)) {
                return out.resolveSibling(candidate);
            }
        }
        return out.resolveSibling(name.replaceFirst("(\\.xml)?\\.(bz2|zst|zstd)$", "") + "-index.txt" + suffix);
    }

    // ---------------------------------------------------------------- one streaming pass

    private static long[] streaming(Path base, Path out, ChangeLog log, ApplyOptions options, boolean current,
                                    PageUpdate.Report report) {
        try (DumpReader reader = openBase(base, options.threads())) {
            if (reader.format() == DumpFormat.EVENTS) {
                throw new UnsupportedDumpException("the base must be a dump, not change events", DumpLocation.of(
                        base.toString()));
            }
            DumpWriter writer = Dumps.create(out, reader.format(), WriteOptions.DEFAULT);
            try {
                writer.writeSiteInfo(reader.siteInfo());
                TreeMap<Long, List<ChangeLog.Change>> left = new TreeMap<>(log.byPage);
                for (Page p = reader.nextPage(); p != null; p = reader.nextPage()) {
                    updatePage(p, reader::nextEntry, left, writer, current, report);
                }
                insertNewPages(Long.MAX_VALUE, left, writer, current, report);
                for (LogItem item = reader.nextLogItem(); item != null; item = reader.nextLogItem()) {
                    writer.writeLogItem(item);
                }
                refuseIfStrict(options, report);
                writer.finish();
            } catch (RuntimeException | Error e) {
                writer.abort();
                throw e;
            }
        }
        return new long[] {0, 0, -1}; // all of it
    }

    /** The base, decoded on all threads when it is bz2 (zstd decodes fast enough on one). */
    private static DumpReader openBase(Path base, int threads) {
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(base)) {
            int n = in.readNBytes(magic, 0, 4);
            boolean bz2 = n == 4 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h';
            return bz2 ? ParallelDumps.open(base, threads) : Dumps.open(base);
        } catch (IOException e) {
            throw DumpException.cannotRead(e, DumpLocation.of(base.toString()));
        }
    }

    /** A source of a page's entries: null after its last. */
    interface Entries {
        PageEntry next();
    }

    /**
     * Writes the new pages before {@code pageId} and then the base page {@code p} (with its changes, when it has
     * some), taking its entries from {@code entries}.
     */
    static void updatePage(Page p, Entries entries, TreeMap<Long, List<ChangeLog.Change>> left, DumpWriter writer,
                           boolean current, PageUpdate.Report report) {
        List<ChangeLog.Change> changes = null;
        if (p.id() != null) {
            insertNewPages(p.id(), left, writer, current, report);
            changes = left.remove(p.id());
        }
        if (changes == null) {
            writer.writePage(p);
            for (PageEntry e = entries.next(); e != null; e = entries.next()) {
                writer.write(e);
            }
            return;
        }
        PageUpdate u = new PageUpdate(p, changes, current, report);
        if (u.page() == null) {
            while (entries.next() != null) {
                // a deleted page: its revisions are dropped
            }
            return;
        }
        writer.writePage(u.page());
        u.revisions(iterator(entries), writer::write);
    }

    /** Writes the pages with ids below {@code before} that only the changes have, in id order. */
    static void insertNewPages(long before, TreeMap<Long, List<ChangeLog.Change>> left, DumpWriter writer,
                               boolean current, PageUpdate.Report report) {
        while (!left.isEmpty() && left.firstKey() < before) {
            Map.Entry<Long, List<ChangeLog.Change>> e = left.pollFirstEntry();
            PageUpdate u = new PageUpdate(null, e.getValue(), current, report);
            if (u.page() != null) {
                writer.writePage(u.page());
                u.revisions(Collections.emptyIterator(), writer::write);
            }
        }
    }

    private static Iterator<PageEntry> iterator(Entries entries) {
        return new Iterator<>() {
            PageEntry next = entries.next();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public PageEntry next() {
                PageEntry e = next;
                next = entries.next();
                return e;
            }
        };
    }

    // ---------------------------------------------------------------- chunk by chunk

    /** One stream or frame of pages of the base: its offset, end, and index lines (without offsets). */
    private record BaseChunk(long offset, long end, List<Long> pageIds, List<String> lineTails) {
    }

    /** A rewritten chunk: compressed streams or frames, their XML sizes and index lines without offsets. */
    private record Rewritten(List<byte[]> compressed, List<Integer> xmlLengths, List<List<String>> lineTails,
                             long decoded, PageUpdate.Report report) {
    }

    private static final class Chunked {
        final Path base;
        final Path index;
        final Path out;
        final Compression layout;
        final ChangeLog log;
        final ApplyOptions options;
        final boolean current;
        final PageUpdate.Report report;

        Chunked(Path base, Path index, Path out, Compression layout, ChangeLog log, ApplyOptions options,
                boolean current, PageUpdate.Report report) {
            this.base = base;
            this.index = index;
            this.out = out;
            this.layout = layout;
            this.log = log;
            this.options = options;
            this.current = current;
            this.report = report;
        }

        long[] run() {
            ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
                Thread t = new Thread(r, "mwdump-apply");
                t.setDaemon(true);
                return t;
            });
            FileChannel opened;
            try {
                opened = DumpFiles.open(base);
            } catch (IOException e) {
                stop(pool);
                throw DumpException.cannotRead(e, DumpLocation.of(base.toString()));
            }
            try (FileChannel in = opened;
                 LayoutCodec.ChunkCompressor compressor = LayoutCodecs.get().chunks(layout, 3)) {
                try {
                    return layOut(in, compressor, pool);
                } finally {
                    stop(pool); // no task may use the channel or the compressor once they are closed
                }
            } catch (IOException e) {
                throw DumpException.cannotWrite(out.toString(), e);
            }
        }

        /** Waits (briefly) for the tasks to stop, after cancelling them. */
        private static void stop(ExecutorService pool) {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private long[] layOut(FileChannel in, LayoutCodec.ChunkCompressor compressor, ExecutorService pool)
                throws IOException {
            Path tempDump = null;
            Path tempIndex = null;
            try {
                Chunks chunks = Chunks.open(in, base.toString());
                List<BaseChunk> pageChunks = readIndex(in, chunks);
                if (pageChunks.isEmpty() || pageChunks.get(0).offset() == 0) {
                    throw new UnsupportedDumpException("a random-access dump without a header stream",
                            DumpLocation.of(base.toString()));
                }
                byte[] head = chunks.decode(0);
                long decoded = head.length;
                SiteInfo site;
                try (DumpReader r = Dumps.open(new ByteArrayInputStream(documentOf(head, new byte[0])))) {
                    site = r.siteInfo();
                }
                byte[] writerHead = writerHead(site);
                // the changed pages, by the chunk they go into (a new page: the chunk of the page before it)
                TreeMap<Long, Integer> chunkOfPage = new TreeMap<>();
                for (int i = 0; i < pageChunks.size(); i++) {
                    for (Long id : pageChunks.get(i).pageIds()) {
                        chunkOfPage.putIfAbsent(id, i);
                    }
                }
                Map<Integer, TreeMap<Long, List<ChangeLog.Change>>> byChunk = new TreeMap<>();
                for (Map.Entry<Long, List<ChangeLog.Change>> e : log.byPage.entrySet()) {
                    Integer at = chunkOfPage.get(e.getKey());
                    if (at == null) {
                        // a page the base lacks: when its changes cannot make it, no stream needs rewriting
                        PageUpdate.Report alone = new PageUpdate.Report();
                        if (new PageUpdate(null, e.getValue(), current, alone).page() == null) {
                            report.add(alone);
                            continue;
                        }
                        Map.Entry<Long, Integer> before = chunkOfPage.floorEntry(e.getKey());
                        at = before == null ? 0 : before.getValue();
                    }
                    byChunk.computeIfAbsent(at, k -> new TreeMap<>()).put(e.getKey(), e.getValue());
                }
                tempDump = OutputFiles.createTempBesideOutput(out);
                Path indexOut = indexBeside(out);
                tempIndex = OutputFiles.createTempBesideOutput(indexOut);
                long copied = 0;
                long rewritten = 0;
                List<long[]> seekTable = new ArrayList<>();
                try (FileChannel dump = FileChannel.open(tempDump, StandardOpenOption.WRITE);
                     OutputStream idx = compressor.indexStream(new java.io.BufferedOutputStream(
                             Files.newOutputStream(tempIndex), 1 << 16))) {
                    long[] written = {0};
                    long firstPages = pageChunks.get(0).offset();
                    long lastEnd = pageChunks.get(pageChunks.size() - 1).end();
                    copyRaw(in, chunks, 0, firstPages, dump, written, seekTable);
                    ArrayDeque<Future<Rewritten>> pending = new ArrayDeque<>();
                    List<Integer> changed = new ArrayList<>(byChunk.keySet());
                    int submitted = 0;
                    int done = 0;
                    // fewer streams to rewrite than threads: each stream's blocks on several
                    int perStream = Math.max(1, options.threads() / Math.max(1, Math.min(options.threads(),
                            changed.size())));
                    for (int i = 0; i < pageChunks.size(); i++) {
                        BaseChunk c = pageChunks.get(i);
                        TreeMap<Long, List<ChangeLog.Change>> changes = byChunk.get(i);
                        if (changes == null) {
                            long at = written[0];
                            copyRaw(in, chunks, c.offset(), c.end(), dump, written, seekTable);
                            writeIndex(idx, at, c.lineTails());
                            copied++;
                            continue;
                        }
                        while (submitted < changed.size() && submitted < done + 2 * options.threads()) {
                            BaseChunk sc = pageChunks.get(changed.get(submitted));
                            TreeMap<Long, List<ChangeLog.Change>> scChanges = byChunk.get(changed.get(submitted));
                            pending.add(pool.submit(() -> rewrite(chunks, sc, scChanges, head, site, writerHead,
                                    compressor, perStream)));
                            submitted++;
                        }
                        Rewritten r = Workers.await(pending.poll(), "applying changes");
                        done++;
                        rewritten++;
                        decoded += r.decoded();
                        report.add(r.report()); // in stream order, whatever order the threads finish in
                        for (int k = 0; k < r.compressed().size(); k++) {
                            byte[] bytes = r.compressed().get(k);
                            long at = written[0];
                            write(dump, bytes, written);
                            writeIndex(idx, at, r.lineTails().get(k));
                            if (layout == Compression.ZSTD) {
                                seekTable.add(new long[] {bytes.length, r.xmlLengths().get(k),
                                        LayoutCodecs.get().frameChecksum(bytes)});
                            }
                        }
                    }
                    long dataEnd = layout == Compression.ZSTD
                            ? ((Chunks.SeekableZstd) chunks).tableStart() : in.size();
                    copyRaw(in, chunks, lastEnd, dataEnd, dump, written, seekTable);
                    if (layout == Compression.ZSTD) {
                        write(dump, LayoutCodecs.get().seekTable(seekTable), written);
                    }
                }
                refuseIfStrict(options, report);
                // the index first: a dump in place always has its index
                try {
                    OutputFiles.moveIntoPlace(tempIndex, indexOut);
                } catch (IOException e) {
                    throw DumpException.cannotWrite(indexOut.toString(), e);
                }
                tempIndex = null;
                OutputFiles.moveIntoPlace(tempDump, out);
                tempDump = null;
                return new long[] {copied, rewritten, decoded};
            } finally {
                if (tempDump != null) {
                    OutputFiles.discard(tempDump);
                }
                if (tempIndex != null) {
                    OutputFiles.discard(tempIndex);
                }
            }
        }

        /** The index's page chunks: entries grouped by offset, each ending where the next starts (the last: at the next stream or frame). */
        private List<BaseChunk> readIndex(FileChannel in, Chunks chunks) throws IOException {
            List<IndexEntry> entries = new ArrayList<>();
            List<String> tails = new ArrayList<>();
            try (java.io.InputStream text = Dumps.decompress(Files.newInputStream(index), index)) {
                MultistreamIndex.parseLines(text, index.toString(), (entry, tail) -> {
                    entries.add(entry);
                    tails.add(tail);
                });
            } catch (IOException e) {
                throw DumpException.cannotRead(e, DumpLocation.of(index.toString()));
            }
            List<BaseChunk> result = new ArrayList<>();
            int i = 0;
            while (i < entries.size()) {
                long offset = entries.get(i).offset();
                List<Long> ids = new ArrayList<>();
                List<String> lines = new ArrayList<>();
                for (; i < entries.size() && entries.get(i).offset() == offset; i++) {
                    ids.add(entries.get(i).pageId());
                    lines.add(tails.get(i));
                }
                result.add(new BaseChunk(offset, -1, ids, lines));
            }
            for (int k = 0; k < result.size(); k++) {
                BaseChunk c = result.get(k);
                long end;
                if (k + 1 < result.size()) {
                    end = result.get(k + 1).offset();
                } else if (chunks instanceof Chunks.SeekableZstd z) {
                    end = c.offset() + z.frameSize(c.offset());
                } else {
                    end = DumpSplits.nextStreamStart(in, c.offset() + 1);
                    if (end < 0) {
                        end = in.size();
                    }
                }
                result.set(k, new BaseChunk(c.offset(), end, c.pageIds(), c.lineTails()));
            }
            return result;
        }

        /** Copies {@code [from, to)} of the base as it is (and, for zstd, the seek table entries of its frames). */
        private void copyRaw(FileChannel in, Chunks chunks, long from, long to, FileChannel dump, long[] written,
                             List<long[]> seekTable) throws IOException {
            long position = from;
            while (position < to) {
                long n = in.transferTo(position, to - position, dump);
                if (n <= 0) {
                    throw DumpException.cannotRead(new java.io.EOFException("the file ended at byte " + position
                            + ", before " + to), DumpLocation.at(base.toString(), position));
                }
                position += n;
            }
            written[0] += to - from;
            if (chunks instanceof Chunks.SeekableZstd z) {
                seekTable.addAll(z.framesIn(from, to));
            }
        }

        private static void write(FileChannel dump, byte[] bytes, long[] written) throws IOException {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                dump.write(b);
            }
            written[0] += bytes.length;
        }

        private static void writeIndex(OutputStream idx, long offset, List<String> tails) throws IOException {
            byte[] digits = Long.toString(offset).getBytes(StandardCharsets.US_ASCII);
            for (String tail : tails) {
                idx.write(digits);
                idx.write(tail.getBytes(StandardCharsets.UTF_8));
                idx.write('\n');
            }
        }

        /**
         * Decodes a chunk, applies its pages' changes and compresses the result again. A page without changes
         * (and without new pages to go before it) is copied as the bytes it has; the others go through the
         * parser and the XML writer, each with the base's header in front.
         */
        private Rewritten rewrite(Chunks chunks, BaseChunk c, TreeMap<Long, List<ChangeLog.Change>> changes, byte[] head,
                                  SiteInfo site, byte[] writerHead, LayoutCodec.ChunkCompressor compressor,
                                  int threads)
                throws IOException {
            StreamBlocks blocks = chunks instanceof Chunks.Bzip2 ? StreamBlocks.decode(chunks, c.offset(), c.end())
                    : null;
            byte[] xml = blocks != null ? blocks.xml() : chunks.decode(c.offset());
            String name = base + " (stream at byte " + c.offset() + ")";
            PageUpdate.Report local = new PageUpdate.Report();
            TreeMap<Long, List<ChangeLog.Change>> left = new TreeMap<>(changes);
            Pages out = new Pages(xml.length + (xml.length >> 4) + 1024);
            int[] bounds = pageBounds(xml);
            if (bounds == null) {
                // not laid out as one page after another: all of it through the parser
                out.add(through(documentOf(head, xml), name, left, site, writerHead, local, true));
            } else {
                for (int k = 0; k + 1 < bounds.length; k++) {
                    int from = bounds[k];
                    int to = bounds[k + 1];
                    String tail = indexTail(xml, from, to);
                    long id = tail == null ? -1 : pageId(tail);
                    if (id < 0 || left.containsKey(id) || !left.isEmpty() && left.firstKey() < id) {
                        // changed (or not understood here: the parser says what is wrong with it)
                        byte[] page = java.util.Arrays.copyOfRange(xml, from, to);
                        out.add(through(documentOf(head, page), name, left, site, writerHead, local, false));
                    } else {
                        out.add(xml, from, to, tail);
                    }
                }
            }
            if (!left.isEmpty()) {
                // new pages after the chunk's last page (the last chunk: after every page)
                out.add(through(documentOf(head, new byte[0]), name, left, site, writerHead, local, true));
            }
            byte[] doc = out.bytes.toByteArray();
            List<byte[]> compressed = new ArrayList<>();
            List<Integer> lengths = new ArrayList<>();
            List<List<String>> lines = new ArrayList<>();
            int start = 0;
            for (int k = 0; k < out.ends.size(); k += options.pagesPerStream()) {
                int last = Math.min(out.ends.size(), k + options.pagesPerStream()) - 1;
                int end = out.ends.get(last);
                // the first stream keeps the old stream's blocks before the first change
                compressed.add(blocks != null && compressed.isEmpty()
                        ? blocks.recompress(doc, start, end - start, threads)
                        : compressor.compressChunk(doc, start, end - start, threads));
                lengths.add(end - start);
                lines.add(new ArrayList<>(out.tails.subList(k, last + 1)));
                start = end;
            }
            return new Rewritten(compressed, lengths, lines, xml.length, local);
        }

        /**
         * The pages of {@code document} (the base's header, pages, the footer) with their changes, and, when
         * {@code rest}, the new pages that come after them, as the XML writer writes them.
         */
        private Pages through(byte[] document, String name, TreeMap<Long, List<ChangeLog.Change>> left, SiteInfo site,
                              byte[] writerHead, PageUpdate.Report local, boolean rest) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(document.length + 1024);
            DumpWriter writer = Dumps.create(buffer, DumpFormat.XML, WriteOptions.DEFAULT);
            writer.writeSiteInfo(site);
            try (DumpReader reader = Dumps.open(new ByteArrayInputStream(document), name, ReadOptions.DEFAULT)) {
                for (Page p = reader.nextPage(); p != null; p = reader.nextPage()) {
                    updatePage(p, reader::nextEntry, left, writer, current, local);
                }
            }
            if (rest) {
                insertNewPages(Long.MAX_VALUE, left, writer, current, local);
            }
            writer.finish();
            writer.close();
            byte[] doc = buffer.toByteArray();
            int from = writerHead.length;
            int to = doc.length - FOOTER.length;
            if (to < from || !startsWith(doc, writerHead)) {
                throw new IllegalStateException("the XML writer wrote an unexpected header");
            }
            Pages pages = new Pages(to - from);
            int pos = from;
            while (pos < to) {
                int end = PageScanner.indexOf(doc, PAGE_END, pos, to);
                if (end < 0) {
                    throw new IllegalStateException("the XML writer wrote a page without its end");
                }
                end += PAGE_END.length;
                String tail = indexTail(doc, pos, end);
                if (tail == null) {
                    throw new org.mwdump.MalformedDumpException("a page without title or id cannot be indexed",
                            DumpLocation.of(name));
                }
                pages.add(doc, pos, end, tail);
                pos = end;
            }
            return pages;
        }
    }

    /**
     * A bz2 stream of the base, decoded block by block: its XML, and where each block ends (in bits of the
     * stream, and in bytes of the XML) with the blocks' combined CRC so far, so that its blocks before a change
     * can be kept as they are.
     */
    private record StreamBlocks(byte[] raw, byte[] xml, long[] endBits, int[] ends, int[] crcs) {
        static StreamBlocks decode(Chunks chunks, long offset, long end) throws IOException {
            if (end - offset > Integer.MAX_VALUE - 8) {
                throw new UnsupportedDumpException("a bz2 stream of more than 2 GiB cannot be rewritten",
                        Chunks.location(chunks.file, offset));
            }
            byte[] raw = DumpFiles.readFully(chunks.channel, offset, (int) (end - offset), chunks.size);
            if (raw.length < 4 || raw[0] != 'B' || raw[1] != 'Z' || raw[2] != 'h' || raw[3] < '1' || raw[3] > '9') {
                throw new org.mwdump.CorruptInputException("not a bz2 stream", Chunks.location(chunks.file, offset),
                        -1, null);
            }
            org.mwdump.read.bzip2.Bzip2BlockDecoder decoder = new org.mwdump.read.bzip2.Bzip2BlockDecoder();
            ByteArrayOutputStream xml = new ByteArrayOutputStream(raw.length * 6);
            List<long[]> blocks = new ArrayList<>();
            long bit = 32;
            int crc = 0;
            try {
                while (!org.mwdump.read.bzip2.Bzip2BlockDecoder.isEndOfStreamMagic(raw, bit)) {
                    org.mwdump.read.bzip2.Bzip2BlockDecoder.Block b = decoder.decode(raw, raw.length, bit, raw[3] - '0');
                    xml.write(b.data());
                    crc = ((crc << 1) | (crc >>> 31)) ^ b.storedCrc();
                    bit = b.endBitOffset();
                    blocks.add(new long[] {bit, xml.size(), crc});
                }
            } catch (org.mwdump.CorruptInputException e) {
                long at = e.location().compressedOffset();
                throw e.at(Chunks.location(chunks.file, at < 0 ? offset : offset + at));
            }
            long streamEnd = (bit + 48 + 32 + 7) >>> 3;
            if (streamEnd > raw.length) {
                throw new org.mwdump.CorruptInputException("bz2 stream cut short",
                        Chunks.location(chunks.file, offset + raw.length), -1, null);
            }
            if (streamEnd < raw.length) {
                // the index's next offset is not where this stream ends: something unindexed in between
                throw new org.mwdump.CorruptInputException("the bz2 stream ends " + (raw.length - streamEnd)
                        + " bytes before the next stream the index lists", Chunks.location(chunks.file, offset
                        + streamEnd), -1, null);
            }
            long stored = 0;
            for (int k = 0; k < 32; k++) {
                long b = bit + 48 + k;
                stored = (stored << 1) | ((raw[(int) (b >>> 3)] >>> (7 - (b & 7))) & 1);
            }
            if ((int) stored != crc) {
                throw new org.mwdump.CorruptInputException("bz2 stream CRC does not match its blocks",
                        Chunks.location(chunks.file, offset + (bit >>> 3)), -1, null);
            }
            long[] endBits = new long[blocks.size()];
            int[] ends = new int[blocks.size()];
            int[] crcs = new int[blocks.size()];
            for (int k = 0; k < blocks.size(); k++) {
                endBits[k] = blocks.get(k)[0];
                ends[k] = (int) blocks.get(k)[1];
                crcs[k] = (int) blocks.get(k)[2];
            }
            return new StreamBlocks(raw, xml.toByteArray(), endBits, ends, crcs);
        }

        /**
         * {@code doc[from, from + length)} as a bz2 stream: the old stream itself when the bytes are the same;
         * else its blocks up to the last that ends before the first difference, and the rest encoded: the bytes
         * of compressing it all, at the cost of the part after the change. (The encoder ends a block when it
         * adds a run to it, with the byte that ended the run, the next block's first, already read: a block is
         * the same when the input is the same up to and including the byte after it.)
         */
        byte[] recompress(byte[] doc, int from, int length, int threads) throws IOException {
            int same = java.util.Arrays.mismatch(xml, 0, xml.length, doc, from, from + length);
            if (same < 0) {
                return raw;
            }
            int kept = -1;
            while (kept + 1 < ends.length && ends[kept + 1] < same) {
                kept++;
            }
            int keptBytes = kept < 0 ? 0 : ends[kept];
            ByteArrayOutputStream out = new ByteArrayOutputStream(length / 4 + 64);
            try (OutputStream bz = LayoutCodecs.get().continueBzip2(out,
                    raw, kept < 0 ? 32 : endBits[kept], kept < 0 ? 0 : crcs[kept], threads)) {
                bz.write(doc, from + keptBytes, length - keptBytes);
            }
            return out.toByteArray();
        }
    }

    /** Pages of XML one after another, with where each ends and its index line (without offset). */
    private static final class Pages {
        final ByteArrayOutputStream bytes;
        final List<Integer> ends = new ArrayList<>();
        final List<String> tails = new ArrayList<>();

        Pages(int size) {
            bytes = new ByteArrayOutputStream(Math.max(32, size));
        }

        void add(byte[] b, int from, int to, String tail) {
            bytes.write(b, from, to - from);
            ends.add(bytes.size());
            tails.add(tail);
        }

        void add(Pages more) throws IOException {
            int at = bytes.size();
            more.bytes.writeTo(bytes);
            for (int e : more.ends) {
                ends.add(at + e);
            }
            tails.addAll(more.tails);
        }
    }

    private static final byte[] PAGE_LINE = "<page>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LESS_THAN = {'<'};

    /**
     * Where the pages of a chunk start, and its end: each page from a line {@code <page>} (after spaces) to
     * the next; null unless the chunk starts with one. ({@code <} is escaped in XML text, so such a line is
     * always markup.)
     */
    static int[] pageBounds(byte[] xml) {
        List<Integer> starts = new ArrayList<>();
        int first = 0;
        while (first < xml.length && xml[first] == ' ') {
            first++;
        }
        if (!isPageLine(xml, first)) {
            return null;
        }
        starts.add(0);
        for (int lt = PageScanner.indexOf(xml, LESS_THAN, first + 1, xml.length); lt >= 0;
                lt = PageScanner.indexOf(xml, LESS_THAN, lt + 1, xml.length)) {
            if (isPageLine(xml, lt)) {
                int lineStart = lt;
                while (lineStart > 0 && xml[lineStart - 1] == ' ') {
                    lineStart--;
                }
                if (lineStart > 0 && xml[lineStart - 1] == '\n') {
                    starts.add(lineStart);
                }
            }
        }
        int[] bounds = new int[starts.size() + 1];
        for (int k = 0; k < starts.size(); k++) {
            bounds[k] = starts.get(k);
        }
        bounds[starts.size()] = xml.length;
        return bounds;
    }

    private static boolean isPageLine(byte[] xml, int at) {
        return at + PAGE_LINE.length <= xml.length
                && java.util.Arrays.equals(xml, at, at + PAGE_LINE.length, PAGE_LINE, 0, PAGE_LINE.length);
    }

    private static final byte[] FOOTER = "</mediawiki>\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAGE_END = "\n  </page>\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TITLE = "<title>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TITLE_END = "</title>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID = "<id>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID_END = "</id>".getBytes(StandardCharsets.US_ASCII);

    /** {@code :id:title} of the page written in {@code doc[from, to)}, as the recompressor indexes it (title as escaped in XML). */
    private static String indexTail(byte[] doc, int from, int to) {
        int t = PageScanner.indexOf(doc, TITLE, from, to);
        int te = t < 0 ? -1 : PageScanner.indexOf(doc, TITLE_END, t, to);
        int i = te < 0 ? -1 : PageScanner.indexOf(doc, ID, te, to);
        int ie = i < 0 ? -1 : PageScanner.indexOf(doc, ID_END, i, to);
        if (ie < 0) {
            return null;
        }
        return ":" + new String(doc, i + ID.length, ie - i - ID.length, StandardCharsets.UTF_8) + ":"
                + new String(doc, t + TITLE.length, te - t - TITLE.length, StandardCharsets.UTF_8);
    }

    /** The page id of an index line's tail {@code :id:title}, or -1 when it is not a number. */
    private static long pageId(String tail) {
        try {
            long id = Long.parseLong(tail.substring(1, tail.indexOf(':', 1)).strip());
            return id < 0 ? -1 : id;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The header an XML writer writes for this site info (all before the first page). */
    private static byte[] writerHead(SiteInfo site) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DumpWriter w = Dumps.create(b, DumpFormat.XML, WriteOptions.DEFAULT);
        w.writeSiteInfo(site);
        w.finish();
        w.close();
        byte[] doc = b.toByteArray();
        return java.util.Arrays.copyOf(doc, doc.length - FOOTER.length);
    }

    /** A chunk's pages as a document of their own: the base's header, the pages, the footer. */
    private static byte[] documentOf(byte[] head, byte[] pages) {
        byte[] doc = new byte[head.length + pages.length + FOOTER.length];
        System.arraycopy(head, 0, doc, 0, head.length);
        System.arraycopy(pages, 0, doc, head.length, pages.length);
        System.arraycopy(FOOTER, 0, doc, head.length + pages.length, FOOTER.length);
        return doc;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && java.util.Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }

}
