package org.backprop.spark.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.backprop.cli.ExitCodes;
import org.backprop.cli.TrainCommand;
import org.backprop.cli.UserError;
import org.backprop.io.csv.CsvTable;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Optimizer;
import org.backprop.spark.NetworkSpec;
import org.backprop.spark.train.FitResult;
import org.backprop.spark.train.SparkTrainConfig;
import org.backprop.spark.train.SparkTrainer;
import org.backprop.tensor.Matrix;
import org.backprop.train.EpochRecord;
import org.backprop.train.History;
import org.backprop.train.TrainingListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backprop-spark train}: {@code backprop train} with the fit on Spark. The options, the
 * validation split, the scalers, the model file and the metrics are {@link TrainCommand}'s own code;
 * only the training loop runs on {@link SparkTrainer} (P = {@code --partitions}). With P = 1 the
 * model file's weights equal {@code backprop train}'s bit for bit.
 *
 * <p>The data is read on the driver: CSV with backprop's strict reader (the values parse exactly as
 * in {@code backprop train}), Parquet through Spark. The standardized rows then go to Spark once.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a network on a CSV or Parquet file on Apache Spark and save the model "
                + "(the same file and options as backprop train).",
                "The data is read on the driver; each step's gradient is computed by P partitions and summed "
                        + "in partition order. --partitions 1 gives backprop train's weights bit for bit.",
                "Not supported on Spark yet: --patience, --plot, --dropout, --class-weight, --weight-column; "
                        + "without --epochs the automatic epoch count applies, without early stopping."},
        footer = {"", "Example:", "  backprop-spark train --data houses.csv --target price --partitions 4 "
                + "--batch-size 4096 --out houses.safetensors"})
final class SparkTrainCommand extends TrainCommand {
    private static final List<String> UNSUPPORTED = List.of("--patience", "--plot", "--dropout", "--class-weight",
            "--weight-column");

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: the one spark-submit sets, else local[*]).")
    private String master;

    @Option(names = "--partitions", defaultValue = "1", paramLabel = "P",
            description = "Data partitions P; part of the result, not the executor count (default: ${DEFAULT-VALUE}).")
    private int partitions;

    private SparkSession session;

    @Override
    public Integer call() {
        try {
            return super.call();
        } finally {
            if (session != null) {
                session.stop();
            }
        }
    }

    @Override
    protected void checkOptions() {
        super.checkOptions();
        require(partitions >= 1, "--partitions must be at least 1, got " + partitions);
        for (String option : UNSUPPORTED) {
            require(!given(option), option + " is not supported on Spark yet");
        }
    }

    @Override
    protected CsvTable readTable(Path file) {
        return ParquetTables.isParquet(file) ? ParquetTables.read(session(), file) : super.readTable(file);
    }

    @Override
    protected boolean supportsEarlyStopping() {
        return false;
    }

    @Override
    protected History train(NeuralNetwork network, Optimizer optimizer, Matrix x, Matrix y, Matrix w,
                            Matrix xValidation, Matrix yValidation, Matrix wValidation, TrainingListener progress) {
        SparkTrainConfig config = MatrixRows.columns(x, y).partitions(partitions).globalBatchSize(batchSize())
                .epochs(epochs()).seed(seed()).standardize(false).build();
        FitResult fit;
        try {
            fit = SparkTrainer.fit(MatrixRows.dataset(session(), x, y), NetworkSpec.of(network), optimizer, config);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage(), e);
        }
        double[] trained = fit.model().parameters();
        System.arraycopy(trained, 0, network.parameters().values(), 0, trained.length);
        List<EpochRecord> epochs = new ArrayList<>();
        for (double loss : fit.epochLosses()) {
            EpochRecord record = EpochRecord.notEvaluated(epochs.size(), loss);
            epochs.add(record);
            progress.onEpochEnd(record);
        }
        return History.of(epochs);
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
