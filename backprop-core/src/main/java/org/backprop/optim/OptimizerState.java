package org.backprop.optim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of an optimizer: its step count and its named per-parameter buffers (momentum,
 * moments), each as long as the flat parameter buffer. Restoring it makes training resume bit-exactly.
 *
 * @param optimizer the optimizer's id, e.g. {@code "adam"}
 * @param step      the number of steps taken
 * @param buffers   copies of the state buffers by name
 */
public record OptimizerState(String optimizer, long step, Map<String, double[]> buffers) {

    public OptimizerState {
        Map<String, double[]> copy = new LinkedHashMap<>();
        buffers.forEach((k, v) -> copy.put(k, v.clone()));
        buffers = java.util.Collections.unmodifiableMap(copy);
    }

    /** Exact equality of every field and buffer. */
    public boolean sameAs(OptimizerState other) {
        if (!optimizer.equals(other.optimizer) || step != other.step
                || !buffers.keySet().equals(other.buffers.keySet())) {
            return false;
        }
        for (var e : buffers.entrySet()) {
            if (!Arrays.equals(e.getValue(), other.buffers.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
