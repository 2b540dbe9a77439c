package org.backprop.spark;

import org.apache.spark.api.java.JavaRDD;

/**
 * The training rows of one fit: one cached {@link Block} per partition, the plan of which rows each
 * step uses, and the feature standardizer that was applied.
 *
 * @param blocks       P partitions of exactly one block each, persisted
 * @param plan         the step plan for these rows
 * @param standardizer the transform applied to the features
 * @param target       the transform applied to the labels (the identity unless standardized)
 * @param featureNames names of the feature values
 */
record PackedData(JavaRDD<Block> blocks, ShardPlan plan, Standardizer standardizer, Standardizer target,
                  java.util.List<String> featureNames) implements AutoCloseable {

    /** Drops the cached blocks. */
    @Override
    public void close() {
        blocks.unpersist(false);
    }
}
