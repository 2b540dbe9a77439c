package org.backprop.io.csv;

import java.util.Arrays;

/**
 * A growable array of primitives stored in fixed chunks of {@value #SIZE} values, so that growing
 * never copies the values (the peak memory stays the values plus one chunk, not twice the values as
 * with a doubling array). Subclasses fix the element type.
 *
 * <p>The first chunk starts at {@value #FIRST_CAPACITY} values and doubles until it is full size,
 * so a short column costs about its values, not a whole chunk: a table of few rows and thousands of
 * columns holds a few KiB per column (a chunk is 128 KiB of {@code double}s). Only those first
 * {@value #SIZE} values are ever copied, once each on average; every later chunk is full size.
 *
 * @param <A> the chunk type, e.g. {@code double[]}
 */
abstract class Chunks<A> implements java.io.Serializable {
    private static final long serialVersionUID = 2L;
    static final int SHIFT = 14;
    static final int SIZE = 1 << SHIFT;
    static final int MASK = SIZE - 1;
    /** Values the first chunk holds when the first value is added. */
    static final int FIRST_CAPACITY = 16;

    private Object[] chunks = new Object[1];
    private int size;
    /** Values the chunks allocated so far can hold (a long: it passes {@code Integer.MAX_VALUE}). */
    private long capacity;

    /** Number of values added. */
    final int size() {
        return size;
    }

    /** Values the chunks allocated so far can hold (at least {@link #size()}). */
    final long capacity() {
        return capacity;
    }

    /** Bytes of the values the chunks allocated so far can hold (the arrays' headers not counted). */
    final long bytes() {
        return capacity * valueBytes() + (long) chunks.length * Integer.BYTES;
    }

    /** The chunk that will hold value number {@link #size()}; call {@link #added()} after writing it. */
    @SuppressWarnings("unchecked")
    final A chunkForNext() {
        if (size == capacity) {
            grow();
        }
        return (A) chunks[size >>> SHIFT];
    }

    /** Makes room for one more value: doubles the first chunk while it is short, else adds a chunk. */
    private void grow() {
        if (capacity < SIZE) {
            int length = capacity == 0 ? FIRST_CAPACITY : 2 * (int) capacity;
            A first = newChunk(length);
            if (capacity > 0) {
                System.arraycopy(chunks[0], 0, first, 0, (int) capacity);
            }
            chunks[0] = first;
            capacity = length;
            return;
        }
        int chunk = (int) (capacity >>> SHIFT);
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        chunks[chunk] = newChunk(SIZE);
        capacity += SIZE;
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

    /** A chunk of {@code length} values (at most {@link #SIZE}). */
    abstract A newChunk(int length);

    /** Bytes of one value, e.g. 8 for {@code double}. */
    abstract int valueBytes();
}
