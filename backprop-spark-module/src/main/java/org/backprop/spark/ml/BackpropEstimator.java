package org.backprop.spark.ml;

import java.util.List;
import java.util.Locale;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.backprop.loss.Losses;
import org.backprop.network.NetworkBuilder;
import org.backprop.network.NetworkSpec;
import org.backprop.network.NeuralNetwork;
import org.backprop.op.Activations;
import org.backprop.optim.LearningRates;
import org.backprop.optim.Optimizer;
import org.backprop.optim.Optimizers;
import org.backprop.spark.data.InputColumns;
import org.backprop.spark.train.SparkTrainConfig;

/**
 * What the backprop Spark ML estimators share: every setting is a Spark ML {@link Param}, so
 * {@code ParamGridBuilder} with {@code CrossValidator} or {@code TrainValidationSplit} can tune it,
 * {@code copy} is Spark's default copy, and the estimator saves and loads as its params
 * ({@link DefaultParamsWritable}; each concrete class has the static {@code read()}/{@code load}
 * Spark ML's readers call). The defaults are {@code backprop train}'s.
 *
 * <ul>
 *   <li>{@code featuresCol} ("features"): a Spark ML {@code Vector} column, e.g. a
 *       {@code VectorAssembler}'s output; its attribute metadata names the features in the model file.</li>
 *   <li>{@code labelCol} ("label"), {@code predictionCol} ("prediction").</li>
 *   <li>{@code weightCol} (unset): a numeric column of per-row weights (finite, ≥ 0); every batch's
 *       loss is then the weighted mean Σwℓ/Σw over the global batch, as {@code backprop train
 *       --weight-column} computes it.</li>
 *   <li>{@code layers} ([64, 64]): hidden layer sizes; the output layer is added (1 unit for regression,
 *       one logit per class).</li>
 *   <li>{@code activation} ("relu"), {@code optimizer} ("adam"), {@code learningRate} (the optimizer's
 *       default: 1e-3 for adam, adamw and rmsprop, 0.01 for the others).</li>
 *   <li>{@code epochs} (100), {@code batchSize} (32, rows per step over all partitions),
 *       {@code partitions} (1: P, part of the result, not the executor count), {@code seed} (0),
 *       {@code standardize} (true: features scaled with the training rows' mean and std).</li>
 * </ul>
 *
 * @param <S> the concrete estimator
 * @param <M> the model it fits
 */
public abstract class BackpropEstimator<S extends BackpropEstimator<S, M>, M extends Model<M>> extends Estimator<M>
        implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;
    private final String uid;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;
    private final Param<String> weightCol;
    private final IntArrayParam layers;
    private final Param<String> activation;
    private final Param<String> optimizer;
    private final DoubleParam learningRate;
    private final IntParam epochs;
    private final IntParam batchSize;
    private final IntParam partitions;
    private final LongParam seed;
    private final BooleanParam standardize;

    /**
     * @param uid              the stage's unique id
     * @param labelDescription how the label column is described in the param's doc
     */
    protected BackpropEstimator(String uid, String labelDescription) {
        this.uid = uid;
        featuresCol = new Param<>(this, "featuresCol", "features column (Vector)");
        labelCol = new Param<>(this, "labelCol", labelDescription);
        predictionCol = new Param<>(this, "predictionCol", "prediction column name");
        weightCol = new Param<>(this, "weightCol", "per-row weight column (numeric, ≥ 0); unset: every row weighs 1");
        layers = new IntArrayParam(this, "layers", "hidden layer sizes (the output layer is added)");
        activation = new Param<>(this, "activation", "hidden layers' activation: " + Activations.names(),
                ParamValidators.inArray(List.copyOf(Activations.names())));
        optimizer = new Param<>(this, "optimizer", "optimizer: " + Optimizers.NAMES,
                ParamValidators.inArray(List.copyOf(Optimizers.names())));
        learningRate = new DoubleParam(this, "learningRate", "learning rate (default: the optimizer's)",
                ParamValidators.gt(0));
        epochs = new IntParam(this, "epochs", "passes over the data", ParamValidators.gtEq(1));
        batchSize = new IntParam(this, "batchSize", "rows per step over all partitions", ParamValidators.gtEq(1));
        partitions = new IntParam(this, "partitions", "data partitions P (part of the result)", ParamValidators.gtEq(1));
        seed = new LongParam(this, "seed", "root seed of the weights and shuffles");
        standardize = new BooleanParam(this, "standardize", "standardize the features with the training rows' "
                + "mean and standard deviation");
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(predictionCol, "prediction");
        setDefault(layers, new int[] {64, 64});
        setDefault(activation, "relu");
        setDefault(optimizer, "adam");
        setDefault(epochs, 100);
        setDefault(batchSize, 32);
        setDefault(partitions, 1);
        setDefault(seed, 0L);
        setDefault(standardize, true);
    }

    /** This estimator as its concrete type, for fluent setters. */
    protected abstract S self();

    @Override
    public String uid() {
        return uid;
    }

    /** The features column ({@code Vector}); Spark ML finds params through these public accessors. */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    public Param<String> labelCol() {
        return labelCol;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    public Param<String> weightCol() {
        return weightCol;
    }

    public IntArrayParam layers() {
        return layers;
    }

    public Param<String> activation() {
        return activation;
    }

    public Param<String> optimizer() {
        return optimizer;
    }

    public DoubleParam learningRate() {
        return learningRate;
    }

    public IntParam epochs() {
        return epochs;
    }

    public IntParam batchSize() {
        return batchSize;
    }

    public IntParam partitions() {
        return partitions;
    }

    public LongParam seed() {
        return seed;
    }

    public BooleanParam standardize() {
        return standardize;
    }

    public S setFeaturesCol(String value) {
        return setParam(featuresCol, value);
    }

    public S setLabelCol(String value) {
        return setParam(labelCol, value);
    }

    public S setPredictionCol(String value) {
        return setParam(predictionCol, value);
    }

    /** Per-row weights from this numeric column (each finite and ≥ 0). */
    public S setWeightCol(String value) {
        return setParam(weightCol, value);
    }

    /** Hidden layer sizes, each ≥ 1 (an empty array: no hidden layer). */
    public S setLayers(int... value) {
        return setParam(layers, value.clone());
    }

    public S setActivation(String value) {
        return setParam(activation, value.toLowerCase(Locale.ROOT));
    }

    public S setOptimizer(String value) {
        return setParam(optimizer, value.toLowerCase(Locale.ROOT));
    }

    public S setLearningRate(double value) {
        return setParam(learningRate, value);
    }

    public S setEpochs(int value) {
        return setParam(epochs, value);
    }

    /** Rows per step over all partitions. */
    public S setBatchSize(int value) {
        return setParam(batchSize, value);
    }

    /** P, the number of data partitions (see {@link SparkTrainConfig}). */
    public S setPartitions(int value) {
        return setParam(partitions, value);
    }

    public S setSeed(long value) {
        return setParam(seed, value);
    }

    public S setStandardize(boolean value) {
        return setParam(standardize, value);
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

    /** The weight column, or null when unset (every row weighs 1). */
    public String getWeightCol() {
        return isDefined(weightCol) ? $(weightCol) : null;
    }

    public int[] getLayers() {
        return $(layers).clone();
    }

    public String getActivation() {
        return $(activation);
    }

    public String getOptimizer() {
        return $(optimizer);
    }

    public int getEpochs() {
        return (Integer) $(epochs);
    }

    public int getBatchSize() {
        return (Integer) $(batchSize);
    }

    public int getPartitions() {
        return (Integer) $(partitions);
    }

    public long getSeed() {
        return (Long) $(seed);
    }

    public boolean getStandardize() {
        return (Boolean) $(standardize);
    }

    private <T> S setParam(Param<T> param, T value) {
        set(param, value);
        return self();
    }

    /** The learning rate: the param if set, else the optimizer's default. */
    public double effectiveLearningRate() {
        return isDefined(learningRate) ? (Double) $(learningRate) : Optimizers.defaultLearningRate(getOptimizer());
    }

    /** A fresh optimizer of these settings. */
    protected Optimizer newOptimizer() {
        return Optimizers.create($(optimizer), LearningRates.of(effectiveLearningRate()));
    }

    /**
     * The network: {@code inputs} → the hidden layers ({@code activation}) → {@code outputs} linear
     * units, trained with {@code loss}.
     *
     * @throws IllegalArgumentException for a hidden layer size below 1
     */
    protected NetworkSpec network(int inputs, int outputs, String loss) {
        NetworkBuilder b = NeuralNetwork.builder(inputs).loss(Losses.byName(loss));
        for (int units : $(layers)) {
            if (units < 1) {
                throw new IllegalArgumentException("layers: sizes must be at least 1, got "
                        + java.util.Arrays.toString($(layers)));
            }
            b.dense(units, $(activation));
        }
        return b.dense(outputs, "linear").spec();
    }

    /** A training config reading the features column and {@code labels}, with these settings. */
    protected SparkTrainConfig.Builder configBuilder(String... labels) {
        return SparkTrainConfig.builder().featuresVector(getFeaturesCol()).label(labels).partitions(getPartitions())
                .globalBatchSize(getBatchSize()).epochs(getEpochs()).seed(getSeed()).standardize(getStandardize())
                .weightColumn(getWeightCol());
    }

    /**
     * The number of values in the features column: from its ML attribute metadata if it has them,
     * else from the first row (one small job).
     *
     * @throws IllegalArgumentException if the data set has no rows
     */
    protected int featureWidth(Dataset<?> data) {
        int width = InputColumns.attributeWidth(data.schema().apply($(featuresCol)));
        if (width >= 0) {
            return width;
        }
        List<Row> first = data.toDF().select($(featuresCol)).na().drop().limit(1).collectAsList();
        if (first.isEmpty()) {
            throw new IllegalArgumentException("no training rows with a value in column '" + $(featuresCol) + "'");
        }
        return ((Vector) first.get(0).get(0)).size();
    }

    /** The model file's metadata: {@code training} (settings and epoch losses), the seed, this library's version. */
    protected org.backprop.io.model.ModelMetadata metadata(String training) {
        return new org.backprop.io.model.ModelMetadata(training, getSeed(), org.backprop.LibraryVersion.current(), "");
    }

    /** The settings as a JSON object, stored in the model file's metadata. */
    protected com.google.gson.JsonObject trainingJson() {
        com.google.gson.JsonObject json = new com.google.gson.JsonObject();
        json.addProperty("trainer", "spark");
        json.addProperty("optimizer", $(optimizer));
        json.addProperty("learning_rate", effectiveLearningRate());
        json.addProperty("epochs", getEpochs());
        json.addProperty("batch_size", getBatchSize());
        json.addProperty("partitions", getPartitions());
        if (getWeightCol() != null) {
            json.addProperty("weight_column", getWeightCol());
        }
        return json;
    }
}
