package org.backprop.io.csv;

/** A growable {@code double} array in chunks (see {@link Chunks}). */
final class DoubleChunks extends Chunks<double[]> {
    private static final long serialVersionUID = 2L;
    void add(double value) {
        chunkForNext()[size() & MASK] = value;
        added();
    }

    double get(int index) {
        return chunkOf(index)[index & MASK];
    }

    @Override
    double[] newChunk(int length) {
        return new double[length];
    }

    @Override
    int valueBytes() {
        return Double.BYTES;
    }
}
