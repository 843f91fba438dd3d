package org.mwdump.index;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.mwdump.read.bzip2.Bzip2BlockDecoder;

/**
 * bzip2 decoders kept between lookups, so that their work arrays (about 6 MB for 900k blocks) are
 * allocated once per concurrent caller rather than once per lookup. Thread-safe.
 */
final class DecoderPool {
    private final Queue<Bzip2BlockDecoder> idle = new ConcurrentLinkedQueue<>();

    /** Runs {@code work} with a decoder no other thread uses meanwhile. */
    <T, E extends Exception> T with(DecoderWork<T, E> work) throws E {
        Bzip2BlockDecoder decoder = idle.poll();
        if (decoder == null) {
            decoder = new Bzip2BlockDecoder();
        }
        try {
            return work.apply(decoder);
        } finally {
            idle.offer(decoder);
        }
    }

    /** Work done with a borrowed decoder. */
    @FunctionalInterface
    interface DecoderWork<T, E extends Exception> {
        T apply(Bzip2BlockDecoder decoder) throws E;
    }
}
