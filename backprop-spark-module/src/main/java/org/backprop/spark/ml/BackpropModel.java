package org.backprop.spark.ml;

import java.util.List;

import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.MLWritable;
import org.backprop.spark.TrainedNetwork;

/**
 * What the backprop Spark ML models share: the trained network, the training record kept in the
 * model file, and the column params {@code featuresCol} (a {@code Vector} column, default
 * "features"), {@code labelCol} (the model file's target name, default "label") and
 * {@code predictionCol} (default "prediction").
 *
 * @param <M> the concrete model
 */
public abstract class BackpropModel<M extends BackpropModel<M>> extends Model<M> implements MLWritable {
    private static final long serialVersionUID = 1L;
    private final String uid;
    private final TrainedNetwork network;
    private final String training;
    private final long seed;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;

    /**
     * @param training the training record (settings and epoch losses) as JSON, or null
     * @param seed     the root seed of the fit
     */
    protected BackpropModel(String uid, TrainedNetwork network, String training, long seed) {
        this.uid = uid;
        this.network = network;
        this.training = training;
        this.seed = seed;
        featuresCol = new Param<>(this, "featuresCol", "features column (Vector)");
        labelCol = new Param<>(this, "labelCol", "label column: the model file's target name");
        predictionCol = new Param<>(this, "predictionCol", "prediction column name");
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(predictionCol, "prediction");
    }

    /** This model as its concrete type, for fluent setters. */
    protected abstract M self();

    @Override
    public String uid() {
        return uid;
    }

    /** The features column param (Spark ML finds params through these public accessors). */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    public Param<String> labelCol() {
        return labelCol;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    public M setFeaturesCol(String value) {
        set(featuresCol, value);
        return self();
    }

    public M setLabelCol(String value) {
        set(labelCol, value);
        return self();
    }

    public M setPredictionCol(String value) {
        set(predictionCol, value);
        return self();
    }

    public String getFeaturesCol() {
        return $(featuresCol);
    }

    public String getLabelCol() {
        return $(labelCol);
    }

    public String getPredictionCol() {
        return $(predictionCol);
    }

    /** The trained network: architecture, flat parameters, scalers, feature names. */
    public TrainedNetwork network() {
        return network;
    }

    /** The mean training loss of every epoch (none for a model file that does not record them). */
    public List<Double> epochLosses() {
        return TrainingJson.epochLosses(training);
    }

    /** The training record as JSON, or null. */
    protected String training() {
        return training;
    }

    /** The root seed of the fit. */
    protected long seed() {
        return seed;
    }
}
