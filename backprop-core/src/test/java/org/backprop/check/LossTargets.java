package org.backprop.check;

import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;

/** Targets that suit each registered loss: real values, 0/1 labels, or one-hot rows. */
public final class LossTargets {
    private LossTargets() {
    }

    /** n×k targets for the loss named {@code loss} (see {@code Losses}). */
    public static Matrix forLoss(String loss, int n, int k, RandomSource random) {
        switch (loss) {
            case "bce_logits":
                Matrix labels = Matrix.zeros(n, k);
                for (int i = 0; i < labels.size(); i++) {
                    labels.setFlat(i, random.nextDouble() < 0.5 ? 0.0 : 1.0);
                }
                return labels;
            case "softmax_ce":
                Matrix oneHot = Matrix.zeros(n, k);
                for (int i = 0; i < n; i++) {
                    oneHot.set(i, random.nextInt(k), 1.0);
                }
                return oneHot;
            default:
                return TestData.uniform(n, k, -2, 2, random);
        }
    }
}
