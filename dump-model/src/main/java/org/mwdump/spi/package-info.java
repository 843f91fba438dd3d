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
 *
 * <p>Failures: unlike the rest of the API, which reports them with the unchecked
 * {@link org.mwdump.DumpException} family only, methods here declare {@link java.io.IOException} where a
 * provider works on streams and files ({@code ReaderProvider.open}, {@code WriterProvider.create},
 * {@code Codecs.compress} and {@code decompress}, {@code AbstractDumpWriter.complete},
 * {@code OutputFiles.createTempBeside} and {@code moveIntoPlace}). This package is for those who implement a
 * provider, not for users of the library: an implementation lets its input's and output's failures through
 * as they are, and {@link org.mwdump.Dumps}, which calls the providers, reports them as a
 * {@code DumpException} naming the file. A provider may still declare fewer exceptions than its interface,
 * as {@code org.mwdump.parquet}'s do.
 */
package org.mwdump.spi;
