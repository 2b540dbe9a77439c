package org.backprop.seed;

import org.backprop.kernel.Gemm;
import org.backprop.kernel.NaiveGemm;
import org.backprop.tensor.MatMul;
import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/**
 * A port of the seed notebook {@code linear-regression-gradients}: the forward pass
 * {@code N = X·W, P = N + B, L = mean((y − P)²)} and its hand-derived gradients.
 *
 * <p>Convention, reproduced deliberately from the notebook: the loss is the MEAN of the squared
 * errors, but the gradients are those of the SUM of squared errors — {@code dLdP = −2(y − P)} with
 * no 1/n — so they are n times the gradient of the reported loss.
 */
public final class LinearRegression {
    private static final Gemm GEMM = new NaiveGemm();

    private LinearRegression() {
    }

    /**
     * The notebook's {@code forward_linear_regression}. Shapes: X n×d, y n×1, W d×1, B 1×1.
     *
     * @throws ShapeException for each of the notebook's three assertions (rows of X and y, columns
     *     of X and rows of W, B and W being single-column), naming both shapes; also if y is not a
     *     column
     */
    public static ForwardInfo forward(Matrix x, Matrix y, Weights weights) {
        requireShapes(x, y, weights);
        Matrix n = MatMul.mult(GEMM, x, weights.w(), Matrix.zeros(x.rows(), 1));
        Matrix p = plusBroadcast(n, weights.b());
        return new ForwardInfo(meanSquaredError(y, p), x, n, p, y);
    }

    /**
     * The notebook's {@code loss_gradients}: {@code dLdP = −2(y − P)}, {@code dPdN = 1},
     * {@code dLdN = dLdP·dPdN}, {@code dNdW = Xᵀ}, {@code W = dNdW·dLdN}, {@code dPdB = 1},
     * {@code dLdB = dLdP·dPdB}, {@code B = Σ_rows dLdB} — gradients of the summed squared error.
     */
    public static LossGradients gradients(ForwardInfo info, Weights weights) {
        Matrix dLdP = Matrix.zeros(info.p().rows(), 1);
        for (int i = 0; i < dLdP.rows(); i++) {
            dLdP.setFlat(i, -2 * (info.y().getFlat(i) - info.p().getFlat(i)));
        }
        Matrix dPdN = onesLike(info.n());
        Matrix dLdN = times(dLdP, dPdN);
        Matrix dNdW = transpose(info.x());
        Matrix dLdW = MatMul.mult(GEMM, dNdW, dLdN, Matrix.zeros(dNdW.rows(), 1));
        Matrix dPdB = onesLike(weights.b());
        Matrix dLdB = timesBroadcast(dLdP, dPdB);
        Matrix dB = sumOverRows(dLdB);
        return new LossGradients(NamedMatrices.of("dLdP", dLdP, "dPdN", dPdN, "dLdN", dLdN, "dNdW", dNdW,
                "W", dLdW, "dPdB", dPdB, "dLdB", dLdB, "B", dB));
    }

    private static void requireShapes(Matrix x, Matrix y, Weights weights) {
        Matrix w = weights.w();
        Matrix b = weights.b();
        if (x.rows() != y.rows()) {
            throw new ShapeException("X and y batches number of rows do not match: X is " + x.shape()
                    + ", y is " + y.shape());
        }
        if (x.cols() != w.rows()) {
            throw new ShapeException("X batch number of columns and weights number of rows do not match: X is "
                    + x.shape() + ", W is " + w.shape());
        }
        if (b.rows() != 1 || w.cols() != 1 || b.cols() != 1) {
            throw new ShapeException("B number of rows and W number of columns different from 1: B is "
                    + b.shape() + ", W is " + w.shape());
        }
        if (y.cols() != 1) {
            throw new ShapeException("y must be a column: y is " + y.shape() + ", P is " + x.rows() + "×1");
        }
    }

    /** a + s, the 1×1 {@code s} broadcast over every element of a. */
    private static Matrix plusBroadcast(Matrix a, Matrix s) {
        Matrix out = Matrix.zeros(a.rows(), a.cols());
        for (int k = 0; k < a.size(); k++) {
            out.setFlat(k, a.getFlat(k) + s.getFlat(0));
        }
        return out;
    }

    /** a · s element-wise, the 1×1 {@code s} broadcast over every element of a. */
    private static Matrix timesBroadcast(Matrix a, Matrix s) {
        Matrix out = Matrix.zeros(a.rows(), a.cols());
        for (int k = 0; k < a.size(); k++) {
            out.setFlat(k, a.getFlat(k) * s.getFlat(0));
        }
        return out;
    }

    /** np.mean(np.power(y − p, 2)) for two n×1 columns. */
    private static double meanSquaredError(Matrix y, Matrix p) {
        double sum = 0;
        for (int i = 0; i < y.rows(); i++) {
            double error = y.getFlat(i) - p.getFlat(i);
            sum += error * error;
        }
        return sum / y.rows();
    }

    /** m.sum(axis=0) of an n×1 column, as 1×1. */
    private static Matrix sumOverRows(Matrix m) {
        double sum = 0;
        for (int i = 0; i < m.rows(); i++) {
            sum += m.getFlat(i);
        }
        return Matrix.wrap(1, 1, sum);
    }

    private static Matrix onesLike(Matrix m) {
        return Matrix.zeros(m.rows(), m.cols()).fill(1.0);
    }

    private static Matrix times(Matrix a, Matrix b) {
        Matrix out = Matrix.zeros(a.rows(), a.cols());
        for (int k = 0; k < a.size(); k++) {
            out.setFlat(k, a.getFlat(k) * b.getFlat(k));
        }
        return out;
    }

    private static Matrix transpose(Matrix m) {
        Matrix t = Matrix.zeros(m.cols(), m.rows());
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                t.set(j, i, m.get(i, j));
            }
        }
        return t;
    }
}
