package org.mwdump.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WriteBehindOutputStreamTest {

    /** A channel into memory that writes at most {@code maxPerCall} bytes per call and can fail after {@code failAfter} bytes. */
    private static final class MemoryChannel implements WritableByteChannel {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int maxPerCall;
        final long failAfter;
        volatile boolean open = true;
        volatile String lastWriter;
        final java.util.Set<String> writers = java.util.concurrent.ConcurrentHashMap.newKeySet();

        /** Thrown instead of the IOException when set. */
        volatile Error error;
        /** Calls that accept nothing before the channel takes bytes (a full non-blocking pipe). */
        final java.util.concurrent.atomic.AtomicInteger refusals = new java.util.concurrent.atomic.AtomicInteger();
        /** Released to let writes through; null when writes never wait. */
        volatile java.util.concurrent.CountDownLatch gate;

        MemoryChannel(int maxPerCall, long failAfter) {
            this.maxPerCall = maxPerCall;
            this.failAfter = failAfter;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            java.util.concurrent.CountDownLatch g = gate;
            if (g != null) {
                try {
                    g.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            if (refusals.getAndUpdate(r -> Math.max(0, r - 1)) > 0) {
                return 0;
            }
            return append(src);
        }

        private synchronized int append(ByteBuffer src) throws IOException {
            if (bytes.size() >= failAfter) {
                if (error != null) {
                    throw error;
                }
                throw new IOException("No space left on device");
            }
            lastWriter = Thread.currentThread().getName();
            writers.add(lastWriter);
            int n = Math.min(src.remaining(), maxPerCall);
            byte[] b = new byte[n];
            src.get(b);
            bytes.write(b, 0, n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }

    @Test
    void manyBuffersArriveInOrderWhateverTheWriteSizes() throws IOException {
        MemoryChannel channel = new MemoryChannel(100_000, Long.MAX_VALUE);
        Random random = new Random(7);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (WriteBehindOutputStream out = new WriteBehindOutputStream(channel, "test-writer")) {
            // about ten times what all the buffers hold, in pieces from one byte to several buffers long
            while (expected.size() < 10L * WriteBehindOutputStream.BUFFERS * WriteBehindOutputStream.BUFFER_SIZE) {
                int kind = random.nextInt(10);
                if (kind == 0) {
                    int b = random.nextInt(256);
                    out.write(b);
                    expected.write(b);
                } else {
                    int len = kind == 1 ? random.nextInt(3 * WriteBehindOutputStream.BUFFER_SIZE) : random.nextInt(5000);
                    byte[] b = new byte[len + 20];
                    random.nextBytes(b);
                    out.write(b, 10, len);
                    expected.write(b, 10, len);
                }
            }
        }
        assertFalse(channel.isOpen(), "close closes the channel");
        assertArrayEquals(expected.toByteArray(), channel.bytes.toByteArray());
        assertTrue(channel.writers.contains("test-writer"), "full buffers are written by the writing thread");
    }

    @Test
    void anOutputSmallerThanABufferIsWrittenByClose() throws IOException {
        MemoryChannel channel = new MemoryChannel(Integer.MAX_VALUE, Long.MAX_VALUE);
        WriteBehindOutputStream out = new WriteBehindOutputStream(channel, "test-writer");
        out.write("<mediawiki>\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(0, channel.bytes.size(), "nothing written before flush or close");
        out.flush();
        assertEquals("<mediawiki>\n", channel.bytes.toString(java.nio.charset.StandardCharsets.US_ASCII));
        out.write('x');
        out.close();
        out.close(); // a second close does nothing
        assertEquals("<mediawiki>\nx", channel.bytes.toString(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(Thread.currentThread().getName(), channel.lastWriter);
        assertThrows(IOException.class, () -> out.write(new byte[2 * WriteBehindOutputStream.BUFFER_SIZE]));
    }

    /**
     * Writes pieces of {@code size} bytes, far more than the buffers hold (so that a writer waiting forever for
     * a buffer back would hang), and returns the failure that stopped it, or null.
     */
    private static IOException writeUntilItFails(WriteBehindOutputStream out, int size) {
        byte[] piece = new byte[size];
        try {
            for (long written = 0; written < 100L * WriteBehindOutputStream.BUFFER_SIZE; written += piece.length) {
                out.write(piece);
            }
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    @Test
    void aFailingChannelFailsALaterWriteAndCloseStillEnds() {
        MemoryChannel channel = new MemoryChannel(Integer.MAX_VALUE, 3L * WriteBehindOutputStream.BUFFER_SIZE);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            WriteBehindOutputStream out = new WriteBehindOutputStream(channel, "test-writer");
            IOException failure = writeUntilItFails(out, 1000);
            assertTrue(failure != null, "the failure reached the writer");
            assertTrue(failure.getMessage().contains("No space left on device"), failure.getMessage());
            IOException onClose = assertThrows(IOException.class, out::close);
            assertTrue(onClose.getMessage().contains("No space left on device"), onClose.getMessage());
            assertFalse(channel.isOpen(), "the channel is closed after a failure too");
        });
        assertEquals(3L * WriteBehindOutputStream.BUFFER_SIZE, channel.bytes.size());
    }

    @Test
    void anErrorOnTheWritingThreadFailsTheStreamInsteadOfHangingIt() {
        MemoryChannel channel = new MemoryChannel(Integer.MAX_VALUE, WriteBehindOutputStream.BUFFER_SIZE);
        channel.error = new AssertionError("channel broke");
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            WriteBehindOutputStream out = new WriteBehindOutputStream(channel, "test-writer");
            IOException failure = writeUntilItFails(out, 4096);
            assertTrue(failure != null, "the error reached the writer");
            assertTrue(failure.getCause() instanceof AssertionError, String.valueOf(failure.getCause()));
            assertThrows(IOException.class, out::close);
            assertFalse(channel.isOpen());
        });
        assertEquals(WriteBehindOutputStream.BUFFER_SIZE, channel.bytes.size());
    }

    @Test
    void aFailedFlushOnTheCallersThreadWritesNothingTwiceAndFailsWhatFollows() throws IOException {
        MemoryChannel channel = new MemoryChannel(Integer.MAX_VALUE, 0);
        WriteBehindOutputStream out = new WriteBehindOutputStream(channel, "test-writer");
        out.write(new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class, out::flush);
        assertEquals("No space left on device", e.getMessage());
        out.write(new byte[] {4}); // into the buffer: the failure comes with the next flush or full buffer
        assertThrows(IOException.class, out::flush);
        assertThrows(IOException.class, out::close);
        assertEquals(0, channel.bytes.size());
        assertFalse(channel.isOpen());
    }

    @Test
    void aProducerInterruptedWhileWaitingForABufferFailsTheStreamAndCloseStillEnds() throws Exception {
        MemoryChannel channel = new MemoryChannel(Integer.MAX_VALUE, Long.MAX_VALUE);
        channel.gate = new java.util.concurrent.CountDownLatch(1); // the disk is stuck
        WriteBehindOutputStream out = new WriteBehindOutputStream(channel, "test-writer");
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                byte[] piece = new byte[WriteBehindOutputStream.BUFFER_SIZE];
                for (int i = 0; i < 4 * WriteBehindOutputStream.BUFFERS; i++) {
                    out.write(piece);
                }
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        producer.start();
        // once every buffer is out, the producer waits for one to come back
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (producer.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(Thread.State.WAITING, producer.getState());
        producer.interrupt();
        producer.join(30_000);
        assertFalse(producer.isAlive());
        assertTrue(thrown.get() instanceof java.io.InterruptedIOException, String.valueOf(thrown.get()));
        channel.gate.countDown();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertThrows(java.io.InterruptedIOException.class, out::close);
        });
        assertFalse(channel.isOpen());
    }

    @Test
    void aChannelThatAcceptsNothingForAWhileStillGetsEveryByte() throws IOException {
        MemoryChannel channel = new MemoryChannel(Integer.MAX_VALUE, Long.MAX_VALUE);
        channel.refusals.set(50);
        byte[] data = new byte[3 * WriteBehindOutputStream.BUFFER_SIZE + 17];
        new Random(3).nextBytes(data);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (WriteBehindOutputStream out = new WriteBehindOutputStream(channel, "test-writer")) {
                out.write(data);
            }
        });
        assertEquals(0, channel.refusals.get());
        assertArrayEquals(data, channel.bytes.toByteArray());
    }
}
