package org.backprop.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise kernels on {@code jdk.incubator.vector} with the preferred species; the masked
 * select becomes a compare and a blend, with no branch. Loaded reflectively by {@link Kernels}.
 */
final class VectorElementwise implements Elementwise {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    @Override
    public void reluForward(double[] x, int xo, double[] y, int yo, int n) {
        int k = 0;
        for (int bound = S.loopBound(n); k < bound; k += S.length()) {
            DoubleVector.fromArray(S, x, xo + k).max(0.0).intoArray(y, yo + k);
        }
        for (; k < n; k++) {
            y[yo + k] = Math.max(x[xo + k], 0.0);
        }
    }

    @Override
    public void reluBackward(double[] x, int xo, double[] g, int go, double[] gi, int gio, int n) {
        int k = 0;
        for (int bound = S.loopBound(n); k < bound; k += S.length()) {
            DoubleVector xv = DoubleVector.fromArray(S, x, xo + k);
            DoubleVector gv = DoubleVector.fromArray(S, g, go + k);
            gv.blend(0.0, xv.compare(VectorOperators.GT, 0.0).not()).intoArray(gi, gio + k);
        }
        for (; k < n; k++) {
            gi[gio + k] = x[xo + k] > 0 ? g[go + k] : 0.0;
        }
    }

    @Override
    public void add(double[] x, int xo, double[] y, int yo, double[] z, int zo, int n) {
        int k = 0;
        for (int bound = S.loopBound(n); k < bound; k += S.length()) {
            DoubleVector.fromArray(S, x, xo + k).add(DoubleVector.fromArray(S, y, yo + k)).intoArray(z, zo + k);
        }
        for (; k < n; k++) {
            z[zo + k] = x[xo + k] + y[yo + k];
        }
    }

    @Override
    public String describe() {
        return "vector " + S.vectorBitSize() + "-bit";
    }
}
