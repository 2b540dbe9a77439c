package org.backprop.spark;

import java.util.List;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.backprop.io.preprocess.LabelEncoder;

/**
 * A Spark ML {@link Estimator} that trains a backprop classifier with {@link SparkTrainer}. Features
 * come from a {@code Vector} column, labels from a string or integer column. The classes are found
 * in one distributed {@code distinct} pass and ordered as {@code backprop train} orders them
 * ({@link LabelEncoder}); the network is the given hidden layers plus one linear output per class
 * under softmax cross-entropy (fused, a mean over rows, so the distributed gradient is exact).
 *
 * <pre>{@code
 * BackpropClassifier classifier = new BackpropClassifier(
 *         NetworkSpec.builder(4).dense(16, "relu").build(), () -> new Adam(0.01))   // hidden layers only
 *         .setLabelCol("species").setPartitions(4).setGlobalBatchSize(256).setEpochs(50);
 * BackpropClassificationModel model = classifier.fit(assembled);
 * model.transform(assembled);   // + prediction (the original label) and probability (Vector)
 * }</pre>
 */
public final class BackpropClassifier extends BackpropEstimator<BackpropClassifier, BackpropClassificationModel> {
    private static final long serialVersionUID = 1L;
    private final NetworkSpec hidden;
    private final OptimizerFactory optimizer;

    /**
     * A classifier whose network is {@code hidden} (inputs and hidden layers; its loss is ignored)
     * plus the class output, trained with optimizers from {@code optimizer}.
     */
    public BackpropClassifier(NetworkSpec hidden, OptimizerFactory optimizer) {
        this(Identifiable$.MODULE$.randomUID("backpropClassifier"), hidden, optimizer);
    }

    private BackpropClassifier(String uid, NetworkSpec hidden, OptimizerFactory optimizer) {
        super(uid, "label column (string or integer)");
        this.hidden = hidden;
        this.optimizer = optimizer;
    }

    @Override
    protected BackpropClassifier self() {
        return this;
    }

    @Override
    public BackpropClassificationModel fit(Dataset<?> dataset) {
        StructType schema = dataset.schema();
        transformSchema(schema);
        Dataset<Row> rows = dataset.toDF();
        LabelEncoder classes = LabelColumn.fit(rows, $(labelCol()));
        List<String> oneHot = LabelColumn.oneHotNames(classes.classCount());
        SparkTrainConfig config = configBuilder().label(oneHot.toArray(String[]::new)).build();
        FitResult result = SparkTrainer.fit(LabelColumn.withOneHot(rows, $(labelCol()), classes),
                hidden.withClassOutput(classes.classCount()), optimizer.create(), config);
        BackpropClassificationModel model = new BackpropClassificationModel(uid(), result.model(), classes.classes(),
                LabelColumn.isIntegral(schema, $(labelCol())), $(labelCol()));
        model.setParent(this);
        return model.setFeaturesCol($(featuresCol()));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        InputColumns.vector($(featuresCol()), List.of($(labelCol()))).checkSchemaFeatures(schema);
        LabelColumn.checkSchema(schema, $(labelCol()));
        return BackpropClassificationModel.withScores(schema, "prediction", "probability",
                LabelColumn.isIntegral(schema, $(labelCol())));
    }

    @Override
    public BackpropClassifier copy(ParamMap extra) {
        BackpropClassifier copy = copySettingsTo(new BackpropClassifier(uid(), hidden, optimizer));
        return copyValues(copy, extra);
    }
}
