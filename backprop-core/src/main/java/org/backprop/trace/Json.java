package org.backprop.trace;

import java.util.Locale;

/**
 * The few pieces of JSON the trace export needs, hand-written (the core module has no
 * dependencies). Strings are escaped per RFC 8259; finite numbers are written with
 * {@link Double#toString(double)}, whose output is a valid JSON number; NaN and ±∞, which JSON
 * cannot represent, are written as the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"}.
 */
final class Json {
    private Json() {
    }

    /** {@code value} as a quoted, escaped JSON string. */
    static String string(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** {@code value} as a JSON number, or as a string for NaN and ±∞. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "\"NaN\"";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "\"Infinity\"" : "\"-Infinity\"";
        }
        return Double.toString(value);
    }
}
