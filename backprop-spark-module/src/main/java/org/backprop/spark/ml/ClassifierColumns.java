package org.backprop.spark.ml;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.sql.types.StructType;

/**
 * The output column params a classifier and its model share ({@code rawPredictionCol},
 * {@code probabilityCol}), and the schema they add.
 */
final class ClassifierColumns implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Params owner;
    private final Param<String> probabilityCol;
    private final Param<String> rawPredictionCol;

    ClassifierColumns(Params owner) {
        this.owner = owner;
        probabilityCol = new Param<>(owner, "probabilityCol", "class probabilities column (Vector)");
        rawPredictionCol = new Param<>(owner, "rawPredictionCol", "log-probabilities column (Vector)");
        owner.setDefault(probabilityCol, "probability");
        owner.setDefault(rawPredictionCol, "rawPrediction");
    }

    Param<String> probabilityCol() {
        return probabilityCol;
    }

    Param<String> rawPredictionCol() {
        return rawPredictionCol;
    }

    /**
     * {@code schema} plus rawPrediction, probability (Vectors) and prediction (a double whose nominal
     * attribute metadata lists {@code classes}, if known), refusing names already taken.
     */
    StructType withScores(StructType schema, String prediction, List<String> classes) {
        String raw = owner.getOrDefault(rawPredictionCol);
        String probability = owner.getOrDefault(probabilityCol);
        for (String name : List.of(raw, probability, prediction)) {
            if (Arrays.asList(schema.fieldNames()).contains(name)) {
                throw new IllegalArgumentException("column '" + name + "' already exists");
            }
        }
        NominalAttribute attribute = NominalAttribute.defaultAttr().withName(prediction);
        if (classes != null) {
            attribute = attribute.withValues(classes.toArray(String[]::new));
        }
        return schema.add(raw, new VectorUDT(), false).add(probability, new VectorUDT(), false)
                .add(attribute.toStructField());
    }
}
