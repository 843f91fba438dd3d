package org.mwdump;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Elements a {@link DumpReader} reads as they are asked for: in a for-each loop, or as a
 * {@link Stream} through {@link #stream()}. Either way the elements are read from the input one at a
 * time and never collected, and they can be gone through once: every iterator and stream continues
 * where the reader stands.
 *
 * <pre>{@code
 * for (Revision rev : reader.revisions()) { ... }
 * long minor = reader.revisions().stream().filter(Revision::minor).count();
 * }</pre>
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface ReadOnce<T> extends Iterable<T> {

    /**
     * The elements as a sequential, ordered stream, read as it is consumed.
     *
     * @return the stream
     */
    default Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
