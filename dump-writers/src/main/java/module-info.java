/**
 * Writing: mwdump's model as MediaWiki XML or RevDoc JSON lines, compression to bz2, gz, xz and zstd,
 * and the multistream bz2 and seekable zstd layouts. The writers are services of
 * {@code org.mwdump.model}, used through {@link org.mwdump.Dumps#create(java.nio.file.Path,
 * org.mwdump.DumpFormat)}; their packages are not exported.
 *
 * <p>Exported: {@link org.mwdump.write.bzip2}, mwdump's own bzip2 encoder as a plain
 * {@link java.io.OutputStream}, and {@link org.mwdump.write.layout}, which writes a dump in the
 * layout of Wikimedia's multistream files (or seekable zstd) for random access.
 */
module org.mwdump.write {
    requires transitive org.mwdump.model;
    requires org.tukaani.xz;
    requires com.github.luben.zstd_jni;

    exports org.mwdump.write.bzip2;
    exports org.mwdump.write.layout;

    provides org.mwdump.spi.WriterProvider with
            org.mwdump.write.revdoc.RevDocWriterProvider,
            org.mwdump.write.xml.XmlWriterProvider;
    provides org.mwdump.spi.Codecs with org.mwdump.write.compress.WriteCodecs;
    provides org.mwdump.spi.LayoutCodec with org.mwdump.write.compress.WriteCodecs;
}
