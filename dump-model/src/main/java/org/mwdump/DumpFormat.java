package org.mwdump;

/** The record formats mwdump reads and writes. Compression is chosen separately ({@link Compression}). */
public enum DumpFormat {
    /** MediaWiki XML export, schemas 0.3 to 0.11 (written as 0.10 or 0.11). */
    XML,
    /** RevDoc JSON lines as mwxml 0.3.8 {@code dump2revdocs} writes them (slots shape, full titles). */
    REVDOC,
    /** RevDoc JSON lines in the flat shape of mwxml 0.3.3 (titles without namespace prefix). */
    REVDOC_LEGACY,
    /** Apache Parquet, one row per revision (needs the {@code dump-parquet} module). */
    PARQUET,
    /**
     * Change events as JSON lines: Wikimedia's {@code mediawiki/page/change} and the legacy
     * {@code mediawiki/revision/create} (read only; each revision keeps its {@link org.mwdump.model.PageChange}).
     */
    EVENTS
}
