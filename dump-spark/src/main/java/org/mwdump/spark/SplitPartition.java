package org.mwdump.spark;

import org.apache.spark.sql.connector.read.InputPartition;
import org.mwdump.index.DumpSplits;

/**
 * One task's part of the input: a split of one file ({@link DumpSplits.Split}, kept as its parts so that
 * the partition serializes).
 *
 * @param file  the file's address
 * @param kind  how the split is read
 * @param start where it starts
 * @param end   where the next split starts
 */
record SplitPartition(String file, DumpSplits.Kind kind, long start, long end) implements InputPartition {
    private static final long serialVersionUID = 1L;

    SplitPartition(String file, DumpSplits.Split split) {
        this(file, split.kind(), split.start(), split.end());
    }

    DumpSplits.Split split() {
        return new DumpSplits.Split(kind, start, end);
    }
}
