package org.backprop.io.csv;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The header name a mistyped column name most likely meant, for "did you mean" in the error: a name
 * equal but for case, spaces, dots, dashes and underscores ({@code HWY}, {@code sale price} for
 * {@code Sale_Price}), else the one nearest in edit distance (Levenshtein, case-blind) if it is
 * within 2 edits and at most a third of the name's length ({@code hwyy} → {@code hwy}), the first
 * such in header order. Nothing when no name is that close: a guess far off misleads more than it
 * helps.
 */
public final class ClosestName {
    private ClosestName() {
    }

    /** The name of {@code names} that {@code typed} most likely meant, if any is close. */
    public static Optional<String> among(String typed, List<String> names) {
        String key = folded(typed);
        for (String name : names) {
            if (!name.equals(typed) && folded(name).equals(key)) {
                return Optional.of(name);
            }
        }
        String lower = typed.toLowerCase(Locale.ROOT);
        int limit = Math.min(2, lower.length() / 3);
        String best = null;
        int bestDistance = limit + 1;
        for (String name : names) {
            int d = distance(lower, name.toLowerCase(Locale.ROOT), bestDistance);
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String folded(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s._-]", "");
    }

    /** Levenshtein distance of {@code a} and {@code b}, or {@code cap} if it is at least {@code cap}. */
    static int distance(String a, String b, int cap) {
        if (Math.abs(a.length() - b.length()) >= cap) {
            return cap;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= cap) {
                return cap;
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return Math.min(previous[b.length()], cap);
    }
}
