package org.mwdump.spark;

import org.apache.spark.sql.connector.read.InputPartition;
import org.mwdump.index.DumpSplits;

/**
 * One task's part of the input: a split of one file.
 *
 * @param file  the file's address
 * @param split the part of it
 */
record SplitPartition(String file, DumpSplits.Split split) implements InputPartition {
    private static final long serialVersionUID = 1L;
}
