package org.backprop.train;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.backprop.check.TestData;
import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;
import org.backprop.kernel.Precision;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Adam;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;

/**
 * Trains a small regression network whose shapes reach every kind of product (a one-unit top layer:
 * matrix–vector dot products, outer products, row combinations; a short last batch) and prints its
 * kernel and the bits of its trained parameters: run by {@link KernelChoiceBitsTest} in a JVM
 * without {@code jdk.incubator.vector}. Argument: the precision (FLOAT64 or FLOAT32).
 */
public final class KernelChoiceProbe {
    private KernelChoiceProbe() {
    }

    public static void main(String[] args) {
        Precision precision = Precision.valueOf(args[0]);
        try (Gemm gemm = Kernels.create(2, precision)) {
            System.out.println("kernel " + gemm.describe());
            System.out.println("bits " + bits(train(gemm, precision)));
        }
    }

    /** The parameters after 4 epochs of Adam on 301 rows of 13 inputs, batches of 64, computed by {@code gemm}. */
    static double[] train(Gemm gemm, Precision precision) {
        RandomSource random = TestData.random(7);
        Matrix x = TestData.uniform(301, 13, -2, 2, random);
        Matrix y = Matrix.zeros(301, 1);
        for (int i = 0; i < x.rows(); i++) {
            y.set(i, 0, Math.sin(3 * x.get(i, 0) - x.get(i, 5)) + x.get(i, 12) * x.get(i, 2));
        }
        try (NeuralNetwork net = NeuralNetwork.builder(13).dense(37, "relu").dense(24, "tanh").dense(1, "linear")
                .seed(3).precision(precision).gemm(gemm).build()) {
            new Trainer(net, new Adam(0.01), TrainerConfig.defaults(3).withEpochs(4).withBatchSize(64)).fit(x, y);
            return net.parameters().values().clone();
        }
    }

    /** The bits of {@code values}, in hexadecimal, comma-separated. */
    static String bits(double[] values) {
        return Arrays.stream(values).mapToObj(v -> Long.toHexString(Double.doubleToRawLongBits(v)))
                .collect(Collectors.joining(","));
    }
}
