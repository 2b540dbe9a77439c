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
 * {@link #network} reports the worst parameter element by name. For large layers,
 * {@link #networkByProjection} checks a few random directions per tensor instead of every element.
 * Both freeze dropout masks for the duration of the check.
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
        return loss(loss, prediction, target, null, options);
    }

    /**
     * Checks a loss's gradient dL/dP against its value with per-row weights {@code weights} (n×1,
     * or null for none).
     */
    public static GradientCheckReport loss(Loss loss, Matrix prediction, Matrix target, Matrix weights,
                                           GradientCheckOptions options) {
        loss.forward(prediction, target, weights);
        Matrix grad = loss.backward().copy();
        Kinks kinks = options.watchesKinks() ? Kinks.of(loss, prediction, target) : Kinks.none();
        kinks.baseline();
        return compare("prediction", prediction, grad, () -> loss.forward(prediction, target, weights), options, kinks);
    }

    /**
     * Checks every parameter gradient of {@code network} on the batch ({@code x}, {@code y}):
     * f = the network's loss, element by element (up to {@link GradientCheckOptions#maxPerTensor()}
     * per tensor). Runs in training mode; dropout masks are frozen during the check (the first
     * forward draws them, every later forward reuses them) so f is one fixed function.
     * Elements whose step crosses a ReLU or absolute-error kink are re-checked with a smaller step
     * or excluded, and counted ({@link GradientCheckOptions}, {@link GradientCheckReport#excluded()}).
     * Parameters are restored exactly afterwards.
     */
    public static GradientCheckReport network(NeuralNetwork network, Matrix x, Matrix y, GradientCheckOptions options) {
        return eachParameter(network, x, y, options,
                (p, grad, f, kinks) -> compare(p.name(), p.value(), grad, f, options, kinks));
    }

    /**
     * The fast check for large layers: for each parameter tensor θ (named, e.g. {@code dense1.W}),
     * {@code directions} random unit directions u, comparing gᵀu with
     * (f(θ + h·u) − f(θ − h·u)) / 2h (a random projection of the Jacobian, vᵀJu with v = 1 for a scalar
     * loss). Two loss evaluations per direction, independent of the tensor's size; the report names the
     * worst tensor and direction, e.g. {@code "dense2.W (direction 1)"}. Dropout masks are frozen as
     * in {@link #network}; parameters are restored exactly.
     *
     * @param directions random directions per tensor (≥ 1; 3 catches almost every wrong gradient)
     * @param random     the stream the directions are drawn from
     */
    public static GradientCheckReport networkByProjection(NeuralNetwork network, Matrix x, Matrix y, int directions,
                                                          RandomSource random, GradientCheckOptions options) {
        if (directions < 1) {
            throw new IllegalArgumentException("need at least one direction per tensor, got " + directions);
        }
        return eachParameter(network, x, y, options, (p, grad, f, kinks) ->
                DirectionalCheck.run(p.name(), p.value(), grad, f, directions, random, options, kinks));
    }

    /** How one parameter tensor is checked, given its analytic gradient, f = the loss and its kinks. */
    private interface TensorCheck {
        GradientCheckReport check(Parameter parameter, Matrix analyticGrad, DoubleSupplier loss, Kinks kinks);
    }

    private static GradientCheckReport eachParameter(NeuralNetwork network, Matrix x, Matrix y,
                                                     GradientCheckOptions options, TensorCheck check) {
        FrozenDropout frozen = FrozenDropout.in(network);
        try {
            Kinks kinks = options.watchesKinks() ? Kinks.of(network, y) : Kinks.none();
            network.forwardLoss(x, y);
            kinks.baseline();
            network.backward();
            GradientCheckReport report = null;
            for (Parameter p : network.parameters().parameters()) {
                GradientCheckReport r = check.check(p, p.grad().copy(), () -> network.forwardLoss(x, y),
                        kinks.after(network, p));
                report = report == null ? r : report.merge(r);
            }
            return report;
        } finally {
            frozen.close();
        }
    }

    /**
     * Compares {@code analytic} (x's shape) with central differences of {@code f} in each sampled
     * element of {@code x}; x is perturbed in place and restored bit for bit.
     */
    public static GradientCheckReport compare(String name, Matrix x, Matrix analytic, DoubleSupplier f,
                                              GradientCheckOptions options) {
        return compare(name, x, analytic, f, options, Kinks.none());
    }

    /** As the public compare, re-checking or excluding elements whose step crosses one of {@code kinks}. */
    static GradientCheckReport compare(String name, Matrix x, Matrix analytic, DoubleSupplier f,
                                       GradientCheckOptions options, Kinks kinks) {
        int n = x.size();
        int stride = options.maxPerTensor() <= 0 || n <= options.maxPerTensor() ? 1
                : (n + options.maxPerTensor() - 1) / options.maxPerTensor();
        double worst = -1;
        int worstK = 0;
        double worstA = 0;
        double worstN = 0;
        int checked = 0;
        int rechecked = 0;
        int excluded = 0;
        for (int k = 0; k < n; k += stride) {
            int element = k;
            double original = x.getFlat(k);
            KinkAwareDifference difference = KinkAwareDifference.of(new KinkAwareDifference.Shift() {
                @Override
                public void to(double step) {
                    x.setFlat(element, original + step);
                }

                @Override
                public void restore() {
                    x.setFlat(element, original);
                }
            }, f, kinks, options);
            if (difference.excluded()) {
                excluded++;
                continue;
            }
            rechecked += difference.retries() > 0 ? 1 : 0;
            double numeric = difference.value();
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
        return new GradientCheckReport(checked, worst, where, worstA, worstN, options.tolerance(), rechecked, excluded);
    }

    private static double dot(Matrix a, Matrix b) {
        double s = 0;
        for (int k = 0; k < a.size(); k++) {
            s += a.getFlat(k) * b.getFlat(k);
        }
        return s;
    }
}
