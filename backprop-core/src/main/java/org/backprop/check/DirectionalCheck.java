package org.backprop.check;

import java.util.function.DoubleSupplier;

import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;

/**
 * The fast check of one tensor x: for a few random unit directions u (Gaussian, normalized),
 * compares the analytic directional derivative gᵀu with (f(x + h·u) − f(x − h·u)) / 2h. Costs two
 * evaluations of f per direction however large x is. x is restored bit for bit after each direction.
 */
final class DirectionalCheck {
    private DirectionalCheck() {
    }

    static GradientCheckReport run(String name, Matrix x, Matrix analytic, DoubleSupplier f, int directions,
                                   RandomSource random, GradientCheckOptions options, Kinks kinks) {
        Matrix original = x.copy();
        Matrix u = Matrix.zeros(x.rows(), x.cols());
        double worst = -1;
        int worstDirection = 0;
        double worstA = 0;
        double worstN = 0;
        int checked = 0;
        int rechecked = 0;
        int excluded = 0;
        for (int d = 0; d < directions; d++) {
            randomUnit(u, random);
            double a = dot(analytic, u);
            KinkAwareDifference difference = KinkAwareDifference.of(new KinkAwareDifference.Shift() {
                @Override
                public void to(double step) {
                    shift(x, original, u, step);
                }

                @Override
                public void restore() {
                    x.copyFrom(original);
                }
            }, f, kinks, options);
            if (difference.excluded()) {
                excluded++;
                continue;
            }
            rechecked += difference.retries() > 0 ? 1 : 0;
            checked++;
            double numeric = difference.value();
            double err = options.relativeError(a, numeric);
            if (!(err <= worst)) {
                worst = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
                worstDirection = d;
                worstA = a;
                worstN = numeric;
            }
        }
        return new GradientCheckReport(checked, worst, name + " (direction " + worstDirection + ")", worstA,
                worstN, options.tolerance(), rechecked, excluded);
    }

    private static void randomUnit(Matrix u, RandomSource random) {
        double norm2 = 0;
        for (int k = 0; k < u.size(); k++) {
            double v = random.nextGaussian();
            u.setFlat(k, v);
            norm2 += v * v;
        }
        double scale = 1.0 / Math.sqrt(norm2);
        for (int k = 0; k < u.size(); k++) {
            u.setFlat(k, u.getFlat(k) * scale);
        }
    }

    /** x = original + h·u. */
    private static void shift(Matrix x, Matrix original, Matrix u, double h) {
        for (int k = 0; k < x.size(); k++) {
            x.setFlat(k, original.getFlat(k) + h * u.getFlat(k));
        }
    }

    private static double dot(Matrix a, Matrix b) {
        double s = 0;
        for (int k = 0; k < a.size(); k++) {
            s += a.getFlat(k) * b.getFlat(k);
        }
        return s;
    }
}
