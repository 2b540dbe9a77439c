package org.backprop.io.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.backprop.io.Audience;
import org.backprop.io.DataException;
import org.backprop.io.DoubleTable;
import org.backprop.io.csv.ColumnarCsvReader;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.model.Model;
import org.backprop.io.model.ModelFile;
import org.backprop.io.model.Task;
import org.backprop.io.preprocess.EncodeWarnings;
import org.backprop.tensor.Matrix;
import org.backprop.train.History;

/**
 * A trained model that takes raw table rows: the stored preprocessing (column types, levels,
 * imputation), the scalers and the network. Thread-safe: any number of threads may predict at once.
 * Save it with {@link #save}, load it with {@link #load}; the file is the one {@code backprop
 * predict} reads.
 */
public final class TabularModel implements AutoCloseable {
    private final Model model;
    private final History history;

    /** Wraps a model (e.g. loaded with {@link ModelFile}); it has no {@link #history()}. */
    public TabularModel(Model model) {
        this(model, null);
    }

    /** Wraps a model just trained, with the history of its training (or null). */
    public TabularModel(Model model, History history) {
        this.model = Objects.requireNonNull(model, "model");
        this.history = history;
    }

    /**
     * How the training that made this model went, for a model {@link Tabular#train} returned (empty
     * for a loaded one: its {@code training} metadata has the settings): every epoch's mean batch
     * loss and, with a validation split, validation loss ({@link History#epochs()}); whether early
     * stopping ended the run ({@link History#stoppedEarly()}; otherwise every epoch ran) and the
     * epoch whose weights the model kept ({@link History#restoredEpoch()}, 0-based; −1 without early
     * stopping: the last epoch's).
     */
    public Optional<History> history() {
        return Optional.ofNullable(history);
    }

    /** Loads a model file. */
    public static TabularModel load(Path file) throws IOException {
        return new TabularModel(ModelFile.load(file));
    }

    /** Saves atomically to {@code file} (one safetensors file). */
    public void save(Path file) throws IOException {
        ModelFile.save(file, model);
    }

    /** The underlying model: network, scalers, preprocessing, metadata. */
    public Model model() {
        return model;
    }

    /** Regression or classification. */
    public Task task() {
        return model.task();
    }

    /**
     * Predicts one row given as column name → cell text (as it would appear in the CSV file; extra
     * columns are ignored, {@code null} or a missing-value token is a missing cell). A level not seen
     * in training goes to the column's rare levels (all zeros if it has none), never an error.
     *
     * @throws org.backprop.io.DataException if a column is absent or a numeric cell is not a number
     */
    public Prediction predict(Map<String, String> row) {
        double[] x;
        try {
            x = model.preprocessor().encode(row, new EncodeWarnings());
        } catch (DataException e) {
            throw e.forAudience(Audience.JAVA);
        }
        DoubleTable table = new DoubleTable(x, 1, x.length, model.features());
        return predictions(table).get(0);
    }

    /**
     * Predicts every row of a CSV file (the model's columns, in any order; others are ignored).
     *
     * @throws org.backprop.io.DataException naming file, line, column and text for a bad cell
     * @throws IOException                   if the file cannot be read
     */
    public TabularPredictions predict(Path csv) throws IOException {
        try {
            ColumnarTable table = ColumnarCsvReader.read(csv, model.preprocessor().readOptions(List.of()));
            EncodeWarnings warnings = new EncodeWarnings();
            DoubleTable features = model.preprocessor().encode(table, warnings);
            return new TabularPredictions(predictions(features), warnings.messages());
        } catch (DataException e) {
            throw e.forAudience(Audience.JAVA);
        }
    }

    private List<Prediction> predictions(DoubleTable features) {
        List<Prediction> out = new ArrayList<>(features.rows());
        if (model.task() == Task.REGRESSION) {
            for (double v : model.predictValues(features)) {
                out.add(new Prediction(v, null, Map.of()));
            }
            return out;
        }
        Matrix p = model.predictProbabilities(features);
        String[] labels = model.labelsOf(p);
        List<String> classes = model.labels().classes();
        for (int i = 0; i < p.rows(); i++) {
            Map<String, Double> probabilities = new LinkedHashMap<>();
            for (int j = 0; j < classes.size(); j++) {
                probabilities.put(classes.get(j), p.get(i, j));
            }
            out.add(new Prediction(Double.NaN, labels[i], probabilities));
        }
        return out;
    }

    /**
     * Stops the network's kernel threads ({@link org.backprop.network.NeuralNetwork#close}): the
     * model keeps predicting afterwards, since predictions run on kernels of their own; close it
     * when done to release the threads.
     */
    @Override
    public void close() {
        model.close();
    }
}
