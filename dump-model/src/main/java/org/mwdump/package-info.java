/**
 * Reading and writing MediaWiki dumps: the entry point {@link org.mwdump.Dumps}, the reader and writer
 * interfaces, their options, and the exceptions.
 *
 * <p>Start with {@link org.mwdump.Dumps#open(java.nio.file.Path)}: it recognizes compression (bz2, gz,
 * xz, 7z, zstd) and format (MediaWiki XML, RevDoc JSON lines, Parquet) from the content and returns a
 * {@link org.mwdump.DumpReader}, which gives the dump's {@link org.mwdump.model.SiteInfo}, its pages one
 * at a time ({@link org.mwdump.DumpReader#pages()}, each a {@link org.mwdump.PageRevisions}) or every
 * revision in a flat stream ({@link org.mwdump.DumpReader#revisions()}), in constant memory.
 * {@link org.mwdump.Dumps#create(java.nio.file.Path, org.mwdump.DumpFormat)} returns a
 * {@link org.mwdump.DumpWriter}, and {@link org.mwdump.Dumps#convert} does both.
 * {@link org.mwdump.ReadOptions} (with {@link org.mwdump.ReadLimits}) and {@link org.mwdump.WriteOptions}
 * configure one reader or writer.
 *
 * <p>Every failure is an unchecked {@link org.mwdump.DumpException} with a
 * {@link org.mwdump.DumpLocation}; its subclasses tell damaged compressed data
 * ({@link org.mwdump.CorruptInputException}), malformed content ({@link org.mwdump.MalformedDumpException}),
 * an exceeded limit ({@link org.mwdump.LimitExceededException}) and an input that is not a dump mwdump
 * can read ({@link org.mwdump.UnsupportedDumpException}) apart.
 *
 * <p>The formats themselves are in other modules, found as services ({@link org.mwdump.spi}): add
 * {@code org.mwdump:dump-readers} to read XML and RevDoc, {@code org.mwdump:dump-writers} to write them,
 * {@code org.mwdump:dump-parquet} for Parquet ({@code org.mwdump:mwdump} brings all but Parquet).
 */
package org.mwdump;
