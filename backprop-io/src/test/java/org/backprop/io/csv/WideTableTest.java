package org.backprop.io.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A table of few rows and thousands of columns costs about its cells, not a fixed amount per column
 * (once 200 KiB a column: a 20 × 5,000 file ran out of a 1 GiB heap).
 */
class WideTableTest {
    private static final int COLUMNS = 3000;

    @Test
    void aWideTableOfTenRowsHoldsAFewKibPerColumn() {
        ColumnarTable table = read(wideCsv(10, COLUMNS, 1));
        assertEquals(10, table.rowCount());
        long perColumn = table.storedBytes() / COLUMNS;
        assertTrue(perColumn < 2048, perColumn + " bytes per column");
    }

    @Test
    void aBatchOfWideRowsHoldsABoundedNumberOfCells() {
        assertEquals(ColumnFiller.BATCH_ROWS, ColumnFiller.rowsPerBatch(16));
        assertTrue(ColumnFiller.rowsPerBatch(COLUMNS) * COLUMNS <= ColumnFiller.BATCH_CELLS);
        assertEquals(1, ColumnFiller.rowsPerBatch(10 * ColumnFiller.BATCH_CELLS));
    }

    /**
     * kept(name) finds a column by the name index, as column(name) does, not by a scan of the names:
     * SummaryRows asks for every column of a wide table (30,000 columns once took 7 s there).
     */
    @Test
    void keptFindsEveryColumnOfAWideTableInLinearTime() {
        ColumnarTable table = read(wideCsv(3, 20 * COLUMNS, 3));
        long start = System.nanoTime();
        for (String name : table.columnNames()) {
            assertTrue(table.kept(name) == table.column(name), name);
        }
        assertEquals(null, table.kept("no such column"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2000, millis + " ms to find " + table.columnNames().size() + " columns by name");
    }

    /** Several short batches, filled on the second thread, give the strict reader's columns. */
    @Test
    void aWideTableOfSeveralBatchesEqualsTheStrictReadersColumns() {
        int rows = 3 * ColumnFiller.rowsPerBatch(COLUMNS) + 2;
        byte[] csv = wideCsv(rows, COLUMNS, 2);
        ColumnarTable filled = read(csv);
        ColumnarTable reference = ColumnarTable.of(StrictCsvReader.parse("wide.csv", csv), ColumnarReadOptions.all());
        assertEquals(rows, filled.rowCount());
        for (int c = 0; c < COLUMNS; c++) {
            Column a = filled.column("x" + c);
            Column b = reference.column("x" + c);
            assertEquals(b.missingCount(), a.missingCount());
            assertEquals(b.levelCount(), a.levelCount());
            for (int r = 0; r < rows; r++) {
                assertEquals(Double.doubleToRawLongBits(b.number(r)), Double.doubleToRawLongBits(a.number(r)));
                assertEquals(b.code(r), a.code(r));
            }
        }
    }

    private static ColumnarTable read(byte[] csv) {
        return ColumnarCsvReader.parse("wide.csv", csv, ColumnarReadOptions.all());
    }

    /** {@code rows} rows of {@code columns} numbers in three decimals, one cell in 50 missing. */
    private static byte[] wideCsv(int rows, int columns, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            sb.append(c == 0 ? "" : ",").append('x').append(c);
        }
        sb.append('\n');
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                sb.append(c == 0 ? "" : ",");
                if (random.nextInt(50) > 0) {
                    sb.append(random.nextInt(1000) / 1000.0);
                }
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(UTF_8);
    }
}
