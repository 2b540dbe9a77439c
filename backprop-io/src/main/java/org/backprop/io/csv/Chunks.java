package org.backprop.io.csv;

import java.util.Arrays;

/**
 * A growable array of primitives stored in fixed chunks of {@value #SIZE} values, so that growing
 * never copies the values (the peak memory stays the values plus one chunk, not twice the values as
 * with a doubling array). Subclasses fix the element type.
 *
 * @param <A> the chunk type, e.g. {@code double[]}
 */
abstract class Chunks<A> implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    static final int SHIFT = 14;
    static final int SIZE = 1 << SHIFT;
    static final int MASK = SIZE - 1;

    private Object[] chunks = new Object[16];
    private int size;

    /** Number of values added. */
    final int size() {
        return size;
    }

    /** The chunk that will hold value number {@link #size()}; call {@link #added()} after writing it. */
    @SuppressWarnings("unchecked")
    final A chunkForNext() {
        int chunk = size >>> SHIFT;
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        if (chunks[chunk] == null) {
            chunks[chunk] = newChunk();
        }
        return (A) chunks[chunk];
    }

    final void added() {
        if (size == Integer.MAX_VALUE) {
            throw new IllegalStateException("more than " + Integer.MAX_VALUE + " rows");
        }
        size++;
    }

    /** The chunk holding value {@code index}. */
    @SuppressWarnings("unchecked")
    final A chunkOf(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        return (A) chunks[index >>> SHIFT];
    }

    abstract A newChunk();
}
