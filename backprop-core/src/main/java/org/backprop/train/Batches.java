package org.backprop.train;

import org.backprop.kernel.RangeTask;
import org.backprop.kernel.ThreadTeam;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;

/**
 * The mini-batches of one epoch: a row order (identity, then shuffled, every epoch, as the seed
 * notebook does) and reusable batch buffers filled by copying rows in that order, split over the
 * network's thread team. Optional per-row weights (n×1) travel with their rows.
 */
final class Batches {
    private final RowSource x;
    private final RowSource y;
    private final Matrix w;
    private final int size;
    private final int[] order;
    private final Matrix fullX;
    private final Matrix fullY;
    private final Matrix fullW;
    private Matrix tailX;
    private Matrix tailY;
    private Matrix tailW;
    private Matrix currentY;
    private Matrix currentW;
    private final ThreadTeam team;
    private final RangeTask gather = this::gather;
    private int batchFrom;
    private Matrix batchX;

    /** Batches of {@code size} rows of x, y and the row weights w (n×1, or null for none), gathered on {@code team}. */
    Batches(RowSource x, Matrix y, Matrix w, int size, ThreadTeam team) {
        this(x, RowSource.of(y), w, size, team);
    }

    /** As {@link #Batches(RowSource, Matrix, Matrix, int, ThreadTeam)} with targets read from a row source. */
    Batches(RowSource x, RowSource y, Matrix w, int size, ThreadTeam team) {
        this.x = x;
        this.y = y;
        this.w = w;
        this.size = size;
        this.team = team;
        this.order = new int[x.rows()];
        this.fullX = Matrix.zeros(size, x.cols());
        this.fullY = Matrix.zeros(size, y.cols());
        this.fullW = w == null ? null : Matrix.zeros(size, 1);
        int tail = x.rows() % size;
        if (tail > 0) {
            tailX = Matrix.zeros(tail, x.cols());
            tailY = Matrix.zeros(tail, y.cols());
            tailW = w == null ? null : Matrix.zeros(tail, 1);
        }
    }

    /** Resets the order to 0..n−1 and shuffles it with {@code random} unless it is null. */
    void reset(RandomSource random) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (random != null) {
            random.shuffle(order);
        }
    }

    /** Number of batches per epoch. */
    int count() {
        return (order.length + size - 1) / size;
    }

    /** Fills and returns the inputs of batch {@code b}; {@link #targets()} then returns its targets. */
    Matrix load(int b) {
        int from = b * size;
        int to = Math.min(from + size, order.length);
        boolean full = to - from == size;
        batchFrom = from;
        batchX = full ? fullX : tailX;
        currentY = full ? fullY : tailY;
        currentW = full ? fullW : tailW;
        team.forRange(to - from, x.cols() + y.cols(), gather);
        return batchX;
    }

    /** Rows [from, to) of the batch being loaded. */
    private void gather(int from, int to) {
        x.gatherRows(order, batchFrom + from, batchFrom + to, batchX, from);
        y.gatherRows(order, batchFrom + from, batchFrom + to, currentY, from);
        if (w != null) {
            w.gatherRows(order, batchFrom + from, batchFrom + to, currentW, from);
        }
    }

    /** The targets of the batch last loaded. */
    Matrix targets() {
        return currentY;
    }

    /** The row weights of the batch last loaded (n×1), or null when there are none. */
    Matrix weights() {
        return currentW;
    }
}
