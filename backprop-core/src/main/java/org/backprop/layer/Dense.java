package org.backprop.layer;

import java.util.List;

import org.backprop.kernel.Gemm;
import org.backprop.network.Parameter;
import org.backprop.op.Activation;
import org.backprop.op.BiasActivation;
import org.backprop.op.BiasAdd;
import org.backprop.op.Operation;
import org.backprop.op.WeightMultiply;
import org.backprop.tensor.Matrix;

/**
 * A fully connected layer: N = X·W, P = N + B, A = f(P), with X n×in, W in×out, B 1×out and an
 * element-wise activation f. Its operations are {@link WeightMultiply}, {@link BiasAdd} and the
 * activation, in that order. W and B are views into the network's flat parameter buffer; their
 * initial values are set by the network (default: W ~ U(−1/√in, 1/√in), B = 0).
 */
public final class Dense extends Layer {
    private final Parameter weights;
    private final Parameter bias;
    private final WeightMultiply multiply;
    private final BiasAdd biasAdd;
    private final Activation activation;
    private final BiasActivation biasActivation;
    private final List<Operation> operations;
    private final String initializerId;

    /**
     * @param name       the layer's name
     * @param weights    W, in×out
     * @param bias       B, 1×out
     * @param activation f (this layer takes ownership; pass a fresh instance)
     * @param gemm       the kernel for the products
     */
    public Dense(String name, Parameter weights, Parameter bias, Activation activation, Gemm gemm) {
        this(name, weights, bias, activation, gemm, "unknown");
    }

    /**
     * As {@link #Dense(String, Parameter, Parameter, Activation, Gemm)}, remembering the id of the
     * initializer that set W (for summaries), e.g. {@code "fan_in_uniform"}.
     */
    public Dense(String name, Parameter weights, Parameter bias, Activation activation, Gemm gemm,
                 String initializerId) {
        super(name);
        if (bias.value().rows() != 1 || bias.value().cols() != weights.value().cols()) {
            throw new IllegalArgumentException(name + ": bias " + bias.value().shape()
                    + " does not match weights " + weights.value().shape());
        }
        this.weights = weights;
        this.bias = bias;
        this.multiply = new WeightMultiply(weights.value(), weights.grad(), gemm);
        this.biasAdd = new BiasAdd(bias.value(), bias.grad());
        this.biasAdd.parallelOn(gemm.team());
        this.activation = activation;
        this.activation.parallelOn(gemm.team());
        this.biasActivation = new BiasActivation(biasAdd, activation, gemm.team());
        this.operations = List.of(multiply, biasAdd, activation);
        this.initializerId = initializerId;
    }

    /** Runs the three operations, the bias add and the activation as one fused pass ({@link BiasActivation}). */
    @Override
    public Matrix forward(Matrix input, boolean training) {
        return forward(input, training, null);
    }

    /**
     * As {@link #forward(Matrix, boolean)}; under float32 the fused pass also widens N from the float
     * product and rounds A for {@code next}.
     */
    @Override
    public Matrix forward(Matrix input, boolean training, WeightMultiply next) {
        return biasActivation.forwardFrom(multiply, input, training, next);
    }

    /** The X·W operation. */
    @Override
    public WeightMultiply inputConsumer() {
        return multiply;
    }

    /**
     * Runs the activation's and the bias add's backward as one fused pass ({@link BiasActivation}),
     * which under float32 also rounds dL/dN for the X·W operation, then the X·W operation's.
     */
    @Override
    public Matrix backward(Matrix outputGrad, boolean wantInputGrad) {
        return backward(outputGrad, wantInputGrad, null, false);
    }

    /**
     * As {@link #backward(Matrix, boolean)}; the fused pass fills a dL/d output that {@code next}
     * deferred, and the X·W operation may defer its dL/dX ({@link WeightMultiply#backward(Matrix,
     * boolean, boolean)}).
     */
    @Override
    public Matrix backward(Matrix outputGrad, boolean wantInputGrad, WeightMultiply next, boolean deferInputGrad) {
        return multiply.backward(biasActivation.backward(outputGrad, multiply, next), wantInputGrad, deferInputGrad);
    }

    /** True: the fused backward pass fills a deferred dL/d output band by band. */
    @Override
    public boolean fillsDeferredOutputGrad() {
        return true;
    }

    @Override
    public List<Operation> operations() {
        return operations;
    }

    @Override
    public int inputs() {
        return weights.value().rows();
    }

    @Override
    public int outputs() {
        return weights.value().cols();
    }

    /** W (in×out). */
    public Parameter weights() {
        return weights;
    }

    /** B (1×out). */
    public Parameter bias() {
        return bias;
    }

    /** The activation operation. */
    public Activation activation() {
        return activation;
    }

    /** The X·W operation. */
    public WeightMultiply weightMultiply() {
        return multiply;
    }

    /** The + B operation. */
    public BiasAdd biasAdd() {
        return biasAdd;
    }

    /** The id of the initializer that set W, or {@code "unknown"}. */
    public String initializerId() {
        return initializerId;
    }

    /** N = X·W, P = N + B, A = f(P). */
    @Override
    public List<String> outputSymbols() {
        return List.of("N", "P", "A");
    }

    @Override
    public Layer sharingParameters(Gemm gemm) {
        return new Dense(name(), weights, bias, activation.fresh(), gemm, initializerId);
    }

    @Override
    public String toString() {
        return name() + ": Dense(" + inputs() + " → " + outputs() + ", " + activation.id() + ")";
    }
}
