package org.backprop.optim;

import static org.backprop.optim.TinyParameters.GRADIENTS;
import static org.backprop.optim.TinyParameters.INITIAL;
import static org.backprop.optim.TinyParameters.step;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.network.ParamKind;
import org.backprop.network.ParameterBuffer;
import org.junit.jupiter.api.Test;

/**
 * Every optimizer against its update rule written out per scalar in the test (three steps on
 * {@link TinyParameters}), plus a few values worked out by hand.
 */
class OptimizerUpdateRuleTest {
    private static final double TOLERANCE = 1e-15;

    /** Runs the three steps, checking {@code params} against {@code expected} after each. */
    private interface ScalarRule {
        /** Advances {@code w} (all three scalars) by one step with gradients {@code g} at step {@code t}. */
        void apply(double[] w, double[] g, int t);
    }

    private static ParameterBuffer checkThreeSteps(Optimizer optimizer, ScalarRule rule) {
        ParameterBuffer params = TinyParameters.create();
        double[] expected = INITIAL.clone();
        for (int t = 1; t <= GRADIENTS.length; t++) {
            rule.apply(expected, GRADIENTS[t - 1], t);
            step(optimizer, params, GRADIENTS[t - 1]);
            assertArrayEquals(expected, params.values(), TOLERANCE, "after step " + t);
        }
        assertEquals(GRADIENTS.length, optimizer.steps());
        return params;
    }

    @Test
    void sgd() {
        double lr = 0.1;
        ParameterBuffer p = checkThreeSteps(new Sgd(lr), (w, g, t) -> {
            for (int i = 0; i < 3; i++) {
                w[i] -= lr * g[i];
            }
        });
        // by hand: 1 − 0.1·(0.1 + 0.4 − 0.3) = 0.98
        assertEquals(0.98, p.values()[0], TOLERANCE);
    }

    @Test
    void momentumKeepsAVelocityAndStepsAlongIt() {
        double lr = 0.1;
        double mu = 0.9;
        double[] v = new double[3];
        ParameterBuffer params = TinyParameters.create();
        Optimizer momentum = new Momentum(lr);
        step(momentum, params, GRADIENTS[0]);
        step(momentum, params, GRADIENTS[1]);
        // by hand, W[0]: v1 = 0.1, w1 = 0.99; v2 = 0.9·0.1 + 0.4 = 0.49, w2 = 0.99 − 0.049 = 0.941
        assertEquals(0.941, params.values()[0], TOLERANCE);

        checkThreeSteps(new Momentum(LearningRates.of(lr)), (w, g, t) -> {
            for (int i = 0; i < 3; i++) {
                v[i] = mu * v[i] + g[i];
                w[i] -= lr * v[i];
            }
        });
    }

    @Test
    void nesterovStepsAlongTheGradientPlusTheDecayedVelocity() {
        double lr = 0.1;
        double mu = 0.5;
        double[] v = new double[3];
        ParameterBuffer params = TinyParameters.create();
        Optimizer nesterov = new Nesterov(LearningRates.of(lr), mu);
        step(nesterov, params, GRADIENTS[0]);
        // by hand, W[0]: v1 = 0.1, w1 = 1 − 0.1·(0.1 + 0.5·0.1) = 0.985
        assertEquals(0.985, params.values()[0], TOLERANCE);

        checkThreeSteps(new Nesterov(LearningRates.of(lr), mu), (w, g, t) -> {
            for (int i = 0; i < 3; i++) {
                v[i] = mu * v[i] + g[i];
                w[i] -= lr * (g[i] + mu * v[i]);
            }
        });
    }

    @Test
    void adaGradDividesBySquareRootOfSummedSquares() {
        double lr = 0.1;
        double eps = 1e-10;
        double[] s = new double[3];
        checkThreeSteps(new AdaGrad(lr), (w, g, t) -> {
            for (int i = 0; i < 3; i++) {
                s[i] += g[i] * g[i];
                w[i] -= lr * g[i] / (Math.sqrt(s[i]) + eps);
            }
        });
        // by hand, W[0] after two steps: 1 − 0.1·0.1/(0.1 + ε) − 0.1·0.4/(√0.17 + ε)
        ParameterBuffer two = TinyParameters.create();
        Optimizer adaGrad = new AdaGrad(lr);
        step(adaGrad, two, GRADIENTS[0]);
        step(adaGrad, two, GRADIENTS[1]);
        assertEquals(0.8029857501089961, two.values()[0], 1e-15);
    }

    @Test
    void rmsPropDividesByRootOfRunningAverageOfSquares() {
        double lr = 0.01;
        double alpha = 0.99;
        double eps = 1e-8;
        double[] a = new double[3];
        checkThreeSteps(new RmsProp(lr), (w, g, t) -> {
            for (int i = 0; i < 3; i++) {
                a[i] = alpha * a[i] + (1 - alpha) * g[i] * g[i];
                w[i] -= lr * g[i] / (Math.sqrt(a[i]) + eps);
            }
        });
        // by hand, W[0] step 1: a = 0.01·0.01 = 1e-4, w = 1 − 0.01·0.1/(0.01 + 1e-8) ≈ 0.9000001
        ParameterBuffer one = TinyParameters.create();
        step(new RmsProp(lr), one, GRADIENTS[0]);
        assertEquals(1 - 0.001 / (0.01 + 1e-8), one.values()[0], TOLERANCE);
    }

    @Test
    void adamWithBiasCorrectionAndEpsilonOutsideTheRoot() {
        double lr = 1e-3;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double[] m = new double[3];
        double[] v = new double[3];
        checkThreeSteps(new Adam(lr), (w, g, t) -> {
            for (int i = 0; i < 3; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                w[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
        });
        // by hand: the first Adam step moves each scalar by lr·|g|/(|g| + ε) ≈ lr against the gradient
        ParameterBuffer one = TinyParameters.create();
        step(new Adam(lr), one, GRADIENTS[0]);
        assertArrayEquals(new double[] {1 - lr * 0.1 / (0.1 + eps), -2 + lr * 0.2 / (0.2 + eps), 0.5 - lr * 0.3 / (0.3 + eps)},
                one.values(), 1e-15);
        assertEquals(0.9990000001, one.values()[0], 1e-15);
    }

    @Test
    void adamWDecaysWeightsDecoupledThenAppliesAdam() {
        double lr = 0.01;
        double decay = 0.1;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double[] m = new double[3];
        double[] v = new double[3];
        checkThreeSteps(new AdamW(LearningRates.of(lr), decay), (w, g, t) -> {
            for (int i = 0; i < 3; i++) {
                if (i < 2) { // weights only, the bias is not decayed
                    w[i] *= 1 - lr * decay;
                }
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                w[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
        });
    }

    @Test
    void adamWCanDecayBiasesToo() {
        double lr = 0.01;
        ParameterBuffer withBias = TinyParameters.create();
        ParameterBuffer weightsOnly = TinyParameters.create();
        step(new AdamW(LearningRates.of(lr), 0.1).decayApplies(p -> true), withBias, 0, 0, 0);
        step(new AdamW(LearningRates.of(lr), 0.1), weightsOnly, 0, 0, 0);
        // zero gradient: Adam moves nothing, only the decay w·(1 − 0.01·0.1) = 0.999·w acts
        assertArrayEquals(new double[] {0.999, -1.998, 0.4995}, withBias.values(), TOLERANCE);
        assertArrayEquals(new double[] {0.999, -1.998, 0.5}, weightsOnly.values(), TOLERANCE);
    }

    @Test
    void adamWWithZeroDecayIsAdam() {
        ParameterBuffer adam = TinyParameters.create();
        ParameterBuffer adamW = TinyParameters.create();
        Optimizer a = new Adam(1e-2);
        Optimizer b = new AdamW(LearningRates.of(1e-2), 0);
        for (double[] g : GRADIENTS) {
            step(a, adam, g);
            step(b, adamW, g);
        }
        assertArrayEquals(adam.values(), adamW.values());
    }

    @Test
    void perGroupLearningRatesAreHonouredByEveryOptimizer() {
        for (String name : Optimizers.names()) {
            ParameterBuffer params = TinyParameters.create();
            Optimizer frozenBias = Optimizers.create(name, LearningRates.of(0.1).with(ParamKind.BIAS, 0));
            step(frozenBias, params, GRADIENTS[0]);
            assertEquals(0.5, params.values()[2], 0, name + " must not move the bias at rate 0");
            assertTrue(params.values()[0] < 1.0, name + " must move the weight");
        }
        // by name: SGD with 0.1 for d.W[*] and 0.2 for the bias
        ParameterBuffer params = TinyParameters.create();
        step(new Sgd(LearningRates.of(0.1).with("d.B", 0.2)), params, GRADIENTS[0]);
        assertArrayEquals(new double[] {0.99, -1.98, 0.44}, params.values(), TOLERANCE);
    }
}
