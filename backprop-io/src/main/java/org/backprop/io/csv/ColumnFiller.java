package org.backprop.io.csv;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Fills a table's columns (numbers, text codes, line numbers) from the rows {@link CsvRows} hands
 * over, on a second thread while the calling thread reads and checks the next rows: rows go over in
 * batches of at most {@value #BATCH_ROWS} rows and {@value #BATCH_CELLS} cells (a batch keeps an
 * {@code int} per cell: a wide file gets short batches instead of 16 KiB per column and batch, see
 * {@link #rowsPerBatch}), and the columns take them in file order on that one thread, so every
 * number, code and count is the same as when filled on the calling thread. A file of at most one
 * batch is filled on the calling thread, without starting a thread. Errors in the file are found by
 * the reading thread (the columns never throw on content); {@link #close} stops the filling thread
 * when reading stops early.
 */
final class ColumnFiller implements AutoCloseable {
    /** Rows a batch holds at most. */
    static final int BATCH_ROWS = 4096;
    /** Cells a batch holds at most, unless a single row has more. */
    static final int BATCH_CELLS = 1 << 16;

    private final Column[] columns;
    private final MissingValues missing;
    private final LineIndex lines;
    private final int batchRows;
    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(2);
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(4);
    private Batch filling;
    private Thread worker;
    private volatile Throwable failure;

    /** {@code columns}: one per cell of a row, null for a cell not kept. */
    ColumnFiller(Column[] columns, MissingValues missing, LineIndex lines) {
        this.columns = columns;
        this.missing = missing;
        this.lines = lines;
        this.batchRows = rowsPerBatch(columns.length);
        this.filling = new Batch(batchRows, columns.length);
    }

    /**
     * Rows a batch of {@code width}-cell rows holds: {@link #BATCH_ROWS}, or as many as fit in
     * {@link #BATCH_CELLS} cells when the rows are wider than {@code BATCH_CELLS / BATCH_ROWS}, and
     * at least one.
     */
    static int rowsPerBatch(int width) {
        return Math.max(1, Math.min(BATCH_ROWS, BATCH_CELLS / Math.max(1, width)));
    }

    /** Takes data row {@code index} (0-based, in order); the record may be reused after the call. */
    void row(int index, RawRecord record) {
        filling.add(index, record);
        if (filling.rows == batchRows) {
            if (worker == null) {
                worker = new Thread(this::fillLoop, "backprop-csv-columns");
                worker.setDaemon(true);
                worker.start();
            }
            put(filling);
            Batch next = free.poll();
            filling = next != null ? next : new Batch(batchRows, columns.length);
        }
    }

    /** Fills the last rows and waits until every row is in the columns. */
    void finish() {
        if (worker == null) {
            fill(filling);
            return;
        }
        put(filling);
        put(Batch.END);
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while filling the columns", e);
        }
        worker = null;
        rethrowFailure();
    }

    /** Stops the filling thread if reading ended early (an error in the file). */
    @Override
    public void close() {
        if (worker != null) {
            worker.interrupt();
        }
    }

    private void put(Batch batch) {
        try {
            while (!full.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        }
    }

    private void rethrowFailure() {
        Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    private void fillLoop() {
        try {
            for (Batch batch = full.take(); batch != Batch.END; batch = full.take()) {
                fill(batch);
                batch.clear();
                free.offer(batch);
            }
        } catch (InterruptedException e) {
            // reading stopped early: nothing to fill
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private void fill(Batch batch) {
        int width = columns.length;
        for (int r = 0; r < batch.rows; r++) {
            lines.add(batch.firstIndex + r, batch.lines[r]);
            int base = r * width;
            int start = batch.rowStarts[r];
            for (int c = 0; c < width; c++) {
                int end = batch.ends[base + c];
                Column column = columns[c];
                if (column != null) {
                    column.add(batch.bytes, start, end, missing);
                }
                start = end;
            }
        }
    }

    /** Rows copied out of the scanner's record: their bytes, where each cell ends, their lines. */
    private static final class Batch {
        static final Batch END = new Batch(0, 0);

        private final int width;
        private byte[] bytes = new byte[1 << 16];
        private int length;
        private final int[] rowStarts;
        private final int[] ends;
        private final long[] lines;
        private int rows;
        private int firstIndex;

        /** A batch of at most {@code capacity} rows of {@code width} cells. */
        Batch(int capacity, int width) {
            this.width = width;
            this.rowStarts = new int[capacity];
            this.ends = new int[capacity * width];
            this.lines = new long[capacity];
        }

        void add(int index, RawRecord record) {
            if (rows == 0) {
                firstIndex = index;
            }
            int size = record.end(width - 1);
            if (length + size > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + size));
            }
            System.arraycopy(record.bytes(), 0, bytes, length, size);
            rowStarts[rows] = length;
            int base = rows * width;
            for (int c = 0; c < width; c++) {
                ends[base + c] = length + record.end(c);
            }
            lines[rows] = record.line();
            length += size;
            rows++;
        }

        void clear() {
            rows = 0;
            length = 0;
        }
    }
}
