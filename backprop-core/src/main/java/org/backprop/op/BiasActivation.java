package org.backprop.op;

import org.backprop.kernel.Gemm;
import org.backprop.kernel.RangeTask;
import org.backprop.tensor.Matrix;

/**
 * The forward pass of a {@link BiasAdd} and the {@link Activation} after it as one pass over memory
 * instead of two: P = N + B and A = f(P) row band by row band, each band activated while it is in
 * cache, with one synchronisation of the threads instead of two. Both operations end in the state
 * their own {@code forward} leaves (inputs, outputs), with bit-for-bit the same values: every
 * element is computed by the same code.
 *
 * <p>Backward stays two passes (the operations' own): the mask runs over row bands and dL/dB over
 * column bands, so each column sum still adds the rows in order. A fused pass over column bands was
 * slower (see backprop-bench/KERNELS.md): the threads' halves of every row meet inside a cache line.
 *
 * <p>Not thread-safe, like the operations it runs.
 */
public final class BiasActivation {
    private final BiasAdd bias;
    private final Activation activation;
    private final Gemm threads;
    private final RangeTask forwardRows = this::forwardRows;

    /**
     * @param bias       the + B operation (P = N + B)
     * @param activation the activation applied to P
     * @param threads    the kernel whose threads share the work (see {@link Gemm#parallelFor})
     */
    public BiasActivation(BiasAdd bias, Activation activation, Gemm threads) {
        this.bias = bias;
        this.activation = activation;
        this.threads = threads;
    }

    /** P = N + B and A = f(P) for {@code n} (rows × out); returns A, owned by the activation. */
    public Matrix forward(Matrix n) {
        Matrix p = bias.beginForward(n);
        activation.beginForward(p);
        threads.parallelFor(n.rows(), n.cols(), forwardRows);
        return activation.output();
    }

    private void forwardRows(int from, int to) {
        bias.addRows(from, to);
        int cols = bias.output().cols();
        activation.forward(bias.output(), activation.output(), from * cols, to * cols);
    }
}
