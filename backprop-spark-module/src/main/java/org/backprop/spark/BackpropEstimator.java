package org.backprop.spark;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.Param;

/**
 * What the backprop Spark ML estimators share: the column params ({@code featuresCol}, a
 * {@code Vector} column, default "features"; {@code labelCol}, default "label") and the training
 * settings (partitions P, global batch size, epochs, seed), with fluent setters returning the
 * concrete estimator.
 *
 * @param <S> the concrete estimator
 * @param <M> the model it fits
 */
public abstract class BackpropEstimator<S extends BackpropEstimator<S, M>, M extends Model<M>> extends Estimator<M> {
    private static final long serialVersionUID = 1L;
    private final String uid;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private int partitions = 1;
    private int globalBatchSize = 32;
    private int epochs = 10;
    private long seed;

    /**
     * @param uid              the stage's unique id
     * @param labelDescription how the label column is described in the param's doc
     */
    protected BackpropEstimator(String uid, String labelDescription) {
        this.uid = uid;
        this.featuresCol = new Param<>(this, "featuresCol", "features column (Vector)");
        this.labelCol = new Param<>(this, "labelCol", labelDescription);
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
    }

    /** This estimator as its concrete type, for fluent setters. */
    protected abstract S self();

    @Override
    public String uid() {
        return uid;
    }

    /** The features column param (Spark ML finds params through these public accessors). */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    /** The label column param. */
    public Param<String> labelCol() {
        return labelCol;
    }

    public S setFeaturesCol(String value) {
        set(featuresCol, value);
        return self();
    }

    public S setLabelCol(String value) {
        set(labelCol, value);
        return self();
    }

    /** P, the number of data partitions (see {@link SparkTrainConfig}); default 1. */
    public S setPartitions(int value) {
        this.partitions = value;
        return self();
    }

    /** Rows per step over all partitions (default 32). */
    public S setGlobalBatchSize(int value) {
        this.globalBatchSize = value;
        return self();
    }

    /** Passes over the data (default 10). */
    public S setEpochs(int value) {
        this.epochs = value;
        return self();
    }

    /** The root seed (default 0). */
    public S setSeed(long value) {
        this.seed = value;
        return self();
    }

    /** A config builder with the features column and these settings; the caller adds the label. */
    protected SparkTrainConfig.Builder configBuilder() {
        return SparkTrainConfig.builder().featuresVector($(featuresCol)).partitions(partitions)
                .globalBatchSize(globalBatchSize).epochs(epochs).seed(seed);
    }

    /** Copies the training settings (not the params: Spark's {@code copyValues} does those) into {@code other}. */
    protected S copySettingsTo(S other) {
        return other.setPartitions(partitions).setGlobalBatchSize(globalBatchSize).setEpochs(epochs).setSeed(seed);
    }
}
