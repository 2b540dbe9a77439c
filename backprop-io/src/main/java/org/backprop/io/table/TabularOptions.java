package org.backprop.io.table;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.model.Task;
import org.backprop.io.preprocess.TableOptions;
import org.backprop.optim.Optimizers;

/**
 * Everything {@link Tabular#train} needs besides the file and the target, with the defaults of
 * {@code backprop train} (the CLI's flags take their defaults from the constants here and from
 * {@link StoppingRule} and {@link TrainingToolkit}, so both train the same model from the same
 * file): start from {@link #defaults()} and change what you need with the {@code with…} methods.
 *
 * @param features          feature columns, or null for every column but the target ({@code --features})
 * @param task              regression or classification, or null to infer it (see {@link Target}) ({@code --task})
 * @param dropMissingTarget leave out rows whose target is missing instead of failing (default false)
 *                          ({@code --drop-missing-target})
 * @param table             column types, missing values, rare levels (see {@link TableOptions})
 *                          ({@code --categorical}, {@code --numeric}, {@code --ignore}, {@code --embed},
 *                          {@code --na-values}, {@code --missing}, {@code --min-level-count})
 * @param separator         the CSV file's cell separator: ',' (default), ';', '\t' or '|' ({@code --separator})
 * @param decimal           the decimal mark of its numbers: '.' (default) or ',' (with another
 *                          separator) ({@code --decimal})
 * @param layers            hidden layer sizes (default {@value #DEFAULT_LAYERS}); the output layer is
 *                          added ({@code --layers})
 * @param activation        hidden layers' activation (default {@value #DEFAULT_ACTIVATION}) ({@code --activation})
 * @param loss              the loss, or null for mse (regression) / softmax_ce (classification) ({@code --loss})
 * @param optimizer         the optimizer's registry name (default {@value #DEFAULT_OPTIMIZER}) ({@code --optimizer})
 * @param learningRate      the learning rate, or null for 0.001 (adam, adamw, rmsprop) / 0.01 (others) ({@code --lr})
 * @param epochs            epochs, or null (default) for {@link StoppingRule}'s automatic rule: a
 *                          validation split, early stopping and an epoch count from the table's size ({@code --epochs})
 * @param batchSize         rows per step (default {@value #DEFAULT_BATCH_SIZE}) ({@code --batch-size})
 * @param seed              root seed of weights, shuffles and the validation split (default
 *                          {@value #DEFAULT_SEED}) ({@code --seed})
 * @param validationSplit   fraction of rows held out for validation, in [0, 1), or null (default) for
 *                          {@link StoppingRule#validationSplit}: {@value StoppingRule#AUTO_VALIDATION_SPLIT}
 *                          from {@value StoppingRule#MIN_ROWS_FOR_AUTO_SPLIT} rows when the epochs
 *                          are automatic, else 0 ({@code --validation-split})
 * @param patience          early stopping after this many epochs without improvement, 0 = off, or
 *                          null (default) for {@link StoppingRule#patience}: {@value StoppingRule#AUTO_PATIENCE}
 *                          when the epochs are automatic and there are validation rows, else 0 ({@code --patience})
 * @param standardizeTarget standardize a regression target for training (default true) ({@code --standardize-target})
 * @param toolkit           dropout, penalties, learning-rate schedule, clipping, initializer, huber δ
 *                          (default {@link TrainingToolkit#defaults()}: none of them)
 * @param threads           kernel threads, or null for every core (results do not depend on it) ({@code --threads})
 */
public record TabularOptions(List<String> features,
                             Task task,
                             boolean dropMissingTarget,
                             TableOptions table,
                             char separator,
                             char decimal,
                             List<Integer> layers,
                             String activation,
                             String loss,
                             String optimizer,
                             Double learningRate,
                             Integer epochs,
                             int batchSize,
                             long seed,
                             Double validationSplit,
                             Integer patience,
                             boolean standardizeTarget,
                             TrainingToolkit toolkit,
                             Integer threads) {
    /** The default hidden layer sizes, as {@code --layers} writes them. */
    public static final String DEFAULT_LAYERS = "64,64";
    /** The default activation of the hidden layers. */
    public static final String DEFAULT_ACTIVATION = "relu";
    /** The default optimizer: Adam, robust on unscaled tabular problems. */
    public static final String DEFAULT_OPTIMIZER = "adam";
    /** The default rows per step. */
    public static final int DEFAULT_BATCH_SIZE = 32;
    /** The default root seed. */
    public static final long DEFAULT_SEED = 0;

    /** Checks the values (IllegalArgumentException naming the option) and copies the lists. */
    public TabularOptions {
        features = features == null ? null : List.copyOf(features);
        Objects.requireNonNull(table, "table");
        layers = List.copyOf(layers);
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(toolkit, "toolkit");
        new ColumnarReadOptions(null, java.util.Set.of(), table.missing(), separator, decimal);
        require(layers.stream().allMatch(n -> n >= 1), "layer sizes must be at least 1, got " + layers);
        require(learningRate == null || (learningRate > 0 && Double.isFinite(learningRate)),
                "the learning rate must be a positive number, got " + learningRate);
        require(epochs == null || epochs >= 1, "epochs must be at least 1, got " + epochs);
        require(batchSize >= 1, "the batch size must be at least 1, got " + batchSize);
        require(validationSplit == null || (validationSplit >= 0 && validationSplit < 1),
                "the validation split must be in [0, 1), got " + validationSplit);
        require(patience == null || patience >= 0, "patience must be at least 0, got " + patience);
        require(threads == null || threads >= 1, "threads must be at least 1, got " + threads);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The defaults of {@code backprop train} without flags. */
    public static TabularOptions defaults() {
        List<Integer> layers = Arrays.stream(DEFAULT_LAYERS.split(",")).map(Integer::valueOf).toList();
        return new TabularOptions(null, null, false, TableOptions.defaults(), ',', '.', layers, DEFAULT_ACTIVATION,
                null, DEFAULT_OPTIMIZER, null, null, DEFAULT_BATCH_SIZE, DEFAULT_SEED, null, null, true,
                TrainingToolkit.defaults(), null);
    }

    /** The default learning rate of an optimizer: 0.001 for adam, adamw and rmsprop, 0.01 for the others. */
    public static double defaultLearningRate(String optimizer) {
        return Optimizers.defaultLearningRate(optimizer);
    }

    /** The learning rate used: {@link #learningRate()} or the optimizer's default. */
    public double effectiveLearningRate() {
        return learningRate != null ? learningRate : defaultLearningRate(optimizer);
    }

    /**
     * True if the epochs, validation split and patience follow {@link StoppingRule}'s automatic rule
     * (the epochs are not given).
     */
    public boolean automaticEpochs() {
        return epochs == null;
    }

    /** A copy with these hidden layer sizes. */
    public TabularOptions withLayers(int... sizes) {
        return withLayers(Arrays.stream(sizes).boxed().toList());
    }

    /** A copy with these columns declared categorical (see {@link TableOptions#categorical()}). */
    public TabularOptions withCategorical(String... columns) {
        return withTable(table.withCategorical(List.of(columns)));
    }

    /** A copy with these columns not used (see {@link TableOptions#ignore()}). */
    public TabularOptions withIgnore(String... columns) {
        return withTable(table.withIgnore(List.of(columns)));
    }

    /** A copy with {@link TrainingToolkit#dropout()} = {@code value}: dropout after every hidden layer. */
    public TabularOptions withDropout(double value) {
        return withToolkit(toolkit.withDropout(value));
    }

    /** A copy with {@link TrainingToolkit#weightDecay()} = {@code value}: L2 penalty (adamw: its decoupled decay). */
    public TabularOptions withWeightDecay(Double value) {
        return withToolkit(toolkit.withWeightDecay(value));
    }

    /** A copy with {@link TrainingToolkit#l1()} = {@code value}: L1 penalty on the weights. */
    public TabularOptions withL1(double value) {
        return withToolkit(toolkit.withL1(value));
    }

    /** A copy with {@link TrainingToolkit#lrSchedule()} = {@code value}: constant, step, exponential, linear or cosine. */
    public TabularOptions withLrSchedule(String value) {
        return withToolkit(toolkit.withLrSchedule(value));
    }

    /** A copy with {@link TrainingToolkit#warmupEpochs()} = {@code value}: linear warm-up of the learning rate. */
    public TabularOptions withWarmupEpochs(double value) {
        return withToolkit(toolkit.withWarmupEpochs(value));
    }

    /** A copy with {@link TrainingToolkit#clipNorm()} = {@code value}: the gradient's L2 norm at most this. */
    public TabularOptions withClipNorm(Double value) {
        return withToolkit(toolkit.withClipNorm(value));
    }

    /** A copy with {@link TrainingToolkit#clipValue()} = {@code value}: every gradient element within ±value. */
    public TabularOptions withClipValue(Double value) {
        return withToolkit(toolkit.withClipValue(value));
    }

    /** A copy with {@link TrainingToolkit#initializer()} = {@code value}, e.g. "he_uniform". */
    public TabularOptions withInitializer(String value) {
        return withToolkit(toolkit.withInitializer(value));
    }

    /** A copy with {@link TrainingToolkit#huberDelta()} = {@code value}: δ of the huber loss. */
    public TabularOptions withHuberDelta(double value) {
        return withToolkit(toolkit.withHuberDelta(value));
    }

    /** A copy with {@link #features()} = {@code value}. */
    public TabularOptions withFeatures(List<String> value) {
        return with(d -> d.features = value);
    }

    /** A copy with {@link #task()} = {@code value}. */
    public TabularOptions withTask(Task value) {
        return with(d -> d.task = value);
    }

    /** A copy with {@link #dropMissingTarget()} = {@code value}. */
    public TabularOptions withDropMissingTarget(boolean value) {
        return with(d -> d.dropMissingTarget = value);
    }

    /** A copy with {@link #table()} = {@code value}. */
    public TabularOptions withTable(TableOptions value) {
        return with(d -> d.table = value);
    }

    /** A copy with {@link #separator()} = {@code value}. */
    public TabularOptions withSeparator(char value) {
        return with(d -> d.separator = value);
    }

    /** A copy with {@link #decimal()} = {@code value}. */
    public TabularOptions withDecimal(char value) {
        return with(d -> d.decimal = value);
    }

    /** A copy with {@link #layers()} = {@code value}. */
    public TabularOptions withLayers(List<Integer> value) {
        return with(d -> d.layers = value);
    }

    /** A copy with {@link #activation()} = {@code value}. */
    public TabularOptions withActivation(String value) {
        return with(d -> d.activation = value);
    }

    /** A copy with {@link #loss()} = {@code value}. */
    public TabularOptions withLoss(String value) {
        return with(d -> d.loss = value);
    }

    /** A copy with {@link #optimizer()} = {@code value}. */
    public TabularOptions withOptimizer(String value) {
        return with(d -> d.optimizer = value);
    }

    /** A copy with {@link #learningRate()} = {@code value}. */
    public TabularOptions withLearningRate(Double value) {
        return with(d -> d.learningRate = value);
    }

    /** A copy with {@link #epochs()} = {@code value}. */
    public TabularOptions withEpochs(Integer value) {
        return with(d -> d.epochs = value);
    }

    /** A copy with {@link #batchSize()} = {@code value}. */
    public TabularOptions withBatchSize(int value) {
        return with(d -> d.batchSize = value);
    }

    /** A copy with {@link #seed()} = {@code value}. */
    public TabularOptions withSeed(long value) {
        return with(d -> d.seed = value);
    }

    /** A copy with {@link #validationSplit()} = {@code value}. */
    public TabularOptions withValidationSplit(Double value) {
        return with(d -> d.validationSplit = value);
    }

    /** A copy with {@link #patience()} = {@code value}. */
    public TabularOptions withPatience(Integer value) {
        return with(d -> d.patience = value);
    }

    /** A copy with {@link #standardizeTarget()} = {@code value}. */
    public TabularOptions withStandardizeTarget(boolean value) {
        return with(d -> d.standardizeTarget = value);
    }

    /** A copy with {@link #toolkit()} = {@code value}. */
    public TabularOptions withToolkit(TrainingToolkit value) {
        return with(d -> d.toolkit = value);
    }

    /** A copy with {@link #threads()} = {@code value}. */
    public TabularOptions withThreads(Integer value) {
        return with(d -> d.threads = value);
    }

    private TabularOptions with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return d.build();
    }

    /** The components of a copy being changed: one list of them for every {@code with…} method. */
    private static final class Draft {
        private List<String> features;
        private Task task;
        private boolean dropMissingTarget;
        private TableOptions table;
        private char separator;
        private char decimal;
        private List<Integer> layers;
        private String activation;
        private String loss;
        private String optimizer;
        private Double learningRate;
        private Integer epochs;
        private int batchSize;
        private long seed;
        private Double validationSplit;
        private Integer patience;
        private boolean standardizeTarget;
        private TrainingToolkit toolkit;
        private Integer threads;

        Draft(TabularOptions o) {
            features = o.features;
            task = o.task;
            dropMissingTarget = o.dropMissingTarget;
            table = o.table;
            separator = o.separator;
            decimal = o.decimal;
            layers = o.layers;
            activation = o.activation;
            loss = o.loss;
            optimizer = o.optimizer;
            learningRate = o.learningRate;
            epochs = o.epochs;
            batchSize = o.batchSize;
            seed = o.seed;
            validationSplit = o.validationSplit;
            patience = o.patience;
            standardizeTarget = o.standardizeTarget;
            toolkit = o.toolkit;
            threads = o.threads;
        }

        TabularOptions build() {
            return new TabularOptions(features, task, dropMissingTarget, table, separator, decimal, layers,
                    activation, loss, optimizer, learningRate, epochs, batchSize, seed, validationSplit, patience,
                    standardizeTarget, toolkit, threads);
        }
    }
}
