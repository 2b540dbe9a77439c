package org.backprop.spark.cli;

import java.io.Serializable;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import org.backprop.cli.SplitTally;
import org.backprop.cli.TrainCommand;
import org.backprop.io.model.Model;
import org.backprop.io.model.Task;
import org.backprop.metrics.ExactSum;
import org.backprop.metrics.RSquared;
import org.backprop.spark.data.EncodedPart;
import org.backprop.spark.score.ModelBytes;

/**
 * A split's metrics computed where its rows are: each partition sums its share on its executor
 * ({@link PartitionMetrics}) and the driver merges the P tallies in partition order; the sums are
 * exact, so the metrics are {@code backprop train}'s bit for bit whatever the partitioning. No row
 * reaches the driver: every job returns one small object per partition. Jobs: regression first sums
 * the targets (R²'s mean), then the tallies; a two-class model's tallies are kept on the executors
 * while {@link DistributedRocAuc} ranks the rows' scores.
 */
final class SplitSummaries {
    private SplitSummaries() {
    }

    /** The exact sum of a partition's regression targets. */
    private record TargetSum(ExactSum sum, long rows) implements Serializable {
    }

    /**
     * The summary of {@code model} (on the driver; {@code bytes} the same model for the executors) on
     * {@code rows}, named {@code split}; with {@code weighted}, each row weighs
     * {@link EncodedPart#weight} with {@code classWeights} (as {@code backprop train} weighs that split).
     */
    static TrainCommand.SplitSummary of(String split, JavaRDD<EncodedPart> rows, Model model, ModelBytes bytes,
                                        Map<String, Double> classWeights, boolean weighted) {
        Map<String, Double> byClass = classWeights == null ? null : new HashMap<>(classWeights);
        boolean regression = model.task() == Task.REGRESSION;
        double mean = regression ? targetMean(rows) : Double.NaN;
        JavaRDD<PartitionMetrics> parts = rows.mapPartitions(it -> Collections.singletonList(
                PartitionMetrics.of(it, bytes, byClass, weighted, mean)).iterator());
        boolean ranked = !regression && SplitTally.ranksRows(model.labels().classCount());
        SplitTally tally = regression ? SplitTally.regression(mean, weighted)
                : SplitTally.classification(model.labels().classCount(), weighted);
        if (!ranked) {
            merge(tally, parts);
            return new TrainCommand.SplitSummary(split, tally, OptionalDouble.empty());
        }
        parts.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long nan = merge(tally, parts);
            if (nan > 0) {
                throw new IllegalArgumentException("roc_auc: a score is NaN (" + nan + " of the " + split + " rows)");
            }
            return new TrainCommand.SplitSummary(split, tally, DistributedRocAuc.of(parts));
        } finally {
            parts.unpersist(false);
        }
    }

    /**
     * Merges the partitions' tallies into {@code tally} in partition order (one job; P tallies without
     * their rows' scores reach the driver); returns the number of NaN scores.
     */
    private static long merge(SplitTally tally, JavaRDD<PartitionMetrics> parts) {
        List<PartitionMetrics> tallies = parts.map(p -> new PartitionMetrics(p.tally(), null, null, p.nanScores()))
                .collect();
        long nan = 0;
        for (PartitionMetrics p : tallies) {
            tally.merge(p.tally());
            nan += p.nanScores();
        }
        return nan;
    }

    /** R²'s ȳ: the mean of the rows' true values, from the partitions' exact sums (one job). */
    private static double targetMean(JavaRDD<EncodedPart> rows) {
        List<TargetSum> sums = rows.mapPartitions(it -> {
            ExactSum sum = new ExactSum();
            long n = 0;
            while (it.hasNext()) {
                EncodedPart e = it.next();
                for (int i = 0; i < e.rows(); i++) {
                    sum.add(e.values()[i]);
                }
                n += e.rows();
            }
            return Collections.singletonList(new TargetSum(sum, n)).iterator();
        }).collect();
        ExactSum total = new ExactSum();
        long n = 0;
        for (TargetSum s : sums) {
            total.add(s.sum());
            n += s.rows();
        }
        return RSquared.mean(total, n);
    }
}
