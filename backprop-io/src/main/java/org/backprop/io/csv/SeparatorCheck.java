package org.backprop.io.csv;

import org.backprop.io.DataException;
import org.backprop.io.OptionName;

/**
 * Detects a file that was written with another separator than the one it is read with: if the
 * header has a single column and that name, or the first data cell, contains one of the other
 * separators ({@code , ; tab |}), the file is refused; a quoted header name followed by one of them
 * gets the same hint ({@link #hintAfterQuote}).
 */
final class SeparatorCheck {
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};

    private SeparatorCheck() {
    }

    /**
     * Throws if {@code text} (the only cell on {@code line}) looks like a row of a separator other
     * than {@code separator}.
     */
    static void requireSeparatedBy(char separator, String source, long line, String columnName, String text) {
        char best = 0;
        long bestCount = 0;
        for (char candidate : CANDIDATES) {
            long count = candidate == separator ? 0 : text.chars().filter(ch -> ch == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        if (bestCount > 0) {
            throw DataException.in(source).line(line).column(1, columnName).text(text).naming(OptionName.separator(best))
                    .problem("looks like " + describe(best) + "-separated; " + expected(separator, best));
        }
    }

    /**
     * For an unexpected byte after a quoted cell: if it is on the header line and another of the
     * separators (a header of quoted names, {@code "a";"b"}), a hint saying so, else "".
     */
    static String hintAfterQuote(byte separator, long line, byte b) {
        if (line == 1) {
            for (char candidate : CANDIDATES) {
                if (b == candidate && b != separator) {
                    return "; the file looks like " + describe(candidate) + "-separated and "
                            + expected((char) separator, candidate);
                }
            }
        }
        return "";
    }

    private static String expected(char separator, char found) {
        return (separator == ',' ? "this reader expects commas" : "this reader expects " + describe(separator))
                + " (read it with " + OptionName.separator(found) + ")";
    }

    private static String describe(char separator) {
        return separator == '\t' ? "'\\t' (tab)" : "'" + separator + "'";
    }
}
