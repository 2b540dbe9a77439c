package org.backprop.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;

import org.backprop.kernel.NaiveGemm;
import org.backprop.kernel.Precision;
import org.backprop.layer.Dense;
import org.backprop.layer.Layer;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

/**
 * A layer with one output unit leaves its dL/dX (an outer product) for the fused backward pass of
 * the Dense layer below to fill band by band ({@code WeightMultiply.backward(…, deferInputGrad)}).
 * The network's backward must give, bit for bit, every parameter gradient and every layer's dL/dX
 * that running the layers' plain backward one after the other gives: for one-unit layers on top
 * and in the middle, a 1→1 layer, under a dropout layer (which does not fill deferred gradients),
 * on a caller's own kernel (never deferred), on one and two threads, in float64 and float32, over
 * several steps whose batch sizes change (stale state would show), including sizes that are not
 * multiples of the fused pass's row blocks.
 */
class DeferredInputGradTest {
    private static final int INPUTS = 5;
    private static final int[] BATCHES = {37, 500, 1, 16, 37};

    @Test
    void networkBackwardEqualsTheLayersBackwardOneAfterTheOther() {
        List<Function<NetworkBuilder, NetworkBuilder>> shapes = List.of(
                b -> b.dense(9, "relu").dense(1, "linear"),
                b -> b.dense(40, "tanh").dense(1, "relu").dense(3, "linear"),
                b -> b.dense(1, "relu").dense(1, "linear"),
                b -> b.dense(6, "relu").dropout(0.25).dense(1, "linear"));
        for (int s = 0; s < shapes.size(); s++) {
            for (Precision precision : Precision.values()) {
                for (int threads : new int[] {1, 2}) {
                    Function<NetworkBuilder, NetworkBuilder> shape = shapes.get(s);
                    compareSteps(() -> shape.apply(NeuralNetwork.builder(INPUTS)).seed(3).threads(threads)
                            .precision(precision).build(), "shape " + s + ", " + precision + ", " + threads + " threads");
                }
            }
        }
        compareSteps(() -> NeuralNetwork.builder(INPUTS).dense(9, "relu").dense(1, "linear").seed(3)
                .gemm(new NaiveGemm()).build(), "a caller's own kernel");
    }

    @Test
    void theOneUnitLayerLeavesItsInputGradientForTheDenseLayerBelow() {
        try (NeuralNetwork net = NeuralNetwork.builder(INPUTS).dense(9, "relu").dense(1, "linear").seed(3).threads(2)
                .build()) {
            SplittableRandom random = new SplittableRandom(5);
            net.forwardLoss(random(random, 40, INPUTS), random(random, 40, 1));
            Layer below = net.layers().get(0);
            Dense top = (Dense) net.layers().get(1);
            Matrix lossGrad = net.loss().backward();
            Matrix expected = Matrix.zeros(40, 9);
            for (int r = 0; r < 40; r++) {
                for (int j = 0; j < 9; j++) {
                    expected.set(r, j, Math.fma(lossGrad.get(r, 0), top.weights().value().get(j, 0), 0));
                }
            }
            Matrix dX = top.backward(lossGrad, true, null, true);
            assertTrue(top.weightMultiply().inputGradDeferred(), "the top layer's dL/dX is left for the layer below");
            below.backward(dX, false, top.weightMultiply(), false);
            assertFalse(top.weightMultiply().inputGradDeferred(), "the layer below filled it");
            assertArrayEquals(expected.toArray(), dX.toArray(), "dL/dX = dL/dN·Wᵀ (the top layer is linear), filled");
        }
    }

    private static void compareSteps(Supplier<NeuralNetwork> build, String where) {
        try (NeuralNetwork fused = build.get(); NeuralNetwork plain = build.get()) {
            SplittableRandom random = new SplittableRandom(7);
            for (int step = 0; step < BATCHES.length; step++) {
                int rows = BATCHES[step];
                Matrix x = random(random, rows, INPUTS);
                Matrix y = random(random, rows, fused.outputs());
                String at = where + ", step " + step + " (" + rows + " rows)";
                assertEquals(plain.forwardLoss(x, y), fused.forwardLoss(x, y), at + ": loss");
                fused.backward(true);
                Matrix grad = plain.loss().backward();
                List<Layer> layers = plain.layers();
                for (int i = layers.size() - 1; i >= 0; i--) {
                    grad = layers.get(i).backward(grad, true);
                }
                assertArrayEquals(plain.parameters().grads(), fused.parameters().grads(), at + ": parameter gradients");
                for (int i = 0; i < layers.size(); i++) {
                    if (layers.get(i) instanceof Dense d) {
                        Dense f = (Dense) fused.layers().get(i);
                        assertFalse(f.weightMultiply().inputGradDeferred(), at + ": layer " + i + " left unfilled");
                        assertArrayEquals(d.weightMultiply().inputGrad().toArray(),
                                f.weightMultiply().inputGrad().toArray(), at + ": dL/dX of layer " + i);
                    }
                }
            }
        }
    }

    private static Matrix random(SplittableRandom random, int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int k = 0; k < m.size(); k++) {
            m.data()[k] = random.nextDouble(-2, 2);
        }
        return m;
    }
}
