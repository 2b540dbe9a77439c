package org.backprop.layer;

import java.util.List;

import org.backprop.kernel.Gemm;
import org.backprop.network.Parameter;
import org.backprop.op.Activation;
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
        this.operations = List.of(multiply, biasAdd, activation);
        this.initializerId = initializerId;
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

    @Override
    public String initializerSummary() {
        return initializerId;
    }

    @Override
    public String activationSummary() {
        return activation.id();
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
