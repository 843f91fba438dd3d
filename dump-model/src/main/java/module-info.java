/**
 * mwdump's page and revision model, the entry points {@link org.mwdump.Dumps} and the service
 * interfaces through which the other modules plug in formats and codecs.
 *
 * <p>Start at {@link org.mwdump.Dumps}: {@code Dumps.open(path)} reads any dump that a module on the
 * module path (or a jar on the class path) can read, {@code Dumps.create(path, format)} writes one. The
 * implementations are found with {@link java.util.ServiceLoader}; add {@code org.mwdump.read} for XML and
 * RevDoc, {@code org.mwdump.write} for writing them, {@code org.mwdump.parquet} for Parquet.
 */
module org.mwdump.model {
    exports org.mwdump;
    exports org.mwdump.model;
    exports org.mwdump.spi;

    uses org.mwdump.spi.ReaderProvider;
    uses org.mwdump.spi.WriterProvider;
    uses org.mwdump.spi.Codecs;
    uses org.mwdump.spi.ParallelCopier;
    uses org.mwdump.spi.ChangeApplier;
}
