package org.backprop.io.table;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.backprop.io.model.Task;
import org.backprop.io.preprocess.TableOptions;

/**
 * Everything {@link Tabular#train} needs besides the file and the target, with the defaults of
 * {@code backprop train}: start from {@link #defaults()} and change what you need with the
 * {@code with…} methods.
 *
 * @param features          feature columns, or null for every column but the target
 * @param task              regression or classification, or null to infer it (see {@link Target})
 * @param dropMissingTarget leave out rows whose target is missing instead of failing (default false)
 * @param table             column types, missing values, rare levels (see {@link TableOptions})
 * @param layers            hidden layer sizes (default 64, 64); the output layer is added
 * @param activation        hidden layers' activation (default relu)
 * @param loss              the loss, or null for mse (regression) / softmax_ce (classification)
 * @param optimizer         the optimizer's registry name (default adam)
 * @param learningRate      the learning rate, or null for 0.001 (adam, adamw, rmsprop) / 0.01 (others)
 * @param epochs            epochs (default 100)
 * @param batchSize         rows per step (default 32)
 * @param seed              root seed of weights, shuffles and the validation split (default 0)
 * @param validationSplit   fraction of rows held out for validation, in [0, 1) (default 0)
 * @param patience          early stopping after this many epochs without improvement, 0 = off (default 0)
 * @param standardizeTarget standardize a regression target for training (default true)
 * @param threads           kernel threads, or null for every core (results do not depend on it)
 */
public record TabularOptions(List<String> features,
                             Task task,
                             boolean dropMissingTarget,
                             TableOptions table,
                             List<Integer> layers,
                             String activation,
                             String loss,
                             String optimizer,
                             Double learningRate,
                             int epochs,
                             int batchSize,
                             long seed,
                             double validationSplit,
                             int patience,
                             boolean standardizeTarget,
                             Integer threads) {

    /** Checks the values (IllegalArgumentException naming the option) and copies the lists. */
    public TabularOptions {
        features = features == null ? null : List.copyOf(features);
        Objects.requireNonNull(table, "table");
        layers = List.copyOf(layers);
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(optimizer, "optimizer");
        require(layers.stream().allMatch(n -> n >= 1), "layer sizes must be at least 1, got " + layers);
        require(learningRate == null || (learningRate > 0 && Double.isFinite(learningRate)),
                "the learning rate must be a positive number, got " + learningRate);
        require(epochs >= 1, "epochs must be at least 1, got " + epochs);
        require(batchSize >= 1, "the batch size must be at least 1, got " + batchSize);
        require(validationSplit >= 0 && validationSplit < 1, "the validation split must be in [0, 1), got "
                + validationSplit);
        require(patience >= 0, "patience must be at least 0, got " + patience);
        require(threads == null || threads >= 1, "threads must be at least 1, got " + threads);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The defaults of {@code backprop train}. */
    public static TabularOptions defaults() {
        return new TabularOptions(null, null, false, TableOptions.defaults(), List.of(64, 64), "relu", null, "adam", null, 100, 32, 0, 0, 0, true, null);
    }

    /** The default learning rate of an optimizer: 0.001 for adam, adamw and rmsprop, 0.01 for the others. */
    public static double defaultLearningRate(String optimizer) {
        return switch (optimizer.toLowerCase(Locale.ROOT)) {
            case "rmsprop", "adam", "adamw" -> 1e-3;
            default -> 0.01;
        };
    }

    /** The learning rate used: {@link #learningRate()} or the optimizer's default. */
    public double effectiveLearningRate() {
        return learningRate != null ? learningRate : defaultLearningRate(optimizer);
    }

    /** A copy with these hidden layer sizes. */
    public TabularOptions withLayers(int... sizes) {
        return withLayers(Arrays.stream(sizes).boxed().toList());
    }

    /** A copy with these columns declared categorical (see {@link TableOptions#categorical()}). */
    public TabularOptions withCategorical(String... columns) {
        return withTable(table.withCategorical(List.of(columns)));
    }

    /** A copy with {@link #features()} = {@code value}. */
    public TabularOptions withFeatures(List<String> value) {
        return new TabularOptions(value, task, dropMissingTarget, table, layers, activation, loss, optimizer, learningRate, epochs, batchSize, seed, validationSplit, patience, standardizeTarget, threads);
    }

    /** A copy with {@link #task()} = {@code value}. */
    public TabularOptions withTask(Task value) {
        return new TabularOptions(features, value, dropMissingTarget, table, layers, activation, loss, optimizer, learningRate, epochs, batchSize, seed, validationSplit, patience, standardizeTarget, threads);
    }

    /** A copy with {@link #dropMissingTarget()} = {@code value}. */
    public TabularOptions withDropMissingTarget(boolean value) {
        return new TabularOptions(features, task, value, table, layers, activation, loss, optimizer, learningRate, epochs, batchSize, seed, validationSplit, patience, standardizeTarget, threads);
    }

    /** A copy with {@link #table()} = {@code value}. */
    public TabularOptions withTable(TableOptions value) {
        return new TabularOptions(features, task, dropMissingTarget, value, layers, activation, loss, optimizer, learningRate, epochs, batchSize, seed, validationSplit, patience, standardizeTarget, threads);
    }

    /** A copy with {@link #layers()} = {@code value}. */
    public TabularOptions withLayers(List<Integer> value) {
        return new TabularOptions(features, task, dropMissingTarget, table, value, activation, loss, optimizer, learningRate, epochs, batchSize, seed, validationSplit, patience, standardizeTarget, threads);
    }

    /** A copy with {@link #activation()} = {@code value}. */
    public TabularOptions withActivation(String value) {
        return new TabularOptions(features, task, dropMissingTarget, table, layers, value, loss, optimizer, learningRate, epochs, batchSize, seed, validationSplit, patience, standardizeTarget, threads);
    }

    /** A copy with {@link #loss()} = {@code value}. */
    public TabularOptions withLoss(String value) {
        return new TabularOptions(features, task, dropMissingTarget, table, layers, activation, value, optimizer, learningRate, epochs, batchSize, seed, validationSplit, patience, standardizeTarget, threads);
    }

    /** A copy with {@link #optimizer()} = {@code value}. */
    public TabularOptions withOptimizer(String value) {
        return new TabularOptions(features, task, dropMissingTarget, table, layers, activation, loss, value, learningRate, epochs, batchSize, seed, validationSplit, patience, standardizeTarget, threads);
    }

    /** A copy with {@link #learningRate()} = {@code value}. */
    public TabularOptions withLearningRate(Double value) {
        return new TabularOptions(features, task, dropMissingTarget, table, layers, activation, loss, optimizer, value, epochs, batchSize, seed, validationSplit, patience, standardizeTarget, threads);
    }

    /** A copy with {@link #epochs()} = {@code value}. */
    public TabularOptions withEpochs(int value) {
        return new TabularOptions(features, task, dropMissingTarget, table, layers, activation, loss, optimizer, learningRate, value, batchSize, seed, validationSplit, patience, standardizeTarget, threads);
    }

    /** A copy with {@link #batchSize()} = {@code value}. */
    public TabularOptions withBatchSize(int value) {
        return new TabularOptions(features, task, dropMissingTarget, table, layers, activation, loss, optimizer, learningRate, epochs, value, seed, validationSplit, patience, standardizeTarget, threads);
    }

    /** A copy with {@link #seed()} = {@code value}. */
    public TabularOptions withSeed(long value) {
        return new TabularOptions(features, task, dropMissingTarget, table, layers, activation, loss, optimizer, learningRate, epochs, batchSize, value, validationSplit, patience, standardizeTarget, threads);
    }

    /** A copy with {@link #validationSplit()} = {@code value}. */
    public TabularOptions withValidationSplit(double value) {
        return new TabularOptions(features, task, dropMissingTarget, table, layers, activation, loss, optimizer, learningRate, epochs, batchSize, seed, value, patience, standardizeTarget, threads);
    }

    /** A copy with {@link #patience()} = {@code value}. */
    public TabularOptions withPatience(int value) {
        return new TabularOptions(features, task, dropMissingTarget, table, layers, activation, loss, optimizer, learningRate, epochs, batchSize, seed, validationSplit, value, standardizeTarget, threads);
    }

    /** A copy with {@link #standardizeTarget()} = {@code value}. */
    public TabularOptions withStandardizeTarget(boolean value) {
        return new TabularOptions(features, task, dropMissingTarget, table, layers, activation, loss, optimizer, learningRate, epochs, batchSize, seed, validationSplit, patience, value, threads);
    }

    /** A copy with {@link #threads()} = {@code value}. */
    public TabularOptions withThreads(Integer value) {
        return new TabularOptions(features, task, dropMissingTarget, table, layers, activation, loss, optimizer, learningRate, epochs, batchSize, seed, validationSplit, patience, standardizeTarget, value);
    }
}
