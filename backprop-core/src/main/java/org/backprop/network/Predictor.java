package org.backprop.network;

import java.util.ArrayList;
import java.util.List;

import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;
import org.backprop.layer.Layer;
import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/**
 * Inference for one thread, on buffers of its own: for services that predict one row per request
 * or stream large tables through a model.
 *
 * <p>A predictor runs the network's layers in inference mode (dropout off) on copies of the layers
 * that <b>share</b> the network's parameters, so any number of predictors (one per thread) read one
 * set of weights; a predictor itself is not thread-safe. Rows go through in chunks of at most
 * {@link #chunkRows()} rows, so memory stays bounded for any input size. After the first call of a
 * given shape, {@link #predictRow} and {@link #predict(Matrix, Matrix)} allocate nothing. Results
 * are those of {@link NeuralNetwork#predict} bit for bit, for any thread count and chunk size
 * (rows are independent and products never split a dot product), with one exception under
 * {@link org.backprop.kernel.Precision#FLOAT32}: a product of one row is a matrix–vector shape,
 * which the float32 kernels compute in double, so a single row (or a last chunk of one row)
 * differs from the same row in a batch by float rounding (about 1e-7 relative).
 *
 * <p>Do not train the network while predictors use it. Close the predictor to stop its kernel's
 * worker threads (none for one thread).
 *
 * <pre>{@code
 * try (Predictor predictor = Predictor.of(network)) {      // one per thread
 *     double[] out = new double[network.outputs()];
 *     predictor.predictRow(features, out);                  // features.length == network.inputs()
 * }
 * }</pre>
 */
public final class Predictor implements AutoCloseable {
    /** Default rows per chunk: large enough for the kernels to run at speed, small enough for cache. */
    public static final int DEFAULT_CHUNK_ROWS = 1024;

    private final List<Layer> layers = new ArrayList<>();
    private final Gemm gemm;
    private final boolean ownsGemm;
    /** The fused passes for these layers, as the network's own, or null for the plain loop. */
    private final DensePlan plan;
    private final int inputs;
    private final int outputs;
    private final int chunkRows;
    private final Matrix row;

    private Predictor(NeuralNetwork network, int threads, int chunkRows) {
        this(network, kernel(network, threads), true, chunkRows);
    }

    private Predictor(NeuralNetwork network, Gemm gemm, boolean ownsGemm, int chunkRows) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunk rows must be at least 1, got " + chunkRows);
        }
        this.gemm = gemm;
        this.ownsGemm = ownsGemm;
        for (Layer layer : network.layers()) {
            layers.add(layer.sharingParameters(gemm));
        }
        this.plan = DensePlan.of(layers, gemm);
        this.inputs = network.inputs();
        this.outputs = network.outputs();
        this.chunkRows = chunkRows;
        this.row = Matrix.zeros(1, inputs);
    }

    private static Gemm kernel(NeuralNetwork network, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a predictor needs at least one thread, got " + threads);
        }
        return Kernels.create(threads, network.precision());
    }

    /**
     * A predictor on the network's own kernel (its threads, and whatever kernel it was built with),
     * {@code chunkRows} rows at a time: the network's {@link NeuralNetwork#forward forward} in
     * inference mode, bit for bit, on buffers of its own. Not to be used while the network computes
     * (e.g. between training steps, as the trainer evaluates); closing it leaves the kernel running.
     */
    public static Predictor onNetworkKernel(NeuralNetwork network, int chunkRows) {
        return new Predictor(network, network.gemm(), false, chunkRows);
    }

    /** A one-thread predictor with {@link #DEFAULT_CHUNK_ROWS} rows per chunk. */
    public static Predictor of(NeuralNetwork network) {
        return new Predictor(network, 1, DEFAULT_CHUNK_ROWS);
    }

    /**
     * A predictor whose products run on {@code threads} threads (worth it for chunks of hundreds of
     * rows and wide layers), {@code chunkRows} rows at a time.
     */
    public static Predictor of(NeuralNetwork network, int threads, int chunkRows) {
        return new Predictor(network, threads, chunkRows);
    }

    /** Number of input columns. */
    public int inputs() {
        return inputs;
    }

    /** Number of output columns. */
    public int outputs() {
        return outputs;
    }

    /** Rows per chunk. */
    public int chunkRows() {
        return chunkRows;
    }

    /**
     * The network's output for one row: reads {@code features[0..inputs)}, writes
     * {@code out[0..outputs)}.
     *
     * @throws ShapeException if {@code features} is shorter than the network's inputs or {@code out}
     *                        shorter than its outputs
     */
    public void predictRow(double[] features, double[] out) {
        if (features.length < inputs || out.length < outputs) {
            throw new ShapeException("predictor of " + inputs + " inputs and " + outputs + " outputs got "
                    + features.length + " features and room for " + out.length + " outputs");
        }
        System.arraycopy(features, 0, row.data(), row.offset(), inputs);
        Matrix result = run(row);
        System.arraycopy(result.data(), result.offset(), out, 0, outputs);
    }

    /**
     * The network's output for {@code x} (n×inputs) written into {@code out} (n×outputs), chunk by
     * chunk.
     *
     * @throws ShapeException if the shapes do not match the network
     */
    public void predict(Matrix x, Matrix out) {
        if (x.cols() != inputs || out.cols() != outputs || out.rows() != x.rows()) {
            throw new ShapeException("predictor of " + inputs + " inputs and " + outputs + " outputs got input "
                    + x.shape() + " and output " + out.shape());
        }
        for (int from = 0; from < x.rows(); from += chunkRows) {
            int to = Math.min(x.rows(), from + chunkRows);
            Matrix result = run(x.rowRange(from, to));
            System.arraycopy(result.data(), result.offset(), out.data(), out.offset() + from * outputs,
                    (to - from) * outputs);
        }
    }

    /** The network's output for {@code x} (n×inputs), in a new n×outputs matrix. */
    public Matrix predict(Matrix x) {
        Matrix out = Matrix.zeros(x.rows(), outputs);
        predict(x, out);
        return out;
    }

    private Matrix run(Matrix x) {
        if (plan != null) {
            return plan.forward(x, false);
        }
        Matrix out = x;
        for (int i = 0; i < layers.size(); i++) {  // indexed: no iterator per call
            out = layers.get(i).forward(out, false);
        }
        return out;
    }

    /** Stops the kernel's worker threads (unless the kernel is the network's). */
    @Override
    public void close() {
        if (ownsGemm) {
            gemm.close();
        }
    }
}
