package org.backprop.io.table;

import java.util.List;

/**
 * The predictions for the rows of a file, in row order, and what encoding them met (levels not seen
 * in training, missing cells where training had none), one line per column and kind.
 *
 * @param rows     one prediction per data row
 * @param warnings warnings, empty if none
 */
public record TabularPredictions(List<Prediction> rows, List<String> warnings) {
    /** Copies the lists. */
    public TabularPredictions {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }
}
