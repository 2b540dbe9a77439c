package org.backprop.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChunksTest {

    /** A short column must not cost a whole chunk: 128 KiB of doubles per column of a wide table. */
    @Test
    void theFirstChunkStartsSmallAndDoublesUpToFullSize() {
        DoubleChunks chunks = new DoubleChunks();
        assertEquals(0, chunks.capacity());
        chunks.add(1);
        assertEquals(Chunks.FIRST_CAPACITY, chunks.capacity());
        for (int i = 1; i <= Chunks.FIRST_CAPACITY; i++) {
            chunks.add(1);
        }
        assertEquals(2 * Chunks.FIRST_CAPACITY, chunks.capacity());
        while (chunks.size() < Chunks.SIZE) {
            chunks.add(1);
        }
        assertEquals(Chunks.SIZE, chunks.capacity());
        chunks.add(1);
        assertEquals(2 * Chunks.SIZE, chunks.capacity());
    }

    @Test
    void valuesSurviveTheFirstChunksGrowthAndLaterChunks() {
        DoubleChunks numbers = new DoubleChunks();
        IntChunks codes = new IntChunks();
        int n = 2 * Chunks.SIZE + 77;
        for (int i = 0; i < n; i++) {
            numbers.add(i * 0.5);
            codes.add(-i);
        }
        assertEquals(n, numbers.size());
        assertEquals(3L * Chunks.SIZE, codes.capacity());
        for (int i = 0; i < n; i++) {
            assertEquals(i * 0.5, numbers.get(i));
            assertEquals(-i, codes.get(i));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> numbers.get(n));
    }

    @Test
    void bytesCountTheValuesAllocatedNotAWholeChunk() {
        IntChunks codes = new IntChunks();
        for (int i = 0; i < 20; i++) {
            codes.add(i);
        }
        long allocated = 2L * Chunks.FIRST_CAPACITY * Integer.BYTES;
        assertTrue(codes.bytes() >= allocated && codes.bytes() < allocated + 64, codes.bytes() + " bytes");
    }
}
