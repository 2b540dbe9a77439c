package org.backprop.spark.train;

import java.util.List;

import org.backprop.optim.OptimizerState;

/**
 * Everything needed to continue a fit bit for bit: the parameters, the optimizer state, how many
 * steps are done and where the shuffle streams are. Shuffle orders are a pure function of
 * (seed, partition, epoch) ({@link ShuffleOrders}), so a stream's position is the number of
 * shuffles it has drawn, which is the number of epochs begun.
 *
 * @param fingerprint   what the fit was (architecture, plan, seed, shuffle); resume refuses a mismatch
 * @param steps         optimizer steps completed (the next global step index)
 * @param epoch         the epoch of the next step
 * @param stepInEpoch   the next step's index within its epoch
 * @param shufflesDrawn shuffles each partition's stream has drawn (epochs begun)
 * @param epochLossSum  sum of the step losses of the current, unfinished epoch
 * @param epochLosses   mean step loss of every finished epoch
 * @param parameters    the flat parameter vector
 * @param optimizer     the optimizer's state
 */
public record Checkpoint(String fingerprint, long steps, int epoch, int stepInEpoch, int shufflesDrawn,
                         double epochLossSum, List<Double> epochLosses, double[] parameters,
                         OptimizerState optimizer) {

    public Checkpoint {
        epochLosses = List.copyOf(epochLosses);
        parameters = parameters.clone();
    }
}
