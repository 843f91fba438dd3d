/**
 * Reading: MediaWiki XML and RevDoc JSON lines into mwdump's model, and decompression of bz2, gz, xz,
 * 7z and zstd. The readers are services of {@code org.mwdump.model}, used through
 * {@link org.mwdump.Dumps#open(java.nio.file.Path)}; their packages are not exported.
 *
 * <p>Exported: {@link org.mwdump.read.bzip2}, mwdump's own bzip2 decoder as a plain
 * {@link java.io.InputStream}, and its block decoder for random access.
 */
@SuppressWarnings("module") // the qualified exports name a module that is compiled after this one
module org.mwdump.read {
    requires transitive org.mwdump.model;
    requires com.fasterxml.jackson.core;
    requires org.apache.commons.compress;
    requires org.tukaani.xz;
    requires com.github.luben.zstd_jni;

    exports org.mwdump.read.bzip2;
    // for random access and parallel decoding in org.mwdump.index only
    exports org.mwdump.read.compress to org.mwdump.index;
    exports org.mwdump.read.xml to org.mwdump.index;

    provides org.mwdump.spi.ReaderProvider with
            org.mwdump.read.xml.XmlReaderProvider,
            org.mwdump.read.revdoc.RevDocReaderProvider,
            org.mwdump.read.revdoc.EventReaderProvider;
    provides org.mwdump.spi.Codecs with org.mwdump.read.compress.ReadCodecs;
}
