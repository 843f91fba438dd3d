package org.mwdump.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mwdump.DumpFormat;
import org.mwdump.ReadOptions;
import org.mwdump.testing.GeneratedDump;
import org.mwdump.testing.GeneratedDump.Feature;

/**
 * {@link ParallelCopyTest}'s check on generated dumps of every schema version, content and stubs, so it
 * runs without the shared corpus: conversion on several threads, with chunks of a few hundred bytes, writes
 * the bytes of a conversion on one thread in every format, lenient and strict; and the single-threaded
 * XML conversion of a dump in Wikimedia's serialization is the dump itself.
 */
class GeneratedParallelCopyTest {

    static Stream<GeneratedDump> dumps() {
        return Stream.concat(GeneratedDump.VERSIONS.stream().map(GeneratedDump::full),
                GeneratedDump.VERSIONS.stream().filter(Feature.TEXT_ID::in).map(v -> GeneratedDump.builder(v)
                        .stubs(true).deletions(true).slots(true).uploads(true).pages(20).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void severalThreadsWriteTheBytesOfOne(GeneratedDump dump, @TempDir Path dir) {
        Path file = dump.write(dir.resolve("dump.xml"));
        ParallelCopyTest.check(file, ReadOptions.DEFAULT, new int[] {1, 3}, new int[] {300, 4096});
        ParallelCopyTest.check(file, ReadOptions.builder().strict(true).build(), new int[] {2}, new int[] {700});
        if (dump.version().equals("0.10") || dump.version().equals("0.11")) {
            assertArrayEquals(dump.xml(), (byte[]) ParallelCopyTest.sequential(file, DumpFormat.XML, ReadOptions.DEFAULT));
        }
    }
}
