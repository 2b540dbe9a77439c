package org.backprop.io.table;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.backprop.io.csv.ColumnarCsvReader;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.model.Model;
import org.backprop.io.model.ModelMetadata;

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
     * rows and trains a network to predict {@code target}.
     *
     * @param log where to print the task, the column types and missing counts, or null
     * @throws org.backprop.io.DataException        for bad data (naming file, line, column and text)
     * @throws IllegalArgumentException             for invalid options
     * @throws org.backprop.train.TrainingDivergedException if the training diverged
     * @throws IOException                          if the file cannot be read
     */
    public static TabularModel train(Path csv, String target, TabularOptions options, PrintStream log)
            throws IOException {
        ColumnarTable table = ColumnarCsvReader.read(csv, TabularTraining.readOptions(target, options));
        TabularTraining.Prepared data = TabularTraining.prepare(table, target, options);
        if (log != null) {
            log.println("task: " + data.target().task().id() + " (" + data.target().reason() + ")");
            data.notes().forEach(log::println);
        }
        String loss = TabularTraining.loss(data.target().task(), options.loss());
        int trainingRows = data.train().size();
        int epochs = StoppingRule.epochs(options.epochs(), trainingRows, options.batchSize());
        int patience = StoppingRule.patience(options.patience(), options.automaticEpochs(), data.validation() != null);
        ModelMetadata metadata = new ModelMetadata("{}", options.seed(), "", "Tabular.train");
        Model model = TabularTraining.model(data, loss, options.standardizeTarget(),
                TabularTraining.denseNetworks(options), metadata);
        try {
            TabularTraining.fit(model, data, (net, x, y, xv, yv) -> TabularTraining.fitLocally(net,
                    TabularTraining.optimizer(options, epochs, trainingRows), x, y, xv, yv, options.seed(), epochs,
                    options.batchSize(), patience, null));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return new TabularModel(model);
    }
}
