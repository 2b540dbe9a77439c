package org.backprop.check;

import java.util.function.DoubleSupplier;

import org.backprop.loss.Loss;
import org.backprop.network.NeuralNetwork;
import org.backprop.network.Parameter;
import org.backprop.op.Operation;
import org.backprop.op.ParamOperation;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;

/**
 * Numerical gradient checks by central differences in double precision.
 *
 * <p>Each check builds a scalar function f of some tensor, computes df/dx analytically with the code
 * under test, and compares every (or an even sample of) element with
 * (f(x + h) − f(x − h)) / 2h. Usable on a user's own network and data, not only in tests:
 * {@link #network} reports the worst parameter element by name.
 */
public final class GradientCheck {
    private GradientCheck() {
    }

    /**
     * Checks an operation's input gradient and (if it has one) its parameter gradient, using
     * f(X) = Σ R ∘ op(X) for a random projection R of the output's shape.
     */
    public static GradientCheckReport operation(Operation op, Matrix input, RandomSource random,
                                                GradientCheckOptions options) {
        Matrix out = op.forward(input, true);
        Matrix projection = Matrix.zeros(out.rows(), out.cols());
        for (int k = 0; k < projection.size(); k++) {
            projection.setFlat(k, random.uniform(-1, 1));
        }
        Matrix inputGrad = op.backward(projection).copy();
        DoubleSupplier f = () -> dot(op.forward(input, true), projection);
        GradientCheckReport report = compare("input", input, inputGrad, f, options);
        if (op instanceof ParamOperation p) {
            op.forward(input, true);
            op.backward(projection);
            Matrix paramGrad = p.paramGrad().copy();
            report = report.merge(compare("param", p.param(), paramGrad, f, options));
        }
        return report;
    }

    /** Checks a loss's gradient dL/dP against its value, at predictions P and targets y. */
    public static GradientCheckReport loss(Loss loss, Matrix prediction, Matrix target, GradientCheckOptions options) {
        loss.forward(prediction, target);
        Matrix grad = loss.backward().copy();
        return compare("prediction", prediction, grad, () -> loss.forward(prediction, target), options);
    }

    /**
     * Checks every parameter gradient of {@code network} on the batch ({@code x}, {@code y}):
     * f = the network's loss. Runs in training mode; networks with dropout must be checked with
     * dropout off. Parameters are restored exactly afterwards.
     */
    public static GradientCheckReport network(NeuralNetwork network, Matrix x, Matrix y, GradientCheckOptions options) {
        network.forwardLoss(x, y);
        network.backward();
        GradientCheckReport report = null;
        for (Parameter p : network.parameters().parameters()) {
            Matrix grad = p.grad().copy();
            GradientCheckReport r = compare(p.name(), p.value(), grad, () -> network.forwardLoss(x, y), options);
            report = report == null ? r : report.merge(r);
        }
        return report;
    }

    /**
     * Compares {@code analytic} (x's shape) with central differences of {@code f} in each sampled
     * element of {@code x}; x is perturbed in place and restored bit for bit.
     */
    public static GradientCheckReport compare(String name, Matrix x, Matrix analytic, DoubleSupplier f,
                                              GradientCheckOptions options) {
        int n = x.size();
        int stride = options.maxPerTensor() <= 0 || n <= options.maxPerTensor() ? 1
                : (n + options.maxPerTensor() - 1) / options.maxPerTensor();
        double worst = -1;
        int worstK = 0;
        double worstA = 0;
        double worstN = 0;
        int checked = 0;
        for (int k = 0; k < n; k += stride) {
            double original = x.getFlat(k);
            x.setFlat(k, original + options.step());
            double plus = f.getAsDouble();
            x.setFlat(k, original - options.step());
            double minus = f.getAsDouble();
            x.setFlat(k, original);
            double numeric = (plus - minus) / (2 * options.step());
            double a = analytic.getFlat(k);
            double err = options.relativeError(a, numeric);
            if (!(err <= worst)) {
                worst = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
                worstK = k;
                worstA = a;
                worstN = numeric;
            }
            checked++;
        }
        String where = name + "[" + worstK / x.cols() + "," + worstK % x.cols() + "]";
        return new GradientCheckReport(checked, worst, where, worstA, worstN, options.tolerance());
    }

    private static double dot(Matrix a, Matrix b) {
        double s = 0;
        for (int k = 0; k < a.size(); k++) {
            s += a.getFlat(k) * b.getFlat(k);
        }
        return s;
    }
}
