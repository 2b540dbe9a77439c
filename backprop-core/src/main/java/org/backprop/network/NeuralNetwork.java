package org.backprop.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;
import org.backprop.kernel.Precision;
import org.backprop.layer.Layer;
import org.backprop.loss.Loss;
import org.backprop.op.WeightMultiply;
import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/**
 * Layers applied in order, a loss on their output, and all parameters in one flat buffer.
 *
 * <p>A training step is {@link #forwardLoss} then {@link #backward}; the gradients are then in
 * {@link #parameters()}{@code .grads()}. Buffers are reused between steps of the same batch size,
 * so a network is not thread-safe; {@link #predict} is, and may be called from many threads.
 * Build one with {@link NetworkBuilder}.
 */
public final class NeuralNetwork implements AutoCloseable {
    private final List<Layer> layers;
    private final Loss loss;
    private final ParameterBuffer parameters;
    private final Gemm gemm;
    private final boolean ownsGemm;
    private final Precision precision;

    NeuralNetwork(List<Layer> layers, Loss loss, ParameterBuffer parameters, Gemm gemm, boolean ownsGemm,
                  Precision precision) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        this.layers = Collections.unmodifiableList(new ArrayList<>(layers));
        this.loss = loss;
        this.parameters = parameters;
        this.gemm = gemm;
        this.ownsGemm = ownsGemm;
        this.precision = precision;
    }

    /** A builder for a network whose input rows have {@code inputs} columns. */
    public static NetworkBuilder builder(int inputs) {
        return new NetworkBuilder(inputs);
    }

    /** The layers in forward order. */
    public List<Layer> layers() {
        return layers;
    }

    /** The loss. */
    public Loss loss() {
        return loss;
    }

    /** All parameters and their gradients. */
    public ParameterBuffer parameters() {
        return parameters;
    }

    /** The kernel the layers compute with. */
    public Gemm gemm() {
        return gemm;
    }

    /** The precision of the matrix products. */
    public Precision precision() {
        return precision;
    }

    /** Number of input columns. */
    public int inputs() {
        return layers.get(0).inputs();
    }

    /** Number of output columns. */
    public int outputs() {
        return layers.get(layers.size() - 1).outputs();
    }

    /**
     * The network's output for {@code x} (n×inputs), n×outputs. The result is a buffer of the last
     * layer, overwritten by the next pass: copy it to keep it.
     */
    public Matrix forward(Matrix x, boolean training) {
        checkInput(x);
        Matrix out = x;
        for (int i = 0; i < layers.size(); i++) {
            WeightMultiply next = i + 1 < layers.size() ? layers.get(i + 1).inputConsumer() : null;
            out = layers.get(i).forward(out, training, next);
        }
        return out;
    }

    /** Forward pass in training mode and the loss against {@code y} (n×outputs). */
    public double forwardLoss(Matrix x, Matrix y) {
        return forwardLoss(x, y, null);
    }

    /**
     * As {@link #forwardLoss(Matrix, Matrix)} with per-row weights {@code weights} (n×1, or null
     * for none); see {@link Loss#forward(Matrix, Matrix, Matrix)} for how each loss weighs rows.
     */
    public double forwardLoss(Matrix x, Matrix y, Matrix weights) {
        return loss.forward(forward(x, true), y, weights);
    }

    /**
     * Back-propagates the loss of the last {@link #forwardLoss} through every layer, filling the
     * parameter gradients. The first layer's dL/dX is not computed.
     */
    public void backward() {
        backward(false);
    }

    /**
     * As {@link #backward()}; with {@code inputGradient} true the first layer's dL/dX is computed
     * too and returned (n×inputs, a buffer of the first operation), else null is returned.
     */
    public Matrix backward(boolean inputGradient) {
        Matrix grad = loss.backward();
        WeightMultiply next = null;
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer layer = layers.get(i);
            boolean belowFills = i > 0 && layers.get(i - 1).fillsDeferredOutputGrad();
            grad = layer.backward(grad, inputGradient || i > 0, next, belowFills);
            next = layer.inputConsumer();
        }
        return grad;
    }

    /**
     * The network's output for {@code x} in inference mode, in a new matrix. Safe to call from many
     * threads at once, as long as no thread trains the network meanwhile: each call runs on its
     * own operations that share this network's parameters.
     */
    public Matrix predict(Matrix x) {
        checkInput(x);
        try (Gemm single = Kernels.create(1, precision)) {
            Matrix out = x;
            for (Layer layer : layers) {
                out = layer.sharingParameters(single).forward(out, false);
            }
            return out.copy();
        }
    }

    /**
     * The probabilities the network's outputs stand for under its loss, for {@code x} (n×inputs),
     * in a new n×outputs matrix: {@code loss().probabilities(predict(x))}. With
     * {@link org.backprop.loss.SoftmaxCrossEntropy} the last layer emits logits and this applies the
     * row-wise softmax; with {@link org.backprop.loss.BinaryCrossEntropyWithLogits}, the sigmoid.
     * Thread-safe as {@link #predict}.
     *
     * @throws UnsupportedOperationException for a loss on plain predictions (e.g. MSE)
     */
    public Matrix predictProbabilities(Matrix x) {
        return loss.probabilities(predict(x));
    }

    /** The loss of {@code predict(x)} against {@code y}, without touching the training buffers. */
    public double evaluateLoss(Matrix x, Matrix y) {
        return loss.fresh().forward(predict(x), y);
    }

    private void checkInput(Matrix x) {
        if (x.cols() != inputs()) {
            throw new ShapeException("network input is " + x.shape() + " but the first layer "
                    + layers.get(0).name() + " expects " + inputs() + " columns");
        }
    }

    /** Shuts down the kernel's worker threads if this network created the kernel. */
    @Override
    public void close() {
        if (ownsGemm) {
            gemm.close();
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("NeuralNetwork[");
        for (Layer layer : layers) {
            sb.append(layer).append("; ");
        }
        return sb.append("loss ").append(loss).append(", ").append(parameters.size()).append(" parameters]")
                .toString();
    }
}
