package org.backprop.train;

import java.util.List;

import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Optimizer;

/**
 * What happens around the gradient of every training loop, local or distributed: after a step's
 * gradient is in the network's buffer, the divergence checks, the optimizer step and the
 * listeners; after an epoch, the evaluation when due, early stopping and the history; at the end,
 * the best evaluated parameters put back. The loop itself only produces gradients:
 *
 * <pre>{@code
 * TrainingRun run = new TrainingRun(network, optimizer, config, listeners, evaluator);
 * for (int epoch = 0; epoch < config.epochs() && !run.stopped(); epoch++) {
 *     double sum = 0;
 *     for (int b = 0; b < batches; b++) {
 *         double loss = BlockGradient.compute(network, x_b, y_b, rows_b);   // or a cluster's sum
 *         run.step(epoch, b, loss);
 *         sum += loss;
 *     }
 *     run.endEpoch(epoch, sum / batches);
 * }
 * History history = run.finish();
 * }</pre>
 *
 * {@link #step} allocates nothing.
 */
public final class TrainingRun {
    private final NeuralNetwork network;
    private final Optimizer optimizer;
    private final TrainerConfig config;
    private final List<TrainingListener> listeners;
    private final EpochEvaluator evaluator;
    private final BestParameters best;
    private final EarlyStopping stopping;
    private final DivergenceGuard guard;
    private final History history = new History();
    private int lastEpoch = -1;

    /**
     * @param config    epochs, evaluateEvery, patience and minDelta are used (the batching settings
     *                  belong to the loop)
     * @param listeners told after every step and epoch, in order
     * @param evaluator the full-set losses at the epochs an evaluation is due
     */
    public TrainingRun(NeuralNetwork network, Optimizer optimizer, TrainerConfig config,
                       List<TrainingListener> listeners, EpochEvaluator evaluator) {
        this.network = network;
        this.optimizer = optimizer;
        this.config = config;
        this.listeners = List.copyOf(listeners);
        this.evaluator = evaluator;
        this.best = new BestParameters(network.parameters(), config.minDelta());
        this.stopping = new EarlyStopping(config.patience(), best);
        this.guard = new DivergenceGuard(network, best);
    }

    /**
     * Takes one optimizer step on the gradient in {@code network.parameters().grads()} of batch
     * {@code batch} of epoch {@code epoch}, whose loss was {@code loss}.
     *
     * @throws TrainingDivergedException if the loss or a parameter diverged (the network then holds
     *                                   the best evaluated or the initial parameters)
     */
    public void step(int epoch, int batch, double loss) {
        guard.checkLoss(epoch, batch, loss);
        optimizer.step(network.parameters(), network.team());
        guard.checkParameters(epoch, batch, loss, optimizer.lastStepFinite());
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).onBatchEnd(epoch, batch, loss);
        }
    }

    /**
     * Records batch {@code batch} of epoch {@code epoch} whose optimizer update was applied outside
     * this run, to a copy of the network and optimizer (e.g. by the tasks of a Spark barrier stage),
     * before the caller put the resulting parameters and optimizer state into this run's: the loss
     * checks and the listeners of {@link #step}, without the optimizer. Exact only for a step that
     * stayed within {@link #stepLimits()}; a step outside them must be rerun with {@link #step}.
     *
     * @throws TrainingDivergedException as {@link #step}
     */
    public void stepTaken(int epoch, int batch, double loss) {
        guard.checkLoss(epoch, batch, loss);
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).onBatchEnd(epoch, batch, loss);
        }
    }

    /**
     * The bounds within which a step taken elsewhere can be reported with {@link #stepTaken} and
     * have the same effect as {@link #step}: a loss at most {@link StepLimits#lossCeiling()}, and
     * every parameter after the update of magnitude at most {@link StepLimits#weightBound()} (NaN
     * fails both). Null before this run's first step, whose loss sets the ceiling.
     */
    public StepLimits stepLimits() {
        double ceiling = guard.lossCeiling();
        return Double.isNaN(ceiling) ? null : new StepLimits(ceiling, DivergenceGuard.WEIGHT_BOUND);
    }

    /** Closes epoch {@code epoch}: evaluates when due, observes early stopping, records and tells the listeners. */
    public void endEpoch(int epoch, double meanBatchLoss) {
        EpochRecord record = evaluationDue(epoch) ? evaluator.evaluate(epoch, meanBatchLoss)
                : EpochRecord.notEvaluated(epoch, meanBatchLoss);
        if (record.evaluated()) {
            stopping.observe(record);
        }
        history.add(record);
        lastEpoch = epoch;
        listeners.forEach(l -> l.onEpochEnd(record));
    }

    /** True once early stopping's patience is exhausted: the loop should not begin another epoch. */
    public boolean stopped() {
        return stopping.shouldStop();
    }

    private boolean evaluationDue(int epoch) {
        return epoch % config.evaluateEvery() == 0 || epoch == config.epochs() - 1;
    }

    /**
     * Ends the run: with early stopping on, puts the best evaluated parameters back into the network.
     * Returns the history of the epochs this run closed.
     */
    public History finish() {
        if (!config.earlyStopping()) {
            history.finish(false, -1);
            return history;
        }
        best.restore();
        history.finish(stopping.shouldStop() && lastEpoch < config.epochs() - 1, best.epoch());
        return history;
    }
}
