package org.mwdump.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.model.Namespace;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mwdump info}: site info, schema, compression, counts. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the site info, schema version, format, compression and page/revision counts of a dump.")
final class InfoCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DUMP", description = "the dump file")
    Path dump;

    @Option(names = "--json", description = "print one JSON object instead of key: value lines")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> info = new LinkedHashMap<>();
        Progress progress = new Progress(spec.commandLine().getErr(), quiet);
        try (DumpReader r = Dumps.open(dump)) {
            SiteInfo site = r.siteInfo();
            info.put("file", dump.toString());
            info.put("format", Formats.name(r.format()));
            // Parquet compresses its pages itself: the codecs in its footer
            info.put("compression", r instanceof org.mwdump.parquet.ParquetDumpReader p ? p.pageCodecs()
                    : Formats.name(r.compression()));
            info.put("schema", site.schemaVersion());
            info.put("language", site.language());
            info.put("sitename", site.siteName());
            info.put("dbname", site.dbName());
            info.put("base", site.base());
            info.put("generator", site.generator());
            info.put("case", site.caseRule() == null ? null : site.caseRule().xmlValue());
            if (json) {
                java.util.List<Map<String, Object>> ns = new java.util.ArrayList<>();
                for (Namespace n : site.namespaces()) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("id", n.key());
                    o.put("name", n.name());
                    o.put("case", n.caseRule() == null ? null : n.caseRule().xmlValue());
                    ns.add(o);
                }
                info.put("namespaces", ns);
            } else {
                StringBuilder ns = new StringBuilder();
                for (Namespace n : site.namespaces()) {
                    ns.append(ns.isEmpty() ? "" : ", ").append(n.key()).append('=').append(n.name());
                }
                info.put("namespaces", ns.toString());
            }
            long pages = 0;
            long revisions = 0;
            long uploads = 0;
            for (Page p = r.nextPage(); p != null; p = r.nextPage()) {
                pages++;
                progress.page(r);
                for (PageEntry e = r.nextEntry(); e != null; e = r.nextEntry()) {
                    if (e instanceof Revision) {
                        revisions++;
                    } else {
                        uploads++;
                    }
                }
            }
            long logItems = 0;
            while (r.nextLogItem() != null) {
                logItems++;
            }
            progress.done();
            info.put("pages", pages);
            info.put("revisions", revisions);
            info.put("uploads", uploads);
            info.put("logitems", logItems);
            long skipped = r.skippedElements().values().stream().mapToLong(Long::longValue).sum();
            info.put("skipped-elements", skipped);
        }
        if (json) {
            out.println(JsonText.object(info));
        } else {
            info.forEach((k, v) -> out.println(k + ": " + (v == null ? "" : v)));
        }
        return 0;
    }
}
