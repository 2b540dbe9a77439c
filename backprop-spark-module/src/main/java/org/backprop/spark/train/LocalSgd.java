package org.backprop.spark.train;

import java.io.Serializable;

import org.backprop.network.ParamKind;
import org.backprop.optim.LearningRates;
import org.backprop.optim.Sgd;

/**
 * Opt-in "local SGD" (DL4J's parameter averaging): every partition takes {@code syncEvery} plain
 * SGD steps on its own slices of the global batches, each on the mean loss of its own slice, and
 * then the driver averages the P parameter vectors in partition order. It needs {@code syncEvery}
 * times fewer Spark jobs, and is deterministic, but it is <b>not</b> equal to single-machine
 * training (not even for syncEvery = 1 unless P = 1): each partition's steps see only its own rows.
 * Optimizer state does not exist (plain SGD), so nothing but parameters is averaged; the driver's
 * optimizer is not used in this mode.
 *
 * @param syncEvery  k, local steps between averagings (≥ 1)
 * @param weightRate SGD learning rate of weights
 * @param biasRate   SGD learning rate of biases
 */
public record LocalSgd(int syncEvery, double weightRate, double biasRate) implements Serializable {
    private static final long serialVersionUID = 1L;

    public LocalSgd {
        if (syncEvery < 1) {
            throw new IllegalArgumentException("syncEvery must be ≥ 1, got " + syncEvery);
        }
    }

    /** A fresh executor-side optimizer. */
    Sgd optimizer() {
        return new Sgd(LearningRates.of(weightRate).with(ParamKind.BIAS, biasRate));
    }
}
