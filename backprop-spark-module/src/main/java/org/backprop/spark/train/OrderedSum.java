package org.backprop.spark.train;

import java.util.List;

import org.backprop.network.Parameter;
import org.backprop.network.ParameterBuffer;
import org.backprop.train.TrainingDivergedException;

/**
 * The driver side of a step: adds the partitions' gradient shares in partition order (the first
 * non-empty share is copied, the others added one after another, so P = 1 copies exactly), then
 * refuses a non-finite result, naming the step, the partition and the parameter. Weighted shares
 * are first scaled by W<sub>p</sub>/W (not at all when one partition holds the whole weight, so
 * P = 1 copies exactly again): the batch's weighted mean loss Σwℓ/Σw over the global batch.
 */
final class OrderedSum {
    private OrderedSum() {
    }

    /**
     * Writes the sum of {@code shares} (in partition order) into {@code buffer.grads()} and returns the
     * summed loss.
     *
     * @param weighted the shares are weighted means to be scaled by their weight ({@link GradientShare})
     * @throws TrainingDivergedException if the loss or a gradient is NaN or infinite, or every row
     *                                   of a weighted batch weighs 0
     */
    static double into(List<GradientShare> shares, ParameterBuffer buffer, boolean weighted, int epoch, int step,
                       long globalStep) {
        double[] sum = buffer.grads();
        double total = 0;
        for (GradientShare share : shares) {
            total += share.mass();
        }
        if (weighted && total == 0) {
            throw new TrainingDivergedException("step " + globalStep + " (epoch " + epoch + ", batch " + step
                    + "): every row of the batch weighs 0", epoch, step);
        }
        double loss = 0;
        boolean first = true;
        for (int p = 0; p < shares.size(); p++) {
            GradientShare share = shares.get(p);
            if (share.partition() != p) {
                throw new IllegalStateException("share " + p + " came from partition " + share.partition());
            }
            if (share.rows() == 0) {
                continue;
            }
            double[] g = share.gradient();
            checkFinite(share, buffer, epoch, step, globalStep);
            double scale = weighted && share.mass() != total ? share.mass() / total : 1.0;
            if (scale != 1.0) {
                for (int k = 0; k < g.length; k++) {
                    g[k] *= scale;
                }
            }
            if (first) {
                System.arraycopy(g, 0, sum, 0, sum.length);
                loss = scale * share.loss();
                first = false;
            } else {
                for (int k = 0; k < sum.length; k++) {
                    sum[k] += g[k];
                }
                loss += scale * share.loss();
            }
        }
        checkFinite(sum, buffer, "the summed gradient", epoch, step, globalStep);
        return loss;
    }

    /** Refuses non-finite parameters, e.g. after an optimizer step overflowed. */
    static void checkParameters(ParameterBuffer buffer, int epoch, int step, long globalStep) {
        checkFinite(buffer.values(), buffer, "after the optimizer step, the parameters", epoch, step, globalStep);
    }

    private static void checkFinite(GradientShare share, ParameterBuffer buffer, int epoch, int step, long global) {
        int bad = firstNonFinite(share.gradient());
        if (Double.isFinite(share.loss()) && bad < 0) {
            return;
        }
        String gradient = bad < 0 ? "its gradient is finite"
                : "its gradient is " + share.gradient()[bad] + " at " + describe(buffer, bad);
        throw new TrainingDivergedException("training diverged at step " + global + " (epoch " + epoch
                + ", batch " + step + "): partition " + share.partition() + "'s loss is " + share.loss() + " and "
                + gradient + ". Try a smaller learning rate.", epoch, step);
    }

    private static void checkFinite(double[] values, ParameterBuffer buffer, String what, int epoch, int step,
                                    long global) {
        int bad = firstNonFinite(values);
        if (bad >= 0) {
            throw new TrainingDivergedException("training diverged at step " + global + " (epoch " + epoch
                    + ", batch " + step + "): " + what + " is " + values[bad] + " at " + describe(buffer, bad)
                    + ". Try a smaller learning rate.", epoch, step);
        }
    }

    private static int firstNonFinite(double[] values) {
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                return k;
            }
        }
        return -1;
    }

    /** "dense2.W[3, 17] (flat index 1234)". */
    static String describe(ParameterBuffer buffer, int flat) {
        for (Parameter p : buffer.parameters()) {
            if (flat >= p.offset() && flat < p.offset() + p.size()) {
                int local = flat - p.offset();
                int cols = p.value().cols();
                return p.name() + "[" + local / cols + ", " + local % cols + "] (flat index " + flat + ")";
            }
        }
        return "flat index " + flat;
    }
}
