/**
 * Dumps laid out for random access.
 *
 * <p>{@link org.mwdump.write.layout.Recompressor} writes a dump's XML in the layout of Wikimedia's
 * multistream files (a header stream, streams of whole pages, a footer stream, and the
 * {@code offset:page_id:title} index) or as seekable zstd (the same layout in zstd frames plus a seek
 * table). {@code org.mwdump.index.IndexedDump} (in {@code org.mwdump:indexers}) looks pages up in either.
 */
package org.mwdump.write.layout;
