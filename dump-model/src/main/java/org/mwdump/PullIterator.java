package org.mwdump;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/** An iterator over a pull call that returns {@code null} at the end; the call is made at most once per element. */
final class PullIterator<T> implements Iterator<T> {
    private final Supplier<T> pull;
    private T next;
    private boolean done;

    PullIterator(Supplier<T> pull) {
        this.pull = pull;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = pull.get();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T result = next;
        next = null;
        return result;
    }
}
