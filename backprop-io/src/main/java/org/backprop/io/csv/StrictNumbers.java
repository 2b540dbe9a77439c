package org.backprop.io.csv;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Locale-independent parsing of decimal numbers with {@link Double#parseDouble} semantics, restricted
 * to plain decimal notation: optional sign, digits with an optional {@code '.'} fraction, optional
 * exponent; surrounding spaces and tabs are ignored (only those: a control character next to a
 * number, such as {@code 16\u0012} or a NUL before a digit, makes the cell not a number). Refused:
 * empty cells, NaN and infinities in any spelling, hexadecimal floats, type suffixes such as
 * {@code 1d}/{@code 1f}, and values whose magnitude overflows to infinity (e.g. {@code 1e400}).
 * Values that underflow become (signed) zero.
 */
public final class StrictNumbers {
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?[0-9]*,[0-9]+");
    private static final Pattern GROUPED = Pattern.compile("[+-]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?");

    private StrictNumbers() {
    }

    /**
     * Parses {@code text} as a finite double.
     *
     * @throws NumberFormatException whose message says why the text was refused (without the text)
     */
    public static double parse(String text) {
        String s = strip(text);
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

    /** {@code text} without leading and trailing spaces and tabs. */
    static String strip(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && isBlank(text.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }

    static boolean isBlank(int c) {
        return c == ' ' || c == '\t';
    }

    /** Powers of ten that are exact doubles. */
    private static final double[] EXACT_POWERS = new double[23];

    static {
        EXACT_POWERS[0] = 1;
        for (int i = 1; i < EXACT_POWERS.length; i++) {
            EXACT_POWERS[i] = EXACT_POWERS[i - 1] * 10;
        }
    }

    /**
     * Parses the UTF-8 bytes {@code [from, to)} (already stripped of spaces and tabs) like
     * {@link #parse(String)}, returning NaN instead of throwing for anything that is not a finite
     * decimal number (NaN is never a valid result): no allocation for the common short decimals.
     * The result equals {@link Double#parseDouble}'s: short mantissas (below 2^53) with small
     * exponents (|e| ≤ 22) are one correctly rounded multiplication or division of exact doubles
     * (Clinger's fast path); other mantissas of up to 19 significant digits go through
     * {@link EiselLemire}; what neither decides goes through {@link Double#parseDouble}.
     */
    static double parseOrNaN(byte[] s, int from, int to) {
        return parseOrNaN(s, from, to, (byte) '.');
    }

    /** As {@link #parseOrNaN(byte[], int, int)} with {@code point} ('.' or ',') as the decimal mark. */
    static double parseOrNaN(byte[] s, int from, int to, byte point) {
        int i = from;
        boolean negative = false;
        if (i < to && (s[i] == '+' || s[i] == '-')) {
            negative = s[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int intDigits = 0;
        for (; i < to && s[i] >= '0' && s[i] <= '9'; i++, intDigits++) {
            mantissa = mantissa * 10 + (s[i] - '0');
            significant += significant > 0 || s[i] != '0' ? 1 : 0;
        }
        int fracDigits = 0;
        if (i < to && s[i] == point) {
            for (i++; i < to && s[i] >= '0' && s[i] <= '9'; i++, fracDigits++) {
                mantissa = mantissa * 10 + (s[i] - '0');
                significant += significant > 0 || s[i] != '0' ? 1 : 0;
            }
        }
        if (intDigits + fracDigits == 0 || significant > 19) {
            return intDigits + fracDigits == 0 ? Double.NaN : slow(s, from, to, point);
        }
        long exponent = 0;
        if (i < to && (s[i] == 'e' || s[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (s[i] == '+' || s[i] == '-')) {
                negativeExponent = s[i] == '-';
                i++;
            }
            int expDigits = 0;
            for (; i < to && s[i] >= '0' && s[i] <= '9'; i++, expDigits++) {
                exponent = Math.min(exponent * 10 + (s[i] - '0'), 1_000_000);
            }
            if (expDigits == 0) {
                return Double.NaN;
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (i != to) {
            return Double.NaN;
        }
        long e = exponent - fracDigits;
        if (mantissa >= 0 && mantissa < (1L << 53) && Math.abs(e) < EXACT_POWERS.length) {
            double value = e >= 0 ? mantissa * EXACT_POWERS[(int) e] : mantissa / EXACT_POWERS[(int) -e];
            return negative ? -value : value;
        }
        double value = EiselLemire.toDouble(mantissa, e, negative);
        return Double.isNaN(value) ? slow(s, from, to, point) : value;
    }

    private static double slow(byte[] s, int from, int to, byte point) {
        String text = new String(s, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (point != '.') {
            if (text.indexOf('.') >= 0) {
                return Double.NaN;
            }
            text = text.replace((char) point, '.');
        }
        if (!isDecimal(text)) {
            return Double.NaN;
        }
        double value = Double.parseDouble(text);
        return Double.isInfinite(value) ? Double.NaN : value;
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

    /**
     * True if {@code text} (spaces and tabs around it ignored) is a number written with a comma: a
     * decimal comma ({@code 39,1}) or thousands separators ({@code 59,222}, {@code 1,234.5}).
     */
    public static boolean writtenWithComma(String text) {
        if (text == null) {
            return false;
        }
        String s = strip(text);
        return DECIMAL_COMMA.matcher(s).matches() || GROUPED.matcher(s).matches();
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
