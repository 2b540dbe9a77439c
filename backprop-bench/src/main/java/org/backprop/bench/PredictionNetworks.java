package org.backprop.bench;

import java.util.SplittableRandom;

import org.backprop.kernel.Precision;
import org.backprop.network.NeuralNetwork;
import org.backprop.tensor.Matrix;

/**
 * The two networks the prediction benchmarks serve, as a loaded model would be: the seed network
 * (100 → 128 → 256 → 1 ReLU) and a typical tabular one (20 → 64 → 32 → 1 ReLU), with inputs
 * uniform in [−1, 1). Their peer is {@code peers/torch_predict.py} (the same shapes in PyTorch).
 */
enum PredictionNetworks {
    /** 100 → 128 → 256 → 1 ReLU. */
    SEED(100, 128, 256),
    /** 20 → 64 → 32 → 1 ReLU. */
    TABULAR(20, 64, 32);

    private final int inputs;
    private final int hidden1;
    private final int hidden2;

    PredictionNetworks(int inputs, int hidden1, int hidden2) {
        this.inputs = inputs;
        this.hidden1 = hidden1;
        this.hidden2 = hidden2;
    }

    int inputs() {
        return inputs;
    }

    /** The network, seed 1, {@code threads} kernel threads for its own passes. */
    NeuralNetwork build(Precision precision, int threads) {
        return NeuralNetwork.builder(inputs).dense(hidden1, "relu").dense(hidden2, "relu").dense(1, "linear")
                .seed(1).threads(threads).precision(precision).build();
    }

    /** {@code rows} input rows, uniform in [−1, 1) from a fixed seed. */
    Matrix rows(int rows) {
        SplittableRandom random = new SplittableRandom(rows);
        Matrix x = Matrix.zeros(rows, inputs);
        for (int k = 0; k < x.size(); k++) {
            x.setFlat(k, random.nextDouble(-1, 1));
        }
        return x;
    }

    /** "seed 100-128-256-1" or "tabular 20-64-32-1". */
    String describe() {
        return name().toLowerCase(java.util.Locale.ROOT) + " " + inputs + "-" + hidden1 + "-" + hidden2 + "-1";
    }
}
