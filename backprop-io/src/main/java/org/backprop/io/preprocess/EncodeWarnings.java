package org.backprop.io.preprocess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What encoding rows for prediction met without failing: levels not seen in training (encoded as
 * the column's rare levels, or all zeros), missing cells in a column that had none in training. One
 * counter per column and kind. Not thread-safe: one instance per call.
 */
public final class EncodeWarnings {
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final Map<String, String> examples = new LinkedHashMap<>();

    void count(String column, String what, String example) {
        String key = column + "\u0000" + what;
        counts.computeIfAbsent(key, k -> new long[1])[0]++;
        if (example != null) {
            examples.putIfAbsent(key, example);
        }
    }

    /** True if nothing was counted. */
    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** One line per column and kind, e.g. {@code column "city": 3 rows with a level not seen in training ...}. */
    public List<String> messages() {
        List<String> out = new ArrayList<>();
        counts.forEach((key, n) -> {
            String[] parts = key.split("\u0000", 2);
            String example = examples.get(key);
            out.add("column \"" + parts[0] + "\": " + n[0] + (n[0] == 1 ? " row" : " rows") + " with " + parts[1]
                    + (example == null ? "" : " (e.g. \"" + example + "\")"));
        });
        return out;
    }
}
