package org.mwdump.index;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Byte arrays of a megabyte or more, handed back and forth between the threads of a conversion rather
 * than allocated per chunk: arrays that large are "humongous" to the G1 collector (allocated outside
 * the young generation, each starting a concurrent cycle), so recycling them keeps collection cheap.
 * Thread-safe; holds at most {@code capacity} arrays.
 */
final class BufferPool {
    private final ConcurrentLinkedDeque<byte[]> free = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;

    BufferPool(int capacity) {
        this.capacity = capacity;
    }

    /** An array of at least {@code length} bytes (contents undefined). */
    byte[] take(int length) {
        byte[] b;
        while ((b = free.pollFirst()) != null) {
            size.decrementAndGet();
            if (b.length >= length) {
                return b;
            }
            // too small for this use: dropped, a fitting one is made below
        }
        return new byte[length];
    }

    /** Returns an array that no one uses any more. */
    void give(byte[] b) {
        if (b != null && size.incrementAndGet() <= capacity) {
            free.addFirst(b);
        } else if (b != null) {
            size.decrementAndGet();
        }
    }
}
