package org.backprop.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 *   <li>Validation: an explicit set ({@link #fit(Matrix, Matrix, Matrix, Matrix)}) or a seeded
 *       fraction of the training rows ({@link TrainerConfig#validationSplit()}).</li>
 *   <li>Early stopping ({@link TrainerConfig#patience()} &gt; 0): stops after that many evaluations
 *       without improvement and restores the best <em>evaluated</em> parameters, copied at the
 *       moment they were evaluated.</li>
 *   <li>Divergence: a non-finite loss, or a non-finite parameter after a step, restores the best
 *       evaluated (or initial) parameters and throws a {@link TrainingDivergedException} naming the
 *       epoch, the batch and the layer.</li>
 * </ul>
 * Batch buffers are allocated once, so steady-state steps allocate nothing.
 */
public final class Trainer {
    private final NeuralNetwork network;
    private final Optimizer optimizer;
    private final TrainerConfig config;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private int firstEpoch;
    private final Map<String, MetricFunction> metrics = new LinkedHashMap<>();

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
     */
    public History fit(Matrix x, Matrix y) {
        if (config.validationSplit() == 0) {
            return fit(x, y, null, null);
        }
        ValidationSplit split = ValidationSplit.of(x, y, config.validationSplit(), config.splitRandom());
        return fit(split.trainX(), split.trainY(), split.validationX(), split.validationY());
    }

    /** As {@link #fit(Matrix, Matrix)}, evaluating on an explicit validation set (both null for none). */
    public History fit(Matrix x, Matrix y, Matrix xValidation, Matrix yValidation) {
        checkData("training", x, y);
        if (xValidation != null || yValidation != null) {
            checkData("validation", xValidation, yValidation);
        }
        Batches batches = new Batches(x, y, Math.min(config.batchSize(), x.rows()), network.team());
        Evaluator evaluator = new Evaluator(network, metrics, x, y, xValidation, yValidation);
        BestParameters best = new BestParameters(network.parameters(), config.minDelta());
        EarlyStopping stopping = new EarlyStopping(config.patience(), best);
        DivergenceGuard guard = new DivergenceGuard(network, best);
        History history = new History();
        for (int skipped = 0; skipped < firstEpoch && config.shuffle(); skipped++) {
            batches.reset(config.shuffleRandom());
        }
        for (int epoch = firstEpoch; epoch < config.epochs() && !stopping.shouldStop(); epoch++) {
            batches.reset(config.shuffle() ? config.shuffleRandom() : null);
            double lossSum = 0;
            for (int b = 0; b < batches.count(); b++) {
                lossSum += step(batches.load(b), batches.targets(), epoch, b, guard);
            }
            double meanBatchLoss = lossSum / batches.count();
            EpochRecord record = evaluationDue(epoch) ? evaluator.evaluate(epoch, meanBatchLoss)
                    : EpochRecord.notEvaluated(epoch, meanBatchLoss);
            if (record.evaluated()) {
                stopping.observe(record);
            }
            history.add(record);
            listeners.forEach(l -> l.onEpochEnd(record));
        }
        finish(history, best);
        return history;
    }

    private double step(Matrix xBatch, Matrix yBatch, int epoch, int batch, DivergenceGuard guard) {
        double loss = BlockGradient.compute(network, xBatch, yBatch, xBatch.rows());
        guard.checkLoss(epoch, batch, loss);
        optimizer.step(network.parameters(), network.team());
        guard.checkParameters(epoch, batch, loss, optimizer.lastStepFinite());
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).onBatchEnd(epoch, batch, loss);
        }
        return loss;
    }

    private boolean evaluationDue(int epoch) {
        return epoch % config.evaluateEvery() == 0 || epoch == config.epochs() - 1;
    }

    /** With early stopping on, puts the best evaluated parameters back into the network. */
    private void finish(History history, BestParameters best) {
        if (!config.earlyStopping()) {
            history.finish(false, -1);
            return;
        }
        best.restore();
        history.finish(history.epochs().size() < config.epochs(), best.epoch());
    }

    private void checkData(String set, Matrix x, Matrix y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("fit: " + set + " inputs and targets must both be given");
        }
        if (x.rows() != y.rows()) {
            throw new ShapeException("fit: " + set + " X has " + x.rows() + " rows (" + x.shape() + ") but y has "
                    + y.rows() + " (" + y.shape() + ")");
        }
        if (x.rows() == 0) {
            throw new IllegalArgumentException("fit: no " + set + " rows");
        }
        if (y.cols() != network.outputs()) {
            throw new ShapeException("fit: " + set + " y is " + y.shape() + " but the network has "
                    + network.outputs() + " outputs");
        }
    }
}
