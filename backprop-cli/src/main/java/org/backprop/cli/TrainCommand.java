package org.backprop.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import org.backprop.io.AtomicFiles;
import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.csv.CsvTable;
import org.backprop.io.model.Model;
import org.backprop.io.model.ModelMetadata;
import org.backprop.io.model.Task;
import org.backprop.io.preprocess.RowSet;
import org.backprop.io.preprocess.SummaryRows;
import org.backprop.io.preprocess.TablePreprocessor;
import org.backprop.io.table.NetworkRows;
import org.backprop.io.table.ProgressPrinter;
import org.backprop.io.table.TabularOptions;
import org.backprop.io.table.TabularTraining;
import org.backprop.io.table.Target;
import org.backprop.io.table.TrainingLines;
import org.backprop.io.table.TrainingMetadata;
import org.backprop.io.table.ValidationSplitException;
import org.backprop.network.NetworkBuilder;
import org.backprop.network.NeuralNetwork;
import org.backprop.op.Activations;
import org.backprop.optim.Optimizer;
import org.backprop.tensor.Matrix;
import org.backprop.train.History;
import org.backprop.train.Trainer;
import org.backprop.train.TrainingDivergedException;
import org.backprop.train.RowSource;
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
                "Column types are inferred and printed before training: numbers are standardized; text columns "
                        + "are one-hot encoded (levels of the training rows, rare ones merged); missing cells (empty, "
                        + "NA, N/A, NaN, null, ?) get the training median plus an indicator column, or a level of "
                        + "their own. A mostly numeric column with a few non-numbers is a data error. The encoding is "
                        + "stored in the model file and applied by predict, evaluate, inspect and gradcheck.",
                "Task when --task is not given: regression if every target value is a number and there are "
                        + "fractional values, more than 10 distinct values, more than 2 distinct values with fewer "
                        + "than 5 rows per value on average (a tiny table), or values that look like counts (6 or more, "
                        + "none negative, with gaps, 3 or more of them in fewer than 5 rows); classification otherwise.",
                "Progress and --plot: an epoch's \"loss\" is the mean of its batch losses, taken while training "
                        + "(as Keras reports loss); \"validation loss\" is the whole validation set's after the epoch. "
                        + "The metrics printed after training are the whole training set's. With --patience but no "
                        + "validation rows, early stopping watches the whole training set's loss, evaluated after "
                        + "every epoch."},
        footer = {"", "Examples (the defaults pick the task, encoding, epochs and early stopping):",
                "  backprop train --data houses.csv --target price",
                "  backprop train --data houses.csv --target price --ignore id \\",
                "      --test houses-test.csv --out houses.safetensors",
                "A diverged training (exit 4) never writes a model."})
public class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private DataOption data;

    @Option(names = "--target", required = true, paramLabel = "COLUMN", converter = ColumnNameConverter.class,
            description = "The column to predict.")
    private String target;

    @Option(names = "--features", split = ",", paramLabel = "A,B,…", converter = ColumnNameConverter.class,
            description = "Feature columns (default: every column but the target).")
    private List<String> features;

    @Option(names = "--task", paramLabel = "TASK", description = "regression or classification (default: inferred, see above).")
    private String task;

    @Mixin
    private TableFlags tableFlags;

    @Option(names = "--layers", split = ",", paramLabel = "N,N,…", defaultValue = TabularOptions.DEFAULT_LAYERS,
            description = "Hidden layer sizes (default: ${DEFAULT-VALUE}); the output layer is added: 1 unit "
                    + "(regression) or one per class.")
    private List<Integer> layers;

    @Option(names = "--activation", defaultValue = TabularOptions.DEFAULT_ACTIVATION, paramLabel = "NAME",
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

    @Option(names = "--batch-size", defaultValue = "" + TabularOptions.DEFAULT_BATCH_SIZE, paramLabel = "N",
            description = "Rows per step (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Mixin
    private ToolkitOptions toolkit;

    @Mixin
    private SampleWeightOptions weights;

    @Option(names = "--seed", defaultValue = "" + TabularOptions.DEFAULT_SEED, paramLabel = "N",
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

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Write the loss curves as a PNG: each epoch's mean batch loss and validation loss.")
    private Path plot;

    @Option(names = "--threads", paramLabel = "N", description = KernelThreads.DESCRIPTION)
    private Integer threads;

    /** The run's epochs, validation fraction and patience, resolved from {@link #stopping} and the data. */
    private int epochs;
    private double validationSplit;
    private int patience;
    /** The report files this run wrote, by option, removed if the model cannot be saved. */
    private final Map<String, Path> writtenReports = new java.util.LinkedHashMap<>();

    /** The options of {@code train}; picocli fills them in. */
    public TrainCommand() {
    }

    @Override
    public Integer call() {
        checkOptions();
        new CommandFiles().input("--data", data.file).input("--test", test).output("--out", out)
                .output("--metrics-json", metricsJson.file).output("--plot", plot).check();
        PrintWriter stdout = spec.commandLine().getOut();
        TabularOptions options = tabularOptions();
        ColumnarTable table = readColumns(data.file, trainingReadOptions(options));
        SummaryRows.warnings(table).forEach(w -> spec.commandLine().getErr().println("backprop: warning: " + data.file
                + ": " + w));
        validationSplit = stopping.validationSplit(table.rowCount());
        double[] column = weights.column(table);
        TabularTraining.Prepared prepared = prepare(table, options.withValidationSplit(validationSplit));
        Task chosen = prepared.target().task();
        weights.check(chosen, target);
        if (task == null) {
            stdout.println(Target.notice(chosen, prepared.target().reason(), prepared.target().labels()));
        }
        prepared.notes().forEach(stdout::println);
        NetworkRows train = prepared.train();
        NetworkRows validation = prepared.validation();
        epochs = stopping.epochs(train.size(), batchSize);
        patience = stopping.patience(validation != null, supportsEarlyStopping());
        warnOfScheduleBeyondEarlyStopping();
        Map<String, Double> classWeights = chosen == Task.CLASSIFICATION
                ? weights.classWeights(prepared.target().labels().classes(), train::label, train.size()) : null;
        double[] trainWeights = someWeight("training", SampleWeightOptions.rows(column, prepared.trainRows(),
                train.labels() == null ? null : train::label, classWeights));
        double[] validationWeights = validation == null ? null : someWeight("validation",
                SampleWeightOptions.rows(column, prepared.validationRows(),
                        validation.labels() == null ? null : validation::label, classWeights));
        ModelMetadata metadata = metadata(data.file.getFileName().toString(), train.size());
        try (Model model = TabularTraining.model(prepared, lossFor(chosen), standardizeTarget,
                (start, outputs, lossName) -> network(outputs, lossName, start), metadata)) {
            LocatedRows test = testRows(model);
            double[] testWeights = test == null ? null : someWeight("test",
                    SampleWeightOptions.rows(null, RowSet.all(test.rows().size()), labelsOf(test), classWeights));
            stdout.println(describe(model, train, validation));
            if (classWeights != null) {
                stdout.println("class weights: " + classWeights);
            }
            History history = fit(model, prepared, trainWeights, validationWeights, stdout);
            report(model, history, prepared, trainWeights, validationWeights, test, testWeights, stdout);
            saveModel(model, history, out, m -> CliFiles.saveModel(out, m), stdout);
        }
        return ExitCodes.OK;
    }

    /** The {@code --test} rows (null without one), read and checked against the model before training. */
    private LocatedRows testRows(Model model) {
        if (test == null) {
            return null;
        }
        return CliFiles.labeledRows(spec, test,
                readColumns(test, testReadOptions(model.preprocessor())), model, tableFlags.dropMissingTarget);
    }

    /** The labels of the {@code --test} rows by position, or null for a regression. */
    private static java.util.function.IntFunction<String> labelsOf(LocatedRows test) {
        String[] labels = test.rows().labels();
        return labels == null ? null : i -> labels[i];
    }

    /** {@code w} unless every weight is 0 (a data error: such rows carry no information). */
    private double[] someWeight(String set, double[] w) {
        requireSomeWeight(set, w == null || !Arrays.stream(w).allMatch(v -> v == 0));
        return w;
    }

    /**
     * Refuses (exit 3) a set of rows ({@code set}: "training", "validation" or "test") of which
     * every row has weight 0, unless {@code some} row weighs more.
     */
    protected final void requireSomeWeight(String set, boolean some) {
        if (!some) {
            throw new UserError(ExitCodes.DATA, "every " + set + " row has weight 0 (--weight-column "
                    + weights.weightColumn + ", --class-weight " + weights.classWeight + "): nothing to learn from "
                    + "or to measure");
        }
    }

    /** {@code --weight-column}, or null. */
    protected final String weightColumn() {
        return weights.weightColumn;
    }

    /** True if rows carry weights (--weight-column or --class-weight). */
    protected final boolean weighted() {
        return weights.given();
    }

    /**
     * The columns to read for training with {@code options}: {@code backprop train}'s, the
     * --weight-column kept.
     */
    protected final ColumnarReadOptions trainingReadOptions(TabularOptions options) {
        return data.format.apply(weights.keepWeightColumn(TabularTraining.readOptions(target, options)));
    }

    /** The columns to read from the --test file for a model with {@code preprocessor} (the target kept). */
    protected final ColumnarReadOptions testReadOptions(TablePreprocessor preprocessor) {
        return data.format.apply(preprocessor.readOptions(List.of(target)));
    }

    /**
     * Checks the weight options against the {@code chosen} task and returns the --class-weight
     * weights by label (null without it or for regression), from the classes and the training
     * rows' count of each label, as {@code backprop train} computes them.
     */
    protected final Map<String, Double> classWeights(Task chosen, List<String> classes, Map<String, Long> trainCounts) {
        weights.check(chosen, target);
        return chosen == Task.CLASSIFICATION ? weights.classWeights(classes, trainCounts) : null;
    }

    /**
     * Resolves this run's validation fraction for a table of {@code rows} data rows, {@code targetRows}
     * of them with a target (--validation-split, or the automatic rule); a usage error if it leaves
     * fewer than 2 training rows. Returns it.
     */
    protected final double resolveValidationSplit(long rows, long targetRows) {
        validationSplit = stopping.validationSplit(Math.toIntExact(rows));
        try {
            TabularTraining.checkValidationSplit(targetRows, validationSplit);
        } catch (ValidationSplitException e) {
            throw new UserError(ExitCodes.USAGE, "--validation-split: " + e.getMessage());
        }
        return validationSplit;
    }

    /**
     * The sums behind one set of rows' metrics, computed elsewhere (e.g. merged from the executors'
     * partitions), for {@link #reportMetrics}.
     *
     * @param split  "train", "validation" or "test"
     * @param tally  the split's summed metrics, a tally of the model's task and classes, weighted when
     *               the split's rows are weighted in {@code backprop train}
     * @param rocAuc a two-class model's ROC AUC of the split (empty when the rows hold one class);
     *               ignored otherwise
     */
    public record SplitSummary(String split, SplitTally tally, OptionalDouble rocAuc) {
    }

    /**
     * Prints the metrics of {@code splits} as {@code backprop train} prints them and writes them to
     * --metrics-json if given (the same JSON), for front ends that compute the sums elsewhere.
     */
    protected final void reportMetrics(Model model, List<SplitSummary> splits, PrintWriter stdout) {
        MetricsReport metrics = new MetricsReport();
        for (SplitSummary s : splits) {
            metrics.add(s.split(), SplitMetrics.of(model, s.tally(), s.rocAuc()));
        }
        metrics.print(stdout);
        writeMetricsJson(metrics, stdout);
    }

    /**
     * Warns (once, before training) when --lr-schedule linear or cosine spans the automatic epoch cap
     * while early stopping may end the run long before the rate has come down.
     */
    private void warnOfScheduleBeyondEarlyStopping() {
        String schedule = toolkit.scheduleOverEpochs();
        if (schedule != null && patience > 0 && stopping.automatic()) {
            spec.commandLine().getErr().println("backprop: warning: --lr-schedule " + schedule + " spans the epoch cap ("
                    + epochs + " epochs), but early stopping may end training much sooner, with the rate barely "
                    + "lowered; give --epochs N to fit the schedule to the run");
        }
    }

    /** True if {@link #train} honours early stopping ({@code backprop train} does); the automatic patience needs it. */
    protected boolean supportsEarlyStopping() {
        return true;
    }

    /**
     * The options of this run as the library takes them: features, task, missing-target handling,
     * column types, network, optimizer, the given epochs, validation split and patience (null:
     * automatic), toolkit, seed. The CSV format is applied to the read options ({@link
     * #trainingReadOptions}); threads are {@link #kernelThreads()}.
     */
    protected final TabularOptions tabularOptions() {
        try {
            return TabularOptions.defaults().withFeatures(features).withTask(task == null ? null : Task.fromId(task))
                    .withDropMissingTarget(tableFlags.dropMissingTarget)
                    .withTable(weights.ignoreWeightColumn(tableFlags.options(), features)).withSeed(seed)
                    .withLayers(layers).withActivation(activation).withLoss(loss).withOptimizer(optimizer)
                    .withLearningRate(lr).withEpochs(stopping.epochs).withBatchSize(batchSize)
                    .withValidationSplit(stopping.validationSplit).withPatience(stopping.patience)
                    .withStandardizeTarget(standardizeTarget).withToolkit(toolkit.toolkit());
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, (task != null && e.getMessage().contains(task) ? "--task: " : "")
                    + e.getMessage());
        }
    }

    private TabularTraining.Prepared prepare(ColumnarTable table, TabularOptions options) {
        try {
            return TabularTraining.prepare(table, target, options);
        } catch (ValidationSplitException e) {
            throw new UserError(ExitCodes.USAGE, "--validation-split: " + e.getMessage());
        }
    }

    /**
     * The threads of this process's kernels: --threads, 1 to 4 × the available processors, else one
     * per processor ({@link KernelThreads}; a usage error outside that range). An extension whose
     * training does not run in this process (spark-train: one thread per task on the executors)
     * overrides it.
     */
    protected int kernelThreads() {
        return KernelThreads.resolve(threads);
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
        kernelThreads();
        require(layers.stream().allMatch(n -> n >= 1), "--layers sizes must be at least 1, got " + layers);
        tableFlags.requireNotTarget(target);
        require(Activations.names().contains(activation.toLowerCase(Locale.ROOT)),
                "unknown activation '" + activation + "'; known: " + String.join(", ", Activations.names()));
        OptimizerChoice.create(optimizer, 0.01);
        checkNetworkSize(NetworkSize.atLeast(layers), true);
        String plotName = plot == null || plot.getFileName() == null ? "" : plot.getFileName().toString()
                .toLowerCase(Locale.ROOT);
        require(!plotName.matches(".*\\.(jpe?g|gif|svg|pdf|bmp|tiff?|webp|eps)"), "--plot writes a PNG image; name "
                + "the file .png, got " + plot);
    }

    /** Throws a usage error (exit 2) with {@code message} unless {@code condition} holds. */
    protected static void require(boolean condition, String message) {
        if (!condition) {
            throw new UserError(ExitCodes.USAGE, message);
        }
    }

    /** The loss for {@code chosen}: {@code --loss} (checked) or the task's default. */
    protected final String lossFor(Task chosen) {
        try {
            return TabularTraining.loss(chosen, loss);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, "--" + e.getMessage());
        }
    }

    /**
     * The network of --layers and --activation with {@code outputs} linear outputs, --dropout after
     * every hidden layer (a no-op at prediction), the loss with its parameters (--huber-delta) and the
     * --init weights from the seed's "init" stream; the model file keeps all of it in its spec.
     */
    private NeuralNetwork network(int outputs, String lossName, NetworkBuilder builder) {
        TabularTraining.addDenseLayers(builder, outputs, tabularOptions());
        checkNetworkSize(builder.spec().parameterCount(), false);
        return builder.loss(toolkit.loss(lossName)).seed(seed)
                .threads(kernelThreads()).build();
    }

    /**
     * Refuses a network of {@code parameters} (at least, if {@code lowerBound}) that a model file
     * cannot hold or whose parameters, gradients and optimizer state exceed the heap ({@link NetworkSize}).
     */
    private void checkNetworkSize(long parameters, boolean lowerBound) {
        NetworkSize.check(layers, parameters, lowerBound, optimizer.toLowerCase(Locale.ROOT),
                OptimizerChoice.create(optimizer, 0.01).stateArrays(), Runtime.getRuntime().maxMemory());
    }

    private History fit(Model model, TabularTraining.Prepared prepared, double[] trainWeights,
                        double[] validationWeights, PrintWriter stdout) {
        Optimizer fresh = TabularTraining.optimizer(tabularOptions(), epochs, prepared.train().size());
        Matrix w = trainWeights == null ? null : Matrix.column(trainWeights);
        Matrix wValidation = validationWeights == null ? null : Matrix.column(validationWeights);
        return withProgress(stdout, progress -> TabularTraining.fit(model, prepared,
                (network, x, y, xValidation, yValidation) -> train(network, fresh, x, y, w, xValidation, yValidation,
                        wValidation, progress)));
    }

    /**
     * Runs {@code fit} with the progress printer of this run's epochs as its listener, as
     * {@code backprop train} prints progress; a diverged fit becomes exit code 4 ("No model was
     * written"). For front ends whose trainer runs elsewhere (e.g. on Spark).
     */
    protected final <T> T withProgress(PrintWriter stdout, java.util.function.Function<TrainingListener, T> fit) {
        ProgressPrinter progress = new ProgressPrinter(stdout, epochs, System.console() != null);
        try {
            return fit.apply(progress);
        } catch (TrainingDivergedException e) {
            throw new UserError(ExitCodes.DIVERGED, e.getMessage() + " No model was written.", e);
        } finally {
            progress.finish();
        }
    }

    /**
     * Fits {@code network} (initialized from the seed's "init" stream) to the standardized inputs
     * {@code x} (rows encoded from the table when the trainer reads them: no n×inputs matrix) and
     * network targets {@code y} (standardized or one-hot encoded when read) with the local {@link Trainer}, mini-batches of
     * {@link #batchSize()} shuffled from the seed's "shuffle" stream for {@link #epochs()} epochs,
     * with early stopping after {@link #patience()} epochs without improvement (0 = off).
     *
     * @param w           the training rows' weights (n×1), or null: every row weighs 1
     * @param xValidation standardized validation inputs, or null (then {@code yValidation} and
     *                    {@code wValidation} are null too)
     * @throws TrainingDivergedException if the loss or a parameter becomes non-finite
     */
    protected History train(NeuralNetwork network, Optimizer optimizer, RowSource x, RowSource y, Matrix w,
                            RowSource xValidation, RowSource yValidation, Matrix wValidation,
                            TrainingListener progress) {
        Trainer trainer = new Trainer(network, optimizer, TabularTraining.trainerConfig(seed, epochs, batchSize,
                patience)).listener(progress);
        return trainer.fit(x, y, w, xValidation, yValidation, wValidation);
    }

    /**
     * Extension point for data files ({@code --data}, {@code --test}) that are not CSV: returns their
     * cells as text, or null (the default) to read the file as CSV in one streaming pass.
     */
    protected CsvTable readTable(Path file) {
        return null;
    }

    /** Reads a data file with {@code options}: {@link #readTable} if it gives a table, else as CSV. */
    private ColumnarTable readColumns(Path file, ColumnarReadOptions options) {
        CsvTable cells = readTable(file);
        return cells != null ? ColumnarTable.of(cells, options) : CliFiles.readColumns(file, options);
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

    /** Metrics, their JSON and the plot: everything that can fail, done before the model is saved. */
    private void report(Model model, History history, TabularTraining.Prepared prepared, double[] trainWeights,
                        double[] validationWeights, LocatedRows testRows, double[] testWeights, PrintWriter stdout) {
        reportStopping(history, stdout);
        MetricsReport metrics = new MetricsReport().add("train", SplitMetrics.of(model, prepared.train(),
                RowOrigin.of(prepared.table(), prepared.trainRows()), trainWeights));
        if (prepared.validation() != null) {
            metrics.add("validation", SplitMetrics.of(model, prepared.validation(),
                    RowOrigin.of(prepared.table(), prepared.validationRows()), validationWeights));
        }
        if (testRows != null) {
            metrics.add("test", SplitMetrics.of(model, testRows.rows(), testRows.origin(), testWeights));
        }
        metrics.print(stdout);
        boolean numbersAsClasses = task == null && model.task() == Task.CLASSIFICATION
                && Target.numberLabels(model.labels());
        metrics.noBetterThanBaseline().ifPresent(s -> stdout.println("note: " + s + (numbersAsClasses ? "; if \""
                + target + "\" counts or measures something, --task regression predicts it as a number" : "")
                + (weights.classWeight == null ? "; with unbalanced classes, --class-weight balanced weighs the rare "
                + "ones up" : "")));
        if (prepared.validation() == null && testRows == null) {
            stdout.println("(training rows only: these metrics flatter the model; --validation-split 0.2 or "
                    + "--test FILE measures it on rows it has not seen)");
        }
        writeMetricsJson(metrics, stdout);
        writePlot(model, history, stdout);
    }

    /** Writes the --metrics-json of {@code metrics}, if asked for, and remembers it as this run's. */
    private void writeMetricsJson(MetricsReport metrics, PrintWriter stdout) {
        metrics.writeJson(metricsJson.file, stdout);
        if (metricsJson.file != null) {
            writtenReports.put("--metrics-json", metricsJson.file);
        }
    }

    /**
     * Saves the trained {@code model}, its metadata completed with what {@code history} ran
     * ({@link TrainingMetadata#withRun}), with {@code write} to {@code out} (as messages name it) and says
     * so; {@code stdout} is checked first ({@link CliFiles#checkOutputBeforeSaving}). If either fails,
     * this run's reports are deleted ({@link #withoutReports}). {@code backprop train} and
     * {@code backprop-spark train} both save through here.
     *
     * @param write writes the model file; an I/O failure is a {@link UserError} naming {@code out}
     */
    protected final void saveModel(Model model, History history, Object out,
                                   java.util.function.Consumer<Model> write, PrintWriter stdout) {
        Model trained = model.withMetadata(TrainingMetadata.withRun(model.metadata(), history));
        try {
            CliFiles.checkOutputBeforeSaving(out, stdout);
            write.accept(trained);
        } catch (RuntimeException e) {
            throw withoutReports(e);
        }
        stdout.println("saved model to " + out);
    }

    /**
     * Deletes the --metrics-json and --plot files this run wrote and returns {@code saveFailure}
     * (why the model could not be saved) as an error of the same exit code that names them: a
     * failed run leaves no report of a model that does not exist. Only files are deleted: standard
     * output, a device or a FIFO is left alone.
     */
    private RuntimeException withoutReports(RuntimeException saveFailure) {
        List<String> removed = new java.util.ArrayList<>();
        writtenReports.forEach((option, path) -> {
            if (AtomicFiles.standardStream(path) == null && Files.isRegularFile(path)) {
                try {
                    Files.delete(path.toRealPath());
                    removed.add(option + " " + path);
                } catch (java.io.IOException e) {
                    // the failure reported stays the model's; the report file remains
                }
            }
        });
        writtenReports.clear();
        return removed.isEmpty() ? saveFailure : new UserError(ErrorHandler.exitCode(saveFailure),
                saveFailure.getMessage() + "; removed this run's " + String.join(" and ", removed), saveFailure);
    }

    /** Says how early stopping ended {@code history}, if it did (the line {@code backprop train} prints). */
    protected final void reportStopping(History history, PrintWriter stdout) {
        TrainingLines.stopping(history).ifPresent(stdout::println);
    }

    /** Writes the --plot of {@code history}, if asked for. */
    protected final void writePlot(Model model, History history, PrintWriter stdout) {
        if (plot != null) {
            LossPlot.write(plot, history, model.spec().loss().name(), stdout);
            writtenReports.put("--plot", plot);
            stdout.println("wrote loss plot to " + plot);
        }
    }

    /**
     * Refuses a --plot or --metrics-json path that cannot be written, before training (for front ends
     * that check their own outputs).
     */
    protected final void checkReportPaths() {
        new CommandFiles().output("--metrics-json", metricsJson.file).output("--plot", plot).check();
    }

    /**
     * Resolves this run's early-stopping patience ({@link #patience()}): --patience, or the automatic
     * rule's when there are validation rows ({@code hasValidation}); returns it.
     */
    protected final int resolvePatience(boolean hasValidation) {
        patience = stopping.patience(hasValidation, supportsEarlyStopping());
        return patience;
    }

    private String describe(Model model, NetworkRows train, NetworkRows validation) {
        return TrainingLines.describe(model, train.size(), validation == null ? 0 : validation.size(), tabularOptions(),
                epochs);
    }

    /** The model file's metadata: the training settings ({@code dataName}, {@code rows}), seed, version, command line. */
    protected final ModelMetadata metadata(String dataName, long rows) {
        return TrainingMetadata.of(trainingJson(dataName, rows), tabularOptions(), commandLine());
    }

    /** Networks of --layers, --activation, --dropout, --init and the loss, from --seed (see {@link #network}). */
    protected final TabularTraining.NetworkFactory networks() {
        return (start, outputs, lossName) -> network(outputs, lossName, start);
    }

    /** A new optimizer of --optimizer, --lr and the toolkit's schedule options, for {@code stepsPerEpoch}. */
    protected final Optimizer newOptimizer(int stepsPerEpoch) {
        double rate = lr != null ? lr : OptimizerChoice.defaultLearningRate(optimizer);
        return toolkit.toolkit().optimizer(optimizer, rate, epochs, stepsPerEpoch);
    }

    /** Resolves this run's epochs for {@code rows} training rows (--epochs, or the automatic rule) and returns them. */
    protected final int resolveEpochs(int rows) {
        epochs = stopping.epochs(rows, batchSize);
        return epochs;
    }

    /** {@code --target}. */
    protected final String target() {
        return target;
    }

    /** {@code --standardize-target}. */
    protected final boolean standardizeTarget() {
        return standardizeTarget;
    }

    /** {@link TrainingMetadata#settings} of this run, with the CLI's --class-weight and --weight-column. */
    private JsonObject trainingJson(String dataName, long rows) {
        JsonObject json = TrainingMetadata.settings(dataName, rows, tabularOptions(), epochs, validationSplit, patience);
        if (weights.classWeight != null) {
            json.addProperty("class_weight", weights.classWeight);
        }
        if (weights.weightColumn != null) {
            json.addProperty("weight_column", weights.weightColumn);
        }
        return json;
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
