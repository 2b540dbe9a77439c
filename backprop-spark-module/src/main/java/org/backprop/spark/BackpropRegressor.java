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
public final class BackpropRegressor extends Estimator<BackpropRegressionModel> {
    private static final long serialVersionUID = 1L;
    private final String uid;
    private final NetworkSpec spec;
    private final OptimizerFactory optimizer;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;
    private int partitions = 1;
    private int globalBatchSize = 32;
    private int epochs = 10;
    private long seed;
    private boolean standardize = true;

    /** A regressor training {@code spec} with optimizers from {@code optimizer}. */
    public BackpropRegressor(NetworkSpec spec, OptimizerFactory optimizer) {
        this(Identifiable$.MODULE$.randomUID("backpropRegressor"), spec, optimizer);
    }

    private BackpropRegressor(String uid, NetworkSpec spec, OptimizerFactory optimizer) {
        this.uid = uid;
        this.spec = spec;
        this.optimizer = optimizer;
        this.featuresCol = new Param<>(this, "featuresCol", "features column (Vector)");
        this.labelCol = new Param<>(this, "labelCol", "label column (numeric)");
        this.predictionCol = new Param<>(this, "predictionCol", "prediction column name");
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(predictionCol, "prediction");
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> featuresCol() {
        return featuresCol;
    }

    public Param<String> labelCol() {
        return labelCol;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    public BackpropRegressor setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    public BackpropRegressor setLabelCol(String value) {
        set(labelCol, value);
        return this;
    }

    public BackpropRegressor setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    /** P, the number of data partitions (see {@link SparkTrainConfig}). */
    public BackpropRegressor setPartitions(int value) {
        this.partitions = value;
        return this;
    }

    public BackpropRegressor setGlobalBatchSize(int value) {
        this.globalBatchSize = value;
        return this;
    }

    public BackpropRegressor setEpochs(int value) {
        this.epochs = value;
        return this;
    }

    public BackpropRegressor setSeed(long value) {
        this.seed = value;
        return this;
    }

    public BackpropRegressor setStandardize(boolean value) {
        this.standardize = value;
        return this;
    }

    /** The training settings this estimator uses (columns from the params). */
    public SparkTrainConfig config() {
        return SparkTrainConfig.builder().featuresVector($(featuresCol)).label($(labelCol)).partitions(partitions)
                .globalBatchSize(globalBatchSize).epochs(epochs).seed(seed).standardize(standardize).build();
    }

    @Override
    public BackpropRegressionModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        @SuppressWarnings("unchecked")
        Dataset<Row> rows = (Dataset<Row>) dataset.toDF();
        FitResult result = SparkTrainer.fit(rows, spec, optimizer.create(), config());
        BackpropRegressionModel model = new BackpropRegressionModel(uid, result.model(), result.epochLosses());
        model.setParent(this);
        return copyValues(model, ParamMap.empty());
    }

    @Override
    public StructType transformSchema(StructType schema) {
        InputColumns.vector($(featuresCol), List.of($(labelCol))).checkSchema(schema);
        return BackpropRegressionModel.withPrediction(schema, $(predictionCol));
    }

    @Override
    public BackpropRegressor copy(ParamMap extra) {
        BackpropRegressor copy = new BackpropRegressor(uid, spec, optimizer).setPartitions(partitions)
                .setGlobalBatchSize(globalBatchSize).setEpochs(epochs).setSeed(seed).setStandardize(standardize);
        return copyValues(copy, extra);
    }

    static boolean isVector(StructType schema, String column) {
        return schema.apply(column).dataType() instanceof VectorUDT;
    }
}
