package org.backprop.spark.score;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.backprop.io.DoubleTable;
import org.backprop.io.model.Model;
import org.backprop.spark.data.InputColumns;
import org.backprop.tensor.Matrix;

/**
 * Appends the {@link ScoreColumns} (a prediction, class probabilities…) to every row of a partition:
 * reads the features with {@link InputColumns}, standardizes them with the model's feature scaler
 * and runs the network on chunks of rows. The io {@link Model} is loaded once per partition from
 * its model file's bytes ({@link ModelBytes}).
 */
public final class Scorer implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private static final int CHUNK = 1024;
    private final ModelBytes model;
    private final InputColumns columns;
    private final int featuresAt;
    private final ScoreColumns outputs;

    /**
     * @param featuresAt position of the first feature column in the rows
     * @param outputs    the values to append
     */
    public Scorer(ModelBytes model, InputColumns columns, int featuresAt, ScoreColumns outputs) {
        this.model = model;
        this.columns = columns;
        this.featuresAt = featuresAt;
        this.outputs = outputs;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        Model network = model.load();
        return new Iterator<>() {
            private final List<Row> ready = new ArrayList<>(CHUNK);
            private int next;

            @Override
            public boolean hasNext() {
                if (next == ready.size()) {
                    fill();
                }
                return next < ready.size();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return ready.get(next++);
            }

            private void fill() {
                ready.clear();
                next = 0;
                List<Row> chunk = new ArrayList<>(CHUNK);
                while (chunk.size() < CHUNK && rows.hasNext()) {
                    chunk.add(rows.next());
                }
                if (chunk.isEmpty()) {
                    network.close();
                } else {
                    score(network, chunk, ready);
                }
            }
        };
    }

    private void score(Model network, List<Row> chunk, List<Row> out) {
        int inputs = network.features().size();
        Matrix x = Matrix.zeros(chunk.size(), inputs);
        double[] row = new double[inputs];
        for (int i = 0; i < chunk.size(); i++) {
            String problem = columns.readFeatures(chunk.get(i), featuresAt, row, -1);
            if (problem != null) {
                throw new IllegalArgumentException("cannot score: " + problem);
            }
            System.arraycopy(row, 0, x.data(), i * inputs, inputs);
        }
        Object[][] added = outputs.score(network, network.inputs(new DoubleTable(x.data(), x.rows(), inputs,
                network.features())));
        for (int i = 0; i < chunk.size(); i++) {
            Row r = chunk.get(i);
            Object[] values = new Object[r.length() + added[i].length];
            for (int j = 0; j < r.length(); j++) {
                values[j] = r.get(j);
            }
            System.arraycopy(added[i], 0, values, r.length(), added[i].length);
            out.add(RowFactory.create(values));
        }
    }
}
