package org.backprop.seed;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Python's {@code repr(float)}, the way the seed notebook's {@code print} shows a loss: the shortest
 * decimal that reads back to the same double (the nearest such one when several have that length),
 * in fixed notation for decimal exponents −4 to 15 ({@code 0.0008325011117753618},
 * {@code 123456.0}) and in exponent notation outside ({@code 1e-05}, {@code 1.5e+16}).
 * {@link Double#toString} differs in both respects: it switches to exponent notation below 10⁻³,
 * and on JDK 17 it sometimes prints a digit more than needed. Checked against Python by
 * {@code python_repr_golden.py}.
 */
public final class PythonFloat {
    private static final int FIXED_FROM_EXPONENT = -4;
    private static final int FIXED_BELOW_EXPONENT = 16;
    private static final int MAX_DIGITS = 17;

    private PythonFloat() {
    }

    /** {@code repr(value)} as Python prints it, e.g. {@code 0.09170168485382324}, {@code 1e-05}, {@code nan}. */
    public static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(value).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String sign = value < 0 ? "-" : "";
        if (exponent >= FIXED_FROM_EXPONENT && exponent < FIXED_BELOW_EXPONENT) {
            return sign + fixed(digits, exponent);
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exponentText = String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exponentText;
    }

    /** The shortest decimal that rounds back to {@code value}; of those, the nearest to it. */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= MAX_DIGITS; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            BigDecimal unit = nearest.ulp();
            BigDecimal best = null;
            for (BigDecimal candidate : new BigDecimal[] {nearest, nearest.subtract(unit), nearest.add(unit)}) {
                if (candidate.doubleValue() == value && (best == null
                        || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return exact.round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN));
    }

    /** {@code digits} (d₁d₂…, no sign) × 10^(exponent − digits + 1) in fixed notation with at least one decimal. */
    private static String fixed(String digits, int exponent) {
        if (exponent < 0) {
            return "0." + "0".repeat(-exponent - 1) + digits;
        }
        if (digits.length() <= exponent + 1) {
            return digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
        }
        return digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }
}
