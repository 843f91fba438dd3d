package org.mwdump.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mwdump.CorruptInputException;
import org.mwdump.ReadOptions;
import org.mwdump.hostile.BadInputs.Codec;
import org.mwdump.hostile.BadInputs.Outcome;

/**
 * Compressed dumps cut short or with flipped bits: every read ends in a typed, located exception
 * (or, for a bit flip that changes nothing the format checks, exactly the original content), never in
 * a shorter result, a hang or an untyped error.
 */
class HostileCompressionTest {
    static final int CUTS = 100;
    static final int FLIPS = 150;
    static byte[] xml;
    static Outcome full;

    @BeforeAll
    static void dump() {
        xml = BadInputs.xmlDump(60);
        full = BadInputs.read(xml);
        assertFalse(full.failed(), () -> "the test dump reads: " + full.failure());
        assertEquals(60, full.pages());
    }

    /**
     * A compressed file cut anywhere before its end always fails: each format marks its end (bz2's
     * end-of-stream record, gzip's trailer, xz's footer, zstd's last block flag and checksum, 7z's header
     * at the end), so no cut falls on a valid end.
     */
    @ParameterizedTest
    @EnumSource(Codec.class)
    void truncatedAtHundredPoints(Codec codec, @TempDir Path dir) throws IOException {
        byte[] compressed = BadInputs.compress(xml, codec);
        Outcome whole = readCompressed(compressed, codec, dir);
        assertFalse(whole.failed(), () -> codec + " reads whole: " + whole.failure());
        assertEquals(full.digest(), whole.digest());
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < CUTS; i++) {
                int cut = (int) ((long) compressed.length * i / CUTS);
                Outcome o = readCompressed(Arrays.copyOf(compressed, cut), codec, dir);
                BadInputs.assertFailsCleanlyOrComplete(o, full, false, codec + " cut at " + cut + " of "
                        + compressed.length);
            }
        });
    }

    /** Plain XML cut short, read strictly (lenient reading accepts a cut after a whole page, as a segment). */
    @Test
    void plainXmlTruncatedAtHundredPointsStrict() {
        ReadOptions strict = ReadOptions.builder().strict(true).build();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < CUTS; i++) {
                int cut = xml.length * i / CUTS;
                Outcome o = BadInputs.read(new java.io.ByteArrayInputStream(Arrays.copyOf(xml, cut)), strict);
                BadInputs.assertFailsCleanlyOrComplete(o, full, false, "xml cut at " + cut);
            }
        });
    }

    /**
     * Lenient reading of plain XML cut between pages gives the pages before the cut and says so in
     * {@code skippedElements()}; a cut inside a page fails.
     */
    @Test
    void plainXmlTruncatedLenientNeverSilent() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 1; i < CUTS; i++) {
                int cut = xml.length * i / CUTS;
                byte[] part = Arrays.copyOf(xml, cut);
                try (var r = org.mwdump.Dumps.open(new java.io.ByteArrayInputStream(part))) {
                    r.revisions().forEach(rev -> { });
                    assertEquals(1L, r.skippedElements().getOrDefault("(missing </mediawiki>)", 0L),
                            "a lenient read of a cut document reports the missing end, cut at " + cut);
                } catch (org.mwdump.DumpException e) {
                    BadInputs.assertLocated(e, "xml cut at " + cut);
                }
            }
        });
    }

    /**
     * Bit flips anywhere after the magic: a typed, located exception, or the original content (a flip in
     * a field that does not affect the content, such as gzip's modification time).
     */
    @ParameterizedTest
    @EnumSource(value = Codec.class, names = {"BZ2", "MULTISTREAM_BZ2", "GZIP", "XZ", "ZSTD"})
    void bitFlips(Codec codec, @TempDir Path dir) {
        byte[] compressed = BadInputs.compress(xml, codec);
        Random random = new Random(codec.ordinal() * 7919L + 1);
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            int failures = 0;
            for (int i = 0; i < FLIPS; i++) {
                byte[] damaged = compressed.clone();
                int at = 4 + random.nextInt(damaged.length - 4);
                int bit = random.nextInt(8);
                damaged[at] ^= (byte) (1 << bit);
                Outcome o = readCompressed(damaged, codec, dir);
                BadInputs.assertFailsCleanlyOrComplete(o, full, true, codec + " bit " + bit + " of byte " + at);
                failures += o.failed() ? 1 : 0;
            }
            // nearly every flip must be caught: a decoder that ignored checksums would let most through
            assertEquals(true, failures > FLIPS * 9 / 10, codec + ": only " + failures + " of " + FLIPS + " flips caught");
        });
    }

    /** A flip inside a bz2 block's data that still decodes is caught by the block CRC. */
    @Test
    void bz2BlockCrcIsVerified() {
        byte[] compressed = BadInputs.compress(xml, Codec.BZ2);
        // the stored block CRC follows the 4-byte header and the 6-byte block magic
        byte[] damaged = compressed.clone();
        damaged[10] ^= 1;
        CorruptInputException e = assertInstanceOf(CorruptInputException.class, BadInputs.read(damaged).failure());
        assertEquals(true, e.getMessage().contains("CRC"), e.getMessage());
    }

    /** The bz2 stream CRC (after the end-of-stream magic) is verified. */
    @Test
    void bz2StreamCrcIsVerified() {
        byte[] compressed = BadInputs.compress(xml, Codec.BZ2);
        // the combined CRC is the 32 bits after the last 48-bit magic, followed by at most 7 padding bits:
        // in the last 5 bytes, flipping the first bit of the second to last byte hits the CRC
        byte[] damaged = compressed.clone();
        damaged[damaged.length - 2] ^= (byte) 0x80;
        CorruptInputException e = assertInstanceOf(CorruptInputException.class, BadInputs.read(damaged).failure());
        assertEquals(true, e.getMessage().contains("CRC"), e.getMessage());
    }

    /** zstd frames with a content checksum are verified: a flipped checksum byte fails. */
    @Test
    void zstdContentChecksumIsVerified() {
        byte[] compressed = BadInputs.compress(xml, Codec.ZSTD);
        byte[] damaged = compressed.clone();
        damaged[damaged.length - 1] ^= 1; // the last 4 bytes of the frame are the checksum
        Outcome o = BadInputs.read(damaged);
        CorruptInputException e = assertInstanceOf(CorruptInputException.class, o.failure());
        BadInputs.assertLocated(e, "zstd checksum");
    }

    /** gzip's CRC-32 of the content is verified. */
    @Test
    void gzipCrcIsVerified() {
        byte[] compressed = BadInputs.compress(xml, Codec.GZIP);
        byte[] damaged = compressed.clone();
        damaged[damaged.length - 8] ^= 1; // trailer: CRC-32, then the size
        assertInstanceOf(CorruptInputException.class, BadInputs.read(damaged).failure());
    }

    static Outcome readCompressed(byte[] data, Codec codec, Path dir) throws IOException {
        if (codec != Codec.SEVEN_Z) {
            return BadInputs.read(data);
        }
        // 7z is read from a file (its directory is at the end)
        Path file = dir.resolve("cut.7z");
        Files.write(file, data);
        return BadInputs.read(file, ReadOptions.DEFAULT);
    }
}
