package org.backprop.network;

import org.backprop.tensor.Matrix;

/**
 * Thread-safe inference on one network, for services whose request threads predict at once: any
 * number of threads may call {@link #predictRow} and {@link #predict} concurrently. Each calling
 * thread gets a one-thread {@link Predictor} of its own on its first call (its own buffers, the
 * network's parameters shared, never copied), so after a thread's first call of a given shape its
 * calls allocate nothing and never wait for another thread. Results are {@link Predictor}'s, bit for
 * bit the same whichever thread asks.
 *
 * <p>As with {@link Predictor}, inputs are not checked: a NaN or infinite feature gives NaN (or
 * infinite) outputs in its row, as in PyTorch.
 *
 * <p>Do not train the network while it serves predictions. A thread's predictor is released with the
 * thread (or with this object); one-thread predictors hold no threads of their own.
 *
 * <pre>{@code
 * SharedPredictor shared = SharedPredictor.of(network);     // one for the whole service
 * // in any request thread:
 * double[] out = new double[network.outputs()];             // or a buffer the thread keeps
 * shared.predictRow(features, out);
 * }</pre>
 */
public final class SharedPredictor {
    private final int inputs;
    private final int outputs;
    private final ThreadLocal<Predictor> perThread;

    private SharedPredictor(NeuralNetwork network, int chunkRows) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunk rows must be at least 1, got " + chunkRows);
        }
        this.inputs = network.inputs();
        this.outputs = network.outputs();
        this.perThread = ThreadLocal.withInitial(() -> Predictor.of(network, 1, chunkRows));
    }

    /** Thread-safe predictions of {@code network}, {@link Predictor#DEFAULT_CHUNK_ROWS} rows at a time. */
    public static SharedPredictor of(NeuralNetwork network) {
        return new SharedPredictor(network, Predictor.DEFAULT_CHUNK_ROWS);
    }

    /** Thread-safe predictions of {@code network}, {@code chunkRows} rows at a time. */
    public static SharedPredictor of(NeuralNetwork network, int chunkRows) {
        return new SharedPredictor(network, chunkRows);
    }

    /** Number of input columns. */
    public int inputs() {
        return inputs;
    }

    /** Number of output columns. */
    public int outputs() {
        return outputs;
    }

    /**
     * The network's output for one row, on the calling thread's predictor: reads
     * {@code features} (exactly {@link #inputs()} values), writes {@code out[0..outputs)} (see
     * {@link Predictor#predictRow}).
     */
    public void predictRow(double[] features, double[] out) {
        perThread.get().predictRow(features, out);
    }

    /**
     * The probabilities of the network's outputs for one row under its loss (softmax for softmax
     * cross-entropy, sigmoid for bce_logits), on the calling thread's predictor, written into
     * {@code out[0..outputs)}: see {@link Predictor#predictProbabilitiesRow}, which throws
     * {@link UnsupportedOperationException} for a regression loss.
     */
    public void predictProbabilitiesRow(double[] features, double[] out) {
        perThread.get().predictProbabilitiesRow(features, out);
    }

    /**
     * The network's output for {@code x} (n×inputs) written into {@code out} (n×outputs), on the
     * calling thread's predictor (see {@link Predictor#predict(Matrix, Matrix)}).
     */
    public void predict(Matrix x, Matrix out) {
        perThread.get().predict(x, out);
    }
}
