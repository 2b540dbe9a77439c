package org.backprop.spark;

import java.util.List;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark ML {@link Estimator} that trains a backprop network with {@link SparkTrainer}, usable as
 * a stage of a {@code Pipeline}. Features come from a {@code Vector} column (e.g. from a
 * {@code VectorAssembler}), the target from one numeric label column; {@code fit} returns a
 * {@link BackpropRegressionModel} that adds a prediction column.
 *
 * <pre>{@code
 * BackpropRegressor regressor = new BackpropRegressor(
 *         NetworkSpec.builder(100).dense(128, "relu").dense(1, "linear").build(), () -> new Sgd(0.1))
 *         .setPartitions(8).setGlobalBatchSize(4096).setEpochs(20).setSeed(42);
 * PipelineModel model = new Pipeline().setStages(new PipelineStage[] {assembler, regressor}).fit(train);
 * }</pre>
 *
 * Column names are Spark ML params ({@code featuresCol}, {@code labelCol}, {@code predictionCol});
 * the training settings are plain Java settings.
 */
public final class BackpropRegressor extends BackpropEstimator<BackpropRegressor, BackpropRegressionModel> {
    private static final long serialVersionUID = 1L;
    private final NetworkSpec spec;
    private final OptimizerFactory optimizer;
    private final Param<String> predictionCol;
    private boolean standardize = true;

    /** A regressor training {@code spec} with optimizers from {@code optimizer}. */
    public BackpropRegressor(NetworkSpec spec, OptimizerFactory optimizer) {
        this(Identifiable$.MODULE$.randomUID("backpropRegressor"), spec, optimizer);
    }

    private BackpropRegressor(String uid, NetworkSpec spec, OptimizerFactory optimizer) {
        super(uid, "label column (numeric)");
        this.spec = spec;
        this.optimizer = optimizer;
        this.predictionCol = new Param<>(this, "predictionCol", "prediction column name");
        setDefault(predictionCol, "prediction");
    }

    @Override
    protected BackpropRegressor self() {
        return this;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    public BackpropRegressor setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    public BackpropRegressor setStandardize(boolean value) {
        this.standardize = value;
        return this;
    }

    /** The training settings this estimator uses (columns from the params). */
    public SparkTrainConfig config() {
        return configBuilder().label($(labelCol())).standardize(standardize).build();
    }

    @Override
    public BackpropRegressionModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        @SuppressWarnings("unchecked")
        Dataset<Row> rows = (Dataset<Row>) dataset.toDF();
        FitResult result = SparkTrainer.fit(rows, spec, optimizer.create(), config());
        BackpropRegressionModel model = new BackpropRegressionModel(uid(), result.model(), result.epochLosses());
        model.setParent(this);
        return copyValues(model, ParamMap.empty());
    }

    @Override
    public StructType transformSchema(StructType schema) {
        InputColumns.vector($(featuresCol()), List.of($(labelCol()))).checkSchema(schema);
        return BackpropRegressionModel.withPrediction(schema, $(predictionCol));
    }

    @Override
    public BackpropRegressor copy(ParamMap extra) {
        BackpropRegressor copy = copySettingsTo(new BackpropRegressor(uid(), spec, optimizer)).setStandardize(standardize);
        return copyValues(copy, extra);
    }

    static boolean isVector(StructType schema, String column) {
        return schema.apply(column).dataType() instanceof VectorUDT;
    }
}
