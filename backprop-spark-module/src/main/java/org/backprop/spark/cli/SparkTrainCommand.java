package org.backprop.spark.cli;

import java.nio.file.Path;

import org.apache.spark.sql.SparkSession;
import org.backprop.cli.ExitCodes;
import org.backprop.cli.TrainCommand;
import org.backprop.cli.UserError;
import org.backprop.io.csv.CsvTable;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Optimizer;
import org.backprop.spark.train.FitResult;
import org.backprop.spark.train.SparkTrainConfig;
import org.backprop.spark.train.SparkTrainer;
import org.backprop.tensor.Matrix;
import org.backprop.train.History;
import org.backprop.train.TrainingListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backprop-spark train}: {@code backprop train} with the fit on Spark. The options, the
 * validation split, the scalers, the model file and the metrics are {@link TrainCommand}'s own code;
 * only the gradients of the training loop run on {@link SparkTrainer} (P = {@code --partitions}),
 * whose loop is the local trainer's own (validation, early stopping, divergence guard, progress,
 * report and plot), so every option means what it means for {@code backprop train}. With P = 1 the
 * model file's weights equal {@code backprop train}'s bit for bit, with --patience, --dropout,
 * --class-weight and --weight-column too.
 *
 * <p>The data is read on the driver: CSV with backprop's strict reader (the values parse exactly as
 * in {@code backprop train}), Parquet through Spark. The standardized rows then go to Spark once.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a network on a CSV or Parquet file on Apache Spark and save the model "
                + "(the same file and options as backprop train).",
                "The data is read on the driver; each step's gradient is computed by P partitions and summed "
                        + "in partition order. --partitions 1 gives backprop train's weights bit for bit.",
                "Every option means what it means for backprop train: without --epochs, a validation split and "
                        + "early stopping (--patience); --dropout draws each partition's masks from its own seeded "
                        + "stream; --class-weight and --weight-column weigh the loss over the whole global batch."},
        footer = {"", "Example:", "  backprop-spark train --data houses.csv --target price --partitions 4 "
                + "--batch-size 4096 --out houses.safetensors"})
final class SparkTrainCommand extends TrainCommand {
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
    }

    @Override
    protected CsvTable readTable(Path file) {
        return ParquetTables.isParquet(file) ? ParquetTables.read(session(), file) : super.readTable(file);
    }

    @Override
    protected History train(NeuralNetwork network, Optimizer optimizer, Matrix x, Matrix y, Matrix w,
                            Matrix xValidation, Matrix yValidation, Matrix wValidation, TrainingListener progress) {
        SparkTrainConfig config = MatrixRows.columns(x, y, w != null).partitions(partitions).globalBatchSize(batchSize())
                .epochs(epochs()).seed(seed()).standardize(false).patience(patience()).build();
        FitResult fit;
        try {
            fit = SparkTrainer.fit(MatrixRows.dataset(session(), x, y, w), xValidation == null ? null
                            : MatrixRows.dataset(session(), xValidation, yValidation, w == null ? null : wValidation),
                    network.spec(), optimizer, config, progress);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage(), e);
        }
        network.parameters().setValues(fit.parameters());
        return fit.history();
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
