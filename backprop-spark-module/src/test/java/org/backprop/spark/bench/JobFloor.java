package org.backprop.spark.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The fixed cost of a Spark job on this session, apart from any training: the median wall time of a job
 * that maps P cached one-element partitions to nothing, and of one whose task carries a {@code double[]} of
 * |θ| values and returns one per partition (what a synchronous step must ship at the least).
 */
final class JobFloor {
    private JobFloor() {
    }

    /** {empty job ms, job with parameters out and gradients back ms}, medians of {@code jobs} after warm-up. */
    static double[] measure(SparkSession spark, int partitions, int parameters, int jobs) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Integer> ids = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            ids.add(p);
        }
        JavaRDD<Integer> cached = sc.parallelize(ids, partitions).persist(StorageLevel.MEMORY_AND_DISK());
        cached.count();
        double[] empty = new double[jobs];
        double[] payload = new double[jobs];
        for (int k = 0; k < jobs; k++) {
            long t0 = System.nanoTime();
            cached.map(i -> i).collect();
            long t1 = System.nanoTime();
            double[] theta = new double[parameters];
            theta[k % parameters] = k;
            cached.map(i -> {
                double[] g = theta.clone();
                g[0] += i;
                return g;
            }).collect();
            long t2 = System.nanoTime();
            empty[k] = (t1 - t0) / 1e6;
            payload[k] = (t2 - t1) / 1e6;
        }
        cached.unpersist(false);
        return new double[] {median(empty), median(payload)};
    }

    private static double median(double[] millis) {
        double[] tail = Arrays.copyOfRange(millis, millis.length / 4, millis.length);
        Arrays.sort(tail);
        return tail[tail.length / 2];
    }
}
