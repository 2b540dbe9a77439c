package org.backprop.network;

/** What a parameter is, so that optimizers can treat groups differently (as PyTorch's param groups). */
public enum ParamKind {
    /** A weight matrix W (in×out). */
    WEIGHT,
    /** A bias row B (1×out). */
    BIAS
}
