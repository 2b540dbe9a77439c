package org.backprop.optim;

/**
 * Rewrites the flat gradient buffer in place before an optimizer update, as PyTorch's
 * {@code torch.nn.utils.clip_grad_value_} and {@code clip_grad_norm_} do when called between
 * {@code backward()} and {@code optimizer.step()}. Clipping acts on the whole network's gradient
 * (every parameter together), and the clipped values stay in the gradient buffer.
 */
@FunctionalInterface
public interface GradientClipping extends java.io.Serializable {

    /** Clips {@code grads} in place. */
    void clip(double[] grads);

    /** Leaves the gradients unchanged. */
    static GradientClipping none() {
        return new GradientClipping() {
            @Override
            public void clip(double[] grads) {
            }

            @Override
            public String toString() {
                return "no clipping";
            }
        };
    }

    /** Clamps every gradient element to {@code [-clipValue, clipValue]}; see {@link ClipByValue}. */
    static GradientClipping byValue(double clipValue) {
        return new ClipByValue(clipValue);
    }

    /** Rescales the whole gradient so its L2 norm is at most about {@code maxNorm}; see {@link ClipByNorm}. */
    static GradientClipping byNorm(double maxNorm) {
        return new ClipByNorm(maxNorm);
    }
}
