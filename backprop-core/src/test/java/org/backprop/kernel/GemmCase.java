package org.backprop.kernel;

import java.util.SplittableRandom;

/**
 * One randomised GEMM problem: form, shape, offsets, accumulate flag and inputs, plus the naive
 * double reference and the per-element magnitude Σ|a||b| + |c| used to scale tolerances.
 * With {@code floatInputs} every input is representable in float, so float kernels see the same data.
 */
final class GemmCase {
    final ProductForm form;
    final int m;
    final int n;
    final int k;
    final int aOff;
    final int bOff;
    final int cOff;
    final boolean accumulate;
    final double[] a;
    final double[] b;
    final double[] cStart;

    GemmCase(ProductForm form, int m, int n, int k, boolean accumulate, boolean floatInputs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        this.form = form;
        this.m = m;
        this.n = n;
        this.k = k;
        this.accumulate = accumulate;
        this.aOff = random.nextInt(5);
        this.bOff = random.nextInt(5);
        this.cOff = random.nextInt(5);
        this.a = randomArray(random, aOff + m * k + random.nextInt(3), floatInputs);
        this.b = randomArray(random, bOff + k * n + random.nextInt(3), floatInputs);
        this.cStart = randomArray(random, cOff + m * n + random.nextInt(3), floatInputs);
    }

    private static double[] randomArray(SplittableRandom random, int length, boolean floatInputs) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            double v = random.nextDouble(-1, 1);
            x[i] = floatInputs ? (float) v : v;
        }
        return x;
    }

    /** Runs {@code gemm} on copies of the inputs and returns the output array. */
    double[] run(Gemm gemm) {
        double[] c = cStart.clone();
        switch (form) {
            case MULT -> gemm.mult(m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
            case TRANS_A -> gemm.multTransA(m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
            case TRANS_B -> gemm.multTransB(m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
        }
        return c;
    }

    /** Runs a float kernel on float copies of the inputs; returns the output widened to double. */
    double[] run(FloatGemm gemm) {
        float[] af = narrow(a);
        float[] bf = narrow(b);
        float[] c = narrow(cStart);
        switch (form) {
            case MULT -> gemm.mult(m, n, k, af, aOff, bf, bOff, c, cOff, accumulate);
            case TRANS_A -> gemm.multTransA(m, n, k, af, aOff, bf, bOff, c, cOff, accumulate);
            case TRANS_B -> gemm.multTransB(m, n, k, af, aOff, bf, bOff, c, cOff, accumulate);
        }
        double[] wide = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            wide[i] = c[i];
        }
        return wide;
    }

    /** The naive reference output. */
    double[] expected() {
        return run(new NaiveGemm());
    }

    /** Σ_p |Â(i,p)||B̂(p,j)| (+ |C(i,j)| when accumulating), laid out like the output. */
    double[] magnitude() {
        GemmCase abs = new GemmCase(this);
        return abs.run(new NaiveGemm());
    }

    private GemmCase(GemmCase of) {
        this.form = of.form;
        this.m = of.m;
        this.n = of.n;
        this.k = of.k;
        this.aOff = of.aOff;
        this.bOff = of.bOff;
        this.cOff = of.cOff;
        this.accumulate = of.accumulate;
        this.a = abs(of.a);
        this.b = abs(of.b);
        this.cStart = abs(of.cStart);
    }

    private static double[] abs(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.abs(x[i]);
        }
        return y;
    }

    /** x rounded to float, element by element. */
    static float[] narrow(double[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) x[i];
        }
        return y;
    }

    @Override
    public String toString() {
        return form.describe(m, n, k) + (accumulate ? ", accumulate" : ", overwrite")
                + ", offsets " + aOff + "/" + bOff + "/" + cOff;
    }
}
