package org.backprop.spark.score;

import java.io.Serializable;

import org.backprop.io.model.Model;
import org.backprop.tensor.Matrix;

/**
 * What a {@link Scorer} appends to each row: the values of the new columns, computed by the model's
 * network from a chunk of standardized feature rows. Serializable, so it travels to the executors.
 */
@FunctionalInterface
public interface ScoreColumns extends Serializable {

    /** One array of new column values per row of {@code x} (standardized features, n×inputs). */
    Object[][] score(Model model, Matrix x);
}
