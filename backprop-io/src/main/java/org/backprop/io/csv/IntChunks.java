package org.backprop.io.csv;

/** A growable {@code int} array in chunks (see {@link Chunks}). */
final class IntChunks extends Chunks<int[]> {
    private static final long serialVersionUID = 2L;
    void add(int value) {
        chunkForNext()[size() & MASK] = value;
        added();
    }

    void set(int index, int value) {
        chunkOf(index)[index & MASK] = value;
    }

    int get(int index) {
        return chunkOf(index)[index & MASK];
    }

    @Override
    int[] newChunk(int length) {
        return new int[length];
    }

    @Override
    int valueBytes() {
        return Integer.BYTES;
    }
}
