package org.backprop.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;
import org.backprop.kernel.RangeTask;
import org.backprop.kernel.ThreadTeam;
import org.backprop.layer.Layer;
import org.backprop.loss.Loss;
import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/**
 * Inference for one thread, on buffers of its own: for services that predict one row per request
 * or stream large tables through a model.
 *
 * <p>A predictor runs the network's layers in inference mode (dropout off) on copies of the layers
 * that <b>share</b> the network's parameters, so any number of predictors (one per thread) read one
 * set of weights; a predictor itself is not thread-safe. A network of dense and dropout layers runs
 * a forward-only pass of its own on each thread's one-thread kernel (except on the
 * {@link #onNetworkKernel network's kernel}) (no training buffers; each
 * layer's bias and ReLU or identity in one pass over its product), other networks their plain
 * operation loop. Rows go through in chunks of at most
 * {@link #chunkRows()} rows, so memory stays bounded for any input size. After the first call of a
 * given shape, {@link #predictRow} and {@link #predict(Matrix, Matrix)} allocate nothing. Results
 * are those of {@link NeuralNetwork#predict} bit for bit, for any thread count and chunk size
 * (rows are independent and products never split a dot product), with one exception under
 * {@link org.backprop.kernel.Precision#FLOAT32}: a product of one row is a matrix–vector shape,
 * which the float32 kernels compute in double, so a single row (or chunks of one row, asked for
 * with a chunk size of 1) differs from the same row in a batch by float rounding (about 1e-7
 * relative).
 *
 * <p>A predictor of several threads ({@link #of(NeuralNetwork, int, int)}) splits the <em>rows</em>
 * of an input into pieces that the threads claim one after another, each thread running its pieces
 * through the whole network on single-thread kernels and buffers of its own: one hand-off per call
 * instead of one per product, and a thread that is slow to start (a busy machine) leaves its pieces
 * to the others instead of holding them up. Inputs under {@link #MIN_SPLIT_MULTIPLY_ADDS}
 * multiply-adds, and single rows, run on the calling thread alone, where waking a worker would cost
 * more than it saves. Rows are cut into pieces of equal size (at most {@link #chunkRows()}, never a
 * piece of one row unless the input is one row), and which thread computes a piece does not change
 * its bits.
 *
 * <p>Inputs are not checked for NaN or infinite values, to keep the per-row path free of checks:
 * such a value gives NaN (or infinite) outputs in its row, as in PyTorch; check or impute the
 * features beforehand where they may hold them.
 *
 * <p>Do not train the network while predictors use it. Close the predictor to stop its worker
 * threads (none for one thread).
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
    /**
     * Inputs of fewer multiply-adds than this (rows × the network's weights) run on one thread even
     * on a predictor of several: about 50 µs of work, well above the cost of waking a worker.
     */
    public static final long MIN_SPLIT_MULTIPLY_ADDS = 1L << 20;
    /** Rows of the smallest piece a split input is cut into. */
    private static final int MIN_PIECE_ROWS = 16;

    /** One per thread: lane 0 runs on the calling thread (and alone for single rows and small inputs). */
    private final Lane[] lanes;
    /** The threads that run the lanes, or null for one thread. */
    private final ThreadTeam team;
    private final SplitRows split;
    private final boolean ownsGemm;
    private final int inputs;
    private final int outputs;
    private final int chunkRows;
    private final long multiplyAddsPerRow;
    private final Matrix row;
    /** The network's loss, for its output link ({@link #predictProbabilitiesRow}); only its stateless probabilities are used. */
    private final Loss loss;
    /** One row of outputs turned into probabilities in place. */
    private final Matrix probabilityRow;
    private boolean closed;

    private Predictor(NeuralNetwork network, int threads, int chunkRows) {
        this(network, threads, null, chunkRows);
    }

    /** {@code shared}: the network's kernel for one lane, or null for {@code threads} lanes of their own. */
    private Predictor(NeuralNetwork network, int threads, Gemm shared, int chunkRows) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunk rows must be at least 1, got " + chunkRows);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("a predictor needs at least one thread, got " + threads);
        }
        this.ownsGemm = shared == null;
        this.lanes = new Lane[threads];
        for (int t = 0; t < threads; t++) {
            lanes[t] = shared != null ? new Lane(network, shared, false)
                    : new Lane(network, Kernels.create(1, network.precision()), true);
        }
        this.team = threads == 1 ? null : ThreadTeam.of(threads);
        this.split = team == null ? null : new SplitRows();
        this.inputs = network.inputs();
        this.outputs = network.outputs();
        this.chunkRows = chunkRows;
        this.multiplyAddsPerRow = Math.max(1, network.parameters().size());
        this.row = Matrix.zeros(1, inputs);
        this.loss = network.loss();
        this.probabilityRow = Matrix.zeros(1, outputs);
    }

    /**
     * A predictor on the network's own kernel (its threads, and whatever kernel it was built with),
     * {@code chunkRows} rows at a time: the network's {@link NeuralNetwork#forward forward} in
     * inference mode, bit for bit, on buffers of its own, through the network's own passes (its
     * plan or plain loop, as training runs them, not the forward-only inference pass). Not to be used while the network computes
     * (e.g. between training steps, as the trainer evaluates); closing it leaves the kernel running.
     */
    public static Predictor onNetworkKernel(NeuralNetwork network, int chunkRows) {
        return new Predictor(network, 1, network.gemm(), chunkRows);
    }

    /** A one-thread predictor with {@link #DEFAULT_CHUNK_ROWS} rows per chunk. */
    public static Predictor of(NeuralNetwork network) {
        return new Predictor(network, 1, DEFAULT_CHUNK_ROWS);
    }

    /**
     * A predictor of {@code threads} threads, each running its share of an input's rows (worth it
     * for inputs of hundreds of rows), {@code chunkRows} rows at a time.
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
     * The network's output for one row (for a classifier: its logits): reads {@code features}
     * (exactly {@link #inputs()} values), writes {@code out[0..outputs)} ({@code out} may be longer).
     *
     * @throws ShapeException        if {@code features} does not hold exactly the network's inputs or
     *                               {@code out} is shorter than its outputs (naming both lengths)
     * @throws IllegalStateException after {@link #close()}
     */
    public void predictRow(double[] features, double[] out) {
        checkRow(features, out);
        lanes[0].predictRow(features, row, out);
    }

    /**
     * The probabilities the network's outputs for one row stand for under its loss, written into
     * {@code out[0..outputs)}: the softmax of the logits for {@link
     * org.backprop.loss.SoftmaxCrossEntropy}, their sigmoid for {@link
     * org.backprop.loss.BinaryCrossEntropyWithLogits} (the probability of each output's positive
     * class), as {@link NeuralNetwork#predictProbabilities} gives them. Allocates nothing after the
     * first call; a predictor is for one thread at a time, as with {@link #predictRow}.
     *
     * @throws UnsupportedOperationException for a network whose loss is on plain predictions
     *                                       (regression: MSE, MAE, Huber), which has no probabilities
     * @throws ShapeException                as {@link #predictRow}
     * @throws IllegalStateException         after {@link #close()}
     */
    public void predictProbabilitiesRow(double[] features, double[] out) {
        checkRow(features, out);
        lanes[0].predictRow(features, row, probabilityRow.data());
        loss.probabilities(probabilityRow, probabilityRow);
        System.arraycopy(probabilityRow.data(), 0, out, 0, outputs);
    }

    private void checkRow(double[] features, double[] out) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(out, "out");
        requireOpen();
        if (features.length != inputs || out.length < outputs) {
            throw new ShapeException("predictor of " + inputs + " inputs and " + outputs + " outputs got "
                    + features.length + " features and room for " + out.length + " outputs");
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this predictor is closed");
        }
    }

    /**
     * The network's output for {@code x} (n×inputs) written into {@code out} (n×outputs), chunk by
     * chunk.
     *
     * @throws ShapeException if the shapes do not match the network
     * @throws IllegalStateException after {@link #close()}
     */
    public void predict(Matrix x, Matrix out) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(out, "out");
        requireOpen();
        if (x.cols() != inputs || out.cols() != outputs || out.rows() != x.rows()) {
            throw new ShapeException("predictor of " + inputs + " inputs and " + outputs + " outputs got input "
                    + x.shape() + " and output " + out.shape());
        }
        int rows = x.rows();
        if (team == null || rows < 2 * lanes.length || rows * multiplyAddsPerRow < MIN_SPLIT_MULTIPLY_ADDS) {
            lanes[0].predict(x, 0, rows, out, chunkRows);
            return;
        }
        // about four pieces per thread, so that a thread that starts late still finds some
        int pieceRows = Math.max(MIN_PIECE_ROWS, Math.min(chunkRows, ceilDiv(rows, 4 * lanes.length)));
        split.set(x, out, ceilDiv(rows, pieceRows));
        try {
            team.forEachThread(split);   // the lanes claim pieces: no need for the team's split chooser
        } finally {
            split.clear();
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** Piece {@code piece} of {@code pieces} equal pieces of [0, rows): its first row. */
    private static int pieceStart(int rows, int pieces, int piece) {
        return (int) ((long) rows * piece / pieces);
    }

    /** The network's output for {@code x} (n×inputs), in a new n×outputs matrix. */
    public Matrix predict(Matrix x) {
        Objects.requireNonNull(x, "x");
        Matrix out = Matrix.zeros(x.rows(), outputs);
        predict(x, out);
        return out;
    }

    /**
     * Stops the worker threads and the lanes' kernels (unless the kernel is the network's); every
     * later prediction throws {@link IllegalStateException}. Closing twice does nothing more.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (team != null) {
            team.close();
        }
        if (ownsGemm) {
            for (Lane lane : lanes) {
                lane.gemm.close();
            }
        }
    }

    /** The layers of one thread: copies sharing the network's parameters, on a kernel of its own. */
    private static final class Lane {
        private final Gemm gemm;
        /** The inference passes for these layers, or null when they run {@link #passes}. */
        private final InferencePasses inference;
        /** The passes for these layers, as the network's own (the plain loop), when no inference passes apply. */
        private final Passes passes;

        /** {@code forInference}: run {@link InferencePasses} when they apply, else the network's passes. */
        Lane(NeuralNetwork network, Gemm gemm, boolean forInference) {
            this.gemm = gemm;
            List<Layer> layers = new ArrayList<>();
            for (Layer layer : network.layers()) {
                layers.add(layer.sharingParameters(gemm));
            }
            this.inference = forInference ? InferencePasses.of(layers, gemm, network.inputs()) : null;
            this.passes = this.inference != null ? null : Passes.of(layers, gemm);
        }

        /** Rows [from, to) of {@code x} into the same rows of {@code out}, in equal chunks of at most chunkRows. */
        void predict(Matrix x, int from, int to, Matrix out, int chunkRows) {
            int inputs = x.cols();
            int outputs = out.cols();
            int rows = to - from;
            int chunks = ceilDiv(rows, chunkRows);
            for (int c = 0; c < chunks; c++) {
                int start = from + pieceStart(rows, chunks, c);
                int end = from + pieceStart(rows, chunks, c + 1);
                if (inference != null) {
                    inference.forward(x.data(), x.offset() + start * inputs, end - start, out.data(),
                            out.offset() + start * outputs);
                } else {
                    Matrix result = passes.forward(x.rowRange(start, end), false);
                    System.arraycopy(result.data(), result.offset(), out.data(), out.offset() + start * outputs,
                            (end - start) * outputs);
                }
            }
        }

        /** One row: {@code features} (through {@code row}, 1×inputs, for the plain loop) into {@code out}. */
        void predictRow(double[] features, Matrix row, double[] out) {
            if (inference != null) {
                inference.forward(features, 0, 1, out, 0);
                return;
            }
            System.arraycopy(features, 0, row.data(), row.offset(), row.cols());
            Matrix result = passes.forward(row, false);
            System.arraycopy(result.data(), result.offset(), out, 0, result.cols());
        }
    }

    /**
     * The reusable job of one split {@link #predict(Matrix, Matrix)}: lane t claims the next piece
     * until none is left.
     */
    private final class SplitRows implements RangeTask {
        private final AtomicInteger nextPiece = new AtomicInteger();
        private Matrix x;
        private Matrix out;
        private int pieces;

        void set(Matrix x, Matrix out, int pieces) {
            this.x = x;
            this.out = out;
            this.pieces = pieces;
            nextPiece.set(0);
        }

        void clear() {
            x = null;
            out = null;
        }

        @Override
        public void run(int from, int to) {
            int rows = x.rows();
            for (int t = from; t < to; t++) {
                for (int piece = nextPiece.getAndIncrement(); piece < pieces; piece = nextPiece.getAndIncrement()) {
                    lanes[t].predict(x, pieceStart(rows, pieces, piece), pieceStart(rows, pieces, piece + 1), out,
                            chunkRows);
                }
            }
        }
    }
}
