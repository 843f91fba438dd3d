/**
 * The service interfaces through which the other modules plug formats and codecs into
 * {@link org.mwdump.Dumps}, for those who add a format of their own; users of the library do not need
 * this package.
 *
 * <p>{@link org.mwdump.Dumps} finds implementations with {@link java.util.ServiceLoader}: on the class
 * path through {@code META-INF/services} files, on the module path through {@code provides} in a
 * module declaration. {@link org.mwdump.spi.ReaderProvider} and {@link org.mwdump.spi.WriterProvider}
 * add a record format, {@link org.mwdump.spi.Codecs} a compression format,
 * {@link org.mwdump.spi.ParallelCopier} a parallel {@link org.mwdump.Dumps#convert},
 * {@link org.mwdump.spi.ChangeApplier} {@link org.mwdump.Dumps#apply}; {@link org.mwdump.spi.LayoutCodec} is
 * how {@code org.mwdump.index} compresses the chunks of the random-access layouts with the writers' encoders
 * without depending on {@code org.mwdump.write}.
 * {@link org.mwdump.spi.AbstractDumpWriter} gives a writer the finish, close and abort that every
 * writer shares; {@link org.mwdump.spi.OutputFiles} and {@link org.mwdump.spi.Bzip2Crc} are helpers the
 * providers share.
 */
package org.mwdump.spi;
