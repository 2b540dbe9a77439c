package org.backprop.spark.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.backprop.cli.ExitCodes;
import org.backprop.cli.TrainCommand;
import org.backprop.cli.UserError;
import org.backprop.io.DataException;
import org.backprop.io.model.Model;
import org.backprop.io.preprocess.StandardScaler;
import org.backprop.io.table.TabularOptions;
import org.backprop.io.table.TabularTraining;
import org.backprop.io.table.Target;
import org.backprop.kernel.Kernels;
import org.backprop.network.NeuralNetwork;
import org.backprop.spark.data.DataPacker;
import org.backprop.spark.data.DistributedTableFit;
import org.backprop.spark.data.EncodedPart;
import org.backprop.spark.data.PackedData;
import org.backprop.spark.data.SparkTable;
import org.backprop.spark.data.SparkTableReader;
import org.backprop.spark.data.TestTable;
import org.backprop.spark.score.ModelBytes;
import org.backprop.spark.train.FitResult;
import org.backprop.spark.train.SparkTrainConfig;
import org.backprop.spark.train.SparkTrainer;
import org.backprop.train.History;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backprop-spark train}: {@code backprop train} with the data read, prepared and trained on
 * by Spark's executors. The options, the column types, the stored preprocessing and the model file
 * are {@code backprop train}'s; the preprocessing is fitted by {@link DistributedTableFit} (a few
 * aggregation jobs, no row on the driver), the rows are packed into cached blocks on the executors
 * and the training loop runs on {@link SparkTrainer} (P = {@code --partitions}), whose loop is the
 * local trainer's own: the same progress lines, evaluation after every epoch, early stopping
 * (--patience, best weights kept), divergence guard and --plot. Every {@code backprop train} option
 * means the same: the validation split holds out the same rows ({@code Holdout}), weights, --test
 * (read by the executors) and the metrics report are {@code backprop train}'s. With P = 1 the model
 * file and the metrics equal {@code backprop train}'s bit for bit.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a network on Apache Spark and save the model (the same file and options as backprop "
                + "train).",
                "--data is a CSV file, Parquet (a .parquet file or a directory) or a table of the Spark catalog, at any "
                        + "location Spark reads (a local path, file://, hdfs://, s3a://); --out may be such a URI too. "
                        + "The executors read the data, fit the column types, medians, levels and scalers in a few "
                        + "aggregation jobs and keep the rows cached; no row goes to the driver.",
                "Each step's gradient is computed by P partitions and summed in partition order. --partitions 1 gives "
                        + "backprop train's weights bit for bit.",
                "Every option means what it means for backprop train: the validation split holds out the same rows "
                        + "for the same seed (drawn from the class sizes, looked up by each row's rank on the "
                        + "executors), --weight-column and --class-weight weigh the rows, --test is a second source "
                        + "read by the executors, the metrics and --metrics-json are backprop train's; each partition "
                        + "draws its --dropout masks from its own seeded stream.",
                "Not on Spark: a CSV cell holding a line break (use Parquet)."},
        footer = {"", "Example:", "  backprop-spark train --data hdfs:///data/houses.csv --target price \\",
                "      --partitions 4 --batch-size 4096 --epochs 20 \\",
                "      --out hdfs:///models/houses.safetensors"})
final class SparkTrainCommand extends TrainCommand {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: the one spark-submit sets, else local[*]).")
    private String master;

    @Option(names = "--partitions", defaultValue = "1", paramLabel = "P",
            description = "Data partitions P; part of the result, not the executor count (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec command;

    private SparkSession session;

    @Override
    public Integer call() {
        try {
            return trainOnSpark();
        } catch (UncheckedIOException e) {
            throw new UserError(ExitCodes.IO, e.getCause().getMessage(), e);
        } finally {
            if (session != null) {
                session.stop();
            }
        }
    }

    /**
     * --threads is accepted and not used: the executors compute with one thread per task, the
     * driver with one per processor (results do not depend on it).
     */
    @Override
    protected int kernelThreads() {
        return Kernels.defaultThreads();
    }

    @Override
    protected void checkOptions() {
        super.checkOptions();
        require(partitions >= 1, "--partitions must be at least 1, got " + partitions);
    }

    private int trainOnSpark() {
        checkOptions();
        checkReportPaths();
        PrintWriter stdout = command.commandLine().getOut();
        String data = raw("--data");
        ModelOutput out = ModelOutput.check(given("--out") ? raw("--out") : "model.safetensors",
                session().sparkContext().hadoopConfiguration());
        if (given("--test")) {
            SparkTableReader.requireReadable(session(), raw("--test"));
        }
        TabularOptions options = tabularOptions();
        long start = System.nanoTime();
        int jobsBefore = jobCount();
        try (SparkTable table = SparkTableReader.read(session(), data, trainingReadOptions(options));
             DistributedTableFit.Result fit = DistributedTableFit.fit(table, target(), options, standardizeTarget(),
                     this::resolveValidationSplit, weightColumn())) {
            if (!given("--task")) {
                stdout.println(Target.notice(fit.task(), fit.reason(), fit.labels()));
            }
            Map<String, Double> classWeights = classWeights(fit.task(), fit.labels() == null ? null
                    : fit.labels().classes(), fit.trainCounts());
            if (fit.dropped() > 0) {
                stdout.println("dropped " + fit.dropped() + " rows with a missing target (--drop-missing-target)");
            }
            fit.preprocessor().describe().forEach(stdout::println);
            int rows = Math.toIntExact(fit.rows());
            boolean hasValidation = fit.validation() != null;
            boolean weighted = weighted();
            if (weighted) {
                requireSomeWeight("training", DataPacker.someWeight(fit.encoded(), classWeights));
                if (hasValidation) {
                    requireSomeWeight("validation", DataPacker.someWeight(fit.validation(), classWeights));
                }
            }
            int epochs = resolveEpochs(rows);
            resolvePatience(hasValidation);
            String loss = lossFor(fit.task());
            try (Model model = TabularTraining.model(fit.preprocessor(), fit.targetName(), fit.featureScaler(),
                    fit.targetScaler(), fit.labels(), loss, networks(), metadata(name(data), rows));
                 SparkTable testTable = given("--test") ? SparkTableReader.read(session(), raw("--test"),
                         testReadOptions(fit.preprocessor())) : null) {
                JavaRDD<EncodedPart> test = testTable == null ? null
                        : TestTable.encode(testTable, ModelBytes.of(model));
                History history;
                try {
                    if (test != null && classWeights != null) {
                        requireSomeWeight("test", DataPacker.someWeight(test, classWeights));
                    }
                    NeuralNetwork network = model.network();
                    stdout.println(String.format(Locale.ROOT, "prepared %d rows (%d validation) on Spark in %.1f s "
                                    + "(%d jobs); training %s, %d features → %d outputs, %d epochs, batch %d, P = %d",
                            rows, fit.validationRows(), (System.nanoTime() - start) / 1e9, jobCount() - jobsBefore,
                            fit.task().id(), model.features().size(), network.outputs(), epochs, batchSize(),
                            partitions));
                    if (classWeights != null) {
                        stdout.println("class weights: " + classWeights);
                    }
                    history = train(model, fit, classWeights, weighted, rows, epochs, stdout);
                    report(model, history, fit, test, classWeights, stdout);
                } finally {
                    if (test != null) {
                        test.unpersist(false);
                    }
                }
                saveModel(model, history, out, out::save, stdout);
            }
        } catch (DataException e) {
            throw new UserError(ExitCodes.DATA, e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    /**
     * What {@code backprop train} reports after training, before the model is saved: how early
     * stopping ended, the metrics of the training, validation and test rows (and --metrics-json), the
     * plot. Test rows are weighted by --class-weight only, as in {@code backprop train}.
     */
    private void report(Model model, History history, DistributedTableFit.Result fit, JavaRDD<EncodedPart> test,
                        Map<String, Double> classWeights, PrintWriter stdout) {
        reportStopping(history, stdout);
        boolean weighted = weighted();
        ModelBytes trained = ModelBytes.of(model);
        List<TrainCommand.SplitSummary> splits = new ArrayList<>();
        splits.add(SplitSummaries.of("train", fit.encoded(), model, trained, classWeights, weighted));
        if (fit.validation() != null) {
            splits.add(SplitSummaries.of("validation", fit.validation(), model, trained, classWeights, weighted));
        }
        if (test != null) {
            splits.add(SplitSummaries.of("test", test, model, trained, classWeights, classWeights != null));
        }
        reportMetrics(model, splits, stdout);
        writePlot(model, history, stdout);
    }

    private History train(Model model, DistributedTableFit.Result fit, Map<String, Double> classWeights,
                          boolean weighted, int rows, int epochs, PrintWriter stdout) {
        NeuralNetwork network = model.network();
        int outputs = network.outputs();
        String[] x = new String[model.features().size()];
        String[] y = new String[outputs];
        for (int j = 0; j < x.length; j++) {
            x[j] = "x" + j;
        }
        for (int j = 0; j < y.length; j++) {
            y[j] = "y" + j;
        }
        SparkTrainConfig.Builder builder = SparkTrainConfig.builder().features(x).label(y).partitions(partitions)
                .globalBatchSize(batchSize()).epochs(epochs).seed(seed()).standardize(false).patience(patience())
                .evaluateTrainingSet(false);
        if (weighted) {
            builder.weightColumn("w");
        }
        SparkTrainConfig config = builder.build();
        StandardScaler target = model.targetScaler() != null ? model.targetScaler()
                : DataPacker.identityScaler(outputs);
        PackedData packed = new PackedData(DataPacker.packEncoded(fit.encoded(), fit.featureScaler(),
                fit.targetScaler(), fit.labels(), classWeights, weighted, partitions), rows, model.featureScaler(),
                target, model.features());
        PackedData held = fit.validation() == null ? null : new PackedData(DataPacker.packEncoded(fit.validation(),
                fit.featureScaler(), fit.targetScaler(), fit.labels(), classWeights, weighted, partitions),
                fit.validationRows(), model.featureScaler(), target, model.features());
        int stepsPerEpoch = (rows + Math.min(batchSize(), rows) - 1) / Math.min(batchSize(), rows);
        FitResult result;
        try (packed; held) {
            result = withProgress(stdout, progress -> SparkTrainer.fit(packed, held, network.spec(),
                    newOptimizer(stepsPerEpoch), config, progress));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage(), e);
        }
        network.parameters().setValues(result.parameters());
        return result.history();
    }

    /** The text the user gave for {@code option} (a URI stays as typed). */
    private String raw(String option) {
        return command.commandLine().getParseResult().matchedOption(option).stringValues().get(0);
    }

    private static String name(String location) {
        String trimmed = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private int jobCount() {
        return session().sparkContext().statusTracker().getJobIdsForGroup(null).length;
    }

    private SparkSession session() {
        if (session == null) {
            SparkSession.Builder builder = SparkSession.builder().appName("backprop-spark train");
            if (master != null) {
                builder.master(master);
            } else if (System.getProperty("spark.master") == null) {
                builder.master("local[*]");
            }
            session = builder.getOrCreate();
        }
        return session;
    }
}
