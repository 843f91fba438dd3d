/**
 * A pure-Java bzip2 decoder, usable without the rest of mwdump.
 *
 * <p>{@link org.mwdump.read.bzip2.Bzip2InputStream} is a plain {@link java.io.InputStream} over bzip2
 * data: it reads every concatenated stream of a file (multistream dumps included) or only the first, and
 * reports damaged data as an {@link org.mwdump.CorruptInputException} carrying the bit offset.
 * {@link org.mwdump.read.bzip2.Bzip2BlockDecoder} decodes a single block at any bit offset, for random
 * access and for decoding the blocks of one file on several threads.
 *
 * <p>{@link org.mwdump.Dumps#open(java.nio.file.Path)} uses this decoder for {@code .bz2} dumps; use the
 * stream directly for bzip2 data that is not a dump.
 */
package org.mwdump.read.bzip2;
