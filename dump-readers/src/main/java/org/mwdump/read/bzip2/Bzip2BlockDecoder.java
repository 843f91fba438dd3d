package org.mwdump.read.bzip2;

import org.mwdump.spi.Bzip2Crc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

import org.mwdump.CorruptInputException;
import org.mwdump.DumpLocation;

/**
 * Decodes single bzip2 blocks at arbitrary bit offsets, for random access and parallel decoding.
 *
 * <p>A block starts with the 48-bit magic {@code 0x314159265359} and is not byte aligned; it ends where
 * the next block magic or the end-of-stream magic {@code 0x177245385090} begins. {@link #decode} returns
 * the block's original bytes (after undoing all stages including the initial run-length coding), its
 * stored CRC (already verified) and the bit offset where it ended. Blocks are independent, so any block
 * can be decoded given only its start offset.
 *
 * <p>Cost: an instance holds about 7 MB of work arrays for blocks of up to 900 kB (3.6 MB for the
 * transformed block, about 1 MB each for its text, the pieces of the walk through it and the decoded
 * output) and is reused across calls; decoding is linear in the block size. The output array grows for a
 * block of long runs of one byte, which can decode to 46 MB, and is let go once that block is done (by
 * {@link #decode}, or when the {@link Bzip2InputStream} reading it moves on or is closed). Instances are
 * not thread-safe: use one per thread.
 */
public final class Bzip2BlockDecoder {
    /** The 48-bit magic that starts every block (BCD pi). */
    public static final long BLOCK_MAGIC = 0x314159265359L;
    /** The 48-bit magic that starts the end-of-stream record (BCD sqrt(pi)). */
    public static final long END_OF_STREAM_MAGIC = 0x177245385090L;

    /** Huffman codes up to this many bits are resolved by one table lookup. */
    private static final int LUT_BITS = 10;
    private static final int LUT_SIZE = 1 << LUT_BITS;
    private static final int MAX_CODE_LEN = 20;
    private static final int MAX_GROUPS = 6;
    private static final int MAX_ALPHA = 258;
    /** Selectors past this count are read but ignored, as libbzip2 1.0.8 does. */
    private static final int MAX_SELECTORS = 18002;
    private static final int GROUP_SIZE = 50;

    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.BIG_ENDIAN);

    // Input of the current call.
    private byte[] in;
    private int limit;
    private long bitPos;
    private long absBitBase;
    private boolean atEof;

    // Work arrays, reused.
    private int[] tt = new int[0];
    private byte[] out = new byte[0];
    private int outLen;
    private int storedCrc;
    private final byte[] seqToUnseq = new byte[256];
    private final byte[] selectors = new byte[MAX_SELECTORS];
    private final int[] lengths = new int[MAX_GROUPS * MAX_ALPHA];
    private final int[] lut = new int[MAX_GROUPS * LUT_SIZE];
    /** Per table and code length: first canonical code, first code past the length, index into perm. */
    private final int[] firstCode = new int[MAX_GROUPS * (MAX_CODE_LEN + 1)];
    private final int[] endCode = new int[MAX_GROUPS * (MAX_CODE_LEN + 1)];
    private final int[] permBase = new int[MAX_GROUPS * (MAX_CODE_LEN + 1)];
    private final int[] perm = new int[MAX_GROUPS * MAX_ALPHA];
    private final int[] maxLen = new int[MAX_GROUPS];
    private final boolean[] tableValid = new boolean[MAX_GROUPS];
    private final int[] unzftab = new int[256];
    private final int[] cftab = new int[257];
    private final byte[] mtf = new byte[256];
    private final byte[] crcScratch = new byte[8192];

    /** Creates a decoder; work arrays are allocated on first use and sized to the largest block seen. */
    public Bzip2BlockDecoder() {
    }

    /**
     * The result of decoding one block.
     *
     * @param data           the block's original bytes
     * @param storedCrc      the CRC stored in the block header (equal to the CRC of {@code data})
     * @param startBitOffset bit offset of the block magic
     * @param endBitOffset   bit offset just past the block: where the next block magic or the end-of-stream
     *                       magic starts
     */
    public record Block(byte[] data, int storedCrc, long startBitOffset, long endBitOffset) {
        /**
         * Checks that the data is given.
         *
         * @param data           the block's original bytes
         * @param storedCrc      the CRC stored in the block header (equal to the CRC of {@code data})
         * @param startBitOffset bit offset of the block magic
         * @param endBitOffset   bit offset just past the block: where the next block magic or the end-of-stream
         *                       magic starts
         */
        public Block {
            Objects.requireNonNull(data, "data is null");
        }
    }

    /**
     * Whether the 48 bits at {@code bitOffset} of {@code data} are the block magic. Bits past the end of the
     * array count as zero, so a position too close to the end gives {@code false}.
     *
     * @param data      compressed bytes
     * @param bitOffset a bit offset in {@code data}
     * @return whether a block starts there
     */
    public static boolean isBlockMagic(byte[] data, long bitOffset) {
        return peek48(data, data.length, bitOffset) == BLOCK_MAGIC;
    }

    /**
     * Whether the 48 bits at {@code bitOffset} of {@code data} are the end-of-stream magic.
     *
     * @param data      compressed bytes
     * @param bitOffset a bit offset in {@code data}
     * @return whether a stream ends there
     */
    public static boolean isEndOfStreamMagic(byte[] data, long bitOffset) {
        return peek48(data, data.length, bitOffset) == END_OF_STREAM_MAGIC;
    }

    /**
     * Decodes the block whose magic starts at {@code bitOffset} of {@code data}, assuming the largest block
     * size (level 9). Same as {@code decode(data, data.length, bitOffset, 9)}.
     *
     * @param data      compressed bytes holding the whole block
     * @param bitOffset the bit offset of the block magic
     * @return the decoded block
     */
    public Block decode(byte[] data, long bitOffset) {
        Objects.requireNonNull(data, "data is null");
        return decode(data, data.length, bitOffset, 9);
    }

    /**
     * Decodes the block whose magic starts at {@code bitOffset} of the first {@code length} bytes of
     * {@code data}, and verifies its CRC.
     *
     * @param blockSize100k the stream's level from its {@code BZh1}..{@code BZh9} header (block size limit in
     *                      units of 100,000 bytes); 9 accepts every block
     * @param data      compressed bytes holding the whole block
     * @param length    how many bytes of {@code data} are valid
     * @param bitOffset the bit offset of the block magic
     * @return the decoded block
     * @throws CorruptInputException if the block is damaged, its CRC does not match, or it extends past
     *                               {@code length}; bit offsets in it are relative to {@code data[0]}
     */
    public Block decode(byte[] data, int length, long bitOffset, int blockSize100k) {
        Objects.requireNonNull(data, "data is null");
        Objects.checkFromIndexSize(0, length, data.length);
        if (bitOffset < 0 || bitOffset > 8L * length) {
            throw new IndexOutOfBoundsException("bitOffset " + bitOffset + " outside 0.." + 8L * length);
        }
        if (blockSize100k < 1 || blockSize100k > 9) {
            throw new IllegalArgumentException("blockSize100k must be 1..9: " + blockSize100k);
        }
        long end = decodeBlock(data, length, bitOffset, 0, blockSize100k, true);
        Block block = new Block(Arrays.copyOf(out, outLen), storedCrc, bitOffset, end);
        releaseLargeOutput();
        return block;
    }

    // ---------------------------------------------------------------------------------------------
    /**
     * The largest output buffer kept from one block to the next: an ordinary block decodes to about its
     * size (up to 900 kB and a little more), a block of long runs of one byte to up to 46 MB, whose
     * buffer is let go.
     */
    static final int KEPT_OUTPUT = 8 << 20;

    /** Lets go of an output buffer grown past {@link #KEPT_OUTPUT}, when its block is no longer read. */
    void releaseLargeOutput() {
        if (out.length > KEPT_OUTPUT) {
            out = new byte[0];
            outLen = 0;
        }
    }

    /** The size of the output buffer, for tests. */
    int outputCapacity() {
        return out.length;
    }

    // Package-private interface used by Bzip2InputStream: output stays in the reused buffer.

    byte[] output() {
        return out;
    }

    int outputLength() {
        return outLen;
    }

    int storedCrc() {
        return storedCrc;
    }

    /**
     * Decodes one block into {@link #output()} and checks its CRC.
     *
     * @param in         input bytes; only {@code [0, limit)} are read
     * @param bitPos     position of the block magic, relative to {@code in[0]}
     * @param absBitBase absolute bit offset of {@code in[0]}, for error reports
     * @param atEof      whether {@code limit} is the true end of the input (only changes the error message)
     * @return the bit position (relative to {@code in[0]}) just past the block
     */
    long decodeBlock(byte[] in, int limit, long bitPos, long absBitBase, int blockSize100k, boolean atEof) {
        this.in = in;
        this.limit = limit;
        this.bitPos = bitPos;
        this.absBitBase = absBitBase;
        this.atEof = atEof;
        try {
            return decodeBlock0(blockSize100k);
        } finally {
            this.in = null;
        }
    }

    private long decodeBlock0(int blockSize100k) {
        final long blockStart = bitPos;
        if (getBits48() != BLOCK_MAGIC) {
            throw corrupt("bad block magic", blockStart);
        }
        storedCrc = getBits(32);
        if (getBits(1) != 0) {
            throw corrupt("randomised blocks are not supported", bitPos - 1);
        }
        int origPtr = getBits(24);

        // Symbol map: which byte values occur in the block.
        int used = getBits(16);
        int nInUse = 0;
        for (int i = 0; i < 16; i++) {
            if ((used & (0x8000 >>> i)) != 0) {
                int bits = getBits(16);
                for (int j = 0; j < 16; j++) {
                    if ((bits & (0x8000 >>> j)) != 0) {
                        seqToUnseq[nInUse++] = (byte) (i * 16 + j);
                    }
                }
            }
        }
        if (nInUse == 0) {
            throw corrupt("block uses no symbols", bitPos);
        }
        final int alphaSize = nInUse + 2;

        int nGroups = getBits(3);
        if (nGroups < 2 || nGroups > MAX_GROUPS) {
            throw corrupt("invalid number of Huffman tables " + nGroups, bitPos - 3);
        }
        int nSelectors = getBits(15);
        if (nSelectors < 1) {
            throw corrupt("no selectors", bitPos - 15);
        }
        // Selectors, move-to-front coded in unary.
        byte[] selMtf = {0, 1, 2, 3, 4, 5};
        for (int i = 0; i < nSelectors; i++) {
            int j = 0;
            while (getBits(1) != 0) {
                if (++j >= nGroups) {
                    throw corrupt("invalid selector", bitPos - 1);
                }
            }
            if (i < MAX_SELECTORS) {
                byte v = selMtf[j];
                for (; j > 0; j--) {
                    selMtf[j] = selMtf[j - 1];
                }
                selMtf[0] = v;
                selectors[i] = v;
            }
        }
        if (nSelectors > MAX_SELECTORS) {
            nSelectors = MAX_SELECTORS;
        }

        // Code lengths, delta coded.
        for (int t = 0; t < nGroups; t++) {
            int curr = getBits(5);
            int base = t * MAX_ALPHA;
            for (int i = 0; i < alphaSize; i++) {
                while (true) {
                    if (curr < 1 || curr > MAX_CODE_LEN) {
                        throw corrupt("invalid Huffman code length " + curr, bitPos);
                    }
                    if (getBits(1) == 0) {
                        break;
                    }
                    curr += getBits(1) == 0 ? 1 : -1;
                }
                lengths[base + i] = curr;
            }
            buildTable(t, alphaSize);
        }

        long blockEnd = decodeSymbols(blockSize100k, nInUse, nSelectors, origPtr);
        int nblock = this.nblock;
        if (origPtr >= nblock) {
            throw corrupt("origPtr " + origPtr + " out of range (block has " + nblock + " symbols)", blockStart + 81);
        }
        if (!inverseBwt(nblock, origPtr)) {
            throw corrupt("block's Burrows-Wheeler successor table is inconsistent", blockStart);
        }
        int crc = Bzip2Crc.of(out, 0, outLen, crcScratch);
        if (crc != storedCrc) {
            throw corrupt(String.format("block CRC mismatch (stored %08x, computed %08x)", storedCrc, crc),
                    blockStart);
        }
        return blockEnd;
    }

    /** Number of symbols (pre-BWT bytes) in the block just decoded. */
    private int nblock;

    /**
     * Builds the lookup table and the long-code tables for table {@code t}. A table whose lengths do not
     * form a prefix code is marked invalid; that is an error only if a selector picks it.
     */
    private void buildTable(int t, int alphaSize) {
        int lbase = t * MAX_ALPHA;
        int cbase = t * (MAX_CODE_LEN + 1);
        int[] count = new int[MAX_CODE_LEN + 1];
        int max = 0;
        for (int i = 0; i < alphaSize; i++) {
            int len = lengths[lbase + i];
            count[len]++;
            if (len > max) {
                max = len;
            }
        }
        maxLen[t] = max;
        // Canonical codes: by length, then by symbol value.
        int code = 0;
        int idx = 0;
        boolean valid = true;
        for (int len = 1; len <= MAX_CODE_LEN; len++) {
            firstCode[cbase + len] = code;
            endCode[cbase + len] = code + count[len];
            permBase[cbase + len] = idx;
            idx += count[len];
            code += count[len];
            if (code > (1 << len)) {
                valid = false;
            }
            code <<= 1;
        }
        tableValid[t] = valid;
        if (!valid) {
            return;
        }
        int[] next = new int[MAX_CODE_LEN + 1];
        for (int len = 1; len <= MAX_CODE_LEN; len++) {
            next[len] = permBase[cbase + len];
        }
        for (int i = 0; i < alphaSize; i++) {
            int len = lengths[lbase + i];
            perm[lbase + next[len]++] = i;
        }
        int lutBase = t * LUT_SIZE;
        Arrays.fill(lut, lutBase, lutBase + LUT_SIZE, 0);
        for (int len = 1; len <= LUT_BITS; len++) {
            int c = firstCode[cbase + len];
            int pb = permBase[cbase + len];
            for (int k = 0; k < count[len]; k++, c++) {
                int sym = perm[lbase + pb + k];
                int from = lutBase + (c << (LUT_BITS - len));
                Arrays.fill(lut, from, from + (1 << (LUT_BITS - len)), (sym << 5) | len);
            }
        }
    }

    /**
     * Huffman, run-length (RUNA/RUNB) and move-to-front decoding into {@code tt}, the hot loop. Keeps a
     * 64-bit, MSB-aligned bit buffer in locals and refills it eight bytes at a time.
     *
     * @return the bit position just past the end-of-block symbol
     */
    private long decodeSymbols(int blockSize100k, int nInUse, int nSelectors, int origPtr) {
        final int nblockMax = blockSize100k * 100000;
        if (tt.length <= nblockMax) {
            tt = new int[nblockMax + 1]; // one more row for the laned walk
        }
        final int[] tt = this.tt;
        final byte[] in = this.in;
        final int limit = this.limit;
        final long limitBits = 8L * limit;
        final int[] lut = this.lut;
        final int[] unzftab = this.unzftab;
        final byte[] mtf = this.mtf;
        Arrays.fill(unzftab, 0);
        for (int i = 0; i < nInUse; i++) {
            mtf[i] = seqToUnseq[i];
        }
        final int eob = nInUse + 1;

        // Bit buffer: the next `bc` bits of input are the top bits of `bb`; `p` is the next byte to load.
        int p = (int) (bitPos >>> 3);
        long bb = loadBE(in, p, limit) & ~0xFFL;
        int bc = 56;
        p += 7;
        int skip = (int) (bitPos & 7);
        bb <<= skip;
        bc -= skip;

        int nblock = 0;
        int groupNo = -1;
        int groupLeft = 0;
        int lutBase = 0;
        int table = 0;
        int runLen = 0;
        int runBit = 1;
        while (true) {
            if (groupLeft == 0) {
                if ((long) p * 8 - bc > limitBits) {
                    throw truncated((long) p * 8 - bc);
                }
                if (++groupNo >= nSelectors) {
                    throw corrupt("more symbols than selectors", (long) p * 8 - bc);
                }
                table = selectors[groupNo];
                if (!tableValid[table]) {
                    throw corrupt("invalid Huffman table " + table, (long) p * 8 - bc);
                }
                lutBase = table << LUT_BITS;
                groupLeft = GROUP_SIZE;
            }
            groupLeft--;
            if (bc < MAX_CODE_LEN) {
                if (p + 8 <= limit) {
                    bb |= ((long) LONG_BE.get(in, p)) >>> bc;
                    p += (63 - bc) >>> 3;
                    bc |= 56;
                } else {
                    while (bc <= 56) {
                        long b = p < limit ? in[p] & 0xFF : 0;
                        bb |= b << (56 - bc);
                        p++;
                        bc += 8;
                    }
                }
            }
            int e = lut[lutBase + (int) (bb >>> (64 - LUT_BITS))];
            int sym;
            int len = e & 31;
            if (len != 0) {
                sym = e >>> 5;
            } else {
                int cbase = table * (MAX_CODE_LEN + 1);
                int ml = maxLen[table];
                sym = -1;
                for (len = LUT_BITS + 1; len <= ml; len++) {
                    int c = (int) (bb >>> (64 - len));
                    if (c < endCode[cbase + len]) {
                        sym = perm[table * MAX_ALPHA + permBase[cbase + len] + c - firstCode[cbase + len]];
                        break;
                    }
                }
                if (sym < 0) {
                    throw corrupt("invalid Huffman code", (long) p * 8 - bc);
                }
            }
            bb <<= len;
            bc -= len;

            if (sym <= 1) {
                // RUNA (0) adds runBit, RUNB (1) adds 2 * runBit: bijective base 2.
                if (runBit >= 2 * 1024 * 1024) {
                    throw corrupt("run too long", (long) p * 8 - bc);
                }
                runLen += runBit << sym;
                runBit <<= 1;
                continue;
            }
            if (runBit > 1) {
                if (runLen > nblockMax - nblock) {
                    throw corrupt("block longer than the stream's block size", (long) p * 8 - bc);
                }
                int v = mtf[0] & 0xFF;
                // each entry: the byte, and how many equal bytes came before it (its rank)
                int entry = v | unzftab[v] << 8;
                unzftab[v] += runLen;
                int stop = nblock + runLen;
                if (nblock + 4 <= tt.length) {
                    // most runs are short: four entries without a loop, the rest (if any) in one
                    tt[nblock] = entry;
                    tt[nblock + 1] = entry + (1 << 8);
                    tt[nblock + 2] = entry + (2 << 8);
                    tt[nblock + 3] = entry + (3 << 8);
                    for (int k = nblock + 4; k < stop; k++) {
                        tt[k] = entry + ((k - nblock) << 8);
                    }
                    nblock = stop;
                } else {
                    for (; nblock < stop; nblock++, entry += 1 << 8) {
                        tt[nblock] = entry;
                    }
                }
                runLen = 0;
                runBit = 1;
            }
            if (sym == eob) {
                break;
            }
            if (nblock >= nblockMax) {
                throw corrupt("block longer than the stream's block size", (long) p * 8 - bc);
            }
            // Move-to-front: symbol s stands for the (s-1)-th most recent byte.
            int nn = sym - 1;
            byte v = mtf[nn];
            // The arraycopy intrinsic beats an element loop even for short moves.
            System.arraycopy(mtf, 0, mtf, 1, nn);
            mtf[0] = v;
            int vi = v & 0xFF;
            tt[nblock++] = vi | unzftab[vi]++ << 8;
        }
        long end = (long) p * 8 - bc;
        if (end > limitBits) {
            throw truncated(end);
        }
        this.nblock = nblock;
        this.bitPos = end;
        return end;
    }

    /**
     * Inverse Burrows-Wheeler transform and undoing of the initial run-length coding, into {@link #out}.
     *
     * <p>Each entry of {@code tt} holds a byte of the transformed block and its rank (how many equal bytes
     * precede it), set while decoding the symbols. The text is rebuilt backwards from {@code origPtr}
     * through the last-to-first mapping, {@code LF(i) = cftab[byte] + rank}, which needs no scattered
     * pass to build a successor table. Following the mapping is a walk of dependent loads through a 3.6 MB
     * array, bound by memory latency, so large blocks are walked as many chains at once, interleaved in
     * one loop so that their cache misses overlap (see {@link #walkChains}), and the pieces joined.
     *
     * @return false if the walked pieces cannot be joined (a damaged block)
     */
    private boolean inverseBwt(int nblock, int origPtr) {
        int[] cftab = this.cftab;
        cftab[0] = 0;
        for (int i = 0; i < 256; i++) {
            cftab[i + 1] = cftab[i] + unzftab[i];
        }
        if (text.length < nblock) {
            text = new byte[nblock + (nblock >>> 3)];
        }
        if (nblock < MIN_LANED_BLOCK) {
            walkOneChain(nblock, origPtr);
        } else if (!walkChains(nblock, origPtr)) {
            return false;
        }
        undoInitialRuns(nblock);
        return true;
    }

    /** The plain backward walk from {@code origPtr}, for small blocks: the k-th step writes byte nblock-1-k. */
    private void walkOneChain(int nblock, int origPtr) {
        final int[] tt = this.tt;
        final int[] cftab = this.cftab;
        final byte[] t = text;
        int row = origPtr;
        for (int k = nblock - 1; k >= 0; k--) {
            int e = tt[row];
            t[k] = (byte) e;
            row = cftab[e & 0xFF] + (e >>> 8);
        }
    }

    /**
     * Ranks and rows fit in 20 bits (blocks hold at most 900,000 symbols); bit 31 marks the first row of a
     * chain.
     */
    private static final int ROW_MASK = 0xFFFFF;
    private static final int CHAIN_START = 0x80000000;
    /** Blocks smaller than this are walked as one chain. */
    private static final int MIN_LANED_BLOCK = 1 << 15;
    /**
     * Chains followed at once, unrolled in {@link #walkChains}: enough loads in flight to hide most of
     * the latency, few enough that the lanes' rows stay in registers.
     */
    private static final int LANES = 12;
    /** Chains the cycle is cut into: many more than lanes, so that few lanes idle at the end. */
    private static final int CHAINS = 256;
    /** Walk output is written in chunks of this size, so chains of unknown length need no sizing. */
    private static final int PIECE = 1 << 12;
    /** {@link #lanePiece} of a lane with no chain left, and of a lane yet to take its first chain. */
    private static final int WAITING = -1;
    private static final int STARTING = -2;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    /** The block's text before the initial run-length coding is undone. */
    private byte[] text = new byte[0];
    /** Walked pieces, each in walk order (backwards through the text). */
    private byte[] walked = new byte[0];
    /** Per piece: first row, the row its chain reached next, offset in {@link #walked}, length. */
    private int[] pieceStart = new int[0];
    private int[] pieceNext = new int[0];
    private int[] pieceOffset = new int[0];
    private int[] pieceLength = new int[0];
    private final int[] chainStarts = new int[CHAINS];
    private final int[] laneRow = new int[LANES];
    private final int[] laneBase = new int[LANES];
    private final int[] laneEnd = new int[LANES];
    private final int[] lanePiece = new int[LANES];

    /**
     * Cuts the cycle through {@code origPtr} at up to {@link #CHAINS} rows spread over the block (marked
     * with {@link #CHAIN_START}) and follows {@link #LANES} chains in lock step until each reaches a marked
     * row, then joins the pieces into {@link #text}. Every row lies on exactly one chain, so the walk does
     * {@code nblock} steps in all, as the plain walk does.
     *
     * <p>First each entry's rank is replaced by the row it leads to, {@code cftab[byte] + rank}, so a step
     * is one load. The lanes live in locals and write to their own chunk of {@link #walked}; the lock-step
     * loop runs until a lane reaches a marked row or fills its chunk, and such events are handled one lane
     * at a time outside it. A lane with no chain left waits on a row past the block that leads to itself.
     */
    private boolean walkChains(int nblock, int origPtr) {
        final int[] tt = this.tt;
        final int[] cftab = this.cftab;
        // Chunks filled completely hold at most nblock bytes; each lane has one partly filled chunk.
        int maxChunks = nblock / PIECE + LANES + 1;
        int maxPieces = maxChunks + CHAINS;
        if (pieceStart.length < maxPieces) {
            pieceStart = new int[maxPieces];
            pieceNext = new int[maxPieces];
            pieceOffset = new int[maxPieces];
            pieceLength = new int[maxPieces];
        }
        // and one more chunk that waiting lanes write to, never read
        if (walked.length < (maxChunks + 1) * PIECE) {
            walked = new byte[(maxChunks + 1) * PIECE];
        }
        final byte[] buf = walked;
        final int spare = maxChunks * PIECE;
        for (int i = 0; i < nblock; i++) {
            int e = tt[i];
            tt[i] = e + (cftab[e & 0xFF] << 8);
        }
        int chains = 0;
        tt[origPtr] |= CHAIN_START;
        chainStarts[chains++] = origPtr;
        for (int j = 1; j < CHAINS; j++) {
            int row = (int) ((long) j * nblock / CHAINS);
            if (tt[row] >= 0) {
                tt[row] |= CHAIN_START;
                chainStarts[chains++] = row;
            }
        }
        final int park = nblock; // tt has room for it
        tt[park] = park << 8;
        final int[] rows = laneRow;
        final int[] base = laneBase; // lane l writes its k-th step to buf[base[l] + k]
        final int[] end = laneEnd; // the end of lane l's chunk
        final int[] piece = lanePiece; // lane l's piece; WAITING, or STARTING before its first chain
        int nextChain = 0;
        int live = 0;
        for (int l = 0; l < LANES; l++) {
            rows[l] = park;
            base[l] = spare;
            end[l] = spare + PIECE;
            piece[l] = l < chains ? STARTING : WAITING;
            live += l < chains ? 1 : 0;
        }
        int pieces = 0;
        int chunks = 0;
        int k = 0;
        while (true) {
            for (int l = 0; l < LANES; l++) {
                while (true) {
                    int pos = base[l] + k;
                    int pc = piece[l];
                    if (pc == WAITING) {
                        if (pos == end[l]) {
                            base[l] = spare - k;
                        }
                        break;
                    }
                    int row;
                    int e;
                    if (pc == STARTING) {
                        row = park;
                        e = -1;
                        pos = end[l];
                    } else {
                        row = rows[l];
                        e = tt[row];
                        if (e >= 0 && pos < end[l]) {
                            break;
                        }
                        pieceNext[pc] = row;
                        pieceLength[pc] = pos - pieceOffset[pc];
                    }
                    if (e < 0) {
                        // starting, or reached the start of another chain: take the next chain, if any
                        // (other lanes may have taken them all, even before this lane's first)
                        if (nextChain == chains) {
                            rows[l] = park;
                            piece[l] = WAITING;
                            base[l] = spare - k;
                            end[l] = spare + PIECE;
                            live--;
                            break;
                        }
                        row = chainStarts[nextChain++];
                        e = tt[row];
                    }
                    if (pos == end[l]) {
                        if (chunks == maxChunks) {
                            return false;
                        }
                        pos = chunks++ * PIECE;
                        end[l] = pos + PIECE;
                    }
                    if (pieces == maxPieces) {
                        return false;
                    }
                    pc = pieces++;
                    pieceStart[pc] = row;
                    pieceOffset[pc] = pos;
                    piece[l] = pc;
                    if (e < 0) {
                        // the first step of a chain, from its marked row
                        buf[pos++] = (byte) e;
                        row = (e >>> 8) & ROW_MASK;
                    }
                    rows[l] = row;
                    base[l] = pos - k;
                }
            }
            if (live == 0) {
                break;
            }
            int kEnd = Integer.MAX_VALUE;
            for (int l = 0; l < LANES; l++) {
                kEnd = Math.min(kEnd, end[l] - base[l]);
            }
            // Each lock step moves a live lane over a row of the block, and the events above leave every
            // lane room to step. The table always permutes the rows, so these hold; if they did not,
            // stop rather than loop.
            if (k >= nblock || kEnd <= k) {
                return false;
            }
            int r0 = rows[0];
            int r1 = rows[1];
            int r2 = rows[2];
            int r3 = rows[3];
            int r4 = rows[4];
            int r5 = rows[5];
            int r6 = rows[6];
            int r7 = rows[7];
            int r8 = rows[8];
            int r9 = rows[9];
            int r10 = rows[10];
            int r11 = rows[11];
            final int b0 = base[0];
            final int b1 = base[1];
            final int b2 = base[2];
            final int b3 = base[3];
            final int b4 = base[4];
            final int b5 = base[5];
            final int b6 = base[6];
            final int b7 = base[7];
            final int b8 = base[8];
            final int b9 = base[9];
            final int b10 = base[10];
            final int b11 = base[11];
            for (; k < kEnd; k++) {
                int e0 = tt[r0];
                int e1 = tt[r1];
                int e2 = tt[r2];
                int e3 = tt[r3];
                int e4 = tt[r4];
                int e5 = tt[r5];
                int e6 = tt[r6];
                int e7 = tt[r7];
                int e8 = tt[r8];
                int e9 = tt[r9];
                int e10 = tt[r10];
                int e11 = tt[r11];
                if ((e0 | e1 | e2 | e3 | e4 | e5
                        | e6 | e7 | e8 | e9 | e10 | e11) < 0) {
                    break; // a lane reached a marked row
                }
                buf[b0 + k] = (byte) e0;
                buf[b1 + k] = (byte) e1;
                buf[b2 + k] = (byte) e2;
                buf[b3 + k] = (byte) e3;
                buf[b4 + k] = (byte) e4;
                buf[b5 + k] = (byte) e5;
                buf[b6 + k] = (byte) e6;
                buf[b7 + k] = (byte) e7;
                buf[b8 + k] = (byte) e8;
                buf[b9 + k] = (byte) e9;
                buf[b10 + k] = (byte) e10;
                buf[b11 + k] = (byte) e11;
                r0 = e0 >>> 8;
                r1 = e1 >>> 8;
                r2 = e2 >>> 8;
                r3 = e3 >>> 8;
                r4 = e4 >>> 8;
                r5 = e5 >>> 8;
                r6 = e6 >>> 8;
                r7 = e7 >>> 8;
                r8 = e8 >>> 8;
                r9 = e9 >>> 8;
                r10 = e10 >>> 8;
                r11 = e11 >>> 8;
            }
            rows[0] = r0;
            rows[1] = r1;
            rows[2] = r2;
            rows[3] = r3;
            rows[4] = r4;
            rows[5] = r5;
            rows[6] = r6;
            rows[7] = r7;
            rows[8] = r8;
            rows[9] = r9;
            rows[10] = r10;
            rows[11] = r11;
        }
        return joinPieces(nblock, origPtr, pieces);
    }

    /**
     * Puts the walked pieces, which run backwards from {@code origPtr}, into {@link #text} forwards. A
     * block whose text repeats one pattern has a cycle shorter than the block, as long as the pattern;
     * the text is then that pattern again and again, ending with the byte at {@code origPtr}, exactly as
     * the plain walk gives it.
     */
    private boolean joinPieces(int nblock, int origPtr, int pieces) {
        long[] byStart = new long[pieces];
        for (int i = 0; i < pieces; i++) {
            byStart[i] = ((long) pieceStart[i] << 32) | i;
        }
        Arrays.sort(byStart);
        final byte[] buf = walked;
        final byte[] t = text;
        int k = nblock;
        int row = origPtr;
        int joined = 0;
        do {
            int pc = pieceAt(byStart, row);
            if (pc < 0 || joined++ == pieces) {
                return false;
            }
            // the piece's bytes, reversed, end just before those placed so far
            int from = pieceOffset[pc];
            int n = Math.min(pieceLength[pc], k);
            int i = 0;
            for (; i + 8 <= n; i += 8) {
                k -= 8;
                LONG_LE.set(t, k, Long.reverseBytes((long) LONG_LE.get(buf, from + i)));
            }
            for (; i < n; i++) {
                t[--k] = buf[from + i];
            }
            row = pieceNext[pc];
        } while (row != origPtr && k > 0);
        // a shorter cycle: repeat the pattern [k, nblock) backwards to the start
        int period = nblock - k;
        while (k > 0) {
            int n = Math.min(period, k);
            System.arraycopy(t, nblock - n, t, k - n, n);
            k -= n;
        }
        return true;
    }

    /** Undoes the initial run-length coding of {@link #text} into {@link #out}. */
    private void undoInitialRuns(int nblock) {
        final byte[] t = text;
        byte[] o = out;
        if (o.length < nblock + 1024 || o.length > KEPT_OUTPUT) {
            // a buffer grown for a block of long runs is not kept for the blocks after it
            o = new byte[nblock + (nblock >>> 2) + 1024];
        }
        int op = 0;
        int last = -1;
        int cnt = 0;
        int from = 0;
        while (from < nblock) {
            // Each input byte writes at most 255 bytes; run the inner loop without capacity checks.
            int steps = Math.min(nblock - from, (o.length - op) >>> 8);
            if (steps < Math.min(nblock - from, 4096)) {
                // twice as much room, but no more than the rest could take (a run of four and a count of
                // 255 make 259 bytes of 5), and always room for 4096 steps of up to 256 bytes
                long most = op + 52L * (nblock - from) + 256 * 4096;
                o = Arrays.copyOf(o, (int) Math.max(op + 256 * 4096, Math.min(2L * o.length, most)));
                continue;
            }
            int stop = from + steps;
            while (from < stop) {
                if (cnt < 4 && from + 8 <= stop) {
                    // Eight bytes at once: they are copied as they are up to the first one that makes four
                    // equal bytes in a row (counting the `cnt` before them); the byte after that is a count.
                    long w = (long) LONG_LE.get(t, from);
                    long x = w ^ ((w << 8) | (last & 0xFF));
                    // 0x80 in each byte equal to the byte before it (the first compares with `last`)
                    long eq = ~(((x & LOW7) + LOW7) | x | LOW7);
                    if (cnt == 0) {
                        eq &= ~0x80L;
                    }
                    long before1 = (eq << 8) | (cnt >= 2 ? 0x80L : 0);
                    long before2 = (eq << 16) | (cnt >= 2 ? 0x8000L : 0) | (cnt >= 3 ? 0x80L : 0);
                    long fourth = eq & before1 & before2;
                    LONG_LE.set(o, op, w);
                    if (fourth == 0) {
                        op += 8;
                        from += 8;
                        last = (int) (w >>> 56);
                        cnt = eq >= 0 ? 1 : (eq & (1L << 55)) != 0 ? 3 : 2;
                        continue;
                    }
                    int i = Long.numberOfTrailingZeros(fourth) >>> 3;
                    if (from + i + 1 < stop) {
                        byte b = (byte) (w >>> (i << 3));
                        int n = t[from + i + 1] & 0xFF;
                        op += i + 1;
                        Arrays.fill(o, op, op + n, b);
                        op += n;
                        from += i + 2;
                        last = b & 0xFF;
                        cnt = 0;
                        continue;
                    }
                }
                int ch = t[from++] & 0xFF;
                if (cnt == 4) {
                    // After four equal bytes comes a count of further copies.
                    byte b = (byte) last;
                    for (int i = 0; i < ch; i++) {
                        o[op + i] = b;
                    }
                    op += ch;
                    cnt = 0;
                    continue;
                }
                o[op++] = (byte) ch;
                if (ch == last) {
                    cnt++;
                } else {
                    last = ch;
                    cnt = 1;
                }
            }
        }
        out = o;
        outLen = op;
    }

    private static int pieceAt(long[] byStart, int row) {
        int lo = 0;
        int hi = byStart.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int r = (int) (byStart[mid] >>> 32);
            if (r < row) {
                lo = mid + 1;
            } else if (r > row) {
                hi = mid - 1;
            } else {
                return (int) byStart[mid];
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------------------
    // Bit input for the header and tables: bounds-checked, position in bitPos.

    private int getBits(int n) {
        if (bitPos + n > 8L * limit) {
            throw truncated(bitPos);
        }
        long w = loadBE(in, (int) (bitPos >>> 3), limit);
        int v = (int) ((w << (bitPos & 7)) >>> (64 - n));
        bitPos += n;
        return v;
    }

    private long getBits48() {
        if (bitPos + 48 > 8L * limit) {
            throw truncated(bitPos);
        }
        long v = peek48(in, limit, bitPos);
        bitPos += 48;
        return v;
    }

    /** 64 bits starting at byte {@code p}, big-endian; bytes at or past {@code limit} read as zero. */
    private static long loadBE(byte[] in, int p, int limit) {
        if (p + 8 <= limit) {
            return (long) LONG_BE.get(in, p);
        }
        long w = 0;
        for (int k = 0; k < 8; k++) {
            int q = p + k;
            w = (w << 8) | (q < limit ? in[q] & 0xFF : 0);
        }
        return w;
    }

    static long peek48(byte[] in, int limit, long bitOffset) {
        if (bitOffset < 0) {
            return -1;
        }
        long p = bitOffset >>> 3;
        if (p >= limit) {
            return 0;
        }
        long w = loadBE(in, (int) p, limit);
        int shift = (int) (bitOffset & 7);
        // 48 + 7 bits fit in the 64 loaded.
        return (w << shift) >>> 16;
    }

    private CorruptInputException truncated(long relBitPos) {
        return corrupt(atEof ? "unexpected end of input inside a bzip2 block"
                : "bzip2 block longer than any valid block", Math.min(relBitPos, 8L * limit));
    }

    private CorruptInputException corrupt(String message, long relBitPos) {
        if (relBitPos > 8L * limit) {
            // Decoding ran on into the zeros that stand in for missing input.
            return truncated(relBitPos);
        }
        return corruptAt(message, absBitBase + relBitPos);
    }

    static CorruptInputException corruptAt(String message, long absBitOffset) {
        return new CorruptInputException(message,
                DumpLocation.at(null, absBitOffset / 8), absBitOffset, null);
    }
}
