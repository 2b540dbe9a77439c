package org.backprop.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;
import org.backprop.kernel.Precision;
import org.backprop.kernel.ThreadTeam;
import org.backprop.layer.Layer;
import org.backprop.loss.Loss;
import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/**
 * Layers applied in order, a loss on their output, and all parameters in one flat buffer.
 *
 * <p>A training step is {@link #forwardLoss} then {@link #backward}; the gradients are then in
 * {@link #parameters()}{@code .grads()}. Buffers are reused between steps of the same batch size,
 * so a network is not thread-safe; {@link #predict} is, and may be called from many threads.
 * Build one with {@link NetworkBuilder}, from a {@link NetworkSpec}.
 *
 * <p>The passes run the {@link PlainLoop} (each layer's operations forward, then backward in
 * reverse) or, when one applies, the network's {@link DensePlan}: the same values, bit for bit, in
 * both precisions, in fewer passes over memory.
 */
public final class NeuralNetwork implements AutoCloseable {
    private final NetworkSpec spec;
    private final List<Layer> layers;
    private final Loss loss;
    private final ParameterBuffer parameters;
    private final Gemm gemm;
    private final boolean ownsGemm;
    private final Precision precision;
    /** The fast plan for these layers on this kernel, or their plain loop. */
    private final Passes passes;

    NeuralNetwork(NetworkSpec spec, List<Layer> layers, Loss loss, ParameterBuffer parameters, Gemm gemm, boolean ownsGemm,
                  Precision precision) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        this.spec = spec;
        this.layers = Collections.unmodifiableList(new ArrayList<>(layers));
        this.loss = loss;
        this.parameters = parameters;
        this.gemm = gemm;
        this.ownsGemm = ownsGemm;
        this.precision = precision;
        this.passes = Passes.of(this.layers, gemm, parameters);
    }

    /** A builder for a network whose input rows have {@code inputs} columns. */
    public static NetworkBuilder builder(int inputs) {
        return new NetworkBuilder(NetworkSpec.of(inputs));
    }

    /** A builder starting from {@code spec} (more layers may be added; seed, threads etc. to set). */
    public static NetworkBuilder builder(NetworkSpec spec) {
        return new NetworkBuilder(spec);
    }

    /** The description this network was built from: layers with every hyperparameter, loss, initializer. */
    public NetworkSpec spec() {
        return spec;
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

    /** The threads the network computes with: its kernel's {@link Gemm#team() team}. */
    public ThreadTeam team() {
        return gemm.team();
    }

    /** True when the passes run the network's fused plan, false when they run the plain loop. */
    boolean runsPlan() {
        return !(passes instanceof PlainLoop);
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
        return passes.forward(x, training);
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
        return passes.backward(loss.backward(), inputGradient);
    }

    /**
     * The network's output for {@code x} in inference mode, in a new matrix. Safe to call from many
     * threads at once, as long as no thread trains the network meanwhile: each call runs on its
     * own operations that share this network's parameters. The values of {@code x} are not checked
     * (unlike {@link org.backprop.train.Trainer#fit}'s data): a NaN or infinite input gives NaN or
     * infinite outputs in its row, as in PyTorch.
     */
    public Matrix predict(Matrix x) {
        checkInput(x);
        try (Gemm single = Kernels.create(1, precision)) {
            List<Layer> own = layers.stream().map(layer -> layer.sharingParameters(single)).toList();
            return Passes.of(own, single).forward(x, false).copy();
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

    /**
     * Shuts down the kernel's worker threads if this network created the kernel (a kernel passed to
     * the builder is the caller's to close). Closing frees no parameters and does not end the
     * network: {@link #predict}, {@link #predictProbabilities}, {@link Predictor} and
     * {@link SharedPredictor} compute on kernels of their own and keep working, and so does
     * everything on a one-thread network; on a network of several threads, a forward or backward
     * pass (training) may throw {@link IllegalStateException} ("thread team is closed") once a
     * product is large enough to split. Closing twice does nothing more.
     */
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
