package org.backprop.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.backprop.io.preprocess.LabelEncoder;

/**
 * The {@link org.apache.spark.ml.Model} a {@link BackpropClassifier} fits. {@code transform}
 * appends {@code prediction}, the most probable class as the original label (a {@code long} for an
 * integer label column, else a string), and {@code probability}, a Spark ML {@code Vector} of the
 * class probabilities in the order of {@link #classes()}.
 *
 * <p>{@link #saveModelFile}/{@link #loadModelFile} use the project's model file, so
 * {@code backprop predict/evaluate/inspect} read a classifier trained on Spark.
 */
public final class BackpropClassificationModel extends Model<BackpropClassificationModel> {
    private static final long serialVersionUID = 1L;
    private final String uid;
    private final TrainedNetwork network;
    private final List<String> classes;
    private final boolean integral;
    private final String target;
    private final Param<String> featuresCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;

    BackpropClassificationModel(String uid, TrainedNetwork network, List<String> classes, boolean integral,
                                String target) {
        this.uid = uid;
        this.network = network;
        this.classes = List.copyOf(classes);
        this.integral = integral;
        this.target = target;
        this.featuresCol = new Param<>(this, "featuresCol", "features column (Vector)");
        this.predictionCol = new Param<>(this, "predictionCol", "predicted label column name");
        this.probabilityCol = new Param<>(this, "probabilityCol", "class probabilities column name (Vector)");
        setDefault(featuresCol, "features");
        setDefault(predictionCol, "prediction");
        setDefault(probabilityCol, "probability");
    }

    @Override
    public String uid() {
        return uid;
    }

    /** The features column param (Spark ML finds params through these public accessors). */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    /** The predicted label column param. */
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /** The class probabilities column param. */
    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    public BackpropClassificationModel setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    public BackpropClassificationModel setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    public BackpropClassificationModel setProbabilityCol(String value) {
        set(probabilityCol, value);
        return this;
    }

    /** The trained network (its outputs are the class logits). */
    public TrainedNetwork network() {
        return network;
    }

    /** The class labels in output (probability vector) order. */
    public List<String> classes() {
        return classes;
    }

    /** Saves the model as one classification model file (target = the training label column). */
    public void saveModelFile(Path file) throws IOException {
        ModelFiles.save(file, network, target, LabelEncoder.of(classes), null, 0L);
    }

    /**
     * Loads a classification model file (from {@link #saveModelFile} or {@code backprop train});
     * predictions are longs if every class label is an integer.
     *
     * @throws IllegalArgumentException if the file holds a regression model
     */
    public static BackpropClassificationModel loadModelFile(Path file) throws IOException {
        ModelFiles.Loaded loaded = ModelFiles.load(file);
        if (loaded.classes() == null) {
            throw new IllegalArgumentException(file + " holds a regression model; use BackpropRegressionModel");
        }
        List<String> labels = loaded.classes().classes();
        boolean integral = labels.stream().allMatch(l -> l.matches("-?[0-9]{1,18}"));
        return new BackpropClassificationModel(Identifiable$.MODULE$.randomUID("backpropClassifier"),
                loaded.network(), labels, integral, loaded.target());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        Dataset<Row> rows = dataset.toDF();
        int at = Arrays.asList(rows.schema().fieldNames()).indexOf($(featuresCol));
        InputColumns columns = InputColumns.vector($(featuresCol), List.of(target));
        return rows.mapPartitions(new Scorer(network, columns, at, new ClassScores(classes, integral)),
                Encoders.row(out));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        InputColumns.vector($(featuresCol), List.of(target)).checkSchemaFeatures(schema);
        return withScores(schema, $(predictionCol), $(probabilityCol), integral);
    }

    /** {@code schema} plus the prediction and probability columns, refusing names already taken. */
    static StructType withScores(StructType schema, String prediction, String probability, boolean integral) {
        for (String name : List.of(prediction, probability)) {
            if (Arrays.asList(schema.fieldNames()).contains(name)) {
                throw new IllegalArgumentException("column '" + name + "' already exists");
            }
        }
        return schema.add(prediction, integral ? DataTypes.LongType : DataTypes.StringType, false)
                .add(probability, new VectorUDT(), false);
    }

    @Override
    public BackpropClassificationModel copy(ParamMap extra) {
        BackpropClassificationModel copy = new BackpropClassificationModel(uid, network, classes, integral, target);
        copy.setParent(parent());
        return copyValues(copy, extra);
    }
}
