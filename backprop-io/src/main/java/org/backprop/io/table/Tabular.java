package org.backprop.io.table;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.backprop.io.Audience;
import org.backprop.io.DataException;
import org.backprop.io.csv.ColumnarCsvReader;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.model.Model;
import org.backprop.io.model.ModelMetadata;
import org.backprop.train.EpochRecord;
import org.backprop.train.History;
import org.backprop.train.TrainingListener;

/**
 * From a CSV file to a trained model in one call, for programs: the same reading, column types,
 * missing-value handling, categorical encoding, scalers, network and training as {@code backprop
 * train} with the same options.
 *
 * <pre>{@code
 * TabularModel model = Tabular.train(Path.of("houses.csv"), "price", TabularOptions.defaults().withIgnore("id"));
 * Prediction p = model.predict(Map.of("area_m2", "120", "district", "north", "rooms", "3", "year_built", "1990"));
 * }</pre>
 */
public final class Tabular {
    private Tabular() {
    }

    /** {@link #train(Path, String, TabularOptions, PrintStream)} printing nothing. */
    public static TabularModel train(Path csv, String target, TabularOptions options) throws IOException {
        return train(csv, target, options, null);
    }

    /**
     * Reads {@code csv}, types its columns, fits the preprocessing and the scalers on the training
     * rows and trains a network to predict {@code target}, as {@code backprop train} does with the
     * same options. The model's {@link TabularModel#history()} tells how training went (epochs run,
     * losses, the epoch whose weights were kept, whether early stopping ended it); its metadata
     * records the settings ({@link TrainingMetadata}), the seed and this library's version, as
     * {@code backprop train}'s does, with the command line {@code "Tabular.train"}.
     *
     * @param log where to print what {@code backprop train} prints before and while it trains, or
     *            null: the task (when inferred) and why, the column types and notes, the run's
     *            description line, the progress as plain lines (about every tenth epoch, the first
     *            and the last; {@link ProgressPrinter}) and how early stopping ended, if it did
     * @throws org.backprop.io.DataException        for bad data (naming file, line, column and text; the
     *                                              options it suggests named as {@link TabularOptions}
     *                                              methods, {@link DataException#forAudience})
     * @throws IllegalArgumentException             for invalid options
     * @throws org.backprop.train.TrainingDivergedException if the training diverged
     * @throws IOException                          if the file cannot be read
     */
    public static TabularModel train(Path csv, String target, TabularOptions options, PrintStream log)
            throws IOException {
        return train(csv, target, options, log == null ? null : new PrintWriter(log, true), null);
    }

    /**
     * As {@link #train(Path, String, TabularOptions, PrintStream)}, printing to {@code log} (or not,
     * if null) and calling {@code listener} (if not null) after every batch and epoch.
     */
    public static TabularModel train(Path csv, String target, TabularOptions options, PrintWriter log,
                                     TrainingListener listener) throws IOException {
        try {
            return trainAndLog(csv, target, options, log, listener);
        } catch (DataException e) {
            throw e.forAudience(Audience.JAVA);
        }
    }

    private static TabularModel trainAndLog(Path csv, String target, TabularOptions options, PrintWriter log,
                                            TrainingListener listener) throws IOException {
        ColumnarTable table = ColumnarCsvReader.read(csv, TabularTraining.readOptions(target, options));
        TabularTraining.Prepared data = TabularTraining.prepare(table, target, options);
        if (log != null && options.task() == null) {
            log.println(Target.notice(data.target().task(), data.target().reason(), data.target().labels(),
                    Audience.JAVA));
        }
        if (log != null) {
            data.notes(Audience.JAVA).forEach(log::println);
        }
        String loss = TabularTraining.loss(data.target().task(), options.loss());
        int trainingRows = data.train().size();
        int validationRows = data.validation() == null ? 0 : data.validation().size();
        int epochs = StoppingRule.epochs(options.epochs(), trainingRows, options.batchSize());
        int patience = StoppingRule.patience(options.patience(), options.automaticEpochs(), validationRows > 0);
        double validationSplit = StoppingRule.validationSplit(options.validationSplit(), options.automaticEpochs(),
                table.rowCount());
        ModelMetadata metadata = TrainingMetadata.of(TrainingMetadata.settings(csv.getFileName().toString(),
                trainingRows, options, epochs, validationSplit, patience), options, "Tabular.train");
        Model model = TabularTraining.model(data, loss, options.standardizeTarget(),
                TabularTraining.denseNetworks(options), metadata);
        ProgressPrinter progress = log == null ? null : new ProgressPrinter(log, epochs, false);
        try {
            if (log != null) {
                log.println(TrainingLines.describe(model, trainingRows, validationRows, options, epochs));
            }
            History history = TabularTraining.fit(model, data, (net, x, y, xv, yv) -> TabularTraining.fitLocally(net,
                    TabularTraining.optimizer(options, epochs, trainingRows), x, y, xv, yv, options.seed(), epochs,
                    options.batchSize(), patience, both(progress, listener)));
            if (log != null) {
                TrainingLines.stopping(history).ifPresent(log::println);
            }
            return new TabularModel(model.withMetadata(TrainingMetadata.withRun(model.metadata(), history)), history);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** A listener calling {@code first} then {@code second}, either of which may be null (then: the other, or null). */
    private static TrainingListener both(TrainingListener first, TrainingListener second) {
        if (first == null || second == null) {
            return first != null ? first : second;
        }
        return new TrainingListener() {
            @Override
            public void onBatchEnd(int epoch, int batch, double loss) {
                first.onBatchEnd(epoch, batch, loss);
                second.onBatchEnd(epoch, batch, loss);
            }

            @Override
            public void onEpochEnd(EpochRecord record) {
                first.onEpochEnd(record);
                second.onEpochEnd(record);
            }
        };
    }
}
