package org.backprop.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise kernels on {@code jdk.incubator.vector} with the preferred species; the masked
 * select becomes a compare and a blend, with no branch. Loaded reflectively by {@link Kernels}.
 */
final class VectorElementwise implements Elementwise {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Floats of S's bit size (twice its lanes): the species of the float GEMM kernel. */
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    /** Lanes [S.length(), 2·S.length()) of FLOATS. */
    private static final VectorMask<Float> UPPER_HALF = FLOATS.indexInRange(-S.length(), S.length());

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

    /**
     * Two double vectors become one float vector of the same bit size, so only the kernels' own
     * species ever meet a conversion: a third vector class in the process can pollute the type
     * profiles C2 relies on to intrinsify the GEMM kernels, which then run 15× slower.
     */
    @Override
    public void toFloat(double[] src, int srcOff, float[] dst, int dstOff, int n) {
        int k = 0;
        int step = FLOATS.length();
        for (int bound = n - n % step; k < bound; k += step) {
            FloatVector lo = (FloatVector) DoubleVector.fromArray(S, src, srcOff + k)
                    .convertShape(VectorOperators.D2F, FLOATS, 0);
            FloatVector hi = (FloatVector) DoubleVector.fromArray(S, src, srcOff + k + S.length())
                    .convertShape(VectorOperators.D2F, FLOATS, -1);
            lo.blend(hi, UPPER_HALF).intoArray(dst, dstOff + k);
        }
        for (; k < n; k++) {
            dst[dstOff + k] = (float) src[srcOff + k];
        }
    }

    @Override
    public void toDouble(float[] src, int srcOff, double[] dst, int dstOff, int n, boolean accumulate) {
        int k = 0;
        int step = FLOATS.length();
        int half = S.length();
        for (int bound = n - n % step; k < bound; k += step) {
            FloatVector f = FloatVector.fromArray(FLOATS, src, srcOff + k);
            DoubleVector lo = (DoubleVector) f.convertShape(VectorOperators.F2D, S, 0);
            DoubleVector hi = (DoubleVector) f.convertShape(VectorOperators.F2D, S, 1);
            int d = dstOff + k;
            if (accumulate) {
                lo.add(DoubleVector.fromArray(S, dst, d)).intoArray(dst, d);
                hi.add(DoubleVector.fromArray(S, dst, d + half)).intoArray(dst, d + half);
            } else {
                lo.intoArray(dst, d);
                hi.intoArray(dst, d + half);
            }
        }
        for (; k < n; k++) {
            dst[dstOff + k] = accumulate ? dst[dstOff + k] + src[srcOff + k] : src[srcOff + k];
        }
    }

    @Override
    public String describe() {
        return "vector " + S.vectorBitSize() + "-bit";
    }
}
