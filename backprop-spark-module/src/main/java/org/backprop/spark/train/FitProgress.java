package org.backprop.spark.train;

import java.util.ArrayList;
import java.util.List;

import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Optimizer;

/** The driver's bookkeeping of a fit: steps done, the current epoch's loss sum, finished epochs. */
final class FitProgress {
    private final ShardPlan plan;
    private final String fingerprint;
    private final List<Double> epochLosses;
    private long steps;
    private double epochLossSum;

    private FitProgress(ShardPlan plan, String fingerprint, long steps, double epochLossSum, List<Double> losses) {
        this.plan = plan;
        this.fingerprint = fingerprint;
        this.steps = steps;
        this.epochLossSum = epochLossSum;
        this.epochLosses = new ArrayList<>(losses);
    }

    static FitProgress fresh(ShardPlan plan, String fingerprint) {
        return new FitProgress(plan, fingerprint, 0, 0, List.of());
    }

    /** Restores the network, optimizer and progress from {@code checkpoint}, refusing another fit's. */
    static FitProgress resume(Checkpoint checkpoint, ShardPlan plan, String fingerprint, NeuralNetwork network,
                              Optimizer optimizer) {
        if (!checkpoint.fingerprint().equals(fingerprint)) {
            throw new IllegalArgumentException("the checkpoint is of another fit:\n  checkpoint: "
                    + checkpoint.fingerprint() + "\n  this fit:   " + fingerprint);
        }
        network.parameters().setValues(checkpoint.parameters());
        optimizer.restore(checkpoint.optimizer());
        return new FitProgress(plan, fingerprint, checkpoint.steps(), checkpoint.epochLossSum(),
                checkpoint.epochLosses());
    }

    ShardPlan plan() {
        return plan;
    }

    long steps() {
        return steps;
    }

    int epoch() {
        return (int) (steps / plan.stepsPerEpoch());
    }

    int stepInEpoch() {
        return (int) (steps % plan.stepsPerEpoch());
    }

    /** Records a finished step's loss; closes the epoch after its last step. */
    void stepDone(double loss) {
        epochLossSum += loss;
        steps++;
        if (stepInEpoch() == 0) {
            epochLosses.add(epochLossSum / plan.stepsPerEpoch());
            epochLossSum = 0;
        }
    }

    /** Epochs finished so far (including those before a resume). */
    int finishedEpochs() {
        return epochLosses.size();
    }

    /** The mean step loss of finished epoch {@code epoch}. */
    double epochLoss(int epoch) {
        return epochLosses.get(epoch);
    }

    List<Double> epochLosses() {
        return List.copyOf(epochLosses);
    }

    /** A checkpoint of this progress with the network's parameters and the optimizer's state. */
    Checkpoint checkpoint(NeuralNetwork network, Optimizer optimizer) {
        int shuffles = stepInEpoch() == 0 ? epoch() : epoch() + 1;
        return new Checkpoint(fingerprint, steps, epoch(), stepInEpoch(), shuffles, epochLossSum, epochLosses,
                network.parameters().values(), optimizer.state());
    }
}
