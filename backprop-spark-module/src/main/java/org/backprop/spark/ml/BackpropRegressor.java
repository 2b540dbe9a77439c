package org.backprop.spark.ml;

import java.util.List;

import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.backprop.spark.data.InputColumns;
import org.backprop.spark.score.ModelBytes;
import org.backprop.spark.train.FitResult;
import org.backprop.spark.train.SparkTrainer;

/**
 * A Spark ML estimator that trains a backprop regression network with {@link SparkTrainer}, usable
 * as a {@code Pipeline} stage and tunable by {@code CrossValidator}. Features come from a
 * {@code Vector} column, the target from one numeric label column. As {@code backprop train} does,
 * the target is standardized for training by default ({@code standardizeTarget}); the model maps
 * its predictions back to target units.
 *
 * <pre>{@code
 * BackpropRegressor regressor = new BackpropRegressor().setLabelCol("price").setLayers(64, 64)
 *         .setOptimizer("adam").setLearningRate(1e-3).setEpochs(50).setBatchSize(4096).setPartitions(8);
 * PipelineModel model = new Pipeline().setStages(new PipelineStage[] {assembler, regressor}).fit(train);
 * model.write().overwrite().save("hdfs:///models/price");   // stage holds data/model.safetensors
 * }</pre>
 *
 * Params beyond {@link BackpropEstimator}'s: {@code loss} ("mse"; "mae", "huber") and
 * {@code standardizeTarget} (true).
 */
public final class BackpropRegressor extends BackpropEstimator<BackpropRegressor, BackpropRegressionModel> {
    private static final long serialVersionUID = 1L;
    private final Param<String> loss;
    private final BooleanParam standardizeTarget;

    public BackpropRegressor() {
        this(Identifiable$.MODULE$.randomUID("backpropRegressor"));
    }

    /** An estimator with this uid (Spark ML's readers and {@code copy} use this constructor). */
    public BackpropRegressor(String uid) {
        super(uid, "label column (numeric)");
        loss = new Param<>(this, "loss", "loss: mse, mae or huber", ParamValidators.inArray(List.of("mse", "mae", "huber")));
        standardizeTarget = new BooleanParam(this, "standardizeTarget",
                "standardize the target for training (predictions are mapped back to its units)");
        setDefault(loss, "mse");
        setDefault(standardizeTarget, true);
    }

    /** Spark ML's reader of a saved estimator. */
    public static MLReader<BackpropRegressor> read() {
        return new DefaultParamsReader<>();
    }

    /** Loads an estimator saved with {@code write().save(path)}. */
    public static BackpropRegressor load(String path) {
        return read().load(path);
    }

    @Override
    protected BackpropRegressor self() {
        return this;
    }

    public Param<String> loss() {
        return loss;
    }

    public BooleanParam standardizeTarget() {
        return standardizeTarget;
    }

    public BackpropRegressor setLoss(String value) {
        set(loss, value);
        return this;
    }

    public BackpropRegressor setStandardizeTarget(boolean value) {
        set(standardizeTarget, value);
        return this;
    }

    public String getLoss() {
        return $(loss);
    }

    public boolean getStandardizeTarget() {
        return (Boolean) $(standardizeTarget);
    }

    @Override
    public BackpropRegressionModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Dataset<Row> rows = dataset.toDF();
        FitResult result = SparkTrainer.fit(rows, network(featureWidth(rows), 1, getLoss()), newOptimizer(),
                configBuilder(getLabelCol()).standardizeTarget(getStandardizeTarget()).build());
        com.google.gson.JsonObject settings = trainingJson();
        settings.addProperty("loss", getLoss());
        settings.addProperty("standardize_target", getStandardizeTarget());
        ModelBytes file;
        try (org.backprop.io.model.Model trained = result.regression(getLabelCol(),
                metadata(TrainingJson.of(settings, result.epochLosses())))) {
            file = ModelBytes.of(trained);
        }
        BackpropRegressionModel model = new BackpropRegressionModel(uid(), file);
        model.setParent(this);
        return copyValues(model, ParamMap.empty());
    }

    @Override
    public StructType transformSchema(StructType schema) {
        InputColumns.vector(getFeaturesCol(), List.of(getLabelCol())).withWeight(getWeightCol()).checkSchema(schema);
        return BackpropRegressionModel.withPrediction(schema, getPredictionCol());
    }

    @Override
    public BackpropRegressor copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
