package org.backprop.io.csv;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Locale-independent parsing of decimal numbers with {@link Double#parseDouble} semantics, restricted
 * to plain decimal notation: optional sign, digits with an optional {@code '.'} fraction, optional
 * exponent; surrounding ASCII whitespace is ignored. Refused: empty cells, NaN and infinities in
 * any spelling, hexadecimal floats, type suffixes such as {@code 1d}/{@code 1f}, and values whose
 * magnitude overflows to infinity (e.g. {@code 1e400}). Values that underflow become (signed) zero.
 */
public final class StrictNumbers {
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?[0-9]*,[0-9]+");

    private StrictNumbers() {
    }

    /**
     * Parses {@code text} as a finite double.
     *
     * @throws NumberFormatException whose message says why the text was refused (without the text)
     */
    public static double parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new NumberFormatException("missing value (empty cell)");
        }
        if (!isDecimal(s)) {
            throw new NumberFormatException(whyNotDecimal(s));
        }
        double value = Double.parseDouble(s);
        if (Double.isInfinite(value)) {
            throw new NumberFormatException("number too large: overflows a double (limit about 1.8e308)");
        }
        return value;
    }

    /**
     * True if {@code s} is {@code [+-]?(digits(.digits?)?|.digits)([eE][+-]?digits)?}: a hand-written
     * scan, because a regular expression per cell dominated the time to read large files.
     */
    static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = digits(s, i);
        i += intDigits;
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            fracDigits = digits(s, i + 1);
            i += 1 + fracDigits;
        }
        if (intDigits == 0 && fracDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = digits(s, i);
            if (expDigits == 0) {
                return false;
            }
            i += expDigits;
        }
        return i == n;
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    private static String whyNotDecimal(String s) {
        String unsigned = s.toLowerCase(Locale.ROOT).replaceFirst("^[+-]", "");
        if (unsigned.startsWith("nan") || unsigned.startsWith("inf")) {
            return "NaN and infinite values are not allowed";
        }
        if (unsigned.startsWith("0x")) {
            return "hexadecimal numbers are not allowed";
        }
        if (DECIMAL_COMMA.matcher(s).matches()) {
            return "not a number (use '.' as the decimal separator)";
        }
        return "not a number";
    }
}
