/**
 * Random access and parallel decoding of dumps.
 *
 * <p>Start with {@link org.mwdump.index.IndexedDump}: {@code IndexedDump.open(path)} opens a multistream
 * bz2 dump (with the index Wikimedia publishes beside it), a seekable zstd dump, or an ordinary bz2 dump,
 * builds a compact page index ({@link org.mwdump.index.PageIndex}) on first use, and finds a page
 * {@linkplain org.mwdump.index.IndexedDump#byId by id} or
 * {@linkplain org.mwdump.index.IndexedDump#byTitle by title} in milliseconds, as an
 * {@link org.mwdump.index.IndexedPage}.
 *
 * <p>{@link org.mwdump.index.ParallelDumps} reads or converts a whole dump with its decoding split
 * over several threads (at bz2 blocks or zstd frames), with the {@link org.mwdump.DumpReader} API and the
 * output of a single-threaded conversion.
 *
 * <p>The rest are the parts these are built of, usable on their own:
 * {@link org.mwdump.index.MultistreamIndex} reads Wikimedia's index files,
 * {@link org.mwdump.index.BlockIndex}, {@link org.mwdump.index.Bzip2BlockScanner},
 * {@link org.mwdump.index.Bzip2Streams} and {@link org.mwdump.index.Bzip2BlockReader} find and decode
 * the blocks and streams of bz2 files.
 */
package org.mwdump.index;
