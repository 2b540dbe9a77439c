package org.backprop.spark.data;

import java.util.Collections;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.backprop.io.preprocess.LabelEncoder;
import org.backprop.io.preprocess.StandardScaler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import scala.Tuple2;

/**
 * Turns a {@code Dataset<Row>} into cached primitive blocks, once per fit: checks the schema,
 * numbers the rows (input order via {@code zipWithIndex}, or rank of the ID column), validates
 * every cell and fits the standardizer in one pass (refusing bad input before any training), then
 * sends row i to partition i mod P and packs each partition into one {@link Block}.
 */
public final class DataPacker {
    private static final Logger LOG = LoggerFactory.getLogger(DataPacker.class);

    private DataPacker() {
    }

    /**
     * Packs the rows of {@code data} into {@code partitions} cached blocks of {@code inputs} feature
     * and {@code outputs} label values each.
     *
     * @param standardize       fit and apply the features' scaler (else the identity)
     * @param standardizeTarget fit and apply the labels' scaler (else the identity)
     * @throws IllegalArgumentException naming the first bad cell, or if there are no rows
     */
    public static PackedData pack(Dataset<Row> data, InputColumns columns, int inputs, int outputs, int partitions,
                                  boolean standardize, boolean standardizeTarget) {
        return pack(data, columns, inputs, outputs, partitions, null, null, standardize, standardizeTarget);
    }

    /**
     * Packs held-out rows (e.g. a validation set) with scalers fitted elsewhere (on the training
     * rows): {@code scaler} for the features, {@code target} for the labels.
     *
     * @throws IllegalArgumentException naming the first bad cell, or if there are no rows
     */
    public static PackedData pack(Dataset<Row> data, InputColumns columns, int inputs, int outputs, int partitions,
                                  StandardScaler scaler, StandardScaler target) {
        return pack(data, columns, inputs, outputs, partitions, scaler, target, false, false);
    }

    private static PackedData pack(Dataset<Row> data, InputColumns columns, int inputs, int outputs, int partitions,
                                   StandardScaler givenScaler, StandardScaler givenTarget, boolean standardize,
                                   boolean standardizeTarget) {
        Dataset<Row> selected = columns.select(data);
        JavaRDD<Row> ordered = columns.idColumn() == null ? selected.javaRDD()
                : selected.javaRDD().sortBy(columns::id, true, selected.javaRDD().getNumPartitions());
        JavaRDD<LabeledRow> parsed = ordered.zipWithIndex()
                .map(t -> columns.parse(t._1(), t._2(), inputs))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            ColumnStats stats = statistics(parsed, inputs + outputs);
            if (stats.problem() != null) {
                throw new IllegalArgumentException("bad input, nothing trained: " + stats.problem());
            }
            if (stats.count() == 0) {
                throw new IllegalArgumentException("no training rows");
            }
            StandardScaler scaler = givenScaler != null ? givenScaler
                    : standardize ? stats.scaler(0, inputs) : identityScaler(inputs);
            StandardScaler target = givenTarget != null ? givenTarget
                    : standardizeTarget ? stats.scaler(inputs, inputs + outputs) : identityScaler(outputs);
            JavaRDD<Block> blocks = blocks(parsed, partitions, scaler, target, inputs, outputs,
                    columns.weightColumn() != null);
            LOG.info("packed {} rows into {} cached blocks", stats.count(), partitions);
            return new PackedData(blocks, stats.count(), scaler, target, columns.featureNames(data.schema(), inputs));
        } finally {
            parsed.unpersist(false);
        }
    }

    /** The scaler that changes nothing (mean 0, scale 1: values stay bit for bit). */
    public static StandardScaler identityScaler(int columns) {
        double[] ones = new double[columns];
        java.util.Arrays.fill(ones, 1.0);
        return StandardScaler.of(new double[columns], ones);
    }

    /**
     * Packs rows encoded on the executors ({@link DistributedTableFit}) into {@code partitions} cached
     * blocks: the features standardized by {@code featureScaler}, the targets as the network sees
     * them (regression: standardized by {@code targetScaler}; else one-hot rows of {@code labels}),
     * row i (input order) in partition i mod P; with {@code weighted}, each row's weight
     * ({@link EncodedPart#weight} with {@code classWeights}, or null for 1). One job, one shuffle.
     */
    public static JavaRDD<Block> packEncoded(JavaRDD<EncodedPart> encoded, StandardScaler featureScaler,
                                             StandardScaler targetScaler, LabelEncoder labels,
                                             java.util.Map<String, Double> classWeights, boolean weighted,
                                             int partitions) {
        int outputs = targetScaler != null ? 1 : labels.classCount();
        java.util.List<String> classes = labels == null ? null : new java.util.ArrayList<>(labels.classes());
        java.util.Map<String, Double> byClass = classWeights == null ? null : new java.util.HashMap<>(classWeights);
        JavaRDD<LabeledRow> rows = encoded.flatMap(e -> new NetworkRows(e, featureScaler, targetScaler,
                classes == null ? null : LabelEncoder.of(classes), byClass));
        int inputs = featureScaler.columns();
        return blocks(rows, partitions, identityScaler(inputs), identityScaler(outputs), inputs, outputs, weighted);
    }

    /**
     * True if some row of {@code encoded} weighs more than 0 ({@link EncodedPart#weight} with
     * {@code classWeights}); one job.
     */
    public static boolean someWeight(JavaRDD<EncodedPart> encoded, java.util.Map<String, Double> classWeights) {
        java.util.Map<String, Double> byClass = classWeights == null ? null : new java.util.HashMap<>(classWeights);
        return encoded.map(e -> {
            for (int i = 0; i < e.rows(); i++) {
                if (e.weight(i, byClass) > 0) {
                    return true;
                }
            }
            return false;
        }).fold(false, (a, b) -> a || b);
    }

    /** One pass: statistics per partition, merged on the driver in partition order. */
    private static ColumnStats statistics(JavaRDD<LabeledRow> parsed, int inputs) {
        List<ColumnStats> parts = parsed
                .mapPartitions(it -> Collections.singletonList(ColumnStats.of(it, inputs)).iterator())
                .collect();
        ColumnStats total = new ColumnStats(inputs);
        parts.forEach(total::merge);
        return total;
    }

    private static JavaRDD<Block> blocks(JavaRDD<LabeledRow> parsed, int partitions, StandardScaler scaler,
                                         StandardScaler target, int inputs, int outputs, boolean weighted) {
        JavaRDD<Block> blocks = parsed
                .mapToPair(r -> new Tuple2<>(r.index(), r))
                .partitionBy(new ModPartitioner(partitions))
                .mapPartitionsWithIndex((p, it) -> Collections.singletonList(
                        Block.pack(p, new ValueIterator<>(it), scaler, target, inputs, outputs, weighted)).iterator(), true)
                .persist(StorageLevel.MEMORY_AND_DISK());
        blocks.count();
        return blocks;
    }
}
