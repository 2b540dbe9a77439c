package org.backprop.kernel;

/** Portable loops: the fallback when the Vector API is absent. */
final class ScalarElementwise implements Elementwise {

    @Override
    public void positivePart(double[] x, int xo, double[] y, int yo, int n) {
        for (int k = 0; k < n; k++) {
            y[yo + k] = Math.max(x[xo + k], 0.0);
        }
    }

    @Override
    public void whereXPositive(double[] x, int xo, double[] g, int go, double[] gi, int gio, int n) {
        for (int k = 0; k < n; k++) {
            gi[gio + k] = x[xo + k] > 0 ? g[go + k] : 0.0;
        }
    }

    @Override
    public void whereXPositive(float[] x, int xo, float[] g, int go, float[] gi, int gio, int n) {
        for (int k = 0; k < n; k++) {
            gi[gio + k] = x[xo + k] > 0 ? g[go + k] : 0.0f;
        }
    }

    @Override
    public void add(double[] x, int xo, double[] y, int yo, double[] z, int zo, int n) {
        for (int k = 0; k < n; k++) {
            z[zo + k] = x[xo + k] + y[yo + k];
        }
    }

    @Override
    public void outerProduct(double[] a, int aOff, int rows, double[] b, int bOff, int cols, double[] c, int cOff) {
        for (int r = 0; r < rows; r++) {
            double ar = a[aOff + r];
            int ci = cOff + r * cols;
            for (int j = 0; j < cols; j++) {
                c[ci + j] = Math.fma(ar, b[bOff + j], 0);
            }
        }
    }

    @Override
    public void outerProductInFloat(double[] a, int aOff, int rows, double[] b, int bOff, int cols, float[] x, int xOff,
                                    float[] c, int cOff) {
        for (int r = 0; r < rows; r++) {
            double ar = a[aOff + r];
            int ci = cOff + r * cols;
            int xi = xOff + r * cols;
            for (int j = 0; j < cols; j++) {
                c[ci + j] = x == null || x[xi + j] > 0 ? (float) Math.fma(ar, b[bOff + j], 0) : 0.0f;
            }
        }
    }

    @Override
    public void toFloat(double[] src, int srcOff, float[] dst, int dstOff, int n) {
        for (int k = 0; k < n; k++) {
            dst[dstOff + k] = (float) src[srcOff + k];
        }
    }

    @Override
    public void toDouble(float[] src, int srcOff, double[] dst, int dstOff, int n, boolean accumulate) {
        if (accumulate) {
            for (int k = 0; k < n; k++) {
                dst[dstOff + k] += src[srcOff + k];
            }
        } else {
            for (int k = 0; k < n; k++) {
                dst[dstOff + k] = src[srcOff + k];
            }
        }
    }

    @Override
    public void biasActivate(double[] x, int xOff, double[] b, int bOff, int rows, int cols, boolean positivePart) {
        for (int r = 0; r < rows; r++) {
            int row = xOff + r * cols;
            for (int j = 0; j < cols; j++) {
                double s = x[row + j] + b[bOff + j];
                x[row + j] = positivePart ? Math.max(s, 0.0) : s;
            }
        }
    }

    @Override
    public void biasActivate(float[] x, int xOff, float[] b, int bOff, int rows, int cols, float[] p, int pOff,
                             float[] a, int aOff, boolean positivePart) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                float s = x[xOff + r * cols + j] + b[bOff + j];
                p[pOff + r * cols + j] = s;
                a[aOff + r * cols + j] = positivePart ? Math.max(s, 0f) : s;
            }
        }
    }

    @Override
    public void biasActivate(float[] x, int xOff, float[] b, int bOff, int rows, int cols, boolean positivePart) {
        for (int r = 0; r < rows; r++) {
            int row = xOff + r * cols;
            for (int j = 0; j < cols; j++) {
                float s = x[row + j] + b[bOff + j];
                x[row + j] = positivePart ? Math.max(s, 0f) : s;
            }
        }
    }

    @Override
    public String describe() {
        return "scalar";
    }
}
