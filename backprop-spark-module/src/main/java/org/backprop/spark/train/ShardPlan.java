package org.backprop.spark.train;

import java.io.Serializable;

/**
 * Which rows each partition contributes to each step: a pure function of the row count N, the
 * partition count P and the global batch size B.
 *
 * <p>Row i (by stable row index) lives in partition i mod P, so partition p holds
 * n<sub>p</sub> = ⌊N/P⌋ (+1 if p &lt; N mod P) rows. The global batch B' = min(B, N) is split the
 * same way: partition p takes b<sub>p</sub> = ⌊B'/P⌋ (+1 if p &lt; B' mod P) rows per step, from its
 * own shuffled order, exactly as the local trainer takes batches from its order: at step t it takes
 * positions [t·b<sub>p</sub>, min((t+1)·b<sub>p</sub>, n<sub>p</sub>)). An epoch has
 * max<sub>p</sub> ⌈n<sub>p</sub>/b<sub>p</sub>⌉ steps, so every row is used once per epoch. With
 * P = 1 this is exactly the local {@link org.backprop.train.Trainer}'s batching.
 */
public final class ShardPlan implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long rows;
    private final int partitions;
    private final int batch;
    private final int stepsPerEpoch;

    /**
     * @param rows       N, total rows (≥ 1)
     * @param partitions P (≥ 1)
     * @param batchSize  B, the requested global batch size; min(B, N) must be ≥ P
     */
    public ShardPlan(long rows, int partitions, int batchSize) {
        if (rows < 1 || partitions < 1 || batchSize < 1) {
            throw new IllegalArgumentException("rows, partitions and batch size must be ≥ 1, got " + rows + ", "
                    + partitions + ", " + batchSize);
        }
        this.rows = rows;
        this.partitions = partitions;
        this.batch = (int) Math.min(batchSize, rows);
        if (batch < partitions) {
            throw new IllegalArgumentException("the global batch (" + batch + " rows) must be at least the number of "
                    + "partitions (" + partitions + "): every partition takes at least one row per step");
        }
        int steps = 0;
        for (int p = 0; p < partitions; p++) {
            steps = Math.max(steps, (int) ((partitionRows(p) + batchShare(p) - 1) / batchShare(p)));
        }
        this.stepsPerEpoch = steps;
    }

    /** N. */
    public long rows() {
        return rows;
    }

    /** P. */
    public int partitions() {
        return partitions;
    }

    /** min(B, N), the rows of a full global batch. */
    public int batch() {
        return batch;
    }

    /** Steps per epoch. */
    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /** The partition of row index {@code row}. */
    public int partitionOf(long row) {
        return (int) (row % partitions);
    }

    /** n<sub>p</sub>, rows held by partition p. */
    public int partitionRows(int p) {
        return Math.toIntExact(share(rows, p));
    }

    /** b<sub>p</sub>, rows partition p contributes to a full step. */
    public int batchShare(int p) {
        return (int) share(batch, p);
    }

    /** First position (in partition p's shuffled order) used at step t of an epoch. */
    public int sliceFrom(int p, int step) {
        return (int) Math.min((long) step * batchShare(p), partitionRows(p));
    }

    /** End (exclusive) of the positions used by partition p at step t of an epoch. */
    public int sliceTo(int p, int step) {
        return (int) Math.min((long) (step + 1) * batchShare(p), partitionRows(p));
    }

    /** Rows of the global batch at step t of an epoch (all partitions). */
    public int batchRows(int step) {
        int sum = 0;
        for (int p = 0; p < partitions; p++) {
            sum += sliceTo(p, step) - sliceFrom(p, step);
        }
        return sum;
    }

    private long share(long total, int p) {
        return total / partitions + (p < total % partitions ? 1 : 0);
    }

    @Override
    public String toString() {
        return "ShardPlan[N=" + rows + ", P=" + partitions + ", B=" + batch + ", " + stepsPerEpoch + " steps/epoch]";
    }
}
