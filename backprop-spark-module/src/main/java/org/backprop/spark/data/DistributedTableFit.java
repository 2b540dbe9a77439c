package org.backprop.spark.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.backprop.io.DataException;
import org.backprop.io.csv.Column;
import org.backprop.io.csv.ColumnCounts;
import org.backprop.io.csv.ColumnSelection;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.model.Task;
import org.backprop.io.preprocess.ColumnDecision;
import org.backprop.io.preprocess.ColumnType;
import org.backprop.io.preprocess.ColumnTypes;
import org.backprop.io.preprocess.FittedColumns;
import org.backprop.io.preprocess.LabelEncoder;
import org.backprop.io.preprocess.MissingPolicy;
import org.backprop.io.preprocess.NumericEncoder;
import org.backprop.io.preprocess.ScalerColumnFit;
import org.backprop.io.preprocess.StandardScaler;
import org.backprop.io.preprocess.TableOptions;
import org.backprop.io.preprocess.TablePreprocessor;
import org.backprop.io.table.Target;
import org.backprop.io.table.TabularOptions;
import org.backprop.io.table.TabularTraining;

/**
 * Fits the stored preprocessing of {@code backprop train} (target and task, column types, medians,
 * levels, feature and target scalers, class labels) to a {@link SparkTable} with a few distributed
 * aggregation passes, none of which brings a row to the driver:
 * <ol>
 *   <li>one profile job ({@link TableProfile}): counts, first bad cells, level counts;</li>
 *   <li>{@value ExactMedians#PASSES} histogram jobs for the exact medians of the numeric columns
 *       (only with missing-value imputation);</li>
 *   <li>the rows are encoded once on the executors and cached; three jobs fit the scalers with
 *       exact sums ({@link ScalerColumnFit}), so they equal {@code backprop train}'s bit for bit.</li>
 * </ol>
 * Rows with a present target are split into training and validation rows exactly as
 * {@code backprop train} splits them ({@link Holdout}: the same rows for the same seed, whatever the
 * partitioning; one more profile job when there is a validation split); everything is fitted on the
 * training rows, and both sets are encoded and cached, in input order.
 */
public final class DistributedTableFit {
    private DistributedTableFit() {
    }

    /**
     * The fitted preprocessing and the encoded training rows.
     *
     * @param preprocessor  the stored preprocessing
     * @param targetName    the target column
     * @param task          the task
     * @param reason        why this task (for the user)
     * @param featureScaler the scaler of the encoded features (category codes pass unchanged)
     * @param targetScaler  regression: the target's scaler (identity unless standardized), else null
     * @param labels        classification: the classes, else null
     * @param rows          training rows
     * @param dropped       rows left out for a missing target
     * @param encoded       the training rows per input partition, encoded, not yet scaled; cached
     * @param validationRows validation rows (0 without a split)
     * @param validation    the validation rows, encoded like {@code encoded}, or null without a split
     * @param trainCounts   classification: training rows per class label, else null
     * @param validationSplit the validation fraction used
     * @param jobs          Spark jobs run
     */
    public record Result(TablePreprocessor preprocessor, String targetName, Task task, String reason,
                         StandardScaler featureScaler, StandardScaler targetScaler, LabelEncoder labels, long rows,
                         long dropped, JavaRDD<EncodedPart> encoded, long validationRows,
                         JavaRDD<EncodedPart> validation, Map<String, Long> trainCounts, double validationSplit,
                         int jobs) implements AutoCloseable {
        @Override
        public void close() {
            encoded.unpersist(false);
            if (validation != null) {
                validation.unpersist(false);
            }
        }
    }

    /** The validation fraction for a table, chosen once its row counts are known (e.g. backprop train's rule). */
    @FunctionalInterface
    public interface ValidationSplit {
        /**
         * @param rows       every data row of the table
         * @param targetRows the rows with a target (those the split divides)
         * @return the fraction of the rows with a target to hold out, in [0, 1)
         */
        double fraction(long rows, long targetRows);
    }

    /**
     * Fits the preprocessing of {@code table} for {@code targetName} with {@code options} (its
     * features, task, table options, missing-target handling and seed) on the training rows, without a
     * validation split or weights.
     *
     * @throws DataException            for bad data, naming file, line, column and text
     */
    public static Result fit(SparkTable table, String targetName, TabularOptions options, boolean standardizeTarget) {
        return fit(table, targetName, options, standardizeTarget, (rows, targetRows) -> 0.0, null);
    }

    /**
     * As {@link #fit(SparkTable, String, TabularOptions, boolean)}, holding out the fraction
     * {@code split} chooses (drawn from {@code options.seed()} as {@code backprop train} draws it) and
     * reading each row's weight from {@code weightColumn} (null: none; a bad weight is a data error
     * naming its line).
     */
    public static Result fit(SparkTable table, String targetName, TabularOptions options, boolean standardizeTarget,
                             ValidationSplit split, String weightColumn) {
        String source = table.source();
        TableOptions tableOptions = options.table();
        List<String> features = ColumnSelection.resolve(source, table.columns(), targetName, options.features())
                .features();
        int jobs = 0;
        List<TableProfile> parts = table.parts().map(p -> TableProfile.of(p, targetName, null, weightColumn))
                .collect();
        TableProfile.Merged profile = TableProfile.merge(parts);
        jobs++;
        Locator at = new Locator(source, table.columns(), table.headerLines());
        if (weightColumn != null) {
            requireWeights(profile, weightColumn, at);
        }
        tableOptions.requireDeclaredFeatures(source, table.columns(), features);
        if (profile.rows() == 0) {
            throw DataException.in(source).line(1).problem("has a header but no data rows");
        }
        ColumnSummary target = profile.columns().get(targetName);
        ColumnCounts targetCounts = target.counts(targetName);
        Target.requireUsable(targetCounts, options.task(), options.dropMissingTarget(),
                () -> at.cell(target.firstNonNumberRow, targetName), () -> at.cell(target.firstMissingRow, targetName));
        Target.Choice choice = Target.choose(targetCounts, options.task(), target.hasText ? target.labels : null,
                target.firstLabel, () -> target.firstNonNumberRow >= 0 ? at.cell(target.firstNonNumberRow, targetName)
                        : at.column(targetName), () -> at.column(targetName));
        if (choice.task() == Task.CLASSIFICATION && !target.hasText) {
            throw at.column(targetName).problem("more than " + Column.TEXT_CAP + " distinct target values: too "
                    + "many classes for backprop-spark (use --task regression)");
        }
        long targetRows = profile.trainRows();
        double v = split.fraction(profile.rows(), targetRows);
        boolean regression = choice.task() == Task.REGRESSION;
        LabelEncoder labels = regression ? null : LabelEncoder.fit(target.labels.keySet().toArray(new String[0]));
        Broadcast<Holdout> holdout = null;
        if (v > 0) {
            List<Map<String, Long>> counts = new ArrayList<>();
            parts.forEach(p -> counts.add(p.trainCounts(targetName, !regression)));
            Holdout drawn = Holdout.draw(counts, regression ? null : labels.classes(), v, options.seed());
            holdout = JavaSparkContext.fromSparkContext(table.parts().context()).broadcast(drawn);
            Broadcast<Holdout> split1 = holdout;
            profile = TableProfile.merge(table.parts().map(p -> TableProfile.of(p, targetName, split1.value(), null))
                    .collect());
            jobs++;
        }
        Map<String, Long> trainCounts = regression ? null : new HashMap<>(profile.columns().get(targetName).labels);
        List<ColumnDecision> decisions = new ArrayList<>();
        for (String name : features) {
            ColumnSummary s = profile.columns().get(name);
            decisions.add(ColumnTypes.decide(s == null ? null : s.counts(name), name, tableOptions,
                    () -> at.cell(s.firstNonNumberRow, name), () -> s.textShape()));
        }
        List<String> numeric = new ArrayList<>();
        for (ColumnDecision d : decisions) {
            if (d.type() == ColumnType.NUMERIC) {
                numeric.add(d.column());
            }
        }
        Map<String, Double> medians = new HashMap<>();
        if (tableOptions.missingPolicy() == MissingPolicy.IMPUTE && !numeric.isEmpty()) {
            long[] counts = new long[numeric.size()];
            for (int j = 0; j < counts.length; j++) {
                ColumnSummary s = profile.columns().get(numeric.get(j));
                counts[j] = profile.trainRows() - s.trainMissing;
            }
            Double[] m = ExactMedians.of(table.parts(), targetName, holdout, numeric, counts);
            jobs += ExactMedians.PASSES;
            for (int j = 0; j < m.length; j++) {
                medians.put(numeric.get(j), m[j]);
            }
        }
        TablePreprocessor preprocessor = preprocessor(decisions, profile, medians, tableOptions, at, source)
                .withInputFormat(table.separator(), table.decimal()); // backprop predict reads files so by default
        long[] trainOffsets = profile.trainOffsets();
        String stored = preprocessor.toJson();
        Broadcast<Holdout> split2 = holdout;
        JavaRDD<EncodedPart> encoded = table.parts()
                .map(p -> EncodedPart.of(p, TablePreprocessor.fromJson(stored), targetName, regression,
                        trainOffsets[p.partition()], split2 == null ? null : split2.value(), false, weightColumn))
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<EncodedPart> validation = null;
        long validationRows = 0;
        if (holdout != null) {
            long[] validationOffsets = new long[parts.size() + 1];
            for (int p = 0; p < parts.size(); p++) {
                long present = parts.get(p).trainCounts(targetName, false).get("");
                validationOffsets[p + 1] = validationOffsets[p] + present - (trainOffsets[p + 1] - trainOffsets[p]);
            }
            validation = table.parts()
                    .map(p -> EncodedPart.of(p, TablePreprocessor.fromJson(stored), targetName, regression,
                            validationOffsets[p.partition()], split2.value(), true, weightColumn))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            validationRows = holdout.value().validationRows();
        }
        int width = preprocessor.width();
        int fits = width + (regression ? 1 : 0);
        ScalerColumnFit[] scalers = new ScalerColumnFit[fits];
        for (int j = 0; j < fits; j++) {
            scalers[j] = new ScalerColumnFit();
        }
        for (int pass = 1; pass <= 3; pass++) {
            ScalerColumnFit[] start = scalers;
            int which = pass;
            scalers = encoded.map(e -> e.fit(start, which)).reduce(DistributedTableFit::merge);
            jobs++;
            if (pass == 1) {
                if (validation != null) {
                    validation.count();
                    jobs++;
                }
                table.parts().unpersist(false);
            }
            if (pass < 3) {
                for (ScalerColumnFit s : scalers) {
                    s.nextPass();
                }
            }
        }
        double[] mean = new double[width];
        double[] scale = new double[width];
        for (int j = 0; j < width; j++) {
            mean[j] = scalers[j].mean();
            scale[j] = scalers[j].scale();
        }
        StandardScaler featureScaler = TabularTraining.featureScaler(StandardScaler.of(mean, scale),
                preprocessor.embeddings());
        StandardScaler targetScaler = !regression ? null : standardizeTarget
                ? StandardScaler.of(new double[] {scalers[width].mean()}, new double[] {scalers[width].scale()})
                : StandardScaler.of(new double[] {0}, new double[] {1});
        return new Result(preprocessor, targetName, choice.task(), choice.reason(), featureScaler, targetScaler,
                labels, profile.trainRows(), profile.rows() - targetRows, encoded, validationRows, validation,
                trainCounts, v, jobs);
    }

    /**
     * Refuses the weight column as {@link org.backprop.io.table.WeightColumn#read} refuses it on the
     * whole table: its first non-number (counting every bad cell), else its first missing cell, else
     * its first negative or infinite weight.
     */
    private static void requireWeights(TableProfile.Merged profile, String name, Locator at) {
        ColumnSummary w = profile.columns().get(name);
        if (w != null && w.nonNumbers > 0) {
            throw at.cell(w.firstNonNumberRow, name).text(w.firstNonNumberText).problem(ColumnarTable.whyNotNumber(
                    w.firstNonNumberText) + ColumnarTable.count(Math.toIntExact(w.nonNumbers + w.missing), "bad cell"));
        }
        if (w != null && w.missing > 0) {
            throw at.cell(w.firstMissingRow, name).problem("missing value"
                    + ColumnarTable.count(Math.toIntExact(w.missing), "missing cell"));
        }
        if (profile.weightError() != null) {
            throw profile.weightError();
        }
    }

    private static ScalerColumnFit[] merge(ScalerColumnFit[] a, ScalerColumnFit[] b) {
        for (int j = 0; j < a.length; j++) {
            a[j].merge(b[j]);
        }
        return a;
    }

    private static TablePreprocessor preprocessor(List<ColumnDecision> decisions, TableProfile.Merged profile,
                                                  Map<String, Double> medians, TableOptions options, Locator at,
                                                  String source) {
        FittedColumns fitted = new FittedColumns();
        long missingTotal = 0;
        ColumnSummary firstMissing = null;
        String firstMissingName = null;
        for (ColumnDecision d : decisions) {
            ColumnSummary s = profile.columns().get(d.column());
            if (d.type() != ColumnType.IGNORED && s.missing > 0) {
                missingTotal += s.missing;
                if (firstMissing == null || s.firstMissingRow < firstMissing.firstMissingRow) {
                    firstMissing = s;
                    firstMissingName = d.column();
                }
            }
            switch (d.type()) {
                case IGNORED -> fitted.ignore(d);
                case NUMERIC -> fitted.numeric(options.missingPolicy() == MissingPolicy.ERROR
                        ? NumericEncoder.strict(d.column())
                        : numeric(d.column(), medians.get(d.column()), s.trainMissing));
                case CATEGORICAL -> fitted.categorical(d.column(), toInt(s.trainLevels),
                        Math.toIntExact(s.trainMissing), options);
                default -> throw new IllegalStateException(d.type().toString());
            }
        }
        fitted.requireSomeFeature(source);
        if (options.missingPolicy() == MissingPolicy.ERROR && firstMissing != null) {
            throw at.cell(firstMissing.firstMissingRow, firstMissingName).problem(missingTotal == 1 ? "missing value"
                    : "missing value; " + missingTotal + " missing cells in all");
        }
        return TablePreprocessor.of(fitted.encoders(), fitted.ignored(), options.missing(), options.missingPolicy());
    }

    private static NumericEncoder numeric(String name, Double median, long missing) {
        int n = Math.toIntExact(missing);
        return median == null ? new NumericEncoder(name, 0.0, n > 0, n) : new NumericEncoder(name, median, n > 0, n);
    }

    private static Map<String, Integer> toInt(Map<String, Long> counts) {
        Map<String, Integer> out = new HashMap<>();
        counts.forEach((k, v) -> out.put(k, Math.toIntExact(v)));
        return out;
    }

    /** Names the cells of the input in errors: file, global line, column number and name. */
    record Locator(String source, List<String> columns, int headerLines) {
        DataException.Builder cell(long row, String column) {
            return DataException.in(source).line(row + 1 + headerLines)
                    .column(columns.indexOf(column) + 1, column);
        }

        DataException.Builder column(String column) {
            return DataException.in(source).column(columns.indexOf(column) + 1, column);
        }
    }
}
