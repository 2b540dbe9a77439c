package org.backprop.io.safetensors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content of a safetensors file: named tensors (in file/header order) and string metadata
 * (the header's {@code __metadata__}, empty if absent). Both maps are unmodifiable copies.
 */
public record SafetensorsFile(Map<String, Tensor> tensors, Map<String, String> metadata) {

    /** Copies both maps, keeping their iteration order. */
    public SafetensorsFile {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * The tensor called {@code name}.
     *
     * @throws IllegalArgumentException if there is none; the message lists the names present
     */
    public Tensor tensor(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no tensor \"" + name + "\"; present: " + tensors.keySet());
        }
        return t;
    }
}
