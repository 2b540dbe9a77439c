package org.backprop.spark.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.backprop.metrics.RocArea;
import org.backprop.metrics.RocAuc;

import scala.Tuple2;

/**
 * ROC AUC of rows whose scores stay on the executors, exact: the (score, class) pairs are sorted by
 * score, descending, with Spark's range partitioning, which sends every row of one score to the same
 * partition, so no threshold is split; each sorted partition counts its thresholds into a
 * {@link RocArea} (integers); the driver appends the P areas in partition order, which adds each
 * partition's negatives times the positives ranked above it. The result is the AUC that
 * {@link RocAuc#ofClassScores} computes over all rows, bit for bit (the same integers, one rounded
 * division). Jobs: the range partitioner's sample (about 60 scores per partition reach the driver),
 * then the shuffle and the count; the driver receives P areas of three longs.
 */
final class DistributedRocAuc {
    private DistributedRocAuc() {
    }

    /** The ROC AUC of the rows of {@code parts} (two-class {@link PartitionMetrics}), empty with one class. */
    static OptionalDouble of(JavaRDD<PartitionMetrics> parts) {
        JavaPairRDD<Double, Boolean> pairs = parts.flatMapToPair(p -> {
            List<Tuple2<Double, Boolean>> rows = new ArrayList<>(p.scores().length);
            for (int i = 0; i < p.scores().length; i++) {
                rows.add(new Tuple2<>(p.scores()[i], p.positive()[i]));
            }
            return rows.iterator();
        });
        List<RocArea> areas = pairs.sortByKey(false, parts.getNumPartitions())
                .mapPartitions(rows -> Collections.singletonList(area(rows)).iterator()).collect();
        RocArea total = new RocArea();
        for (RocArea area : areas) {
            total.append(area);
        }
        return total.value();
    }

    /** The area of rows sorted by score, descending, counted a distinct score at a time. */
    private static RocArea area(Iterator<Tuple2<Double, Boolean>> rows) {
        RocArea area = new RocArea();
        Tuple2<Double, Boolean> next = rows.hasNext() ? rows.next() : null;
        while (next != null) {
            double score = next._1();
            long positives = 0;
            long negatives = 0;
            while (next != null && next._1() == score) {
                if (next._2()) {
                    positives++;
                } else {
                    negatives++;
                }
                next = rows.hasNext() ? rows.next() : null;
            }
            area.addThreshold(positives, negatives);
        }
        return area;
    }
}
