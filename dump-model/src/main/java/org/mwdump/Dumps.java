package org.mwdump;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import org.mwdump.model.LogItem;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.SiteInfo;
import org.mwdump.spi.AbstractDumpWriter;
import org.mwdump.spi.ChangeApplier;
import org.mwdump.spi.Codecs;
import org.mwdump.spi.OutputFiles;
import org.mwdump.spi.ParallelCopier;
import org.mwdump.spi.ReaderInput;
import org.mwdump.spi.ReaderProvider;
import org.mwdump.spi.WriterProvider;

/**
 * Entry point: open any dump, create any output, convert one into the other.
 *
 * <p>Formats and compressions are recognized from the content (magic bytes), never from the file
 * name. They are supplied through {@link ServiceLoader}: add {@code dump-readers} to read XML and
 * RevDoc, {@code dump-writers} to write them, {@code dump-parquet} for Parquet.
 */
public final class Dumps {
    private static final int HEAD = 512;

    private Dumps() {
    }

    /**
     * Opens a dump file with the default options.
     *
     * @param path the dump file, compressed or not
     * @return a reader; close it when done
     */
    public static DumpReader open(Path path) {
        return open(path, ReadOptions.DEFAULT);
    }

    /**
     * Opens a dump file, recognizing its compression and format from its content.
     *
     * @param path    the dump file, compressed or not
     * @param options strictness and limits for this reader
     * @return a reader; close it when done
     * @throws DumpException if the file cannot be opened or is not a dump mwdump can read
     */
    public static DumpReader open(Path path, ReadOptions options) {
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(options, "options is null");
        String name = path.toString();
        long size;
        InputStream raw;
        try {
            if (Files.isRegularFile(path)) {
                size = Files.size(path);
                raw = new SizedInputStream(Files.newInputStream(path), size);
            } else {
                // a pipe (mkfifo, or a shell's <(…)): a channel stream asks its position, which a pipe has not
                size = -1;
                raw = new java.io.FileInputStream(path.toFile());
            }
        } catch (NoSuchFileException e) {
            throw new DumpException("no such file", location(name, -1), e);
        } catch (IOException e) {
            throw DumpException.cannotRead(e, location(name, -1));
        }
        return open(raw, path, name, size, options);
    }

    /**
     * Opens a dump from a stream with the default options; the reader closes the stream.
     *
     * @param in the dump's bytes, compressed or not, from their start
     * @return a reader; close it when done
     */
    public static DumpReader open(InputStream in) {
        return open(in, ReadOptions.DEFAULT);
    }

    /**
     * Opens a dump from a stream, recognizing compression and format; the reader closes the stream.
     *
     * @param in      the dump's bytes, compressed or not, from their start
     * @param options strictness and limits for this reader
     * @return a reader; close it when done
     */
    public static DumpReader open(InputStream in, ReadOptions options) {
        Objects.requireNonNull(in, "in is null");
        Objects.requireNonNull(options, "options is null");
        return open(in, null, "<stream>", -1, options);
    }

    /**
     * Opens a dump from a stream, recognizing compression and format, with a name for messages (for
     * example the file's address on another file system); the reader closes the stream. 7z and Parquet
     * need a file and are refused here.
     *
     * @param in      the dump's bytes, compressed or not, from their start
     * @param name    what errors and progress call the input
     * @param options strictness and limits for this reader
     * @return a reader; close it when done
     */
    public static DumpReader open(InputStream in, String name, ReadOptions options) {
        Objects.requireNonNull(in, "in is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(options, "options is null");
        return open(in, null, name, -1, options);
    }

    private static DumpReader open(InputStream raw, Path file, String name, long size, ReadOptions options) {
        CountingInputStream counted = new CountingInputStream(raw);
        boolean ok = false;
        try {
            BufferedInputStream buffered = new BufferedInputStream(counted, 1 << 16);
            byte[] head = peek(buffered);
            int headLength = head.length;
            List<ReaderProvider> readers = Providers.READERS;
            if (headLength >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
                for (ReaderProvider p : readers) {
                    if (p.readsRawFiles() && p.recognizes(head, headLength)) {
                        if (file == null) {
                            throw new UnsupportedDumpException("Parquet can only be read from a file, not a stream",
                                    location(name, 0));
                        }
                        DumpReader reader = p.open(new ReaderInput(buffered, file, name, Compression.NONE,
                                counted::count, size), options);
                        ok = true;
                        return reader;
                    }
                }
                throw new UnsupportedDumpException("this is a Parquet file: add org.mwdump:dump-parquet to the class path",
                        location(name, 0));
            }
            Compression compression = Compression.sniff(head, headLength);
            InputStream content = buffered;
            if (compression != Compression.NONE) {
                Codecs codecs = codecs(c -> c.decompresses(compression), "reading " + compression,
                        "org.mwdump:dump-readers");
                content = new BufferedInputStream(codecs.decompress(compression, buffered, file), 1 << 16);
                head = peek(content);
                headLength = head.length;
            }
            for (ReaderProvider p : readers) {
                if (!p.readsRawFiles() && p.recognizes(head, headLength)) {
                    DumpReader reader = p.open(new ReaderInput(content, file, name, compression, counted::count, size),
                            options);
                    ok = true;
                    return reader;
                }
            }
            if (readers.isEmpty()) {
                throw new UnsupportedDumpException("no dump readers found: add org.mwdump:dump-readers to the class path",
                        location(name, 0));
            }
            throw new UnsupportedDumpException("not a MediaWiki dump (neither XML nor RevDoc JSON lines"
                    + (compression == Compression.NONE ? "" : " inside the " + compression.extension().substring(1) + " data")
                    + ")",
                    location(name, 0));
        } catch (IOException e) {
            throw DumpException.cannotRead(e, location(name, counted.count()));
        } catch (CorruptInputException e) {
            // damage found while the head was read: the decoder knows the offset, not the file
            DumpLocation l = e.location();
            if (l.source() != null && l.compressedOffset() >= 0) {
                throw e;
            }
            throw e.at(new DumpLocation(name, l.compressedOffset() >= 0 ? l.compressedOffset() : counted.count(),
                    l.line(), l.column(), l.pageId(), l.pageTitle(), l.revisionId()));
        } finally {
            if (!ok) {
                try {
                    counted.close();
                } catch (IOException ignored) {
                    // the original problem is more useful
                }
            }
        }
    }

    /**
     * The decompressed content of a stream, its compression recognized from its magic bytes (the
     * stream itself, buffered, when it is not compressed): for reading a dump's XML yourself. Closing
     * the result closes {@code raw}.
     *
     * @param raw  the (possibly compressed) bytes, from their start
     * @param file the file {@code raw} reads, needed for 7z (random access); {@code null} otherwise
     * @return the decompressed bytes ({@code raw} itself, buffered, when it is not compressed)
     * @throws DumpException if the content cannot be read or its compression has no codec here
     */
    public static InputStream decompress(InputStream raw, Path file) {
        Objects.requireNonNull(raw, "raw is null");
        String name = file == null ? "<stream>" : file.toString();
        try {
            BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
            byte[] head = peek(buffered);
            Compression compression = Compression.sniff(head, head.length);
            if (compression == Compression.NONE) {
                return buffered;
            }
            Codecs codecs = codecs(c -> c.decompresses(compression), "reading " + compression,
                    "org.mwdump:dump-readers");
            return new BufferedInputStream(codecs.decompress(compression, buffered, file), 1 << 16);
        } catch (IOException e) {
            throw DumpException.cannotRead(e, location(name, -1));
        }
    }

    /** The providers on the class path, looked up once: a service lookup scans every jar. */
    private static final class Providers {
        static final List<ReaderProvider> READERS = load(ReaderProvider.class);
        static final List<WriterProvider> WRITERS = load(WriterProvider.class);
        static final List<Codecs> CODECS = load(Codecs.class);
        static final ParallelCopier PARALLEL = load(ParallelCopier.class).stream().findFirst().orElse(null);
        static final ChangeApplier APPLIER = load(ChangeApplier.class).stream().findFirst().orElse(null);

        private static <T> List<T> load(Class<T> type) {
            List<T> list = new ArrayList<>();
            ServiceLoader.load(type, Dumps.class.getClassLoader()).forEach(list::add);
            return List.copyOf(list);
        }
    }

    private static DumpLocation location(String name, long offset) {
        return DumpLocation.at(name, offset);
    }

    private static byte[] peek(InputStream in) throws IOException {
        in.mark(HEAD);
        byte[] head = in.readNBytes(HEAD);
        in.reset();
        return head;
    }

    private static Codecs codecs(java.util.function.Predicate<Codecs> wanted, String what, String module) {
        for (Codecs c : Providers.CODECS) {
            if (wanted.test(c)) {
                return c;
            }
        }
        throw new UnsupportedDumpException("no codec for " + what + ": add " + module + " to the class path",
                DumpLocation.UNKNOWN);
    }

    /**
     * Creates an output file with default options (compression from the file name's extension).
     *
     * @param path   the file to create
     * @param format the record format to write
     * @return a writer; call {@link DumpWriter#finish()}, then close it
     */
    public static DumpWriter create(Path path, DumpFormat format) {
        return create(path, format, WriteOptions.DEFAULT);
    }

    /**
     * Creates an output file. Data goes to a temporary file beside the target and is renamed to the
     * target only when {@link DumpWriter#finish()} succeeds; {@link DumpWriter#abort()}, {@code close()}
     * without {@code finish()}, or a failure leaves nothing under the target name. A target that is a
     * device or named pipe ({@code /dev/null}, a FIFO) is written into directly instead, and never
     * replaced; {@code /dev/stdout} and {@code /dev/stderr} (or {@code /dev/fd/1}, {@code /proc/self/fd/2}
     * and the like) are the process's own standard streams, and other descriptor names are refused.
     *
     * @param path    the file to create
     * @param format  the record format to write
     * @param options compression, level, schema version and threads
     * @return a writer; call {@link DumpWriter#finish()}, then close it
     */
    public static DumpWriter create(Path path, DumpFormat format, WriteOptions options) {
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(format, "format is null");
        Objects.requireNonNull(options, "options is null");
        WriterProvider provider = writerProvider(format);
        int standard = OutputFiles.standardStream(path);
        if (standard != 0) {
            return createOnDescriptor(provider, format, standard == 1 ? java.io.FileDescriptor.out
                    : java.io.FileDescriptor.err, options);
        }
        if (OutputFiles.isDescriptorName(path)) {
            throw new DumpException("cannot write " + path + ": of the file descriptors, only standard output and "
                    + "standard error are written to", DumpLocation.UNKNOWN);
        }
        if (OutputFiles.isSpecial(path)) {
            return createSpecial(provider, format, path, options);
        }
        Path target = path.toAbsolutePath();
        Path temp;
        try {
            temp = OutputFiles.createTempBeside(target);
        } catch (IOException e) {
            throw DumpException.cannotCreate(path.toString(), e);
        }
        try {
            return new AtomicFileWriter(onFile(provider, format, temp, options, path.getFileName().toString(),
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING), temp,
                    target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw DumpException.cannotCreate(path.toString(), e);
        } catch (RuntimeException | Error e) {
            // a DumpException from the writer says what it is; anything else is a bug, reported as itself
            deleteQuietly(temp);
            throw e;
        }
    }

    /**
     * Output into a device, named pipe or socket ({@code /dev/null}, a FIFO), opened by its name: written
     * into it as it comes, since there is no file to rename into place (and the device must not be
     * replaced by one).
     */
    private static DumpWriter createSpecial(WriterProvider provider, DumpFormat format, Path path,
                                            WriteOptions options) {
        try {
            return onFile(provider, format, path, options, path.getFileName().toString(),
                    java.nio.file.StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new DumpException("cannot write " + path + ": " + why(e), DumpLocation.UNKNOWN, e);
        }
    }

    /**
     * A writer onto {@code file}, opened with {@code how}, through a {@link org.mwdump.spi.WriteBehindOutputStream};
     * the file is closed again when the writer cannot be made.
     */
    private static DumpWriter onFile(WriterProvider provider, DumpFormat format, Path file, WriteOptions options,
                                     String fileName, java.nio.file.OpenOption... how) throws IOException {
        OutputStream out = org.mwdump.spi.WriteBehindOutputStream.onFile(file, "mwdump-write", how);
        try {
            return open(provider, format, out, options, fileName);
        } catch (IOException | RuntimeException | Error e) {
            try {
                out.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Output onto standard output or standard error, named as {@code /dev/stdout} or the like: written to
     * the descriptor the process has (never reopened by name, which would start over at the file's first
     * byte, or open a file the descriptor no longer stands for), which stays open.
     */
    private static DumpWriter createOnDescriptor(WriterProvider provider, DumpFormat format,
                                                 java.io.FileDescriptor fd, WriteOptions options) {
        OutputStream out = org.mwdump.spi.WriteBehindOutputStream.onDescriptor(fd, "mwdump-write", e -> e);
        try {
            return open(provider, format, out, options, "");
        } catch (IOException e) {
            throw new DumpException("cannot create output: " + why(e), DumpLocation.UNKNOWN, e);
        }
    }

    /** Why a file could not be made, in words (no exception class names, no temporary file names). */
    private static String why(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        return DumpException.why(e);
    }

    /**
     * Creates a writer onto a stream (for example standard output); finishing or closing the writer
     * closes the stream (closing without finishing leaves the output visibly incomplete: no footer).
     * Compression must be given in the options ({@code null} means none).
     *
     * @param out     where the (compressed) output goes
     * @param format  the record format to write
     * @param options compression, level, schema version and threads
     * @return a writer; call {@link DumpWriter#finish()}, then close it
     */
    public static DumpWriter create(OutputStream out, DumpFormat format, WriteOptions options) {
        Objects.requireNonNull(out, "out is null");
        try {
            return open(writerProvider(format), format, out, options, "");
        } catch (IOException e) {
            throw new DumpException("cannot create output: " + why(e), DumpLocation.UNKNOWN, e);
        }
    }

    private static DumpWriter open(WriterProvider provider, DumpFormat format, OutputStream out, WriteOptions options,
                                   String fileName) throws IOException {
        Compression compression = options.compression() != null ? options.compression()
                : Compression.fromFileName(fileName);
        if (compression != Compression.NONE && !provider.selfCompressing(format)) {
            if (compression == Compression.SEVEN_Z) {
                throw new UnsupportedDumpException("7z output is not supported", DumpLocation.UNKNOWN);
            }
            Codecs codecs = codecs(c -> c.compresses(compression), "writing " + compression, "org.mwdump:dump-writers");
            out = codecs.compress(compression, out, options.compressionLevel(), options.threads());
        }
        return provider.create(format, out, options);
    }

    private static WriterProvider writerProvider(DumpFormat format) {
        for (WriterProvider p : Providers.WRITERS) {
            if (p.formats().contains(format)) {
                return p;
            }
        }
        String module = format == DumpFormat.PARQUET ? "org.mwdump:dump-parquet" : "org.mwdump:dump-writers";
        throw new UnsupportedDumpException("no writer for " + format + ": add " + module + " to the class path",
                DumpLocation.UNKNOWN);
    }

    /**
     * The reader of a record format found on the class path, or {@code null}: for readers of pieces of a dump.
     *
     * @param format a record format
     * @return its reader, or {@code null} if no module or jar present provides one
     */
    public static ReaderProvider readerProvider(DumpFormat format) {
        for (ReaderProvider p : Providers.READERS) {
            if (p.format() == format) {
                return p;
            }
        }
        return null;
    }

    /**
     * Reads {@code in} and writes all of it to {@code out} in the given format, on
     * {@link WriteOptions#threads()} threads when {@code org.mwdump:indexers} is on the class path
     * (decoding, parsing and writing in parallel, with the bytes of a single-threaded conversion);
     * returns the entries (revisions and uploads) and log items written. The output appears only when
     * complete.
     *
     * @param in      the dump to read
     * @param out     the file to create
     * @param format  the record format to write
     * @param options compression, level, schema version and threads
     * @return the number of entries and log items written
     */
    public static long convert(Path in, Path out, DumpFormat format, WriteOptions options) {
        Objects.requireNonNull(in, "in is null");
        DumpWriter writer = create(out, format, options);
        try {
            long n;
            ParallelCopier parallel = options.threads() > 1 && Files.isRegularFile(in) ? Providers.PARALLEL : null;
            if (parallel != null) {
                n = parallel.copy(in, writer, options.threads(), ReadOptions.DEFAULT);
            } else {
                try (DumpReader reader = open(in)) {
                    n = copy(reader, writer);
                }
            }
            writer.finish();
            return n;
        } catch (RuntimeException | Error e) {
            writer.abort();
            throw e;
        }
    }

    /**
     * Copies everything a reader yields into a writer (which stays open); returns the entries and log items copied.
     *
     * @param reader the dump to read, from where it is
     * @param writer where to write it
     * @return the number of entries and log items copied
     */
    public static long copy(DumpReader reader, DumpWriter writer) {
        SiteInfo site = reader.siteInfo();
        writer.writeSiteInfo(site);
        long n = 0;
        for (Page page = reader.nextPage(); page != null; page = reader.nextPage()) {
            writer.writePage(page);
            for (PageEntry e = reader.nextEntry(); e != null; e = reader.nextEntry()) {
                writer.write(e);
                n++;
            }
        }
        for (LogItem item = reader.nextLogItem(); item != null; item = reader.nextLogItem()) {
            writer.writeLogItem(item);
            n++;
        }
        return n;
    }

    /**
     * Writes {@code out}: the dump {@code base} with {@code changes} applied, in the base's format and
     * layout. Changes are adds-changes dumps (XML, or any format mwdump reads) and change event files
     * ({@link DumpFormat#EVENTS}), in any order: they are applied in the order of their event times (a
     * dump's revisions: their timestamps), then revision ids. New revisions join their page in revision id
     * order (in a current-revision base, replace its revision), new pages are inserted in page id order,
     * moves rename, deletions remove, undeletions restore, visibility changes hide text, comment or
     * editor; a revision already present is skipped, and so are the deletion of a page the base lacks, a
     * visibility change it has already, and a change to a page that a later deletion among the same changes
     * removes, so that applying the same changes again changes nothing. A bz2
     * multistream or seekable zstd base with its index beside it keeps its layout: only the streams or frames
     * with a changed page are decoded and compressed again, the others are copied byte for byte, and the
     * index is written beside {@code out}. The base is never modified: {@code out}, and the index beside
     * it, must be none of the base, its index and the change files; {@code out} appears only when complete.
     *
     * @param base    the dump to update
     * @param changes the changes, at least one file
     * @param out     the file to create
     * @param options strictness, threads, history or current
     * @return what was done, with the changes that could not be applied
     * @throws DumpException when a file cannot be read or written, when {@code out} or the index beside it is
     *                       the base, its index or a change file (before anything is written), or (strict) a
     *                       change cannot be applied
     */
    public static ApplyResult apply(Path base, List<Path> changes, Path out, ApplyOptions options) {
        Objects.requireNonNull(base, "base is null");
        Objects.requireNonNull(changes, "changes is null");
        Objects.requireNonNull(out, "out is null");
        Objects.requireNonNull(options, "options is null");
        if (Providers.APPLIER == null) {
            throw new UnsupportedDumpException("applying changes needs org.mwdump:indexers on the class path",
                    DumpLocation.UNKNOWN);
        }
        return Providers.APPLIER.apply(base, List.copyOf(changes), out, options);
    }

    /**
     * {@link #apply(Path, List, Path, ApplyOptions)} with the default options.
     *
     * @param base    the dump to update
     * @param changes the changes
     * @param out     the file to create
     * @return what was done
     */
    public static ApplyResult apply(Path base, List<Path> changes, Path out) {
        return apply(base, changes, out, ApplyOptions.DEFAULT);
    }

    static void deleteQuietly(Path p) {
        OutputFiles.discard(p);
    }

    /**
     * A file read from its start that must hold the bytes it had when it was opened: an end before
     * them means that someone truncated the file while it was read, which is an I/O error (not damaged
     * data, as an end inside compressed data would otherwise be reported).
     */
    private static final class SizedInputStream extends java.io.FilterInputStream {
        private final long size;
        private long position;

        SizedInputStream(InputStream in, long size) {
            super(in);
            this.size = size;
        }

        private int counted(int n) throws IOException {
            if (n > 0) {
                position += n;
            } else if (n < 0 && position < size) {
                throw new IOException("the file ended at byte " + position + " of " + size
                        + ": it was truncated while it was read");
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            counted(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return counted(in.read(b, off, len));
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            position += Math.max(0, skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** Writes to a temporary file and moves it to the target on a successful finish. */
    private static final class AtomicFileWriter extends AbstractDumpWriter {
        private final DumpWriter delegate;
        private final Path temp;
        private final Path target;

        AtomicFileWriter(DumpWriter delegate, Path temp, Path target) {
            super(target.toString());
            this.delegate = delegate;
            this.temp = temp;
            this.target = target;
        }

        private void guard(Runnable action) {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                abort();
                throw e;
            }
        }

        @Override
        public void writeSiteInfo(SiteInfo siteInfo) {
            guard(() -> delegate.writeSiteInfo(siteInfo));
        }

        @Override
        public void writePage(Page page) {
            guard(() -> delegate.writePage(page));
        }

        @Override
        public void write(PageEntry entry) {
            guard(() -> delegate.write(entry));
        }

        @Override
        public void writeLogItem(LogItem item) {
            guard(() -> delegate.writeLogItem(item));
        }

        @Override
        public PageRuns pageRuns() {
            PageRuns runs = delegate.pageRuns();
            if (runs == null) {
                return null;
            }
            return new PageRuns() {
                @Override
                public PageRunWriter newRun(OutputStream out, Page continued) {
                    return runs.newRun(out, continued);
                }

                @Override
                public void append(byte[] bytes, int offset, int length, Page continued, Page openAtEnd) {
                    guard(() -> runs.append(bytes, offset, length, continued, openAtEnd));
                }
            };
        }

        /** Finishes the writer, then moves the complete file into place. */
        @Override
        protected void complete() {
            delegate.finish();
            try {
                OutputFiles.moveIntoPlace(temp, target);
            } catch (IOException e) {
                // the exception names the temporary file too, which means nothing to the reader of the message
                throw new DumpException("cannot move the output into place as " + target + ": " + why(e),
                        location(target.toString(), -1), e);
            }
        }

        @Override
        protected void discard() {
            try {
                delegate.abort();
            } finally {
                deleteQuietly(temp);
            }
        }
    }
}
