package org.backprop.kernel;

/** Textbook triple loops: the reference every faster kernel is tested against. Single-threaded. */
public final class NaiveGemm implements Gemm {

    @Override
    public void mult(int m, int n, int k, double[] a, int aOff, double[] b, int bOff,
                     double[] c, int cOff, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[aOff + i * k + p] * b[bOff + p * n + j];
                }
                store(c, cOff + i * n + j, s, accumulate);
            }
        }
    }

    @Override
    public void multTransA(int m, int n, int k, double[] a, int aOff, double[] b, int bOff,
                           double[] c, int cOff, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[aOff + p * m + i] * b[bOff + p * n + j];
                }
                store(c, cOff + i * n + j, s, accumulate);
            }
        }
    }

    @Override
    public void multTransB(int m, int n, int k, double[] a, int aOff, double[] b, int bOff,
                           double[] c, int cOff, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[aOff + i * k + p] * b[bOff + j * k + p];
                }
                store(c, cOff + i * n + j, s, accumulate);
            }
        }
    }

    private static void store(double[] c, int index, double value, boolean accumulate) {
        c[index] = accumulate ? c[index] + value : value;
    }

    @Override
    public int threads() {
        return 1;
    }

    @Override
    public String describe() {
        return "naive reference, 1 thread";
    }

    @Override
    public void close() {
        // no threads to release
    }
}
