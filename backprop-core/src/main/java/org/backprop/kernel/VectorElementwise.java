package org.backprop.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise kernels on {@code jdk.incubator.vector} with the preferred species; the masked
 * select becomes a compare and a blend, with no branch. Loaded reflectively by {@link Kernels}.
 */
final class VectorElementwise implements Elementwise {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Floats of S's bit size (twice its lanes): the species of the float GEMM kernel. */
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    /** The classes of S's and FLOATS' vectors; compared before stores (see {@link ExactVectors}). */
    private static final Class<?> DOUBLE_VECTOR = DoubleVector.zero(S).getClass();
    private static final Class<?> FLOAT_VECTOR = FloatVector.zero(FLOATS).getClass();

    @Override
    public void positivePart(double[] x, int xo, double[] y, int yo, int n) {
        int k = 0;
        for (int bound = S.loopBound(n); k < bound; k += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, x, xo + k);
            if (v.getClass() != DOUBLE_VECTOR) {
                throw ExactVectors.notPreferred(v.getClass());
            }
            v.max(0.0).intoArray(y, yo + k);
        }
        for (; k < n; k++) {
            y[yo + k] = Math.max(x[xo + k], 0.0);
        }
    }

    @Override
    public void whereXPositive(double[] x, int xo, double[] g, int go, double[] gi, int gio, int n) {
        int k = 0;
        for (int bound = S.loopBound(n); k < bound; k += S.length()) {
            DoubleVector xv = DoubleVector.fromArray(S, x, xo + k);
            DoubleVector gv = DoubleVector.fromArray(S, g, go + k);
            if (xv.getClass() != DOUBLE_VECTOR || gv.getClass() != DOUBLE_VECTOR) {
                throw ExactVectors.notPreferred(xv.getClass());
            }
            gv.blend(0.0, xv.compare(VectorOperators.GT, 0.0).not()).intoArray(gi, gio + k);
        }
        for (; k < n; k++) {
            gi[gio + k] = x[xo + k] > 0 ? g[go + k] : 0.0;
        }
    }

    @Override
    public void whereXPositive(float[] x, int xo, float[] g, int go, float[] gi, int gio, int n) {
        int k = 0;
        for (int bound = FLOATS.loopBound(n); k < bound; k += FLOATS.length()) {
            FloatVector xv = FloatVector.fromArray(FLOATS, x, xo + k);
            FloatVector gv = FloatVector.fromArray(FLOATS, g, go + k);
            if (xv.getClass() != FLOAT_VECTOR || gv.getClass() != FLOAT_VECTOR) {
                throw ExactVectors.notPreferred(xv.getClass());
            }
            gv.blend(0.0f, xv.compare(VectorOperators.GT, 0.0f).not()).intoArray(gi, gio + k);
        }
        for (; k < n; k++) {
            gi[gio + k] = x[xo + k] > 0 ? g[go + k] : 0.0f;
        }
    }

    @Override
    public void add(double[] x, int xo, double[] y, int yo, double[] z, int zo, int n) {
        int k = 0;
        for (int bound = S.loopBound(n); k < bound; k += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, x, xo + k);
            DoubleVector w = DoubleVector.fromArray(S, y, yo + k);
            if (v.getClass() != DOUBLE_VECTOR || w.getClass() != DOUBLE_VECTOR) {
                throw ExactVectors.notPreferred(v.getClass());
            }
            v.add(w).intoArray(z, zo + k);
        }
        for (; k < n; k++) {
            z[zo + k] = x[xo + k] + y[yo + k];
        }
    }

    /** {@link VectorGemm}'s outer-product loop without accumulation; keep the two alike ({@code OuterProductTest}). */
    @Override
    public void outerProduct(double[] a, int aOff, int rows, double[] b, int bOff, int cols, double[] c, int cOff) {
        int body = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            double ar = a[aOff + r];
            DoubleVector av = DoubleVector.broadcast(S, ar);
            int ci = cOff + r * cols;
            for (int j = 0; j < body; j += S.length()) {
                DoubleVector product = av.fma(DoubleVector.fromArray(S, b, bOff + j), DoubleVector.zero(S));
                if (product.getClass() != DOUBLE_VECTOR) {
                    throw ExactVectors.notPreferred(product.getClass());
                }
                product.intoArray(c, ci + j);
            }
            for (int j = body; j < cols; j++) {
                c[ci + j] = Math.fma(ar, b[bOff + j], 0);
            }
        }
    }

    /**
     * {@link #outerProduct}'s products converted as {@link #toFloat} converts (each double vector
     * the lower half of a full-width float vector, stored whole while a whole float vector fits in the
     * row; the next step overwrites the upper half), then masked as the float
     * {@link #whereXPositive} masks; the rest of each row in scalar code.
     */
    @Override
    public void outerProductInFloat(double[] a, int aOff, int rows, double[] b, int bOff, int cols, float[] x, int xOff,
                                    float[] c, int cOff) {
        for (int r = 0; r < rows; r++) {
            double ar = a[aOff + r];
            DoubleVector av = DoubleVector.broadcast(S, ar);
            int ci = cOff + r * cols;
            int xi = xOff + r * cols;
            int j = 0;
            for (; j + FLOATS.length() <= cols; j += S.length()) {
                DoubleVector product = av.fma(DoubleVector.fromArray(S, b, bOff + j), DoubleVector.zero(S));
                if (product.getClass() != DOUBLE_VECTOR) {
                    throw ExactVectors.notPreferred(product.getClass());
                }
                FloatVector f = (FloatVector) product.convertShape(VectorOperators.D2F, FLOATS, 0);
                if (f.getClass() != FLOAT_VECTOR) {
                    throw ExactVectors.notPreferred(f.getClass());
                }
                if (x != null) {
                    FloatVector xv = FloatVector.fromArray(FLOATS, x, xi + j);
                    f = f.blend(0.0f, xv.compare(VectorOperators.GT, 0.0f).not());
                }
                f.intoArray(c, ci + j);
            }
            for (; j < cols; j++) {
                c[ci + j] = x == null || x[xi + j] > 0 ? (float) Math.fma(ar, b[bOff + j], 0) : 0.0f;
            }
        }
    }

    /**
     * One double vector at a time becomes the lower half of a float vector of the same bit size, so
     * only the kernels' own species ever meet a conversion (a third vector class in the process can
     * pollute the type profiles C2 relies on to intrinsify the GEMM kernels; see
     * backprop-bench/KERNELS.md), and no lane shuffle is needed. The full-width store also writes zeros over the next
     * half vector, which the next step overwrites; the loop stops a whole float vector before n so
     * nothing outside [dstOff, dstOff + n) is touched.
     */
    @Override
    public void toFloat(double[] src, int srcOff, float[] dst, int dstOff, int n) {
        int k = 0;
        int step = S.length();
        for (int bound = n - FLOATS.length(); k <= bound; k += step) {
            DoubleVector v = DoubleVector.fromArray(S, src, srcOff + k);
            if (v.getClass() != DOUBLE_VECTOR) {
                throw ExactVectors.notPreferred(v.getClass());
            }
            FloatVector f = (FloatVector) v.convertShape(VectorOperators.D2F, FLOATS, 0);
            if (f.getClass() != FLOAT_VECTOR) {
                throw ExactVectors.notPreferred(f.getClass());
            }
            f.intoArray(dst, dstOff + k);
        }
        for (; k < n; k++) {
            dst[dstOff + k] = (float) src[srcOff + k];
        }
    }

    /** The mirror of {@link #toFloat}: the lower half of each float vector loaded becomes a double vector. */
    @Override
    public void toDouble(float[] src, int srcOff, double[] dst, int dstOff, int n, boolean accumulate) {
        int k = 0;
        int step = S.length();
        for (int bound = n - FLOATS.length(); k <= bound; k += step) {
            FloatVector f = FloatVector.fromArray(FLOATS, src, srcOff + k);
            if (f.getClass() != FLOAT_VECTOR) {
                throw ExactVectors.notPreferred(f.getClass());
            }
            DoubleVector v = (DoubleVector) f.convertShape(VectorOperators.F2D, S, 0);
            if (v.getClass() != DOUBLE_VECTOR) {
                throw ExactVectors.notPreferred(v.getClass());
            }
            int d = dstOff + k;
            if (accumulate) {
                DoubleVector old = DoubleVector.fromArray(S, dst, d);
                if (old.getClass() != DOUBLE_VECTOR) {
                    throw ExactVectors.notPreferred(old.getClass());
                }
                v.add(old).intoArray(dst, d);
            } else {
                v.intoArray(dst, d);
            }
        }
        for (; k < n; k++) {
            dst[dstOff + k] = accumulate ? dst[dstOff + k] + src[srcOff + k] : src[srcOff + k];
        }
    }

    /**
     * One loop per case, so no vector is live across a branch (C2 in JDK 17 may box vectors it
     * keeps for an untaken branch's deoptimization state).
     */
    @Override
    public void biasActivate(double[] x, int xOff, double[] b, int bOff, int rows, int cols, boolean positivePart) {
        for (int r = 0; r < rows; r++) {
            if (positivePart) {
                biasPositivePartRow(x, xOff + r * cols, b, bOff, cols);
            } else {
                biasRow(x, xOff + r * cols, b, bOff, cols);
            }
        }
    }

    private static void biasPositivePartRow(double[] x, int row, double[] b, int bOff, int cols) {
        int j = 0;
        for (int body = S.loopBound(cols); j < body; j += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, x, row + j);
            DoubleVector bias = DoubleVector.fromArray(S, b, bOff + j);
            if (v.getClass() != DOUBLE_VECTOR || bias.getClass() != DOUBLE_VECTOR) {
                throw ExactVectors.notPreferred(v.getClass());
            }
            v.add(bias).max(0.0).intoArray(x, row + j);
        }
        for (; j < cols; j++) {
            x[row + j] = Math.max(x[row + j] + b[bOff + j], 0.0);
        }
    }

    private static void biasRow(double[] x, int row, double[] b, int bOff, int cols) {
        int j = 0;
        for (int body = S.loopBound(cols); j < body; j += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, x, row + j);
            DoubleVector bias = DoubleVector.fromArray(S, b, bOff + j);
            if (v.getClass() != DOUBLE_VECTOR || bias.getClass() != DOUBLE_VECTOR) {
                throw ExactVectors.notPreferred(v.getClass());
            }
            v.add(bias).intoArray(x, row + j);
        }
        for (; j < cols; j++) {
            x[row + j] = x[row + j] + b[bOff + j];
        }
    }

    /** As the double {@link #biasActivate}, one loop per case. */
    @Override
    public void biasActivate(float[] x, int xOff, float[] b, int bOff, int rows, int cols, boolean positivePart) {
        for (int r = 0; r < rows; r++) {
            if (positivePart) {
                biasPositivePartRow(x, xOff + r * cols, b, bOff, cols);
            } else {
                biasRow(x, xOff + r * cols, b, bOff, cols);
            }
        }
    }

    /** As the in-place float {@link #biasActivate}: the sum stored into p, then (its positive part) into a. */
    @Override
    public void biasActivate(float[] x, int xOff, float[] b, int bOff, int rows, int cols, float[] p, int pOff,
                             float[] a, int aOff, boolean positivePart) {
        for (int r = 0; r < rows; r++) {
            int xi = xOff + r * cols;
            int pi = pOff + r * cols;
            int ai = aOff + r * cols;
            int j = 0;
            for (int body = FLOATS.loopBound(cols); j < body; j += FLOATS.length()) {
                FloatVector v = FloatVector.fromArray(FLOATS, x, xi + j);
                FloatVector bias = FloatVector.fromArray(FLOATS, b, bOff + j);
                if (v.getClass() != FLOAT_VECTOR || bias.getClass() != FLOAT_VECTOR) {
                    throw ExactVectors.notPreferred(v.getClass());
                }
                FloatVector sum = v.add(bias);
                sum.intoArray(p, pi + j);
                (positivePart ? sum.max(0f) : sum).intoArray(a, ai + j);
            }
            for (; j < cols; j++) {
                float s = x[xi + j] + b[bOff + j];
                p[pi + j] = s;
                a[ai + j] = positivePart ? Math.max(s, 0f) : s;
            }
        }
    }

    private static void biasPositivePartRow(float[] x, int row, float[] b, int bOff, int cols) {
        int j = 0;
        for (int body = FLOATS.loopBound(cols); j < body; j += FLOATS.length()) {
            FloatVector v = FloatVector.fromArray(FLOATS, x, row + j);
            FloatVector bias = FloatVector.fromArray(FLOATS, b, bOff + j);
            if (v.getClass() != FLOAT_VECTOR || bias.getClass() != FLOAT_VECTOR) {
                throw ExactVectors.notPreferred(v.getClass());
            }
            v.add(bias).max(0f).intoArray(x, row + j);
        }
        for (; j < cols; j++) {
            x[row + j] = Math.max(x[row + j] + b[bOff + j], 0f);
        }
    }

    private static void biasRow(float[] x, int row, float[] b, int bOff, int cols) {
        int j = 0;
        for (int body = FLOATS.loopBound(cols); j < body; j += FLOATS.length()) {
            FloatVector v = FloatVector.fromArray(FLOATS, x, row + j);
            FloatVector bias = FloatVector.fromArray(FLOATS, b, bOff + j);
            if (v.getClass() != FLOAT_VECTOR || bias.getClass() != FLOAT_VECTOR) {
                throw ExactVectors.notPreferred(v.getClass());
            }
            v.add(bias).intoArray(x, row + j);
        }
        for (; j < cols; j++) {
            x[row + j] = x[row + j] + b[bOff + j];
        }
    }

    @Override
    public String describe() {
        return "vector " + S.vectorBitSize() + "-bit";
    }
}
