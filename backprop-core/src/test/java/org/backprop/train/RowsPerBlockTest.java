package org.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A block of rows read or computed at once stays within {@link RowSource#BLOCK_VALUES} values
 * however wide the rows (4,096 rows of 1,500 inputs were 49 MB a buffer, several at once).
 */
class RowsPerBlockTest {

    @Test
    void narrowRowsKeepTheFullBlock() {
        assertEquals(4096, RowSource.rowsPerBlock(16, 4096));
        assertEquals(1024, RowSource.rowsPerBlock(1024, 1024));
        assertEquals(4096, RowSource.rowsPerBlock(0, 4096));
    }

    @Test
    void wideRowsGetFewerRowsWithinTheBound() {
        int rows = RowSource.rowsPerBlock(5000, 4096);
        assertTrue(rows < 4096);
        assertTrue((long) rows * 5000 <= RowSource.BLOCK_VALUES);
        assertEquals(RowSource.BLOCK_VALUES / 1508, RowSource.rowsPerBlock(1508, 4096));
    }

    /** A block of one row would be a matrix–vector product, rounded differently in float32. */
    @Test
    void aBlockHoldsAtLeastTwoRows() {
        assertEquals(2, RowSource.rowsPerBlock(RowSource.BLOCK_VALUES, 4096));
        assertEquals(1, RowSource.rowsPerBlock(RowSource.BLOCK_VALUES, 1));
    }
}
