package org.backprop.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.backprop.io.csv.ColumnSelection;
import org.backprop.io.csv.CsvTable;
import org.backprop.io.model.LayerSpec;
import org.backprop.io.model.Model;
import org.backprop.io.model.ModelMetadata;
import org.backprop.io.model.Task;
import org.backprop.io.preprocess.LabelEncoder;
import org.backprop.io.preprocess.Split;
import org.backprop.io.preprocess.Splits;
import org.backprop.io.preprocess.StandardScaler;
import org.backprop.kernel.Kernels;
import org.backprop.network.NetworkBuilder;
import org.backprop.network.NeuralNetwork;
import org.backprop.op.Activations;
import org.backprop.optim.Optimizer;
import org.backprop.tensor.Matrix;
import org.backprop.train.History;
import org.backprop.train.Trainer;
import org.backprop.train.TrainerConfig;
import org.backprop.train.TrainingDivergedException;
import org.backprop.train.TrainingListener;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code backprop train}: fits a network to a CSV file and saves the model.
 *
 * <p>Other front ends (such as {@code backprop-spark train}) extend it and replace only how the
 * table is read ({@link #readTable}) and how the network is fitted ({@link #train}); the options,
 * split, scalers, model, metrics and exit codes stay this class's.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a network on a CSV file and save the model (one safetensors file).",
                "Features are standardized with statistics of the training rows only; a regression target too "
                        + "(predictions are mapped back to its units). Classification uses one linear output per "
                        + "class and softmax cross-entropy.",
                "Task when --task is not given: regression if every target value is a number and there are "
                        + "fractional values or more than 10 distinct values; classification otherwise."},
        footer = {"", "Example:", "  backprop train --data houses.csv --target price --epochs 200 "
                + "--validation-split 0.2 --out houses.safetensors",
                "A diverged training (exit 4) never writes a model."})
public class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private DataOption data;

    @Option(names = "--target", required = true, paramLabel = "COLUMN", description = "The column to predict.")
    private String target;

    @Option(names = "--features", split = ",", paramLabel = "A,B,…",
            description = "Feature columns (default: every column but the target).")
    private List<String> features;

    @Option(names = "--task", paramLabel = "TASK", description = "regression or classification (default: inferred, see above).")
    private String task;

    @Option(names = "--layers", split = ",", paramLabel = "N,N,…", defaultValue = "64,64",
            description = "Hidden layer sizes (default: ${DEFAULT-VALUE}); the output layer is added: 1 unit "
                    + "(regression) or one per class.")
    private List<Integer> layers;

    @Option(names = "--activation", defaultValue = "relu", paramLabel = "NAME",
            description = "Hidden layers' activation (default: ${DEFAULT-VALUE}).")
    private String activation;

    @Option(names = "--loss", paramLabel = "NAME",
            description = "Loss: mse, mae or huber for regression (default mse); softmax_ce for classification.")
    private String loss;

    @Option(names = "--optimizer", defaultValue = OptimizerChoice.DEFAULT, paramLabel = "NAME",
            description = "Optimizer: sgd, momentum, nesterov, adagrad, rmsprop, adam or adamw (default: ${DEFAULT-VALUE}).")
    private String optimizer;

    @Option(names = "--lr", paramLabel = "X", description = "Learning rate (default: 0.001 for adam, adamw and rmsprop, 0.01 for the others).")
    private Double lr;

    @Option(names = "--batch-size", defaultValue = "32", paramLabel = "N",
            description = "Rows per step (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Mixin
    private ToolkitOptions toolkit;

    @Mixin
    private SampleWeightOptions weights;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N",
            description = "Root seed of the weights, shuffles and validation split (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Mixin
    private StoppingOptions stopping;

    @Option(names = "--standardize-target", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Standardize a regression target for training (default: on).")
    private boolean standardizeTarget;

    @Option(names = "--test", paramLabel = "FILE", description = "A CSV file of held-out rows to report test metrics on.")
    private Path test;

    @Option(names = "--out", defaultValue = "model.safetensors", paramLabel = "MODEL",
            description = "Where to save the model (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Mixin
    private MetricsJsonOption metricsJson;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Write the training and validation loss curves as a PNG.")
    private Path plot;

    @Option(names = "--threads", paramLabel = "N", description = "Kernel threads (default: all cores). Results do not depend on it.")
    private Integer threads;

    /** The epochs of this run, resolved once the training rows are known. */
    private int epochs;
    private double validationSplit;
    private int patience;

    /** The options of {@code train}; picocli fills them in. */
    public TrainCommand() {
    }

    @Override
    public Integer call() {
        checkOptions();
        PrintWriter stdout = spec.commandLine().getOut();
        CsvTable table = readTable(data.file);
        ColumnSelection resolved = ColumnSelection.resolve(table, target, features);
        List<String> featureNames = weights.withoutWeightColumn(resolved.features(), features != null && !features.isEmpty());
        TaskChoice choice = chooseTask(table);
        Task chosen = choice.task();
        weights.check(chosen, target);
        LabeledRows all = LabeledRows.read(table, featureNames, target, chosen);
        double[] columnWeights = weights.column(table, false);
        if (task == null) {
            stdout.println("task: " + chosen.id() + " (" + choice.reason() + "; set --task to override)");
        }
        validationSplit = stopping.validationSplit(all.size());
        Split split = split(all, chosen);
        LabeledRows train = all.select(split.train());
        LabeledRows validation = split.validation().length == 0 ? null : all.select(split.validation());
        epochs = stopping.epochs(train.size(), batchSize);
        patience = stopping.patience(validation != null, supportsEarlyStopping());
        try (Model model = newModel(chosen, featureNames, all, train)) {
            Map<String, Double> classWeights = chosen == Task.CLASSIFICATION
                    ? weights.classWeights(model.labels().classes(), train.labels()) : null;
            double[] rowWeights = SampleWeightOptions.rows(columnWeights, all.labels(), classWeights, all.size());
            RowSet trainSet = new RowSet(train, someWeight("training", pick(rowWeights, split.train())));
            RowSet validationSet = validation == null ? null
                    : new RowSet(validation, someWeight("validation", pick(rowWeights, split.validation())));
            RowSet testSet = test == null ? null : testRows(model, classWeights);
            stdout.println(describe(model, train, validation));
            if (classWeights != null) {
                stdout.println("class weights: " + classWeights);
            }
            History history = fit(model, trainSet, validationSet, stdout);
            CliFiles.saveModel(out, model);
            stdout.println("saved model to " + out);
            report(model, history, trainSet, validationSet, testSet, stdout);
        }
        return ExitCodes.OK;
    }

    /** Rows with their weights (null: every row weighs 1). */
    private record RowSet(LabeledRows rows, double[] weights) {
        Matrix weightColumn() {
            return weights == null ? null : Matrix.column(weights);
        }
    }

    /** The {@code --test} rows, read and checked against the model before training. */
    private RowSet testRows(Model model, Map<String, Double> classWeights) {
        CsvTable table = readTable(test);
        LabeledRows rows = LabeledRows.read(table, model);
        double[] w = SampleWeightOptions.rows(weights.column(table, true), rows.labels(), classWeights, rows.size());
        return new RowSet(rows, someWeight("test", w));
    }

    /** {@code w} unless every weight is 0 (a data error: such rows carry no information). */
    private double[] someWeight(String set, double[] w) {
        if (w != null && java.util.Arrays.stream(w).allMatch(v -> v == 0)) {
            throw new UserError(ExitCodes.DATA, "every " + set + " row has weight 0 (--weight-column "
                    + weights.weightColumn + ", --class-weight " + weights.classWeight + "): nothing to learn from "
                    + "or to measure");
        }
        return w;
    }

    private static double[] pick(double[] values, int[] rows) {
        if (values == null) {
            return null;
        }
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    /** True if {@link #train} honours early stopping ({@code backprop train} does); the automatic patience needs it. */
    protected boolean supportsEarlyStopping() {
        return true;
    }

    /**
     * Refuses invalid option values with a usage error (exit 2); an extension calls this first and
     * adds its own checks.
     */
    protected void checkOptions() {
        stopping.check();
        toolkit.check();
        require(batchSize >= 1, "--batch-size must be at least 1, got " + batchSize);
        require(lr == null || (lr > 0 && Double.isFinite(lr)), "--lr must be a positive number, got " + lr);
        require(threads == null || threads >= 1, "--threads must be at least 1, got " + threads);
        require(layers.stream().allMatch(n -> n >= 1), "--layers sizes must be at least 1, got " + layers);
        require(Activations.names().contains(activation.toLowerCase(Locale.ROOT)),
                "unknown activation '" + activation + "'; known: " + String.join(", ", Activations.names()));
        OptimizerChoice.create(optimizer, 0.01);
    }

    /** Throws a usage error (exit 2) with {@code message} unless {@code condition} holds. */
    protected static void require(boolean condition, String message) {
        if (!condition) {
            throw new UserError(ExitCodes.USAGE, message);
        }
    }

    private TaskChoice chooseTask(CsvTable table) {
        if (task == null) {
            return TaskChoice.infer(table, target);
        }
        try {
            return new TaskChoice(Task.fromId(task), "--task");
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, "--task: " + e.getMessage());
        }
    }

    private Split split(LabeledRows all, Task chosen) {
        double trainFraction = 1 - validationSplit;
        return chosen == Task.CLASSIFICATION
                ? Splits.stratified(LabelEncoder.fit(all.labels()).encode(all.labels()), trainFraction, validationSplit, seed)
                : Splits.random(all.size(), trainFraction, validationSplit, seed);
    }

    private Model newModel(Task chosen, List<String> featureNames, LabeledRows all, LabeledRows train) {
        StandardScaler featureScaler = StandardScaler.fit(train.features());
        ModelMetadata metadata = new ModelMetadata(trainingJson(train), seed, Version.current(), commandLine());
        if (chosen == Task.REGRESSION) {
            StandardScaler targetScaler = standardizeTarget
                    ? StandardScaler.fit(train.values(), train.size(), 1)
                    : StandardScaler.of(new double[] {0}, new double[] {1});
            return Model.regression(network(1, lossFor(chosen), featureNames.size(), false), featureNames, target,
                    featureScaler, targetScaler, metadata);
        }
        LabelEncoder labels = LabelEncoder.fit(all.labels());
        if (labels.classCount() < 2) {
            throw new UserError(ExitCodes.DATA, data.file + ", column \"" + target + "\": classification needs at "
                    + "least 2 classes, found only " + labels.classes());
        }
        return Model.classification(network(labels.classCount(), lossFor(chosen), featureNames.size(), false), featureNames,
                target, featureScaler, labels, metadata);
    }

    private String lossFor(Task chosen) {
        List<String> allowed = chosen == Task.REGRESSION ? List.of("mse", "mae", "huber") : List.of("softmax_ce");
        String name = loss == null ? allowed.get(0) : loss.toLowerCase(Locale.ROOT);
        require(allowed.contains(name), "--loss " + loss + " does not fit " + chosen.id() + "; use one of " + allowed);
        return name;
    }

    /**
     * The network of --layers and --activation with {@code outputs} linear outputs, the loss with
     * its parameters, the --init weights from the seed's "init" stream and, when
     * {@code withDropout}, --dropout after every hidden layer. Dropout layers have no parameters,
     * so the network with and without them has the same parameter layout and initial weights.
     */
    private NeuralNetwork network(int outputs, String lossName, int inputs, boolean withDropout) {
        NetworkBuilder builder = NeuralNetwork.builder(inputs).initializer(toolkit.initializer())
                .loss(toolkit.loss(lossName)).seed(seed).threads(threads == null ? Kernels.defaultThreads() : threads);
        for (int units : layers) {
            builder.dense(units, activation.toLowerCase(Locale.ROOT));
            if (withDropout) {
                builder.dropout(toolkit.dropout);
            }
        }
        return builder.dense(outputs, "linear").build();
    }

    /**
     * Fits the model's network, or with --dropout a twin with dropout layers whose trained
     * parameters are then copied into the model's network (dropout is the identity at prediction).
     */
    private History fit(Model model, RowSet train, RowSet validation, PrintWriter stdout) {
        double rate = lr != null ? lr : OptimizerChoice.defaultLearningRate(optimizer);
        int stepsPerEpoch = (train.rows().size() + Math.min(batchSize, train.rows().size()) - 1)
                / Math.min(batchSize, train.rows().size());
        ProgressPrinter progress = new ProgressPrinter(stdout, epochs, System.console() != null);
        Matrix x = model.inputs(train.rows().features());
        Matrix y = train.rows().networkTargets(model);
        NeuralNetwork network = toolkit.dropout > 0
                ? network(model.network().outputs(), model.architecture().loss(), model.network().inputs(), true)
                : model.network();
        try {
            History history = train(network, toolkit.optimizer(optimizer, rate, epochs, stepsPerEpoch), x, y,
                    train.weightColumn(), validation == null ? null : model.inputs(validation.rows().features()),
                    validation == null ? null : validation.rows().networkTargets(model),
                    validation == null ? null : validation.weightColumn(), progress);
            if (network != model.network()) {
                double[] trained = network.parameters().values();
                System.arraycopy(trained, 0, model.network().parameters().values(), 0, trained.length);
            }
            return history;
        } catch (TrainingDivergedException e) {
            throw new UserError(ExitCodes.DIVERGED, e.getMessage() + " No model was written.", e);
        } finally {
            progress.finish();
            if (network != model.network()) {
                network.close();
            }
        }
    }

    /**
     * Fits {@code network} (initialized from the seed's "init" stream) to the standardized inputs
     * {@code x} and network targets {@code y} with the local {@link Trainer}, mini-batches of
     * {@link #batchSize()} shuffled from the seed's "shuffle" stream for {@link #epochs()} epochs,
     * with early stopping after {@link #patience()} epochs without improvement (0 = off).
     *
     * @param w           the training rows' weights (n×1), or null: every row weighs 1
     * @param xValidation standardized validation inputs, or null (then {@code yValidation} and
     *                    {@code wValidation} are null too)
     * @throws TrainingDivergedException if the loss or a parameter becomes non-finite
     */
    protected History train(NeuralNetwork network, Optimizer optimizer, Matrix x, Matrix y, Matrix w,
                            Matrix xValidation, Matrix yValidation, Matrix wValidation, TrainingListener progress) {
        TrainerConfig config = TrainerConfig.defaults(seed).withEpochs(epochs).withBatchSize(batchSize)
                .withPatience(patience);
        Trainer trainer = new Trainer(network, optimizer, config).listener(progress);
        return trainer.fit(x, y, w, xValidation, yValidation, wValidation);
    }

    /** Reads a data file ({@code --data}, {@code --test}): a CSV file with a header row. */
    protected CsvTable readTable(Path file) {
        return CliFiles.readCsv(file);
    }

    /** The epochs of this run: {@code --epochs}, or the automatic rule's count ({@link StoppingOptions}). */
    protected final int epochs() {
        return epochs;
    }

    /** The early-stopping patience of this run (0 = off). */
    protected final int patience() {
        return patience;
    }

    /** {@code --batch-size}. */
    protected final int batchSize() {
        return batchSize;
    }

    /** {@code --seed}. */
    protected final long seed() {
        return seed;
    }

    /** True if the user gave {@code option} (e.g. {@code "--plot"}) on the command line. */
    protected final boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private void report(Model model, History history, RowSet train, RowSet validation, RowSet test,
                        PrintWriter stdout) {
        if (history.stoppedEarly()) {
            stdout.println("early stopping: kept the weights of epoch " + (history.restoredEpoch() + 1));
        }
        MetricsReport metrics = new MetricsReport().add("train", SplitMetrics.of(model, train.rows(), train.weights()));
        if (validation != null) {
            metrics.add("validation", SplitMetrics.of(model, validation.rows(), validation.weights()));
        }
        if (test != null) {
            metrics.add("test", SplitMetrics.of(model, test.rows(), test.weights()));
        }
        metrics.print(stdout);
        metrics.writeJson(metricsJson.file);
        if (plot != null) {
            LossPlot.write(plot, history, model.architecture().loss());
            stdout.println("wrote loss plot to " + plot);
        }
    }

    private String describe(Model model, LabeledRows train, LabeledRows validation) {
        return String.format(Locale.ROOT, "training %s on %d rows (%d validation), %d features → %s, %s, %s lr %s, "
                        + "%d epochs, batch %d, seed %d", model.task().id(), train.size(),
                validation == null ? 0 : validation.size(), model.features().size(), layersText(model),
                model.architecture().loss(), optimizer, lr != null ? lr : OptimizerChoice.defaultLearningRate(optimizer),
                epochs, batchSize, seed);
    }

    private static String layersText(Model model) {
        StringBuilder sb = new StringBuilder();
        for (LayerSpec l : model.architecture().layers()) {
            sb.append(sb.length() == 0 ? "" : "→").append(l.units()).append(' ').append(l.activation());
        }
        return sb.toString();
    }

    private String trainingJson(LabeledRows train) {
        JsonObject json = new JsonObject();
        json.addProperty("data", data.file.getFileName().toString());
        json.addProperty("rows", train.size());
        json.addProperty("optimizer", optimizer.toLowerCase(Locale.ROOT));
        json.addProperty("learning_rate", lr != null ? lr : OptimizerChoice.defaultLearningRate(optimizer));
        json.addProperty("epochs", epochs);
        json.addProperty("batch_size", batchSize);
        json.addProperty("validation_split", validationSplit);
        json.addProperty("patience", patience);
        json.addProperty("epochs_rule", stopping.automatic() ? "auto" : "given");
        json.addProperty("standardize_target", standardizeTarget);
        toolkit.addTo(json);
        if (weights.classWeight != null) {
            json.addProperty("class_weight", weights.classWeight);
        }
        if (weights.weightColumn != null) {
            json.addProperty("weight_column", weights.weightColumn);
        }
        return json.toString();
    }

    private String commandLine() {
        List<String> args = spec.root().commandLine().getParseResult().originalArgs();
        StringBuilder sb = new StringBuilder(spec.root().name());
        for (String a : args) {
            sb.append(' ').append(a.matches("[A-Za-z0-9_./:=,+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }
}
