package org.backprop.op;

import org.backprop.kernel.Float32Gemm;
import org.backprop.kernel.RangeTask;
import org.backprop.kernel.ThreadTeam;
import org.backprop.tensor.Matrix;

/**
 * The forward and backward passes of a {@link BiasAdd} and the {@link Activation} after it, each as
 * one pass over memory instead of two. Forward: P = N + B and A = f(P) row band by row band, each
 * band activated while it is in cache, with one synchronisation of the threads instead of two. Both
 * operations end in the state their own {@code forward} leaves (inputs, outputs), with bit-for-bit
 * the same values: every element is computed by the same code.
 *
 * <p>Backward is fused the same way: dL/dP = dL/dA · f'(P) and dL/dB's partial sums over the same
 * row blocks ({@link BiasAdd#SUM_BLOCK_ROWS}), each block summed while it is in cache, then the
 * block sums added in order: the bits {@link BiasAdd}'s own backward gives.
 *
 * <p>Not thread-safe, like the operations it runs.
 */
public final class BiasActivation {
    private final BiasAdd bias;
    private final Activation activation;
    private final ThreadTeam threads;
    private final RangeTask forwardRows = this::forwardRows;
    private final RangeTask backwardBlocks = this::backwardBlocks;
    private Matrix pendingOutputGrad;
    private Matrix pendingInputGrad;
    private WeightMultiply pendingGradProducer;
    private Float32Gemm.FloatCopy pendingCopy;
    private WeightMultiply pendingProducer;

    /**
     * @param bias       the + B operation (P = N + B)
     * @param activation the activation applied to P
     * @param threads    the team that shares the work (see {@link ThreadTeam#forRange})
     */
    public BiasActivation(BiasAdd bias, Activation activation, ThreadTeam threads) {
        this.bias = bias;
        this.activation = activation;
        this.threads = threads;
    }

    /** P = N + B and A = f(P) for {@code n} (rows × out); returns A, owned by the activation. */
    public Matrix forward(Matrix n) {
        return forward(n, null, null);
    }

    /**
     * N = X·W by {@code producer} on {@code input}, then this pass over N, as
     * {@link #forward(Matrix, WeightMultiply, WeightMultiply)}: under float32 the product stays in
     * float and this pass widens N band by band.
     */
    public Matrix forwardFrom(WeightMultiply producer, Matrix input, boolean training, WeightMultiply consumer) {
        producer.deferWidening();
        return forward(producer.forward(input, training), producer, consumer);
    }

    /**
     * As {@link #forward(Matrix)}, with the X·W operations on either side. When {@code producer}
     * (whose output N is) left N in float ({@link WeightMultiply#deferWidening}), each band of N is
     * widened first, in this pass. When {@code consumer} (the next layer's X·W operation, whose input
     * A is) runs its products on float copies, each band of A is also rounded into that copy while
     * it is in cache, so the consumer's forward need not make another pass over it. Either may be null.
     */
    public Matrix forward(Matrix n, WeightMultiply producer, WeightMultiply consumer) {
        Matrix p = bias.beginForward(n);
        Matrix a = activation.beginForward(p);
        Float32Gemm.FloatCopy copy = consumer == null ? null : consumer.inputCopyToFill(a.rows());
        if (copy != null) {
            copy.resize(a.size());
        }
        pendingCopy = copy;
        pendingProducer = producer != null && producer.outputInFloat() ? producer : null;
        try {
            threads.forRange(n.rows(), n.cols(), forwardRows);
        } finally {
            pendingCopy = null;
            if (pendingProducer != null) {
                pendingProducer.outputWidened();
                pendingProducer = null;
            }
        }
        if (copy != null) {
            consumer.inputCopyFilled(a);
        }
        return a;
    }

    /**
     * dL/dP = dL/dA · f'(P) and dL/dB = column sums of dL/dP, for {@code outputGrad} = dL/dA
     * (rows × out), after {@link #forward}; returns dL/dP, which is also dL/dN. Both operations end
     * in the state their own {@code backward} leaves.
     */
    public Matrix backward(Matrix outputGrad) {
        return backward(outputGrad, null);
    }

    /**
     * As {@link #backward(Matrix)}; when {@code consumer} (the X·W operation whose dL/dN this dL/dP
     * is) runs its products on float copies, each block of dL/dP is also rounded into that copy
     * while it is in cache, so the consumer's backward need not make another pass over it.
     */
    public Matrix backward(Matrix outputGrad, WeightMultiply consumer) {
        return backward(outputGrad, consumer, null);
    }

    /**
     * As {@link #backward(Matrix, WeightMultiply)}; when {@code producer} (the next layer's X·W
     * operation, whose dL/dX {@code outputGrad} is) left it unfilled
     * ({@link WeightMultiply#inputGradDeferred}), each block of it is filled first, in this pass.
     * Producer may be null.
     *
     * @throws IllegalArgumentException if {@code producer} deferred a dL/dX other than {@code outputGrad}
     */
    public Matrix backward(Matrix outputGrad, WeightMultiply consumer, WeightMultiply producer) {
        Matrix gradP = activation.beginBackward(outputGrad);
        bias.beginBackward(gradP);
        Float32Gemm.FloatCopy copy = consumer == null ? null : consumer.gradCopyToFill(gradP.rows());
        if (copy != null) {
            copy.resize(gradP.size());
        }
        pendingOutputGrad = outputGrad;
        pendingInputGrad = gradP;
        pendingCopy = copy;
        pendingGradProducer = deferredBy(producer, outputGrad);
        try {
            int blocks = bias.beginSums(gradP);
            threads.forRange(blocks, BiasAdd.SUM_BLOCK_ROWS * gradP.cols(), backwardBlocks);
            bias.finishSums(blocks);
            if (pendingGradProducer != null) {
                pendingGradProducer.inputGradFilled();
            }
        } finally {
            pendingOutputGrad = null;
            pendingInputGrad = null;
            pendingCopy = null;
            pendingGradProducer = null;
        }
        activation.endBackward(gradP);
        bias.endBackward(gradP);
        if (copy != null) {
            consumer.gradCopyFilled(gradP);
        }
        return gradP;
    }

    /** {@code producer} if it left {@code outputGrad} unfilled, else null. */
    private static WeightMultiply deferredBy(WeightMultiply producer, Matrix outputGrad) {
        if (producer == null || !producer.inputGradDeferred()) {
            return null;
        }
        if (producer.inputGrad() != outputGrad) {
            throw new IllegalArgumentException(producer.name() + " deferred its dL/dX " + producer.inputGrad().shape()
                    + ", but the gradient to fill is another matrix " + outputGrad.shape());
        }
        return producer;
    }

    private void backwardBlocks(int from, int to) {
        int cols = pendingInputGrad.cols();
        int rows = pendingInputGrad.rows();
        for (int b = from; b < to; b++) {
            int first = b * BiasAdd.SUM_BLOCK_ROWS;
            int end = Math.min(rows, first + BiasAdd.SUM_BLOCK_ROWS);
            if (pendingGradProducer != null) {
                pendingGradProducer.fillInputGradRows(first, end);
            }
            activation.backward(pendingOutputGrad, pendingInputGrad, first * cols, end * cols);
            bias.sumBlock(pendingInputGrad, b);
            if (pendingCopy != null) {
                pendingCopy.narrowRange(pendingInputGrad.data(), pendingInputGrad.offset() + first * cols,
                        first * cols, (end - first) * cols);
            }
        }
    }

    private void forwardRows(int from, int to) {
        if (pendingProducer != null) {
            pendingProducer.widenOutputRows(from, to);
        }
        bias.addRows(from, to);
        int cols = bias.output().cols();
        Matrix a = activation.output();
        activation.forward(bias.output(), a, from * cols, to * cols);
        if (pendingCopy != null) {
            pendingCopy.narrowRange(a.data(), a.offset() + from * cols, from * cols, (to - from) * cols);
        }
    }
}
