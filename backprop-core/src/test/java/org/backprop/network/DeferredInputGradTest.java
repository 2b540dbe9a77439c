package org.backprop.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.backprop.kernel.Precision;
import org.backprop.layer.Dense;
import org.backprop.layer.Layer;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

/**
 * A layer with one output unit leaves its dL/dX (an outer product) for the fused backward pass of
 * the Dense layer below to fill band by band ({@code WeightMultiply.deferInputGrad}). The network's
 * backward must give, bit for bit, every parameter gradient and every layer's dL/dX that running
 * the layers' plain backward one after the other gives: for one-unit layers on top and in the
 * middle, under a dropout layer (which does not fill deferred gradients), on one and two threads,
 * in float64 and float32, with batch sizes that are and are not multiples of the fused pass's row
 * blocks.
 */
class DeferredInputGradTest {

    @Test
    void networkBackwardEqualsTheLayersBackwardOneAfterTheOther() {
        List<Function<NetworkBuilder, NetworkBuilder>> shapes = List.of(
                b -> b.dense(9, "relu").dense(1, "linear"),
                b -> b.dense(40, "tanh").dense(1, "relu").dense(3, "linear"),
                b -> b.dense(6, "relu").dropout(0.25).dense(1, "linear"));
        for (int s = 0; s < shapes.size(); s++) {
            for (Precision precision : Precision.values()) {
                for (int threads : new int[] {1, 2}) {
                    for (int rows : new int[] {1, 16, 37, 500}) {
                        compare(shapes.get(s), precision, threads, rows,
                                "shape " + s + ", " + precision + ", " + threads + " threads, " + rows + " rows");
                    }
                }
            }
        }
    }

    private static void compare(Function<NetworkBuilder, NetworkBuilder> shape, Precision precision, int threads,
                                int rows, String where) {
        SplittableRandom random = new SplittableRandom(rows * 7L + threads);
        Matrix x = random(random, rows, 5);
        Matrix y = random(random, rows, shape.apply(NeuralNetwork.builder(5)).seed(1).threads(1).build().outputs());
        try (NeuralNetwork fused = build(shape, precision, threads); NeuralNetwork plain = build(shape, precision, threads)) {
            assertEquals(fused.forwardLoss(x, y), plain.forwardLoss(x, y), where + ": loss");
            fused.backward(true);
            Matrix grad = plain.loss().backward();
            List<Layer> layers = plain.layers();
            for (int i = layers.size() - 1; i >= 0; i--) {
                grad = layers.get(i).backward(grad, true);
            }
            assertArrayEquals(plain.parameters().grads(), fused.parameters().grads(), where + ": parameter gradients");
            for (int i = 0; i < layers.size(); i++) {
                if (layers.get(i) instanceof Dense d) {
                    Dense f = (Dense) fused.layers().get(i);
                    assertArrayEquals(d.weightMultiply().inputGrad().toArray(), f.weightMultiply().inputGrad().toArray(),
                            where + ": dL/dX of layer " + i);
                }
            }
        }
    }

    private static NeuralNetwork build(Function<NetworkBuilder, NetworkBuilder> shape, Precision precision,
                                       int threads) {
        return shape.apply(NeuralNetwork.builder(5)).seed(3).threads(threads).precision(precision).build();
    }

    private static Matrix random(SplittableRandom random, int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int k = 0; k < m.size(); k++) {
            m.data()[k] = random.nextDouble(-2, 2);
        }
        return m;
    }
}
