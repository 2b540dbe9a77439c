package org.backprop.io.csv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct non-number texts of a column read for numbers, most common first, for an error that
 * would otherwise quote only the first: a user who sees {@code "-" 5 times, "." 3 times} fixes both
 * at once instead of one per run.
 */
public final class NonNumberTexts {
    /** Texts named at most; the others are counted. */
    public static final int SHOWN = 5;

    private NonNumberTexts() {
    }

    /**
     * The most common non-number texts of {@code c} with their counts ({@code "-" 5 times, "." 3 times,
     * and 2 other texts}), stripped of spaces and tabs; null if the column has no non-number, kept no
     * text or was not read for numbers.
     */
    public static String describe(Column c) {
        if (!c.hasNumbers() || !c.hasText() || c.nonNumberCount() == 0) {
            return null;
        }
        Map<Integer, Integer> countOfCode = new LinkedHashMap<>();
        for (int r = 0; r < c.rows(); r++) {
            int code = c.code(r);
            if (code != Column.MISSING && Double.isNaN(c.number(r))) {
                countOfCode.merge(code, 1, Integer::sum);
            }
        }
        Map<String, Integer> countOfText = new LinkedHashMap<>();
        countOfCode.forEach((code, n) -> countOfText.merge(MissingValues.strip(c.level(code)), n, Integer::sum));
        List<Map.Entry<String, Integer>> common = new ArrayList<>(countOfText.entrySet());
        common.sort(Comparator.comparing(Map.Entry<String, Integer>::getValue).reversed()); // stable: first seen first
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(SHOWN, common.size()); i++) {
            Map.Entry<String, Integer> e = common.get(i);
            sb.append(i == 0 ? "" : ", ").append('"').append(e.getKey()).append("\" ").append(e.getValue())
                    .append(e.getValue() == 1 ? " time" : " times");
        }
        int others = common.size() - SHOWN;
        if (others > 0) {
            sb.append(", and ").append(others).append(others == 1 ? " other text" : " other texts");
        }
        return sb.toString();
    }
}
