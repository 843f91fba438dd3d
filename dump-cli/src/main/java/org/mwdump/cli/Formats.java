package org.mwdump.cli;

import java.util.Locale;
import org.mwdump.Compression;
import org.mwdump.DumpFormat;

/** Output format names on the command line and the formats implied by file names. */
final class Formats {
    private Formats() {
    }

    static DumpFormat parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "xml" -> DumpFormat.XML;
            case "revdoc", "jsonl", "json" -> DumpFormat.REVDOC;
            case "revdoc-legacy" -> DumpFormat.REVDOC_LEGACY;
            case "parquet" -> DumpFormat.PARQUET;
            default -> throw new IllegalArgumentException("unknown format " + name
                    + " (expected xml, revdoc, revdoc-legacy or parquet)");
        };
    }

    /** The format a file name implies once its compression extension is removed, or {@code null}. */
    static DumpFormat fromFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        Compression c = Compression.fromFileName(lower);
        if (c != Compression.NONE) {
            lower = lower.substring(0, lower.lastIndexOf('.'));
        }
        if (lower.endsWith(".parquet")) {
            return DumpFormat.PARQUET;
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".json") || lower.endsWith(".ndjson")) {
            return DumpFormat.REVDOC;
        }
        if (lower.endsWith(".xml")) {
            return DumpFormat.XML;
        }
        return null;
    }

    /** A format as the command line spells it ({@code --to}). */
    static String name(DumpFormat format) {
        return switch (format) {
            case XML -> "xml";
            case REVDOC -> "revdoc";
            case REVDOC_LEGACY -> "revdoc-legacy";
            case PARQUET -> "parquet";
            case EVENTS -> "events";
        };
    }

    /** A compression as the command line spells it ({@code --compress}, and {@code 7z}). */
    static String name(Compression compression) {
        return compression == Compression.NONE ? "none" : compression.extension().substring(1);
    }
}
