package org.mwdump.spark;

import org.apache.spark.sql.connector.read.InputPartition;

/**
 * One task's part of the input: a split of one file ({@link org.mwdump.index.DumpSplits.Split}).
 *
 * @param file  the file's address
 * @param start the compressed byte offset of the split's first stream or frame
 * @param end   the compressed byte offset after its last one
 */
record SplitPartition(String file, long start, long end) implements InputPartition {
    private static final long serialVersionUID = 1L;
}
