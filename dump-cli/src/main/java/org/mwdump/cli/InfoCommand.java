package org.mwdump.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.model.Namespace;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;

/** {@code mwdump info}: site info, schema, compression, counts. */
final class InfoCommand implements Subcommand {
    static final Positional<Path> DUMP = Positional.required("DUMP", Option.PATH, "the dump file");
    static final Option<Boolean> JSON = Option.flag("--json", "print one JSON object instead of key: value lines");

    /** What {@code mwdump info} takes, and its help. */
    static final CommandLineSpec SPEC = new CommandLineSpec("info", InfoCommand::new,
            "Print the site info, schema version, format, compression and page/revision counts of a dump.")
            .positionals(DUMP).options(JSON, Progress.QUIET);

    @Override
    public int run(Args args, PrintWriter out, PrintWriter err) {
        Path dump = args.get(DUMP);
        boolean json = args.isSet(JSON);
        Map<String, Object> info = new LinkedHashMap<>();
        Progress progress = new Progress(err, args.isSet(Progress.QUIET));
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
