package org.mwdump.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mwdump.index.IndexedDump;
import org.mwdump.index.ParallelDumps;
import org.mwdump.write.layout.Recompressor;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mwdump recompress}: rewrites an XML dump in a random-access layout with its index. */
@Command(name = "recompress", mixinStandardHelpOptions = true,
        description = {"Rewrite an XML dump as a multistream bz2 file (the layout of Wikimedia's "
                + "*-multistream.xml.bz2) or as seekable zstd, with its index beside it: OUT minus .xml.bz2/.xml.zst "
                + "plus -index.txt.bz2 (bz2, as Wikimedia's) or -index.txt.zst (seekable zstd).",
                "Chunks are compressed on all threads. Outputs appear only when complete."})
final class RecompressCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "an XML dump (any compression)")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "the output file")
    Path out;

    @ArgGroup(exclusive = true, multiplicity = "1")
    LayoutChoice layout;

    static final class LayoutChoice {
        @Option(names = "--multistream", description = "bz2 streams of whole pages, as Wikimedia publishes")
        boolean multistream;
        @Option(names = "--seekable-zstd", description = "zstd frames of whole pages with a seek table")
        boolean seekableZstd;
    }

    @Option(names = "--pages-per-stream", paramLabel = "N", defaultValue = "100",
            description = "whole pages per stream or frame (default 100)")
    int pagesPerStream;

    @Option(names = "--max-stream-bytes", paramLabel = "BYTES",
            description = "also end a stream or frame at the first page end past BYTES of XML (default: 262144 "
                    + "for --seekable-zstd, where it bounds the cost of a lookup; no limit for --multistream, "
                    + "as in Wikimedia's files)")
    Long maxStreamBytes;

    @Option(names = "--force", description = "replace OUT and its index if they exist")
    boolean force;

    @Option(names = "--threads", paramLabel = "N", description = "compression threads (default: all cores)")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (pagesPerStream < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pages-per-stream must be at least 1");
        }
        if (maxStreamBytes != null && maxStreamBytes < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-stream-bytes must be at least 1");
        }
        Recompressor.Layout l = layout.multistream ? Recompressor.Layout.BZIP2_MULTISTREAM
                : Recompressor.Layout.SEEKABLE_ZSTD;
        long maxBytes = maxStreamBytes != null ? maxStreamBytes : Recompressor.defaultMaxChunkBytes(l);
        int n = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
        String name = out.getFileName().toString();
        Path index = out.resolveSibling(name.replaceFirst("(\\.xml)?\\.(bz2|zst|zstd)$", "")
                + (l == Recompressor.Layout.SEEKABLE_ZSTD ? "-index.txt.zst" : "-index.txt.bz2"));
        Existing.refuse(force, out, index);
        PrintWriter stdout = spec.commandLine().getOut();
        long start = System.nanoTime();
        Recompressor.Result result;
        try (InputStream xml = ParallelDumps.xml(in, n)) {
            result = new Recompressor(l, pagesPerStream, maxBytes, n, 3).recompress(xml, out, index);
        }
        stdout.println("pages: " + result.pages());
        stdout.println("streams: " + result.chunks());
        stdout.println("xml bytes: " + result.bytesIn());
        stdout.println("output bytes: " + result.bytesOut());
        stdout.println("index: " + index);
        stdout.printf("seconds: %.2f%n", (System.nanoTime() - start) / 1e9);
        Files.deleteIfExists(IndexedDump.pageIndexOf(out));
        return 0;
    }
}
