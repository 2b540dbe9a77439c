package org.backprop.spark.ml;

import java.util.List;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.MLWritable;
import org.backprop.io.model.Model;
import org.backprop.spark.score.ModelBytes;

/**
 * What the backprop Spark ML models share: the trained model, which is io's {@link Model} (the one
 * {@code backprop train} makes, kept as its model file's bytes, {@link ModelBytes}, so the stage
 * serializes and saves as that file), the training record in its metadata, and the column params {@code featuresCol} (a {@code Vector} column, default
 * "features"), {@code labelCol} (the model file's target name, default "label") and
 * {@code predictionCol} (default "prediction").
 *
 * @param <M> the concrete model
 */
public abstract class BackpropModel<M extends BackpropModel<M>> extends org.apache.spark.ml.Model<M>
        implements MLWritable {
    private static final long serialVersionUID = 1L;
    private final String uid;
    private final ModelBytes file;
    private transient Model model;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;

    /** @param file the model file: network, scalers, labels, training record */
    protected BackpropModel(String uid, ModelBytes file) {
        this.uid = uid;
        this.file = file;
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

    /**
     * The trained model (io's {@link Model}: network spec and parameters, scalers, feature names,
     * labels, metadata), loaded once per JVM; owned by this stage, do not close or train it.
     */
    public synchronized Model model() {
        if (model == null) {
            model = file.load();
        }
        return model;
    }

    /** The model file's bytes, as saved and shipped to executors. */
    public ModelBytes modelFile() {
        return file;
    }

    /** Saves the model as one local model file, atomically; {@code backprop predict --model FILE} reads it. */
    public void saveModelFile(java.nio.file.Path target) throws java.io.IOException {
        org.backprop.io.model.ModelFile.save(target, model());
    }

    /** The mean training loss of every epoch (none for a model file that does not record them). */
    public List<Double> epochLosses() {
        return TrainingJson.epochLosses(model().metadata().training());
    }
}
