package org.backprop.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;

import org.backprop.kernel.NaiveGemm;
import org.backprop.kernel.Precision;
import org.backprop.layer.Layer;
import org.backprop.op.Activations;
import org.backprop.op.Operation;
import org.backprop.optim.Sgd;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

/**
 * The network's fused plan gives, bit for bit, what the plain loop gives (each layer's operations
 * forward, then each layer's backward in reverse order): the loss, every operation's output, every
 * operation's input gradient (dL/dX of the first layer included), every parameter gradient and the
 * parameters after an optimizer step, over several steps whose batch sizes change (stale float
 * copies, deferred gradients or bias sums would show), including sizes that are not multiples of
 * the bias sums' row blocks. Cases: one-unit layers on top and in the middle (their dL/dX is filled
 * by the pass of the layer below), a 1→1 layer, dropout between layers, shapes large enough for
 * float copies, every activation; 1 and 2 threads; float64 and float32. In float32 the plan keeps
 * its layers' values in float storage (each operation rounds what it stores) while the plain loop
 * keeps them in double between operations, so there the two agree to float precision (1e-4 of each
 * tensor's largest magnitude), not bit for bit; reading the operations' buffers widens the float
 * storage. A caller's own kernel offers no fused passes: the network then runs the plain loop.
 */
class DensePlanTest {
    private static final int[] BATCHES = {37, 500, 1, 16, 37};

    @Test
    void planEqualsThePlainLoopForEveryShapeThreadCountAndPrecision() {
        List<Function<NetworkBuilder, NetworkBuilder>> shapes = List.of(
                b -> b.dense(9, "relu").dense(1, "linear"),
                b -> b.dense(40, "tanh").dense(1, "relu").dense(3, "linear"),
                b -> b.dense(1, "relu").dense(1, "linear"),
                b -> b.dense(6, "relu").dropout(0.25).dense(1, "linear"),
                b -> b.dense(64, "relu").dropout(0.3).dense(48, "sigmoid").dense(33, "relu").dense(2, "linear"),
                b -> b.dense(128, "relu").dense(256, "relu").dense(1, "linear"));
        for (int s = 0; s < shapes.size(); s++) {
            for (Precision precision : Precision.values()) {
                for (int threads : new int[] {1, 2}) {
                    Function<NetworkBuilder, NetworkBuilder> shape = shapes.get(s);
                    int inputs = s < 4 ? 5 : 100;
                    compareSteps(() -> shape.apply(NeuralNetwork.builder(inputs)).seed(3).threads(threads)
                            .precision(precision).build(), BATCHES,
                            "shape " + s + ", " + precision + ", " + threads + " threads", precision);
                }
            }
        }
    }

    @Test
    void planEqualsThePlainLoopForEveryActivation() {
        for (String id : Activations.names()) {
            for (Precision precision : Precision.values()) {
                compareSteps(() -> NeuralNetwork.builder(20).dense(33, id).dense(40, id).dense(1, "linear").seed(5)
                        .threads(2).precision(precision).build(), new int[] {300, 17}, id + ", " + precision,
                        precision);
            }
        }
    }

    @Test
    void float32HiddenLayersLiveInFloatStorageAndWidenWhenRead() {
        try (NeuralNetwork net = NeuralNetwork.builder(100).dense(128, "relu").dense(256, "tanh").dense(1, "linear")
                .seed(3).threads(2).precision(Precision.FLOAT32).build()) {
            SplittableRandom random = new SplittableRandom(9);
            Matrix x = random(random, 64, 100);
            net.forwardLoss(x, random(random, 64, 1));
            net.backward(false);
            for (int layer = 0; layer < 2; layer++) {
                for (Operation op : net.layers().get(layer).operations()) {
                    String at = "layer " + layer + " " + op.name();
                    boolean aboveReadsDouble = layer == 1 && op == last(net, layer);
                    assertEquals(!aboveReadsDouble, op.output().isDeferred(), at + " output deferred");
                    assertFloatValued(op.output().toArray(), at + " output");
                    assertFalse(op.output().isDeferred(), at + " written on read");
                    if (op.inputGrad() != null) {
                        assertFloatValued(op.inputGrad().toArray(), at + " input gradient");
                    }
                }
            }
            assertTrue(net.layers().get(2).operations().get(0).inputGrad().isDeferred(),
                    "the one-unit layer's dL/dX, filled in float by the pass below");
            assertFloatValued(net.layers().get(2).operations().get(0).inputGrad().toArray(), "top dL/dX");
            assertFalse(last(net, 2).output().isDeferred(), "the network's output is in double");
        }
    }

    private static Operation last(NeuralNetwork net, int layer) {
        List<Operation> ops = net.layers().get(layer).operations();
        return ops.get(ops.size() - 1);
    }

    private static void assertFloatValued(double[] values, String what) {
        for (int k = 0; k < values.length; k++) {
            assertEquals((double) (float) values[k], values[k], what + " [" + k + "] is a float");
        }
    }

    @Test
    void aCallersOwnKernelRunsThePlainLoop() {
        try (NeuralNetwork net = NeuralNetwork.builder(5).dense(9, "relu").dense(1, "linear").seed(3)
                .gemm(new NaiveGemm()).build()) {
            assertFalse(net.runsPlan(), "a kernel without fused passes gets no plan");
            assertNull(new NaiveGemm().fusedPasses());
        }
    }

    private static void compareSteps(Supplier<NeuralNetwork> build, int[] batches, String where,
                                     Precision precision) {
        Same same = precision == Precision.FLOAT64 ? DensePlanTest::bitForBit : DensePlanTest::toFloatPrecision;
        try (NeuralNetwork planned = build.get(); NeuralNetwork plain = build.get()) {
            assertTrue(planned.runsPlan(), where + ": the network runs its plan");
            Sgd plannedSgd = new Sgd(0.01);
            Sgd plainSgd = new Sgd(0.01);
            SplittableRandom random = new SplittableRandom(7);
            for (int step = 0; step < batches.length; step++) {
                int rows = batches[step];
                Matrix x = random(random, rows, planned.inputs());
                Matrix y = random(random, rows, planned.outputs());
                String at = where + ", step " + step + " (" + rows + " rows)";
                double plainLoss = plainForwardLoss(plain, x, y);
                same.check(new double[] {plainLoss}, new double[] {planned.forwardLoss(x, y)}, at + ": loss");
                planned.backward(true);
                plainBackward(plain);
                same.check(plain.parameters().grads(), planned.parameters().grads(), at + ": parameter gradients");
                compareOperations(plain, planned, at, same);
                plainSgd.step(plain.parameters());
                plannedSgd.step(planned.parameters(), planned.team());
                same.check(plain.parameters().values(), planned.parameters().values(), at + ": parameters");
                if (precision == Precision.FLOAT32) {
                    double[] weights = planned.parameters().values();   // each step from the same weights
                    System.arraycopy(weights, 0, plain.parameters().values(), 0, weights.length);
                }
            }
            Matrix x = random(random, 23, planned.inputs());
            same.check(plainForward(plain, x, false).toArray(), planned.forward(x, false).toArray(),
                    where + ": inference output");
            assertArrayEquals(planned.forward(x, false).toArray(), planned.predict(x).toArray(), where + ": predict");
        }
    }

    /** Every operation's output and input gradient, layer by layer. */
    private static void compareOperations(NeuralNetwork plain, NeuralNetwork planned, String at, Same same) {
        for (int i = 0; i < plain.layers().size(); i++) {
            List<Operation> expected = plain.layers().get(i).operations();
            List<Operation> actual = planned.layers().get(i).operations();
            for (int k = 0; k < expected.size(); k++) {
                String op = at + ": layer " + i + " " + expected.get(k).name();
                same.check(expected.get(k).output().toArray(), actual.get(k).output().toArray(), op + " output");
                same.check(expected.get(k).inputGrad().toArray(), actual.get(k).inputGrad().toArray(),
                        op + " input gradient");
            }
        }
    }

    /** How two tensors must agree. */
    @FunctionalInterface
    private interface Same {
        void check(double[] expected, double[] actual, String what);
    }

    private static void bitForBit(double[] expected, double[] actual, String what) {
        assertArrayEquals(expected, actual, what);
    }

    /** Every element within 1e-4 of the largest magnitude in {@code expected} (1e-30 at least). */
    private static void toFloatPrecision(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 1e-30;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], 1e-4 * scale, what + " [" + k + "]");
        }
    }

    /** The plain loop: each layer's operations forward, then the loss. */
    private static double plainForwardLoss(NeuralNetwork net, Matrix x, Matrix y) {
        return net.loss().forward(plainForward(net, x, true), y);
    }

    private static Matrix plainForward(NeuralNetwork net, Matrix x, boolean training) {
        Matrix out = x;
        for (Layer layer : net.layers()) {
            out = layer.forward(out, training);
        }
        return out;
    }

    /** The plain loop backward: each layer's backward in reverse order, dL/dX of the first layer included. */
    private static void plainBackward(NeuralNetwork net) {
        Matrix grad = net.loss().backward();
        for (int i = net.layers().size() - 1; i >= 0; i--) {
            grad = net.layers().get(i).backward(grad, true);
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
