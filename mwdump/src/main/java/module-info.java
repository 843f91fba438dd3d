/**
 * mwdump's common modules in one: {@code requires org.mwdump.all} reads the model and
 * {@link org.mwdump.Dumps} ({@code org.mwdump.model}), random access ({@code org.mwdump.index}) and the
 * bzip2 streams and multistream layout of {@code org.mwdump.read} and {@code org.mwdump.write}, whose
 * readers and writers {@code Dumps} finds as services. Parquet is a separate module,
 * {@code org.mwdump.parquet}.
 */
module org.mwdump.all {
    requires transitive org.mwdump.model;
    requires transitive org.mwdump.read;
    requires transitive org.mwdump.write;
    requires transitive org.mwdump.index;
}
