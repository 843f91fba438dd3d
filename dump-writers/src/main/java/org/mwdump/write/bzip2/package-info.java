/**
 * A pure-Java bzip2 encoder whose output is libbzip2's, byte for byte, usable without the rest of
 * mwdump.
 *
 * <p>{@link org.mwdump.write.bzip2.Bzip2OutputStream} is a plain {@link java.io.OutputStream}: levels 1
 * to 9 as {@code bzip2 -1} … {@code -9}, blocks encoded on any number of threads with the same bytes at
 * any thread count. {@link org.mwdump.Dumps#create(java.nio.file.Path, org.mwdump.DumpFormat)} uses it
 * for {@code .bz2} outputs; use the stream directly for bzip2 data that is not a dump.
 */
package org.mwdump.write.bzip2;
