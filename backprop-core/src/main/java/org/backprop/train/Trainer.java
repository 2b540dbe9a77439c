package org.backprop.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backprop.loss.RowWeights;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Optimizer;
import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/**
 * Mini-batch training: every epoch, (re)shuffle the row order, then for each batch run forward,
 * loss, backward and one optimizer step; evaluate the full-set losses (and extra metrics) every few
 * epochs.
 *
 * <ul>
 *   <li>Row weights (optional, n×1, each ≥ 0): every batch's loss is the weighted loss of its rows
 *       (a weighted mean, see {@code Loss.forward(P, y, w)}); the weights follow their rows through
 *       shuffles, batches and the validation split, and the evaluated losses are weighted too.</li>
 *   <li>Validation: an explicit set ({@link #fit(Matrix, Matrix, Matrix, Matrix)}) or a seeded
 *       fraction of the training rows ({@link TrainerConfig#validationSplit()}).</li>
 *   <li>Early stopping ({@link TrainerConfig#patience()} &gt; 0): stops after that many evaluations
 *       without improvement and restores the best <em>evaluated</em> parameters, copied at the
 *       moment they were evaluated.</li>
 *   <li>Divergence: a non-finite loss, or a non-finite parameter after a step, restores the best
 *       evaluated (or initial) parameters and throws a {@link TrainingDivergedException} naming the
 *       epoch, the batch and the layer.</li>
 * </ul>
 * Batch buffers are allocated once, so steady-state steps allocate nothing. The loop only makes
 * the batches' gradients; what surrounds them (divergence checks, optimizer step, listeners,
 * evaluation, early stopping, history) is {@link TrainingRun}'s, which distributed trainers share.
 */
public final class Trainer {
    private final NeuralNetwork network;
    private final Optimizer optimizer;
    private final TrainerConfig config;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private int firstEpoch;
    private final Map<String, MetricFunction> metrics = new LinkedHashMap<>();
    /**
     * A row source of at most this many values (8 MB of doubles) that computes its rows when they are
     * read (e.g. encoded from a table's columns) is read once into a matrix for the run: small tables
     * then pay for encoding once, not at every batch and evaluation.
     */
    static final long HELD_VALUES = 1L << 20;

    public Trainer(NeuralNetwork network, Optimizer optimizer, TrainerConfig config) {
        this.network = network;
        this.optimizer = optimizer;
        this.config = config;
    }

    /**
     * Continues a run that was stopped after {@code epochsCompleted} epochs: {@link #fit} replays
     * that many shuffles of the shuffle stream (cheap: no training), then trains the remaining
     * epochs. With the network's parameters and the optimizer's {@link
     * org.backprop.optim.Optimizer#state() state} saved at that point restored, and the same seed
     * and settings, the result is bit-identical to the uninterrupted run (early stopping and the
     * best-parameter tracking start afresh; a network with dropout also needs its dropout stream's
     * position, which is not replayed). Returns this trainer.
     */
    public Trainer resumeAfter(int epochsCompleted) {
        if (epochsCompleted < 0 || epochsCompleted >= config.epochs()) {
            throw new IllegalArgumentException("can resume after 0.." + (config.epochs() - 1)
                    + " completed epochs, got " + epochsCompleted);
        }
        this.firstEpoch = epochsCompleted;
        return this;
    }

    /** Adds a listener called after every batch and epoch; returns this trainer. */
    public Trainer listener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /**
     * Records {@code metric} under {@code name} at every evaluation, on the training and validation
     * sets ({@link EpochRecord#trainMetrics()}, {@link EpochRecord#validationMetrics()}); returns this trainer.
     */
    public Trainer metric(String name, MetricFunction metric) {
        if (metrics.putIfAbsent(name, metric) != null) {
            throw new IllegalArgumentException("metric '" + name + "' is already registered");
        }
        return this;
    }

    /**
     * Trains on {@code x} (n×inputs) and {@code y} (n×outputs), holding out
     * {@link TrainerConfig#validationSplit()} of the rows for validation if it is above 0; returns
     * the per-epoch history.
     *
     * <p>Every {@code fit} first checks its data in one pass: every value of the inputs and targets
     * (training and validation) must be finite, and row weights finite and ≥ 0; an
     * IllegalArgumentException names the data ("training X", "validation y", …), the row, the column
     * and the value. A validation split must leave at least 2 training rows.
     */
    public History fit(Matrix x, Matrix y) {
        return fit(x, y, (Matrix) null);
    }

    /**
     * As {@link #fit(Matrix, Matrix)} with per-row weights {@code w} (n×1, each finite and ≥ 0, not
     * all 0; null for none); a validation split takes its rows' weights along.
     */
    public History fit(Matrix x, Matrix y, Matrix w) {
        if (config.validationSplit() == 0) {
            return fit(x, y, w, null, null, null);
        }
        checkData("training", rows(x), rows(y));
        checkFinite("training", rows(x), rows(y), w);
        int held = ValidationSplit.heldRows(x.rows(), config.validationSplit());
        if (x.rows() - held < 2) {
            throw new IllegalArgumentException("fit: a validation split of " + config.validationSplit() + " holds out "
                    + held + " of " + x.rows() + " rows and leaves " + (x.rows() - held)
                    + " for training; at least 2 are needed (a smaller withValidationSplit, or more rows)");
        }
        ValidationSplit split = ValidationSplit.of(x, y, config.validationSplit(), config.splitRandom());
        return train(RowSource.of(split.trainX()), RowSource.of(split.trainY()),
                w == null ? null : w.selectRows(split.trainingRows()), RowSource.of(split.validationX()),
                RowSource.of(split.validationY()), w == null ? null : w.selectRows(split.validationRows()));
    }

    /** As {@link #fit(Matrix, Matrix)}, evaluating on an explicit validation set (both null for none). */
    public History fit(Matrix x, Matrix y, Matrix xValidation, Matrix yValidation) {
        return fit(x, y, null, xValidation, yValidation, null);
    }

    /**
     * As {@link #fit(Matrix, Matrix, Matrix, Matrix)} with row weights for the training rows
     * ({@code w}) and the validation rows ({@code wValidation}); either may be null (every row
     * weighs 1).
     */
    public History fit(Matrix x, Matrix y, Matrix w, Matrix xValidation, Matrix yValidation, Matrix wValidation) {
        return fit(rows(x), y, w, rows(xValidation), yValidation, wValidation);
    }

    /**
     * As {@link #fit(Matrix, Matrix, Matrix, Matrix, Matrix, Matrix)} with inputs read from row
     * sources, a batch or an evaluation chunk at a time (e.g. rows encoded from a table when they
     * are read, so that no n×inputs matrix is held; a source of at most 2^20 values (8 MB)
     * is read once into a matrix instead); the result equals the fit on matrices of the same rows
     * bit for bit.
     */
    public History fit(RowSource x, Matrix y, Matrix w, RowSource xValidation, Matrix yValidation,
                       Matrix wValidation) {
        return fit(x, rows(y), w, xValidation, rows(yValidation), wValidation);
    }

    /**
     * As {@link #fit(RowSource, Matrix, Matrix, RowSource, Matrix, Matrix)} with the targets read from
     * row sources too (e.g. standardized or one-hot encoded when they are read, so that no n×outputs
     * target matrix is held); the result equals the fit on matrices of the same rows bit for bit.
     */
    public History fit(RowSource x, RowSource y, Matrix w, RowSource xValidation, RowSource yValidation,
                       Matrix wValidation) {
        checkData("training", x, y);
        if (xValidation != null || yValidation != null) {
            checkData("validation", xValidation, yValidation);
        }
        x = held(x);
        y = held(y);
        xValidation = xValidation == null ? null : held(xValidation);
        yValidation = yValidation == null ? null : held(yValidation);
        checkFinite("training", x, y, w);
        if (xValidation != null) {
            checkFinite("validation", xValidation, yValidation, wValidation);
        }
        return train(x, y, w, xValidation, yValidation, wValidation);
    }

    /**
     * Trains on data whose shapes {@link #checkData} and values {@link #checkFinite} have checked,
     * read into matrices where {@link #held} holds them.
     */
    private History train(RowSource x, RowSource y, Matrix w, RowSource xValidation, RowSource yValidation,
                          Matrix wValidation) {
        Batches batches = new Batches(x, y, w, Math.min(config.batchSize(), x.rows()), network.team());
        try (Evaluator evaluator = new Evaluator(network, metrics, config, x, y, w, xValidation, yValidation,
                wValidation)) {
            TrainingRun run = new TrainingRun(network, optimizer, config, listeners, evaluator);
            for (int skipped = 0; skipped < firstEpoch && config.shuffle(); skipped++) {
                batches.reset(config.shuffleRandom());
            }
            for (int epoch = firstEpoch; epoch < config.epochs() && !run.stopped(); epoch++) {
                batches.reset(config.shuffle() ? config.shuffleRandom() : null);
                double lossSum = 0;
                for (int b = 0; b < batches.count(); b++) {
                    Matrix xBatch = batches.load(b);
                    Matrix wBatch = batches.weights();
                    double loss = wBatch == null
                            ? BlockGradient.compute(network, xBatch, batches.targets(), xBatch.rows())
                            : BlockGradient.compute(network, xBatch, batches.targets(), wBatch, RowWeights.sum(wBatch));
                    run.step(epoch, b, loss);
                    lossSum += loss;
                }
                run.endEpoch(epoch, lossSum / batches.count());
            }
            return run.finish();
        }
    }

    /**
     * {@code source} itself if its rows are views of a matrix or it holds more than
     * {@link #HELD_VALUES} values; else its rows read once into a matrix of their own, so that the
     * epochs gather batches and evaluate from it instead of computing every row again at every read
     * (a source computes the same values at every read, so the bits do not change).
     */
    private static RowSource held(RowSource source) {
        if (source.hasViews() || (long) source.rows() * source.cols() > HELD_VALUES) {
            return source;
        }
        Matrix rows = Matrix.zeros(source.rows(), source.cols());
        Matrix block = source.rowBlock(0, source.rows(), rows);
        if (block != rows) {
            rows.copyFrom(block);
        }
        return RowSource.of(rows);
    }

    /** The rows of {@code m}, or null for null (refused by {@link #checkData} where required). */
    private static RowSource rows(Matrix m) {
        return m == null ? null : RowSource.of(m);
    }

    /**
     * Refuses non-finite values in a set's inputs, targets or row weights (w may be null), naming
     * "{@code set} X", "{@code set} y" or "{@code set} weights", the row, the column and the value.
     */
    private static void checkFinite(String set, RowSource x, RowSource y, Matrix w) {
        FiniteData.check(set + " X", x);
        FiniteData.check(set + " y", y);
        if (w != null) {
            RowWeights.check(set + " weights", w, x.rows());
        }
    }

    private void checkData(String set, RowSource x, RowSource y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("fit: " + set + " inputs and targets must both be given");
        }
        if (x.rows() != y.rows()) {
            throw new ShapeException("fit: " + set + " X has " + x.rows() + " rows (" + x.rows() + "×" + x.cols()
                    + ") but y has "
                    + y.rows() + " (" + y.rows() + "×" + y.cols() + ")");
        }
        if (x.rows() == 0) {
            throw new IllegalArgumentException("fit: no " + set + " rows");
        }
        if (y.cols() != network.outputs()) {
            throw new ShapeException("fit: " + set + " y is " + y.rows() + "×" + y.cols() + " but the network has "
                    + network.outputs() + " outputs");
        }
    }
}
