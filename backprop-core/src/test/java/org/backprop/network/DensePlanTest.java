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

import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;
import org.backprop.kernel.NaiveGemm;
import org.backprop.kernel.Precision;
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
 * float copies, every activation; 1 and 2 threads; float64 and float32, on the best kernels of the
 * JVM (the vector ones in the suite) and on the portable scalar ones. In float32 both keep a dense
 * layer's values in float where {@link FloatStorage} says so (the plan in float stores, widened when
 * read; the plain loop rounded in its double buffers), so they agree bit for bit there too. A
 * caller's own kernel offers no fused passes: the network then runs the plain loop.
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
                            "shape " + s + ", " + precision + ", " + threads + " threads");
                }
            }
        }
    }

    @Test
    void planEqualsThePlainLoopForEveryActivation() {
        for (String id : Activations.names()) {
            for (Precision precision : Precision.values()) {
                compareSteps(() -> NeuralNetwork.builder(20).dense(33, id).dense(40, id).dense(1, "linear").seed(5)
                        .threads(2).precision(precision).build(), new int[] {300, 17}, id + ", " + precision);
            }
        }
    }

    @Test
    void planEqualsThePlainLoopOnTheScalarKernels() {
        for (Precision precision : Precision.values()) {
            for (int threads : new int[] {1, 2}) {
                try (Gemm gemm = scalarKernel(precision, threads)) {
                    assertTrue(gemm.describe().contains("scalar"), gemm.describe());
                    compareSteps(() -> NeuralNetwork.builder(100).dense(64, "relu").dropout(0.3).dense(48, "tanh")
                            .dense(1, "linear").seed(4).gemm(gemm).build(), BATCHES,
                            "scalar kernels, " + precision + ", " + threads + " threads", false);
                }
            }
        }
    }

    /** The portable scalar kernels computing in {@code precision}, whatever the JVM offers. */
    private static Gemm scalarKernel(Precision precision, int threads) {
        return Kernels.scalar(threads, precision);
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
                    // Also layer 1's A: the one-unit layer above has its products computed by layer 1's
                    // passes, from A's float store.
                    assertTrue(op.output().isDeferred(), at + " output deferred");
                    assertFloatValued(op.output().toArray(), at + " output");
                    assertFalse(op.output().isDeferred(), at + " written on read");
                    if (op.inputGrad() != null) {
                        assertFloatValued(op.inputGrad().toArray(), at + " input gradient");
                    }
                }
            }
            assertFalse(net.layers().get(2).operations().get(0).inputGrad().isDeferred(),
                    "the one-unit layer's dL/dX, filled in double by the pass below");
            assertFalse(last(net, 2).output().isDeferred(), "the network's output is in double");
        }
    }

    /**
     * A one-unit layer's dL/dX, deferred on float storage, stays the gradient of its step when it is
     * read only after a step of another batch size (an operation keeps one buffer per batch size,
     * valid until its next call with that size).
     */
    @Test
    void aDeferredInputGradientHeldAcrossAnotherBatchSizeKeepsItsValues() {
        SplittableRandom random = new SplittableRandom(19);
        Matrix x64 = random(random, 64, 100);
        Matrix y64 = random(random, 64, 1);
        Matrix x40 = random(random, 40, 100);
        Matrix y40 = random(random, 40, 1);
        try (NeuralNetwork readAtOnce = float32OneUnitOnTop(); NeuralNetwork readLater = float32OneUnitOnTop()) {
            readAtOnce.forwardLoss(x64, y64);
            readAtOnce.backward(false);
            double[] expected = readAtOnce.layers().get(1).operations().get(0).inputGrad().toArray();

            readLater.forwardLoss(x64, y64);
            readLater.backward(false);
            Matrix held = readLater.layers().get(1).operations().get(0).inputGrad();
            assertTrue(held.isDeferred(), "the one-unit layer's dL/dX is deferred (else this test tests nothing)");
            readLater.forwardLoss(x40, y40);
            readLater.backward(false);
            assertArrayEquals(expected, held.toArray(), "the 64-row dL/dX read after a 40-row step");
        }
    }

    private static NeuralNetwork float32OneUnitOnTop() {
        return NeuralNetwork.builder(100).dense(128, "relu").dense(1, "linear").seed(4).threads(2)
                .precision(Precision.FLOAT32).build();
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

    private static void compareSteps(Supplier<NeuralNetwork> build, int[] batches, String where) {
        compareSteps(build, batches, where, true);
    }

    /**
     * As {@link #compareSteps(Supplier, int[], String)}; {@code predictsOnItsKernel}: whether
     * {@link NeuralNetwork#predict} runs the network's kind of kernel (it runs the JVM's best one).
     */
    private static void compareSteps(Supplier<NeuralNetwork> build, int[] batches, String where,
                                     boolean predictsOnItsKernel) {
        try (NeuralNetwork planned = build.get(); NeuralNetwork plain = build.get()) {
            assertTrue(planned.runsPlan(), where + ": the network runs its plan");
            PlainLoop loop = new PlainLoop(plain.layers(), plain.gemm());
            Sgd plannedSgd = new Sgd(0.01);
            Sgd plainSgd = new Sgd(0.01);
            SplittableRandom random = new SplittableRandom(7);
            for (int step = 0; step < batches.length; step++) {
                int rows = batches[step];
                Matrix x = random(random, rows, planned.inputs());
                Matrix y = random(random, rows, planned.outputs());
                String at = where + ", step " + step + " (" + rows + " rows)";
                double plainLoss = plain.loss().forward(loop.forward(x, true), y);
                assertEquals(plainLoss, planned.forwardLoss(x, y), at + ": loss");
                Matrix plannedInputGrad = planned.backward(true);
                Matrix plainInputGrad = loop.backward(plain.loss().backward(), true);
                assertArrayEquals(plainInputGrad.toArray(), plannedInputGrad.toArray(), at + ": dL/dX");
                assertArrayEquals(plain.parameters().grads(), planned.parameters().grads(),
                        at + ": parameter gradients");
                compareOperations(plain, planned, at);
                plainSgd.step(plain.parameters());
                plannedSgd.step(planned.parameters(), planned.team());
                assertArrayEquals(plain.parameters().values(), planned.parameters().values(), at + ": parameters");
            }
            Matrix x = random(random, 23, planned.inputs());
            assertArrayEquals(loop.forward(x, false).toArray(), planned.forward(x, false).toArray(),
                    where + ": inference output");
            if (predictsOnItsKernel) {
                assertArrayEquals(planned.forward(x, false).toArray(), planned.predict(x).toArray(), where + ": predict");
            }
        }
    }

    /** Every operation's output and input gradient, layer by layer. */
    private static void compareOperations(NeuralNetwork plain, NeuralNetwork planned, String at) {
        for (int i = 0; i < plain.layers().size(); i++) {
            List<Operation> expected = plain.layers().get(i).operations();
            List<Operation> actual = planned.layers().get(i).operations();
            for (int k = 0; k < expected.size(); k++) {
                String op = at + ": layer " + i + " " + expected.get(k).name();
                assertArrayEquals(expected.get(k).output().toArray(), actual.get(k).output().toArray(), op + " output");
                assertArrayEquals(expected.get(k).inputGrad().toArray(), actual.get(k).inputGrad().toArray(),
                        op + " input gradient");
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
