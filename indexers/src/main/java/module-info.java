/**
 * Random access and parallel decoding: page lookups in Wikipedia's multistream files and in any dump
 * mwdump has indexed ({@link org.mwdump.index.IndexedDump}), and dumps decoded on several threads
 * ({@link org.mwdump.index.ParallelDumps}).
 */
module org.mwdump.index {
    requires transitive org.mwdump.model;
    requires org.mwdump.read;
    requires com.github.luben.zstd_jni;

    exports org.mwdump.index;

    // apply compresses the chunks it rewrites with the writers' codec (org.mwdump.write provides it)
    uses org.mwdump.spi.LayoutCodec;

    provides org.mwdump.spi.ParallelCopier with org.mwdump.index.ParallelCopierProvider;
    provides org.mwdump.spi.ChangeApplier with org.mwdump.index.DumpUpdater;
}
