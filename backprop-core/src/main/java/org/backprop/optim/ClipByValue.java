package org.backprop.optim;

/**
 * Clipping by value, as PyTorch's {@code clip_grad_value_(parameters, clip_value)}: every gradient
 * element g becomes {@code min(max(g, -clipValue), clipValue)}. NaN stays NaN.
 */
public final class ClipByValue implements GradientClipping {
    private static final long serialVersionUID = 1L;
    private final double clipValue;

    /** @param clipValue the largest allowed magnitude, finite and &gt; 0 */
    public ClipByValue(double clipValue) {
        if (!(clipValue > 0) || Double.isInfinite(clipValue)) {
            throw new IllegalArgumentException("clip value must be finite and > 0, got " + clipValue);
        }
        this.clipValue = clipValue;
    }

    /** The largest allowed magnitude. */
    public double clipValue() {
        return clipValue;
    }

    @Override
    public void clip(double[] grads) {
        for (int i = 0; i < grads.length; i++) {
            grads[i] = Math.min(Math.max(grads[i], -clipValue), clipValue);
        }
    }

    @Override
    public String toString() {
        return "clip by value " + clipValue;
    }
}
