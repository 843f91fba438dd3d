package org.mwdump.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.mwdump.Compression;
import org.mwdump.DumpFormat;
import org.mwdump.DumpLocation;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.MalformedDumpException;
import org.mwdump.ReadOptions;
import org.mwdump.UnsupportedDumpException;
import org.mwdump.index.IndexedDump.IndexFiles;
import org.mwdump.index.IndexedDump.Options;

/**
 * Where the index files of an {@link IndexedDump} are, whether they are current, and how they are
 * built: from Wikimedia's multistream index, through the blocks of a single-stream bz2 dump, or by
 * decoding the whole dump once.
 */
final class IndexBuilder {
    private IndexBuilder() {
    }

    /** Index files and, when they cannot be used as they are, why. */
    record Located(IndexFiles files, String problem) {
    }

    /** Where the index of a dump is or would be built, and why it cannot be used as it is ({@link IndexedDump#indexFiles}). */
    static Located locate(Path dump, Options options) throws IOException {
        if (!Files.exists(dump)) {
            throw new NoSuchFileException(dump.toString());
        }
        if (options.indexDirectory() != null) {
            return check(keyed(options.indexDirectory(), dump), dump);
        }
        Located beside = check(beside(dump), dump);
        if (beside.problem() == null) {
            return beside;
        }
        Located cached = check(keyed(options.cacheDirectory(), dump), dump);
        if (cached.problem() == null || !writableDirectory(dump)) {
            return cached;
        }
        return beside;
    }

    /** Whether the index files exist and record the dump as it is now; never trusts what it cannot read. */
    private static Located check(IndexFiles files, Path dump) throws IOException {
        Path pageIndex = files.pageIndex();
        if (!Files.exists(pageIndex)) {
            return new Located(files, "no page index " + pageIndex);
        }
        DumpStamp now = DumpStamp.of(dump);
        Optional<DumpStamp> pages;
        Optional<DumpStamp> blocks = Optional.of(now);
        try {
            pages = PageIndex.open(pageIndex).builtFrom();
            if (Files.exists(files.blockIndex())) {
                blocks = BlockIndex.read(files.blockIndex()).builtFrom();
            }
        } catch (MalformedDumpException e) {
            return new Located(files, "the index " + e.location().source() + " cannot be read: " + e.reason());
        }
        if (pages.isEmpty() || blocks.isEmpty()) {
            return new Located(files, "the page index " + pageIndex + " does not record which dump it was built from");
        }
        for (DumpStamp built : List.of(pages.get(), blocks.get())) {
            if (!built.equals(now)) {
                return new Located(files, "the page index " + pageIndex + " is stale: built from a dump of " + built
                        + ", not " + now);
            }
        }
        return new Located(new IndexFiles(files.pageIndex(), files.blockIndex(), true), null);
    }

    /**
     * Where a new index of the dump goes: in the index directory of the options if set, else beside the
     * dump if its directory can be written, else in the cache directory.
     */
    static IndexFiles destination(Path dump, Options options) {
        return options.indexDirectory() != null ? keyed(options.indexDirectory(), dump)
                : writableDirectory(dump) ? beside(dump) : keyed(options.cacheDirectory(), dump);
    }

    private static IndexFiles beside(Path dump) {
        return new IndexFiles(IndexedDump.pageIndexOf(dump), BlockIndex.of(dump), false);
    }

    /**
     * The index files of a dump in a shared directory: the dump's name (to be recognised) and a hash of
     * its real path (so that two dumps of the same name never share an index).
     */
    private static IndexFiles keyed(Path directory, Path dump) {
        Path path;
        try {
            path = dump.toRealPath();
        } catch (IOException e) {
            path = dump.toAbsolutePath().normalize();
        }
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(path.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        String name = dump.getFileName() + "." + HexFormat.of().formatHex(hash, 0, 8);
        return new IndexFiles(directory.resolve(name + IndexedDump.PAGE_INDEX_SUFFIX),
                directory.resolve(name + BlockIndex.SUFFIX), false);
    }

    private static boolean writableDirectory(Path dump) {
        Path dir = dump.toAbsolutePath().getParent();
        return dir != null && Files.isWritable(dir);
    }

    /**
     * Builds the index files of a dump; the block index first, so that a page index never outlives its
     * blocks. The start of the dump is checked first ({@link #checkHead}): a file that cannot be indexed
     * leaves nothing behind, not even the index directory.
     */
    static void build(Path dump, IndexFiles files, Options options) throws IOException {
        checkHead(dump);
        Path dir = files.pageIndex().toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            boolean cache = options.indexDirectory() == null && dir.startsWith(options.cacheDirectory().toAbsolutePath());
            try {
                if (cache && dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    // a cache of what the user reads, as the XDG base directory specification asks: the user's alone
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dir);
                }
            } catch (FileSystemException e) {
                String why = e instanceof AccessDeniedException ? "permission denied"
                        : e.getReason() != null ? e.getReason() : "cannot be created";
                throw new IOException("cannot create the index directory " + dir + " (" + e.getFile() + ": " + why + ")",
                        e);
            }
        }
        DumpStamp stamp = DumpStamp.of(dump);
        Optional<Path> multistreamIndex = IndexedDump.multistreamIndexOf(dump);
        if (multistreamIndex.isPresent()) {
            Files.deleteIfExists(files.blockIndex());
            buildPageIndex(multistreamIndex.get(), files.pageIndex(), stamp);
        } else if (isSingleStreamBzip2(dump)) {
            PageIndex.Builder pages = new PageIndex.Builder();
            BlockIndex.build(dump, Runtime.getRuntime().availableProcessors(), pages, options.progress())
                    .write(files.blockIndex());
            pages.write(files.pageIndex());
        } else {
            Files.deleteIfExists(files.blockIndex());
            scan(dump, files.pageIndex(), Runtime.getRuntime().availableProcessors(), options.progress());
        }
    }

    /**
     * Checks, from the start of the dump, that it can be indexed: MediaWiki XML in a bz2 file or in a
     * zstd file with a seek table. A file that is no dump at all is reported as convert reports it ("not
     * a MediaWiki dump", naming the file); another dump, or XML compressed otherwise, as unsupported.
     * Decodes the first stream, frame or block only (up to the end of the site info), and writes nothing.
     */
    static void checkHead(Path dump) throws IOException {
        String name = dump.toString();
        try (FileChannel channel = DumpFiles.open(dump)) {
            byte[] head = new byte[6];
            int n = channel.read(java.nio.ByteBuffer.wrap(head), 0);
            Compression compression = Compression.sniff(head, Math.max(n, 0));
            if (compression != Compression.BZIP2 && compression != Compression.ZSTD) {
                // what it is, as convert says it (a file that is no dump fails here, named)
                DumpFormat format;
                try (DumpReader reader = Dumps.open(dump)) {
                    format = reader.format();
                }
                String kind = compression != Compression.NONE ? compression.extension().substring(1)
                        : format == DumpFormat.PARQUET ? "Parquet" : "not compressed";
                throw Chunks.notRandomAccess(kind, name);
            }
            Chunks.open(channel, name); // a zstd file needs its seek table
            try (DumpReader reader = Dumps.open(java.nio.channels.Channels.newInputStream(channel.position(0)), name,
                    ReadOptions.DEFAULT)) {
                if (reader.format() != DumpFormat.XML) {
                    throw new UnsupportedDumpException("random access needs MediaWiki XML, and this is "
                            + describe(reader.format()) + " (mwdump recompress makes an XML dump of it)",
                            DumpLocation.at(name, 0));
                }
                reader.siteInfo();
            }
        }
    }

    private static String describe(DumpFormat format) {
        return switch (format) {
            case XML -> "MediaWiki XML";
            case REVDOC, REVDOC_LEGACY -> "RevDoc JSON lines";
            case EVENTS -> "a stream of change events";
            case PARQUET -> "Parquet";
        };
    }

    /** A bz2 file of one stream (perhaps followed by an empty one): random access goes through its blocks. */
    static boolean isSingleStreamBzip2(Path dump) throws IOException {
        try (InputStream in = java.nio.channels.Channels.newInputStream(DumpFiles.open(dump))) {
            byte[] head = in.readNBytes(3);
            if (head.length < 3 || head[0] != 'B' || head[1] != 'Z' || head[2] != 'h') {
                return false;
            }
        }
        return Bzip2Streams.starts(dump).size() <= 2;
    }

    static void buildPageIndex(Path multistreamIndex, Path pageIndex, DumpStamp dump) throws IOException {
        PageIndex.Builder builder = new PageIndex.Builder().builtFrom(dump);
        MultistreamIndex.forEach(multistreamIndex, e -> builder.add(e.pageId(), e.offset(), e.title()));
        builder.write(pageIndex);
    }


    /**
     * Builds a page index by decoding every stream or frame of the dump, on {@code threads} threads: the
     * pages of each are found on the thread that decoded it, and entered in file order. {@code progress}
     * (or {@code null}) is told after each.
     */
    static void scan(Path dump, Path pageIndex, int threads, ParallelDumps.ProgressListener progress)
            throws IOException {
        PageIndex.Builder builder = new PageIndex.Builder().builtFrom(DumpStamp.of(dump));
        try (FileChannel ch = DumpFiles.open(dump)) {
            Chunks chunks = Chunks.open(ch, dump.toString());
            List<Long> offsets = chunks.offsets();
            long size = ch.size();
            long pagesSoFar = 0;
            ExecutorService pool = Workers.pool(threads, "mwdump-index");
            try {
                // at most two chunks a thread decoded ahead of the one whose pages are entered
                ArrayDeque<Future<ChunkPages>> pending = new ArrayDeque<>();
                int next = 0;
                while (next < offsets.size() || !pending.isEmpty()) {
                    while (next < offsets.size() && pending.size() < 2 * threads) {
                        long offset = offsets.get(next++);
                        pending.add(pool.submit(() -> ChunkPages.of(chunks, offset)));
                    }
                    ChunkPages pages = Workers.await(pending.poll(), "indexing");
                    for (int i = 0; i < pages.ids.length; i++) {
                        builder.add(pages.ids[i], pages.offset, pages.titles[i]);
                    }
                    if (progress != null) {
                        pagesSoFar += pages.ids.length;
                        long end = next - pending.size() < offsets.size() ? offsets.get(next - pending.size()) : size;
                        progress.progress(new org.mwdump.ReadProgress(end, size), pagesSoFar);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        builder.write(pageIndex);
    }

    /** The pages of one stream or frame, in the order they come: their ids and titles. */
    private record ChunkPages(long offset, long[] ids, String[] titles) {
        static ChunkPages of(Chunks chunks, long offset) throws IOException {
            byte[] xml = chunks.decode(offset);
            long[][] ids = {new long[16]};
            List<String> titles = new ArrayList<>();
            PageScanner.scan(xml, (id, title) -> {
                int n = titles.size();
                if (n == ids[0].length) {
                    ids[0] = Arrays.copyOf(ids[0], 2 * n);
                }
                ids[0][n] = id;
                titles.add(title);
            });
            return new ChunkPages(offset, Arrays.copyOf(ids[0], titles.size()), titles.toArray(new String[0]));
        }
    }
}
