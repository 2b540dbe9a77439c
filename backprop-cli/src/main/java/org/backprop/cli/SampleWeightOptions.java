package org.backprop.cli;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.function.IntFunction;
import java.util.Set;

import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.preprocess.RowSet;
import org.backprop.io.model.Task;
import org.backprop.io.preprocess.TableOptions;
import org.backprop.io.table.ClassWeights;
import org.backprop.io.table.WeightColumn;

import picocli.CommandLine.Option;

/**
 * {@code --class-weight} and {@code --weight-column}: per-row weights of the training loss. A row's
 * weight is its weight column's value (1 without one) times its class's weight (1 without
 * {@code --class-weight}); every loss then takes the weighted mean Σwᵢℓᵢ / Σwᵢ.
 */
final class SampleWeightOptions {
    /** What the --weight-column is, in place of a feature type. */
    static final String ROLE = "row weights (--weight-column)";

    @Option(names = "--class-weight", paramLabel = "balanced|LABEL=W,…",
            description = "Weigh each class's rows in the loss (classification): 'balanced' gives class c the weight "
                    + "n / (k · n_c) over the n training rows and k classes (scikit-learn's rule), or give "
                    + "LABEL=W pairs, other classes 1 (default: none, every class 1).")
    String classWeight;

    @Option(names = "--weight-column", paramLabel = "COLUMN", converter = ColumnNameConverter.class,
            description = "A numeric column of per-row weights ≥ 0 multiplying each row's loss term; it is not a "
                    + "feature (default: none, every row 1). Test metrics are weighted by --class-weight only.")
    String weightColumn;

    /** True if any weight option is given. */
    boolean given() {
        return classWeight != null || weightColumn != null;
    }

    /** Usage checks that need only the task and the target. */
    void check(Task task, String target) {
        TrainCommand.require(classWeight == null || task == Task.CLASSIFICATION,
                "--class-weight needs a classification target; \"" + target + "\" is trained as " + task.id());
        TrainCommand.require(weightColumn == null || !weightColumn.equals(target),
                "--weight-column cannot be the target \"" + target + "\"");
        if (classWeight != null) {
            try {
                ClassWeights.check(classWeight);
            } catch (IllegalArgumentException e) {
                throw new UserError(ExitCodes.USAGE, "--class-weight: " + e.getMessage());
            }
        }
    }

    /** {@code options} also keeping the weight column when they name the columns to keep. */
    ColumnarReadOptions keepWeightColumn(ColumnarReadOptions options) {
        if (weightColumn == null || options.columns() == null) {
            return options;
        }
        Set<String> columns = new LinkedHashSet<>(options.columns());
        columns.add(weightColumn);
        return new ColumnarReadOptions(columns, options.textColumns(), options.missing(), options.separator(),
                options.decimal());
    }

    /**
     * {@code options} with the weight column not a feature, said to be the row weights, when the
     * features are every column but the target; a usage error if the user listed it in
     * {@code --features}.
     */
    TableOptions ignoreWeightColumn(TableOptions options, List<String> features) {
        if (weightColumn == null) {
            return options;
        }
        if (features != null && !features.isEmpty()) {
            TrainCommand.require(!features.contains(weightColumn),
                    "--weight-column " + weightColumn + " cannot also be a feature");
            return options;
        }
        return options.withRole(weightColumn, ROLE);
    }

    /**
     * The weight column of {@code table} (null without {@code --weight-column}); a missing,
     * non-number, negative or infinite weight is a data error naming file, line and column.
     */
    double[] column(ColumnarTable table) {
        if (weightColumn == null) {
            return null;
        }
        return WeightColumn.read(table, weightColumn);
    }

    /**
     * The class weights by label: 'balanced' from the labels of the training rows, or the explicit
     * pairs (other classes 1); null without {@code --class-weight}.
     *
     * @param classes        every class label of the model, in its order
     * @param trainingLabels the label of training row i, for i = 0 … n − 1
     */
    Map<String, Double> classWeights(List<String> classes, IntFunction<String> trainingLabels, int n) {
        if (classWeight == null) {
            return null;
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            counts.merge(trainingLabels.apply(i), 1L, Long::sum);
        }
        return classWeights(classes, counts);
    }

    /**
     * As {@link #classWeights(List, IntFunction, int)} from the training rows' count of each label (labels
     * without rows may be absent), e.g. counted where the rows live.
     */
    Map<String, Double> classWeights(List<String> classes, Map<String, Long> trainingCounts) {
        if (classWeight == null) {
            return null;
        }
        try {
            return ClassWeights.of(classWeight, classes, trainingCounts);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, "--class-weight: " + e.getMessage());
        }
    }

    /**
     * Row weights of the rows of a set: row i's is {@code column[tableRows.tableRow(i)]} (1 without a
     * column) times the weight of {@code labels.apply(i)}'s class (1 without class weights); null when
     * both are absent.
     */
    static double[] rows(double[] column, RowSet tableRows, IntFunction<String> labels,
                         Map<String, Double> classWeights) {
        boolean byClass = classWeights != null && labels != null;
        if (column == null && !byClass) {
            return null;
        }
        double[] w = new double[tableRows.size()];
        PrimitiveIterator.OfInt rows = tableRows.iterator();
        for (int i = 0; i < w.length; i++) {
            int r = rows.nextInt();
            double c = column == null ? 1.0 : column[r];
            w[i] = byClass ? c * classWeights.getOrDefault(labels.apply(i), 1.0) : c;
        }
        return w;
    }
}
