package org.backprop.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backprop.io.DataException;
import org.backprop.io.csv.CsvTable;
import org.backprop.io.model.Task;

import picocli.CommandLine.Option;

/**
 * {@code --class-weight} and {@code --weight-column}: per-row weights of the training loss. A row's
 * weight is its weight column's value (1 without one) times its class's weight (1 without
 * {@code --class-weight}); every loss then takes the weighted mean Σwᵢℓᵢ / Σwᵢ.
 */
final class SampleWeightOptions {

    @Option(names = "--class-weight", paramLabel = "balanced|LABEL=W,…",
            description = "Weigh each class's rows in the loss (classification): 'balanced' gives class c the weight "
                    + "n / (k · n_c) over the n training rows and k classes (scikit-learn's rule), or give "
                    + "LABEL=W pairs, other classes 1 (default: none, every class 1).")
    String classWeight;

    @Option(names = "--weight-column", paramLabel = "COLUMN",
            description = "A numeric column of per-row weights ≥ 0 multiplying each row's loss term; it is not a "
                    + "feature (default: none, every row 1). Used for --test too when that file has the column.")
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
        if (classWeight != null && !classWeight.trim().equalsIgnoreCase("balanced")) {
            explicitWeights();
        }
    }

    /**
     * The feature columns without the weight column: dropped from the default (every column but the
     * target), refused if the user listed it in {@code --features}.
     */
    List<String> withoutWeightColumn(List<String> features, boolean listedByUser) {
        if (weightColumn == null || !features.contains(weightColumn)) {
            return features;
        }
        TrainCommand.require(!listedByUser, "--weight-column " + weightColumn + " cannot also be a feature");
        List<String> rest = new ArrayList<>(features);
        rest.remove(weightColumn);
        TrainCommand.require(!rest.isEmpty(), "no feature column left besides the target and the weight column");
        return rest;
    }

    /**
     * The weight column of {@code table} (null without {@code --weight-column}, or when
     * {@code optional} and the table lacks it); a negative or non-finite weight is a data error
     * naming file, line and column.
     */
    double[] column(CsvTable table, boolean optional) {
        if (weightColumn == null || (optional && !table.columnNames().contains(weightColumn))) {
            return null;
        }
        double[] w = table.doubleColumn(weightColumn);
        int c = table.columnIndex(weightColumn);
        for (int r = 0; r < w.length; r++) {
            if (!(w[r] >= 0) || Double.isInfinite(w[r])) {
                throw DataException.in(table.source()).line(table.line(r)).column(c + 1, weightColumn)
                        .text(table.cell(r, c)).problem("a weight must be a finite number ≥ 0");
            }
        }
        return w;
    }

    /**
     * The class weights by label: 'balanced' from the labels of the training rows, or the explicit
     * pairs (other classes 1); null without {@code --class-weight}.
     *
     * @param classes        every class label of the model, in its order
     * @param trainingLabels the label of every training row
     */
    Map<String, Double> classWeights(List<String> classes, String[] trainingLabels) {
        if (classWeight == null) {
            return null;
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        if (classWeight.trim().equalsIgnoreCase("balanced")) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String label : trainingLabels) {
                counts.merge(label, 1, Integer::sum);
            }
            for (String c : classes) {
                int count = counts.getOrDefault(c, 0);
                weights.put(c, count == 0 ? 1.0 : (double) trainingLabels.length / (classes.size() * count));
            }
            return weights;
        }
        Map<String, Double> explicit = explicitWeights();
        for (String label : explicit.keySet()) {
            TrainCommand.require(classes.contains(label), "--class-weight: no class \"" + label + "\" in the target; "
                    + "classes: " + String.join(", ", classes));
        }
        classes.forEach(c -> weights.put(c, explicit.getOrDefault(c, 1.0)));
        return weights;
    }

    private Map<String, Double> explicitWeights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String pair : classWeight.split(",")) {
            int eq = pair.lastIndexOf('=');
            TrainCommand.require(eq > 0, "--class-weight: expected 'balanced' or LABEL=WEIGHT pairs separated by "
                    + "commas, got '" + pair + "'");
            String label = pair.substring(0, eq).trim();
            double w;
            try {
                w = Double.parseDouble(pair.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new UserError(ExitCodes.USAGE, "--class-weight: weight of \"" + label + "\" is not a number: '"
                        + pair.substring(eq + 1) + "'");
            }
            TrainCommand.require(w >= 0 && Double.isFinite(w), "--class-weight: weight of \"" + label
                    + "\" must be a finite number ≥ 0, got " + w);
            TrainCommand.require(weights.put(label, w) == null, "--class-weight: class \"" + label + "\" given twice");
        }
        return weights;
    }

    /**
     * Row weights: {@code column[i]} (1 if null) times the weight of {@code labels[i]}'s class (1 if
     * {@code classWeights} or {@code labels} is null); null when both are absent.
     */
    static double[] rows(double[] column, String[] labels, Map<String, Double> classWeights, int rows) {
        if (column == null && (classWeights == null || labels == null)) {
            return null;
        }
        double[] w = new double[rows];
        for (int i = 0; i < rows; i++) {
            double c = column == null ? 1.0 : column[i];
            w[i] = classWeights == null || labels == null ? c : c * classWeights.getOrDefault(labels[i], 1.0);
        }
        return w;
    }
}
