package org.backprop.spark.data;

import org.apache.spark.api.java.JavaRDD;
import org.backprop.io.preprocess.StandardScaler;

/**
 * The training rows of one fit: one cached {@link Block} per partition, the row count, and the
 * scalers that were applied.
 *
 * @param blocks       P partitions of exactly one block each, persisted
 * @param rows         the number of rows over all partitions
 * @param scaler       the transform applied to the features
 * @param target       the transform applied to the labels (the identity unless standardized)
 * @param featureNames names of the feature values
 */
public record PackedData(JavaRDD<Block> blocks, long rows, StandardScaler scaler, StandardScaler target,
                  java.util.List<String> featureNames) implements AutoCloseable {

    /** Drops the cached blocks. */
    @Override
    public void close() {
        blocks.unpersist(false);
    }
}
