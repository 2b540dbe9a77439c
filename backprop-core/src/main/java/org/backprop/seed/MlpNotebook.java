package org.backprop.seed;

import java.io.PrintStream;
import java.util.Locale;
import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;
import org.backprop.random.NumpyRandom;
import org.backprop.tensor.MatMul;
import org.backprop.tensor.Matrix;

/**
 * A line-by-line port of the seed notebook {@code mlp-backprop}: a 100→128→256→1 ReLU MLP trained
 * with hand-written backpropagation on random data, kept exactly as the notebook does it so that
 * its loss curve reproduces NumPy's (golden file {@code mlp_backprop_seed0.txt}).
 *
 * <p>The notebook's own conventions, reproduced on purpose:
 * <ul>
 *   <li>weights are stored out×in (W1 128×100, W2 256×128, W3 1×256), biases as columns, and
 *       activations are feature-major: {@code O1 = W1·Sᵀ + b1} is 128×batch;</li>
 *   <li>{@code dO3 = O3 − Yᵀ} (no factor 2), weight gradients are summed over the batch, bias
 *       gradients are row means, the ReLU mask is {@code O >= 0}, and the update is plain
 *       {@code W = W − dW·lr} for every parameter;</li>
 *   <li>random numbers in NumPy's order: {@code np.random.seed(seed)}, X = rand(5000, 100),
 *       y = rand(5000, 1), W1, W2, W3 = uniform(±1/√fan_in) (biases zero), then every epoch a
 *       shuffle of a fresh {@code arange(5000)}; batches of 500 consecutive shuffled rows;</li>
 *   <li>every 50 epochs (after that epoch's updates) the loss {@code mean((y − O3)²)} over all
 *       5000 samples is printed as {@code Epoch  N Loss:  x}.</li>
 * </ul>
 * All buffers are allocated once in the constructor; an epoch allocates nothing, so this doubles as
 * a speed baseline for the {@link Gemm} kernels. Only the order of summations may differ from NumPy.
 */
public final class MlpNotebook {
    static final int SAMPLES = 5000;
    static final int INPUTS = 100;
    static final int HIDDEN1 = 128;
    static final int HIDDEN2 = 256;
    static final int BATCH = 500;
    static final double LEARNING_RATE = 1e-3;
    /** The loss is printed after epochs 0, 50, 100, … */
    public static final int PRINT_EVERY = 50;

    private final Gemm gemm;
    private final NumpyRandom random;
    private final Matrix x = Matrix.zeros(SAMPLES, INPUTS);
    private final Matrix y = Matrix.zeros(SAMPLES, 1);
    private final int[] idx = new int[SAMPLES];

    private final Matrix w1 = Matrix.zeros(HIDDEN1, INPUTS);
    private final Matrix b1 = Matrix.zeros(HIDDEN1, 1);
    private final Matrix w2 = Matrix.zeros(HIDDEN2, HIDDEN1);
    private final Matrix b2 = Matrix.zeros(HIDDEN2, 1);
    private final Matrix w3 = Matrix.zeros(1, HIDDEN2);
    private final Matrix b3 = Matrix.zeros(1, 1);

    private final Matrix s = Matrix.zeros(BATCH, INPUTS);
    private final Matrix yBatch = Matrix.zeros(BATCH, 1);
    private final Matrix o1 = Matrix.zeros(HIDDEN1, BATCH);
    private final Matrix g1 = Matrix.zeros(HIDDEN1, BATCH);
    private final Matrix o2 = Matrix.zeros(HIDDEN2, BATCH);
    private final Matrix g2 = Matrix.zeros(HIDDEN2, BATCH);
    private final Matrix o3 = Matrix.zeros(1, BATCH);

    private final Matrix dO3 = Matrix.zeros(1, BATCH);
    /** dG2, then masked in place into dG2 * (O2 >= 0). */
    private final Matrix dO2 = Matrix.zeros(HIDDEN2, BATCH);
    /** dG1, then masked in place into dG1 * (O1 >= 0). */
    private final Matrix dO1 = Matrix.zeros(HIDDEN1, BATCH);
    private final Matrix dW1 = Matrix.zeros(HIDDEN1, INPUTS);
    private final Matrix dB1 = Matrix.zeros(HIDDEN1, 1);
    private final Matrix dW2 = Matrix.zeros(HIDDEN2, HIDDEN1);
    private final Matrix dB2 = Matrix.zeros(HIDDEN2, 1);
    private final Matrix dW3 = Matrix.zeros(1, HIDDEN2);
    private final Matrix dB3 = Matrix.zeros(1, 1);

    /** Draws the data and the initial weights exactly as the notebook does after {@code np.random.seed(seed)}. */
    public MlpNotebook(long seed, Gemm gemm) {
        this.gemm = gemm;
        this.random = new NumpyRandom(seed);
        random.fill(x);
        random.fill(y);
        random.fillUniform(w1, -1 / Math.sqrt(INPUTS), 1 / Math.sqrt(INPUTS));
        random.fillUniform(w2, -1 / Math.sqrt(HIDDEN1), 1 / Math.sqrt(HIDDEN1));
        random.fillUniform(w3, -1 / Math.sqrt(HIDDEN2), 1 / Math.sqrt(HIDDEN2));
    }

    /**
     * Runs the notebook's {@code fitModel(X, y, n_iter=epochs, batch_size=500, lr=1e-3)} after
     * {@code np.random.seed(seed)}, printing to {@code System.out}; returns the printed losses
     * (epochs 0, 50, … below {@code epochs}).
     */
    public static double[] run(long seed, int epochs, Gemm gemm) {
        return run(seed, epochs, gemm, System.out);
    }

    /** As {@link #run(long, int, Gemm)}, printing the loss lines to {@code out}. */
    public static double[] run(long seed, int epochs, Gemm gemm, PrintStream out) {
        return new MlpNotebook(seed, gemm).fit(epochs, out);
    }

    /** The notebook's {@code fitModel} loop on this instance's data and weights. */
    public double[] fit(int epochs, PrintStream out) {
        double[] losses = new double[(epochs + PRINT_EVERY - 1) / PRINT_EVERY];
        for (int epoch = 0; epoch < epochs; epoch++) {
            updateParams();
            if (epoch % PRINT_EVERY == 0) {
                double loss = loss();
                losses[epoch / PRINT_EVERY] = loss;
                out.println("Epoch  " + epoch + " Loss:  " + loss);
            }
        }
        return losses;
    }

    /** One epoch: shuffle a fresh {@code arange(5000)}, then forward and backward on each batch. */
    private void updateParams() {
        for (int i = 0; i < SAMPLES; i++) {
            idx[i] = i;
        }
        random.shuffle(idx);
        for (int begin = 0; begin < SAMPLES; begin += BATCH) {
            x.gatherRows(idx, begin, begin + BATCH, s);
            y.gatherRows(idx, begin, begin + BATCH, yBatch);
            forward(s);
            backward();
        }
    }

    /** O1 = W1·Sᵀ + b1, G1 = max(0, O1), O2 = W2·G1 + b2, G2 = max(0, O2), O3 = W3·G2 + b3. */
    private void forward(Matrix samples) {
        MatMul.multTransB(gemm, w1, samples, o1);
        NotebookOps.addColumn(o1, b1);
        NotebookOps.relu(o1, g1);
        MatMul.mult(gemm, w2, g1, o2);
        NotebookOps.addColumn(o2, b2);
        NotebookOps.relu(o2, g2);
        MatMul.mult(gemm, w3, g2, o3);
        NotebookOps.addColumn(o3, b3);
    }

    /** The notebook's {@code backward}: all gradients from the current weights, then the update. */
    private void backward() {
        NotebookOps.subtractTransposed(o3, yBatch, dO3);            // dO3 = O3 - Y.T
        MatMul.multTransA(gemm, w3, dO3, dO2);                      // dG2 = W3.T.dot(dO3)
        NotebookOps.multiplyByNonNegativeMask(dO2, o2);             //       dG2 * (O2 >= 0)
        MatMul.multTransA(gemm, w2, dO2, dO1);                      // dG1 = W2.T.dot(dG2 * (O2 >= 0))
        NotebookOps.multiplyByNonNegativeMask(dO1, o1);             //       dG1 * (O1 >= 0)
        MatMul.mult(gemm, dO1, s, dW1);                             // dW1 = (dG1 * (O1 >= 0)).dot(S)
        NotebookOps.rowMeans(dO1, dB1);                             // dB1 = mean_numba(dG1 * (O1 >= 0))
        MatMul.multTransB(gemm, dO2, g1, dW2);                      // dW2 = (dG2 * (O2 >= 0)).dot(max(0, O1).T)
        NotebookOps.rowMeans(dO2, dB2);                             // dB2 = mean_numba(dG2 * (O2 >= 0))
        MatMul.multTransB(gemm, dO3, g2, dW3);                      // dW3 = dO3.dot(max(0, O2).T)
        NotebookOps.rowMeans(dO3, dB3);                             // dB3 = mean_numba(dO3)
        NotebookOps.subtractScaled(w1, dW1, LEARNING_RATE);
        NotebookOps.subtractScaled(b1, dB1, LEARNING_RATE);
        NotebookOps.subtractScaled(w2, dW2, LEARNING_RATE);
        NotebookOps.subtractScaled(b2, dB2, LEARNING_RATE);
        NotebookOps.subtractScaled(w3, dW3, LEARNING_RATE);
        NotebookOps.subtractScaled(b3, dB3, LEARNING_RATE);
    }

    /**
     * {@code MSELoss(y.reshape(1,-1), forward(..., X)[-1])}: the forward pass over all samples, done
     * in chunks of {@link #BATCH} columns in the batch buffers (each output column depends only on
     * its own sample, so chunking does not change any value).
     */
    private double loss() {
        double sum = 0;
        for (int begin = 0; begin < SAMPLES; begin += BATCH) {
            forward(x.rowRange(begin, begin + BATCH));
            sum += NotebookOps.sumSquaredDifference(y.rowRange(begin, begin + BATCH), o3);
        }
        return sum / SAMPLES;
    }

    /** Usage: {@code MlpNotebook [epochs=1000] [threads=all] [seed=0]}; prints the losses and the time taken. */
    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Kernels.defaultThreads();
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 0L;
        try (Gemm gemm = Kernels.create(threads)) {
            long start = System.nanoTime();
            run(seed, epochs, gemm);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%d epochs in %.2f s with %s%n", epochs, seconds, gemm.describe());
        }
    }
}
