package org.backprop.io.model;

import java.util.List;
import java.util.Objects;

import org.backprop.io.DataException;
import org.backprop.io.DoubleTable;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.csv.CsvTable;
import org.backprop.io.preprocess.EncodeWarnings;
import org.backprop.io.preprocess.LabelEncoder;
import org.backprop.io.preprocess.StandardScaler;
import org.backprop.io.preprocess.TablePreprocessor;
import org.backprop.loss.BinaryCrossEntropyWithLogits;
import org.backprop.network.NetworkSpec;
import org.backprop.network.NeuralNetwork;
import org.backprop.tensor.Matrix;

/**
 * A trained network with everything needed to use it on raw data: the feature columns and their
 * scaler, the task, for regression the target's scaler (predictions are mapped back to target
 * units), for classification the class labels, and where the model came from.
 *
 * <p>Immutable once built, as long as nobody trains {@link #network()} further: every prediction
 * method runs on {@link NeuralNetwork#predict}, never on the network's training buffers, so one
 * model can serve many threads at once. Save and load with {@link ModelFile}.
 */
public final class Model implements AutoCloseable {
    private final NeuralNetwork network;
    private final Task task;
    private final List<String> features;
    private final String target;
    private final StandardScaler featureScaler;
    private final StandardScaler targetScaler;
    private final LabelEncoder labels;
    private final ModelMetadata metadata;
    private final TablePreprocessor preprocessor;

    private Model(NeuralNetwork network, Task task, List<String> features, String target,
                  StandardScaler featureScaler, StandardScaler targetScaler, LabelEncoder labels,
                  ModelMetadata metadata, TablePreprocessor preprocessor) {
        this.network = Objects.requireNonNull(network, "network");
        this.task = task;
        this.features = List.copyOf(features);
        this.target = Objects.requireNonNull(target, "target");
        this.featureScaler = Objects.requireNonNull(featureScaler, "featureScaler");
        this.targetScaler = targetScaler;
        this.labels = labels;
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.preprocessor = preprocessor != null ? preprocessor : TablePreprocessor.numeric(this.features);
        checkWidths();
        require(this.preprocessor.outputNames().equals(this.features), "the preprocessing writes "
                + this.preprocessor.outputNames() + " but the model's features are " + this.features);
    }

    /**
     * A regression model. The network maps standardized features to the standardized target;
     * pass {@code StandardScaler.of({0}, {1})} as {@code targetScaler} for an unscaled target.
     */
    public static Model regression(NeuralNetwork network, List<String> features, String target,
                                   StandardScaler featureScaler, StandardScaler targetScaler, ModelMetadata metadata) {
        return new Model(network, Task.REGRESSION, features, target, featureScaler,
                Objects.requireNonNull(targetScaler, "targetScaler"), null, metadata, null);
    }

    /**
     * A classification model whose network emits one logit per class of {@code labels}, under a loss
     * on logits (softmax cross-entropy) that defines the probabilities; or, for two labels, one
     * logit under {@link BinaryCrossEntropyWithLogits} ({@code bce_logits}): the probability of the
     * second label (index 1, the positive class), the first having 1 − that.
     */
    public static Model classification(NeuralNetwork network, List<String> features, String target,
                                       StandardScaler featureScaler, LabelEncoder labels, ModelMetadata metadata) {
        return new Model(network, Task.CLASSIFICATION, features, target, featureScaler, null,
                Objects.requireNonNull(labels, "labels"), metadata, null);
    }

    private void checkWidths() {
        require(features.size() == network.inputs(), features.size() + " feature names for a network of "
                + network.inputs() + " inputs");
        require(featureScaler.columns() == network.inputs(), "the feature scaler has " + featureScaler.columns()
                + " columns but the network " + network.inputs() + " inputs");
        if (task == Task.REGRESSION) {
            require(network.outputs() == 1, "a regression model needs one output, the network has "
                    + network.outputs());
            require(targetScaler.columns() == 1, "the target scaler must have one column");
        } else {
            require(labels.classCount() == network.outputs() || binaryOnOneLogit(), labels.classCount()
                    + " class labels for " + network.outputs() + " network outputs (one output serves two labels "
                    + "under bce_logits)");
            require(hasProbabilities(), "a classification model needs a loss on logits (softmax_ce), not "
                    + network.loss().id());
        }
    }

    /** Two labels, one network output under bce_logits: the output is the second label's logit. */
    private boolean binaryOnOneLogit() {
        return labels.classCount() == 2 && network.outputs() == 1
                && network.loss() instanceof BinaryCrossEntropyWithLogits;
    }

    private boolean hasProbabilities() {
        try {
            network.loss().probabilities(Matrix.zeros(1, network.outputs()));
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The network (in×out weights); do not train it while the model is in use. */
    public NeuralNetwork network() {
        return network;
    }

    /** The network's description: layers with every hyperparameter, loss, initializer ({@code network().spec()}). */
    public NetworkSpec spec() {
        return network.spec();
    }

    /** Regression or classification. */
    public Task task() {
        return task;
    }

    /** The feature column names, in network input order. */
    public List<String> features() {
        return features;
    }

    /** The target column's name. */
    public String target() {
        return target;
    }

    /** The scaler fitted on the training rows' features. */
    public StandardScaler featureScaler() {
        return featureScaler;
    }

    /** The target's scaler (regression), or null (classification). */
    public StandardScaler targetScaler() {
        return targetScaler;
    }

    /** The class labels (classification), or null (regression). */
    public LabelEncoder labels() {
        return labels;
    }

    /**
     * This model with {@code preprocessor} applied to raw rows before the feature scaler; the copy
     * shares the network (closing either closes it).
     *
     * @throws IllegalArgumentException unless the preprocessor's output names are {@link #features()}
     */
    public Model withPreprocessor(TablePreprocessor preprocessor) {
        return new Model(network, task, features, target, featureScaler, targetScaler, labels, metadata,
                Objects.requireNonNull(preprocessor, "preprocessor"));
    }

    /** This model with {@code metadata}; the copy shares the network (closing either closes it). */
    public Model withMetadata(ModelMetadata metadata) {
        return new Model(network, task, features, target, featureScaler, targetScaler, labels,
                Objects.requireNonNull(metadata, "metadata"), preprocessor);
    }

    /**
     * How raw CSV columns become {@link #features()}: for models of format version 1 (and models
     * built without one) every feature is a numeric column of the same name, missing cells errors.
     */
    public TablePreprocessor preprocessor() {
        return preprocessor;
    }

    /** Training configuration, seed, versions and command line. */
    public ModelMetadata metadata() {
        return metadata;
    }

    /**
     * {@link #features()} of {@code table}'s rows, through the model's {@link #preprocessor()} (as
     * {@code backprop predict} and {@code TabularModel.predict} encode them): numeric columns as
     * numbers (missing cells imputed, or errors for a model that refuses them), categorical columns
     * one-hot encoded or as category codes, in the model's order, not yet standardized (that is
     * {@link #inputs}). A level not seen in training encodes as all zeros: {@link
     * #featuresOf(CsvTable, EncodeWarnings)} counts them.
     *
     * @throws DataException if a used column is missing (naming it) or a numeric cell is not a number
     */
    public DoubleTable featuresOf(CsvTable table) {
        return featuresOf(table, new EncodeWarnings());
    }

    /**
     * As {@link #featuresOf(CsvTable)}, counting unseen levels and other encoding notices in
     * {@code warnings}.
     */
    public DoubleTable featuresOf(CsvTable table, EncodeWarnings warnings) {
        return preprocessor.encode(ColumnarTable.of(table, preprocessor.readOptions(List.of())), warnings);
    }

    /** The network's input for raw features: standardized, as an n×inputs matrix. */
    public Matrix inputs(DoubleTable rawFeatures) {
        if (rawFeatures.cols() != features.size()) {
            throw new IllegalArgumentException("got " + rawFeatures.cols() + " feature columns, the model has "
                    + features.size() + ": " + features);
        }
        return Matrix.wrap(rawFeatures.rows(), rawFeatures.cols(), featureScaler.transform(rawFeatures.data()));
    }

    /**
     * The targets of {@code table} as the network sees them: for regression the standardized target
     * (n×1), for classification one-hot rows (n×classes).
     *
     * @throws DataException if the target column is missing, a value is not a number (regression)
     *                       or a label is not one of the model's classes (classification)
     */
    public Matrix targetsOf(CsvTable table) {
        if (task == Task.REGRESSION) {
            double[] y = table.doubleColumn(target);
            return Matrix.column(targetScaler.transform(y));
        }
        int[] classes = classesOf(table);
        if (binaryOnOneLogit()) {
            return Matrix.column(java.util.Arrays.stream(classes).asDoubleStream().toArray());
        }
        return Matrix.wrap(table.rowCount(), labels.classCount(), labels.oneHot(classes).data());
    }

    /**
     * The class index of each row's label in {@code table}'s target column.
     *
     * @throws DataException naming file, line and column for a label the model does not know
     */
    public int[] classesOf(CsvTable table) {
        requireTask(Task.CLASSIFICATION);
        String[] raw = table.labelColumn(target);
        int column = table.columnIndex(target);
        int[] out = new int[raw.length];
        for (int r = 0; r < raw.length; r++) {
            if (!labels.classes().contains(raw[r])) {
                throw DataException.in(table.source()).line(table.line(r)).column(column + 1, target).text(raw[r])
                        .problem("class label not known to the model (" + labels.known() + ")");
            }
            out[r] = labels.encode(raw[r]);
        }
        return out;
    }

    /** Regression predictions in the target's units, one per row of {@code rawFeatures}. */
    public double[] predictValues(DoubleTable rawFeatures) {
        requireTask(Task.REGRESSION);
        return targetScaler.inverseTransform(network.predict(inputs(rawFeatures)).toArray());
    }

    /** Class probabilities, n×classes, columns in the order of {@link #labels()}. */
    public Matrix predictProbabilities(DoubleTable rawFeatures) {
        return probabilities(inputs(rawFeatures));
    }

    /**
     * Class probabilities, n×classes, columns in the order of {@link #labels()}, for network inputs
     * {@code x} (n×inputs, standardized as {@link #inputs} makes them): the network's
     * {@link NeuralNetwork#predictProbabilities}, with a one-logit binary model's probability p of
     * the second label spread into the two columns 1 − p, p.
     */
    public Matrix probabilities(Matrix x) {
        requireTask(Task.CLASSIFICATION);
        Matrix p = network.predictProbabilities(x);
        if (!binaryOnOneLogit()) {
            return p;
        }
        Matrix both = Matrix.zeros(p.rows(), 2);
        for (int i = 0; i < p.rows(); i++) {
            both.set(i, 0, 1 - p.get(i, 0));
            both.set(i, 1, p.get(i, 0));
        }
        return both;
    }

    /** The most probable class label of each row of probabilities (the first one on ties). */
    public String[] labelsOf(Matrix probabilities) {
        String[] out = new String[probabilities.rows()];
        for (int i = 0; i < out.length; i++) {
            int best = 0;
            for (int j = 1; j < probabilities.cols(); j++) {
                best = probabilities.get(i, j) > probabilities.get(i, best) ? j : best;
            }
            out[i] = labels.decode(best);
        }
        return out;
    }

    private void requireTask(Task expected) {
        if (task != expected) {
            throw new IllegalStateException("this is a " + task.id() + " model, not " + expected.id());
        }
    }

    /**
     * Stops the network's kernel threads; the model keeps predicting afterwards (see
     * {@link NeuralNetwork#close}).
     */
    @Override
    public void close() {
        network.close();
    }
}
