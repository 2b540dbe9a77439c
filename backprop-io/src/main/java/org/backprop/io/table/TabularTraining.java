package org.backprop.io.table;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import org.backprop.io.Audience;
import org.backprop.io.DataException;
import org.backprop.io.OptionName;
import org.backprop.io.csv.ColumnSelection;
import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.model.Model;
import org.backprop.io.model.ModelMetadata;
import org.backprop.io.model.Task;
import org.backprop.io.preprocess.ColumnDecision;
import org.backprop.io.preprocess.ColumnEncoder;
import org.backprop.io.preprocess.ColumnTypes;
import org.backprop.io.preprocess.ConstantColumns;
import org.backprop.io.preprocess.LabelEncoder;
import org.backprop.io.preprocess.LookAlikeLevels;
import org.backprop.io.preprocess.RowIdentifiers;
import org.backprop.io.preprocess.RowSet;
import org.backprop.io.preprocess.ScalerColumnFit;
import org.backprop.io.preprocess.ScalingOverflowException;
import org.backprop.io.preprocess.Splits;
import org.backprop.io.preprocess.StandardScaler;
import org.backprop.io.preprocess.TablePreprocessor;
import org.backprop.io.preprocess.TextShapeNotices;
import org.backprop.kernel.Kernels;
import org.backprop.layer.EmbeddingSpec;
import org.backprop.network.NetworkBuilder;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Optimizer;
import org.backprop.train.History;
import org.backprop.train.Trainer;
import org.backprop.train.TrainerConfig;
import org.backprop.train.RowSource;
import org.backprop.train.TrainingListener;

/**
 * The path from a table to a trained model, shared by {@link Tabular} and {@code backprop train}:
 * which columns to read ({@link #readOptions}), the target and the column types, the validation
 * split and the preprocessing fitted on the training rows ({@link #prepare}), the scalers and the
 * network ({@link #model}), the fit ({@link #fit}). The network and the fit are pluggable so that
 * front ends (the CLI's progress bar, Spark) change only those.
 */
public final class TabularTraining {
    /** Builds a fresh network; {@code loss} is the loss's registry name. */
    public interface NetworkFactory {
        /**
         * @param start   a builder of the network's input width, with the embedding layer of the
         *                embedded categorical columns already added when there are any
         * @param outputs the output layer's width
         * @param loss    the loss's registry name
         */
        NeuralNetwork create(NetworkBuilder start, int outputs, String loss);
    }

    /**
     * Fits a network to standardized inputs (rows encoded from the table when they are read) and
     * network targets (standardized or one-hot encoded when they are read; validation: null when
     * there is none).
     */
    public interface Fitter {
        History fit(NeuralNetwork network, RowSource x, RowSource y, RowSource xValidation, RowSource yValidation);
    }

    /**
     * A table ready to train on. The table's cells of the used columns are the only copy of the data:
     * the training and validation rows are {@link EncodedRows}, encoded and standardized a batch at a
     * time when they are read; their targets are one array by table row that both share; the cells
     * of the other columns (the target's, ignored ones) are released. The table also gives the line
     * of each row (for messages).
     *
     * @param table          the table (the cells of its used columns kept)
     * @param targetName     the target column
     * @param target         the target's task, reason, dropped rows and labels (its values are
     *                       those of {@code train} and {@code validation}: not kept twice)
     * @param preprocessor   the preprocessing fitted on the training rows
     * @param featureScaler  the scaler of the encoded inputs, fitted on the training rows (embedded
     *                       category-code columns pass unchanged: mean 0, scale 1)
     * @param train          the training rows, standardized when read
     * @param validation     the validation rows, standardized when read, or null
     * @param columnNotices  one notice per numeric feature column that looks like a row identifier
     *                       ({@link RowIdentifiers}) or is constant ({@link ConstantColumns}), per
     *                       column of text shapes ({@link TextShapeNotices}), and for class labels
     *                       or levels that differ only in case or spaces ({@link LookAlikeLevels})
     */
    public record Prepared(ColumnarTable table, String targetName, Target target, TablePreprocessor preprocessor,
                           StandardScaler featureScaler, NetworkRows train, NetworkRows validation,
                           List<String> columnNotices) {

        /** Copies the notices. */
        public Prepared {
            columnNotices = List.copyOf(columnNotices);
        }

        /** The table rows of {@code train}, in its order (e.g. for per-row weights). */
        public RowSet trainRows() {
            return train.tableRows();
        }

        /** The table rows of {@code validation}, in its order (empty without one). */
        public RowSet validationRows() {
            return validation == null ? RowSet.of(new int[0]) : validation.tableRows();
        }

        /**
         * What the user should see before training: dropped rows, non-numeric and ignored columns,
         * numeric columns that look like row identifiers or are constant, categorical columns of
         * percentages or amounts written as text.
         */
        public List<String> notes() {
            List<String> notes = new ArrayList<>();
            if (target.dropped() > 0) {
                notes.add("dropped " + target.dropped() + " rows with a missing target (" + OptionName.DROP_MISSING_TARGET
                        + ")");
            }
            preprocessor.describe().forEach(notes::add);
            notes.addAll(columnNotices);
            return notes;
        }

        /** {@link #notes()} with the options they suggest named for {@code audience} ({@link OptionName}). */
        public List<String> notes(Audience audience) {
            List<OptionName> named = new ArrayList<>(List.of(OptionName.DROP_MISSING_TARGET));
            preprocessor.columns().forEach(c -> named.add(OptionName.ignore(c)));
            return notes().stream().map(n -> OptionName.render(n, named, audience)).toList();
        }
    }

    private TabularTraining() {
    }

    /**
     * The columns to read for training on {@code target} with {@code options}: every column (or the
     * features and the target), declared categorical columns as text, ignored ones not at all.
     */
    public static ColumnarReadOptions readOptions(String target, TabularOptions options) {
        Set<String> keep = null;
        if (options.features() != null && !options.features().isEmpty()) {
            keep = new LinkedHashSet<>(options.features());
            keep.add(target);
        }
        Set<String> text = new LinkedHashSet<>(options.table().categorical());
        text.addAll(options.table().embed());
        return new ColumnarReadOptions(keep, text, options.table().missing(), options.separator(), options.decimal());
    }

    /**
     * Reads the target, decides the column types, splits the rows (the validation fraction of
     * {@code options}, or {@link StoppingRule#validationSplit}'s), fits the preprocessing and the
     * feature scaler on the training rows (a block of encoded rows at a time), checks that every
     * training and validation row can be standardized, and releases the cells of the columns that
     * are not inputs. The rows are not copied: the network's inputs are encoded from the table's
     * cells when they are read ({@link EncodedRows}), so the data exist once, as the table's
     * columns.
     *
     * @throws DataException for a bad target, a mostly numeric column with text, a missing column, a
     *                       validation value that overflows when standardized, …
     */
    public static Prepared prepare(ColumnarTable table, String targetName, TabularOptions options) {
        List<String> features = ColumnSelection.resolve(table.source(), table.columnNames(), targetName,
                options.features()).features();
        options.table().requireDeclaredFeatures(table.source(), table.columnNames(), features);
        Target target = Target.forTraining(table, targetName, options.task(), options.dropMissingTarget());
        table.releaseCellsExcept(features); // the target's values or labels are copied out: its cells go now
        List<ColumnDecision> decisions = ColumnTypes.decide(table, features, options.table());
        List<String> columnNotices = new ArrayList<>(RowIdentifiers.notices(table, decisions, options.table(),
                options.features() != null && !options.features().isEmpty()));
        columnNotices.addAll(ConstantColumns.notices(table, decisions));
        RowSet[] split = split(table.rowCount(), target, options.withValidationSplit(
                StoppingRule.validationSplit(options.validationSplit(), options.automaticEpochs(), table.rowCount())));
        RowSet trainRows = split[0];
        TablePreprocessor preprocessor = TablePreprocessor.fit(table, decisions, trainRows, options.table());
        List<ColumnDecision> used = decisions.stream().filter(d -> preprocessor.columns().contains(d.column()))
                .toList(); // not those the fit ignored (every level rare): their line says why
        columnNotices.addAll(TextShapeNotices.notices(table, used, options.table()));
        columnNotices.addAll(LookAlikeLevels.notices(table, used, targetName,
                target.labels() == null ? null : target.labels().classes()));
        StandardScaler featureScaler = featureScaler(EncodedRows.fitScaler(table, preprocessor, trainRows),
                preprocessor.embeddings());
        NetworkRows train = rows(table, preprocessor, featureScaler, trainRows, target);
        NetworkRows validation = split[1].size() == 0 ? null : rows(table, preprocessor, featureScaler, split[1],
                target);
        table.releaseCellsExcept(preprocessor.columns());
        return new Prepared(table, targetName, target.withoutValues(), preprocessor, featureScaler, train, validation,
                columnNotices);
    }

    /**
     * The training and validation rows of a table of {@code tableRows} rows: the rows with a target
     * split as {@link Splits#stratified} (classification, by class) or {@link Splits#random} splits
     * them, the same rows, without a list per row: the validation rows are drawn from the class sizes
     * ({@link Splits#validationRanks}) and listed, and the training rows are every other row with a
     * target (every row but the validation rows when no target is missing). No validation rows
     * without a validation fraction.
     */
    private static RowSet[] split(int tableRows, Target target, TabularOptions options) {
        double v = options.validationSplit();
        int n = target.size();
        checkValidationSplit(n, v);
        RowSet used = target.usedRows();
        if (v == 0) {
            return new RowSet[] {used, RowSet.of(new int[0])};
        }
        if (target.task() != Task.CLASSIFICATION) {
            return parts(tableRows, used, Splits.validationRanks(new int[] {n}, v, options.seed()), r -> 0);
        }
        int[] classes = target.classes();
        IntUnaryOperator classOf = r -> classes[r];
        int[] classSizes = new int[target.labels().classCount()];
        for (PrimitiveIterator.OfInt it = used.iterator(); it.hasNext(); ) {
            classSizes[classOf.applyAsInt(it.nextInt())]++;
        }
        return parts(tableRows, used, Splits.validationRanks(classSizes, v, options.seed()), classOf);
    }

    /**
     * The training and validation rows of {@code used} (ascending) when {@code held[c]} holds the
     * ranks, among class c's rows in table order, of the validation rows.
     */
    private static RowSet[] parts(int tableRows, RowSet used, BitSet[] held, IntUnaryOperator classOf) {
        int count = 0;
        for (BitSet h : held) {
            count += h.cardinality();
        }
        int[] validation = new int[count];
        int[] rank = new int[held.length];
        int k = 0;
        for (PrimitiveIterator.OfInt it = used.iterator(); it.hasNext(); ) {
            int r = it.nextInt();
            int c = classOf.applyAsInt(r);
            if (held[c].get(rank[c]++)) {
                validation[k++] = r;
            }
        }
        RowSet train;
        if (used.isAll()) {
            train = RowSet.allBut(tableRows, validation);
        } else {
            int[] rows = new int[used.size() - count];
            int t = 0;
            int j = 0;
            for (PrimitiveIterator.OfInt it = used.iterator(); it.hasNext(); ) {
                int r = it.nextInt();
                if (j < validation.length && validation[j] == r) {
                    j++;
                } else {
                    rows[t++] = r;
                }
            }
            train = RowSet.of(rows);
        }
        return new RowSet[] {train, RowSet.of(validation)};
    }

    /**
     * Refuses a validation fraction {@code v} that would leave fewer than 2 of the {@code n} rows with
     * a target for training.
     *
     * @throws ValidationSplitException saying so
     */
    public static void checkValidationSplit(long n, double v) {
        if (v > 0 && n - Math.round(n * v) < 2) {
            throw new ValidationSplitException("a validation split of " + v + " leaves fewer than 2 of " + n
                    + " rows for training");
        }
    }

    /**
     * Rows {@code rows} of the table as standardized network inputs (checked: every value can be
     * standardized), with the target's values or labels by table row (shared, not copied).
     */
    private static NetworkRows rows(ColumnarTable table, TablePreprocessor p, StandardScaler scaler,
                                    RowSet rows, Target target) {
        EncodedRows inputs = new EncodedRows(table, p, scaler, rows);
        try {
            inputs.requireScalable();
        } catch (ScalingOverflowException e) {
            ColumnEncoder encoder = p.encoderOf(e.column());
            throw table.at(inputs.tableRow(e.row()), table.column(encoder.column())).text(Double.toString(e.value()))
                    .problem(String.format(Locale.ROOT, "value overflows when standardized with the training rows' "
                            + "statistics of input \"%s\" (mean %s, scale %s)", p.outputNames().get(e.column()),
                            scaler.mean()[e.column()], scaler.scale()[e.column()]));
        }
        return new NetworkRows(inputs, target.values(), target.labels(), target.classes());
    }

    /**
     * The model to fit: feature scaler (and target scaler) fitted on the training rows, class labels
     * of all rows, a fresh network from {@code networks}, the preprocessing.
     */
    public static Model model(Prepared data, String loss, boolean standardizeTarget, NetworkFactory networks,
                              ModelMetadata metadata) {
        NetworkRows train = data.train();
        StandardScaler featureScaler = data.featureScaler();
        if (data.target().task() == Task.REGRESSION) {
            StandardScaler targetScaler = standardizeTarget ? targetScaler(train)
                    : StandardScaler.of(new double[] {0}, new double[] {1});
            return model(data.preprocessor(), data.targetName(), featureScaler, targetScaler, null, loss, networks,
                    metadata);
        }
        return model(data.preprocessor(), data.targetName(), featureScaler, null, data.target().labels(), loss,
                networks, metadata);
    }

    /**
     * The target scaler fitted on the training rows' values in three passes over them (exact sums:
     * equal to {@link StandardScaler#fit} of the values in one array, without that array).
     */
    private static StandardScaler targetScaler(NetworkRows train) {
        ScalerColumnFit fit = new ScalerColumnFit();
        double[] values = train.values();
        for (int pass = 1; pass <= 3; pass++) {
            for (PrimitiveIterator.OfInt it = train.tableRows().iterator(); it.hasNext(); ) {
                double v = values[it.nextInt()];
                switch (pass) {
                    case 1 -> fit.addToRange(v);
                    case 2 -> fit.addToSum(v);
                    default -> fit.addToSquares(v);
                }
            }
            if (pass < 3) {
                fit.nextPass();
            }
        }
        return StandardScaler.of(new double[] {fit.mean()}, new double[] {fit.scale()});
    }

    /**
     * The model of preprocessing and scalers fitted elsewhere (e.g. on Spark) with a fresh network
     * from {@code networks}: regression if {@code targetScaler} is given, else classification of
     * {@code labels}.
     */
    public static Model model(TablePreprocessor preprocessor, String targetName, StandardScaler featureScaler,
                              StandardScaler targetScaler, LabelEncoder labels, String loss, NetworkFactory networks,
                              ModelMetadata metadata) {
        List<EmbeddingSpec.Column> embedded = preprocessor.embeddings();
        NetworkBuilder start = NeuralNetwork.builder(preprocessor.width());
        if (!embedded.isEmpty()) {
            start.layer(new EmbeddingSpec(embedded));
        }
        List<String> names = preprocessor.outputNames();
        Model model = targetScaler != null
                ? Model.regression(networks.create(start, 1, loss), names, targetName, featureScaler, targetScaler,
                        metadata)
                : Model.classification(networks.create(start, labels.classCount(), loss), names, targetName,
                        featureScaler, labels, metadata);
        return model.withPreprocessor(preprocessor);
    }

    /** The feature scaler {@code fitted} on the training rows, with category-code columns passing unchanged (mean 0, scale 1). */
    public static StandardScaler featureScaler(StandardScaler fitted, List<EmbeddingSpec.Column> embedded) {
        if (embedded.isEmpty()) {
            return fitted;
        }
        double[] mean = fitted.mean();
        double[] scale = fitted.scale();
        for (EmbeddingSpec.Column c : embedded) {
            mean[c.column()] = 0;
            scale[c.column()] = 1;
        }
        return StandardScaler.of(mean, scale);
    }

    /** Fits {@code model}'s network to the prepared training (and validation) rows. */
    public static History fit(Model model, Prepared data, Fitter fitter) {
        NetworkRows t = data.train();
        NetworkRows v = data.validation();
        RowSource y = targets(model, data, t);
        return v == null ? fitter.fit(model.network(), t.inputs(), y, null, null)
                : fitter.fit(model.network(), t.inputs(), y, v.inputs(), targets(model, data, v));
    }

    /** {@code rows}' network targets; a value that overflows when standardized is a data error naming its line. */
    private static RowSource targets(Model model, Prepared data, NetworkRows rows) {
        try {
            return rows.targetRows(model);
        } catch (ScalingOverflowException e) {
            ColumnarTable table = data.table();
            throw table.at(rows.inputs().tableRow(e.row()), table.column(data.targetName())).text(Double.toString(e.value()))
                    .problem(String.format(Locale.ROOT, "target value overflows when standardized with the training "
                            + "rows' statistics (mean %s, scale %s)", model.targetScaler().mean()[0],
                            model.targetScaler().scale()[0]));
        }
    }

    /** The loss for {@code task}: {@code requested} (checked) or mse / softmax_ce. */
    public static String loss(Task task, String requested) {
        List<String> allowed = task == Task.REGRESSION ? List.of("mse", "mae", "huber") : List.of("softmax_ce");
        String name = requested == null ? allowed.get(0) : requested.toLowerCase(Locale.ROOT);
        if (!allowed.contains(name)) {
            throw new IllegalArgumentException("loss " + requested + " does not fit " + task.id() + "; use one of "
                    + allowed);
        }
        return name;
    }

    /**
     * Dense layers of {@code options.layers()} with its activation, dropout after each when
     * {@link TrainingToolkit#dropout()} is set, then a linear output layer; the loss (with its
     * huber δ), the initializer, the seed's "init" stream and {@code options.threads()}.
     */
    public static NetworkFactory denseNetworks(TabularOptions options) {
        return (builder, outputs, loss) -> {
            addDenseLayers(builder, outputs, options);
            int threads = options.threads() == null ? Kernels.defaultThreads() : options.threads();
            return builder.loss(options.toolkit().loss(loss)).seed(options.seed()).threads(threads).build();
        };
    }

    /**
     * Adds {@code backprop train}'s layers to {@code builder}: the initializer, then per
     * {@code options.layers()} a dense layer of its activation (and dropout, if any), then
     * {@code outputs} linear outputs.
     */
    public static NetworkBuilder addDenseLayers(NetworkBuilder builder, int outputs, TabularOptions options) {
        builder.initializer(options.toolkit().weightInitializer());
        for (int units : options.layers()) {
            builder.dense(units, options.activation().toLowerCase(Locale.ROOT));
            if (options.toolkit().dropout() > 0) {
                builder.dropout(options.toolkit().dropout());
            }
        }
        return builder.dense(outputs, "linear");
    }

    /**
     * A new optimizer of {@code options} (its learning rate, schedule, clipping and penalties) for a
     * run of {@code epochs} epochs over {@code trainingRows} rows.
     */
    public static Optimizer optimizer(TabularOptions options, int epochs, int trainingRows) {
        return options.toolkit().optimizer(options.optimizer(), options.effectiveLearningRate(), epochs,
                stepsPerEpoch(trainingRows, options.batchSize()));
    }

    /** Optimizer steps an epoch over {@code rows} rows in batches of {@code batchSize} (a last, smaller batch counts). */
    public static int stepsPerEpoch(int rows, int batchSize) {
        int batch = Math.max(1, Math.min(batchSize, rows));
        return (rows + batch - 1) / batch;
    }

    /**
     * The trainer's configuration of a run: {@code epochs}, batches of {@code batchSize} shuffled from
     * the seed's "shuffle" stream, early stopping after {@code patience} epochs without improvement
     * (0 = off), and no evaluation of the whole training set after each epoch (the progress shows the
     * mean batch loss; with patience and no validation rows, the trainer still evaluates it).
     */
    public static TrainerConfig trainerConfig(long seed, int epochs, int batchSize, int patience) {
        return TrainerConfig.defaults(seed).withEpochs(epochs).withBatchSize(batchSize).withPatience(patience)
                .withEvaluateTrainingSet(false);
    }

    /** The local {@link Trainer} with {@link #trainerConfig}, unweighted rows. */
    public static History fitLocally(NeuralNetwork network, Optimizer optimizer, RowSource x, RowSource y,
                                     RowSource xValidation, RowSource yValidation, long seed, int epochs,
                                     int batchSize, int patience, TrainingListener listener) {
        Trainer trainer = new Trainer(network, optimizer, trainerConfig(seed, epochs, batchSize, patience));
        if (listener != null) {
            trainer.listener(listener);
        }
        return trainer.fit(x, y, null, xValidation, yValidation, null);
    }
}
