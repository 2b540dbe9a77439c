package org.backprop.io.csv;

import org.backprop.io.DataException;

/**
 * Detects a file that was written with another separator: if the header has a single column and
 * that name, or the first data cell, contains {@code ';'}, a tab or {@code '|'}, the file is refused;
 * a quoted header name followed by one of them gets the same hint ({@link #hintAfterQuote}).
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

    /**
     * For an unexpected byte after a quoted cell: if it is on the header line and one of the other
     * separators (a header of quoted names, {@code "a";"b"}), a hint saying so, else "".
     */
    static String hintAfterQuote(long line, byte b) {
        if (line == 1) {
            for (char candidate : CANDIDATES) {
                if (b == candidate) {
                    return "; the file looks like " + describe(candidate) + "-separated and this reader expects commas";
                }
            }
        }
        return "";
    }

    private static String describe(char separator) {
        return separator == '\t' ? "'\\t' (tab)" : "'" + separator + "'";
    }
}
