package org.backprop.io.csv;

import org.backprop.io.DataException;

/**
 * Detects a file that was written with another separator: if the header has a single column and
 * that name, or the first data cell, contains {@code ';'}, a tab or {@code '|'}, the file is refused.
 */
final class SeparatorCheck {
    private static final char[] CANDIDATES = {';', '\t', '|'};

    private SeparatorCheck() {
    }

    /** Throws if {@code text} (the only cell on {@code line}) looks like a row of another separator. */
    static void requireCommaSeparated(String source, long line, String columnName, String text) {
        char best = 0;
        long bestCount = 0;
        for (char candidate : CANDIDATES) {
            long count = text.chars().filter(ch -> ch == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        if (bestCount > 0) {
            throw DataException.in(source).line(line).column(1, columnName).text(text)
                    .problem("looks like " + describe(best) + "-separated; this reader expects commas");
        }
    }

    private static String describe(char separator) {
        return separator == '\t' ? "'\\t' (tab)" : "'" + separator + "'";
    }
}
