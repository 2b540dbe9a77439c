package org.backprop.seed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.backprop.tensor.Matrix;

/** An insertion-ordered, read-only set of matrices looked up by name, like the notebooks' result dicts. */
public final class NamedMatrices {
    private final Map<String, Matrix> byName;

    private NamedMatrices(Map<String, Matrix> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** Builds the set from alternating name, matrix arguments: {@code of("X", x, "N", n)}. */
    static NamedMatrices of(Object... namesAndMatrices) {
        if (namesAndMatrices.length % 2 != 0) {
            throw new IllegalArgumentException("expected name, matrix pairs");
        }
        Map<String, Matrix> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndMatrices.length; i += 2) {
            map.put((String) namesAndMatrices[i], (Matrix) namesAndMatrices[i + 1]);
        }
        return new NamedMatrices(map);
    }

    /** The matrix called {@code name}; fails naming the known names if there is none. */
    public Matrix get(String name) {
        Matrix m = byName.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no matrix named " + name + "; known: " + byName.keySet());
        }
        return m;
    }

    /** All matrices by name, in the order the notebook lists them (read-only). */
    public Map<String, Matrix> asMap() {
        return byName;
    }
}
