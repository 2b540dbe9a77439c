package org.backprop.io.preprocess;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backprop.io.csv.Column;

/**
 * A way of writing values that a text column can share and that backprop does not read as numbers,
 * so that {@code train} can name it instead of silently treating the column as categories or as an
 * identifier, or of refusing a column of mostly plain numbers without saying what the others are. The values are never reinterpreted: is {@code 11.4%} the number 11.4 or 0.114? Is
 * {@code 2001-01-22} a day count, or a year, a month and a weekday? The user decides, in the file.
 *
 * <p>A column has a shape when every distinct non-missing text, spaces and tabs around it stripped,
 * is written that way ({@link #find}):
 * <ul>
 *   <li>{@link #DATES}: {@code 2001-01-22}, {@code 2001/1/22}, {@code 22.01.2001}, {@code 1/22/2001}
 *       (a four-digit year first or last, the same separator {@code - / .} twice, a month and a day
 *       in range), each optionally followed by a time ({@code T} or a space, then {@code 13:05},
 *       {@code 13:05:59.5}, {@code 1:05 PM}) and a zone ({@code Z}, {@code +01:00});</li>
 *   <li>{@link #PERCENTAGES}: a decimal number followed by {@code %} ({@code 11.4%}, {@code -3 %},
 *       {@code 0,5%}); plain numbers may be mixed in;</li>
 *   <li>{@link #AMOUNTS}: a decimal number with a currency sign ({@code $ € £ ¥ ₹ ₩ ₽ ₺ ₪ ₫ ¢}) before
 *       or after it, or with thousands separators ({@code $18,611}, {@code 1,234.50},
 *       {@code 1.234,50 €}, {@code -$5}, {@code ($5)}); plain numbers may be mixed in, at least one
 *       value has a sign or a separator.</li>
 * </ul>
 */
public enum TextShape {
    /** Calendar dates, with or without a time of day. */
    DATES("dates") {
        @Override
        boolean matches(String s) {
            Matcher m = DATE.matcher(s);
            if (!m.matches()) {
                return false;
            }
            if (m.group("y1") != null) {
                return plausibleYear(m.group("y1")) && inRange(m.group("m1"), 12) && inRange(m.group("d1"), 31);
            }
            return plausibleYear(m.group("y2")) && inRange(m.group("a"), 31) && inRange(m.group("b"), 31)
                    && (inRange(m.group("a"), 12) || inRange(m.group("b"), 12));
        }

        @Override
        boolean marked(String s) {
            return true;
        }

        @Override
        String advice(String example) {
            return "backprop does not read dates; add numeric columns derived from it (e.g. year, month, day of week)";
        }
    },
    /** Numbers followed by a percent sign. */
    PERCENTAGES("percentages") {
        @Override
        boolean matches(String s) {
            return PERCENT.matcher(s).matches() || PLAIN.matcher(s).matches();
        }

        @Override
        boolean marked(String s) {
            return s.indexOf('%') >= 0;
        }

        @Override
        String advice(String example) {
            BigDecimal value = new BigDecimal(example.replace("%", "").replace(',', '.').replace(" ", "")
                    .replace("\t", ""));
            return writePlainNumbers(value.toPlainString() + " or " + value.movePointLeft(2).toPlainString());
        }
    },
    /** Money amounts: numbers with a currency sign or thousands separators. */
    AMOUNTS("amounts with a currency sign or thousands separators") {
        @Override
        boolean matches(String s) {
            return amount(s) != null;
        }

        @Override
        boolean marked(String s) {
            Matcher m = amount(s);
            return m != null && (m.group("sign1") != null || m.group("sign2") != null || m.group("us") != null
                    || m.group("eu") != null);
        }

        @Override
        String advice(String example) {
            Matcher m = amount(example);
            if (m == null) {
                throw new IllegalArgumentException("not an amount: " + example);
            }
            String digits = m.group("us") != null ? m.group("us").replace(",", "")
                    : m.group("eu") != null ? m.group("eu").replace(".", "").replace(',', '.')
                    : m.group("plain").replace(',', '.');
            boolean negative = example.startsWith("(") ^ ("-".equals(m.group("minus1")) || "-".equals(m.group("minus2")));
            return writePlainNumbers((negative ? "-" : "") + new BigDecimal(digits).toPlainString());
        }
    };

    private static final String TIME = "(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?: ?[AaPp][Mm])?"
            + "(?: ?(?:Z|[+-]\\d{2}(?::?\\d{2})?))?)?";
    private static final Pattern DATE = Pattern.compile("(?:(?<y1>\\d{4})(?<s1>[-/.])(?<m1>\\d{1,2})\\k<s1>(?<d1>\\d{1,2})"
            + "|(?<a>\\d{1,2})(?<s2>[-/.])(?<b>\\d{1,2})\\k<s2>(?<y2>\\d{4}))" + TIME);
    private static final String NUMBER = "(?:\\d+(?:[.,]\\d*)?|[.,]\\d+)";
    private static final Pattern PLAIN = Pattern.compile("[+-]?" + NUMBER);
    private static final Pattern PERCENT = Pattern.compile("[+-]?" + NUMBER + " ?%");
    private static final String CURRENCY = "[$€£¥₹₩₽₺₪₫¢]";
    /** An amount; the accounting style's parentheses around a negative amount are taken off first ({@link #amount}). */
    private static final Pattern AMOUNT = Pattern.compile("(?<minus1>[+-])? ?(?<sign1>" + CURRENCY
            + ")? ?(?<minus2>[+-])?(?:(?<us>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?)|(?<plain>" + NUMBER + ")"
            + "|(?<eu>\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?)) ?(?<sign2>" + CURRENCY + ")?");

    private final String plural;

    TextShape(String plural) {
        this.plural = plural;
    }

    /**
     * A shape every distinct text of a column has, and the text that shows it: the least marked
     * text in {@link String#compareTo} order, so that a table read whole and one read in parts
     * (Spark partitions, whose texts are summed without their file order) store the same reason.
     *
     * @param shape   the shape
     * @param example a value as written, e.g. {@code "11.4%"}
     */
    public record Found(TextShape shape, String example) {
        /** {@code looks like percentages ("11.4%")}. */
        public String looksLike() {
            return "looks like " + shapeAndExample();
        }

        /** {@code percentages ("11.4%")}. */
        public String shapeAndExample() {
            return shape.plural + " (\"" + example + "\")";
        }

        /** What backprop does with such a column and what the user can do, e.g. "backprop does not read dates; …". */
        public String advice() {
            return shape.advice(example.strip());
        }
    }

    /** True if {@code s} (stripped) is written this way, or is a plain number this shape allows. */
    abstract boolean matches(String s);

    /** True if {@code s}, which {@link #matches}, carries this shape's mark (a {@code %}, a currency sign, …). */
    abstract boolean marked(String s);

    /** The advice for a column of this shape, {@code example} being a marked value, stripped. */
    abstract String advice(String example);

    /**
     * The shape of {@code texts} (distinct non-missing cell texts, in any order): the first shape,
     * in declaration order, that every text {@link #matches} and at least one carries the mark of,
     * with the least marked text as the example; null if none. Stops at the first text that fits
     * no shape, so an ordinary text column costs a few comparisons.
     */
    public static Found find(Collection<String> texts) {
        for (TextShape shape : values()) {
            String example = shape.example(texts);
            if (example != null) {
                return new Found(shape, example);
            }
        }
        return null;
    }

    /** The shape of the distinct texts of {@code column} (see {@link #find(Collection)}); null if it kept no text. */
    public static Found find(Column column) {
        if (!column.hasText()) {
            return null;
        }
        return find(new AbstractList<>() {
            @Override
            public String get(int code) {
                return column.level(code);
            }

            @Override
            public int size() {
                return column.levelCount();
            }
        });
    }

    private String example(Collection<String> texts) {
        String example = null;
        for (String text : texts) {
            String s = strip(text);
            if (!matches(s)) {
                return null;
            }
            if ((example == null || text.compareTo(example) < 0) && marked(s)) {
                example = text;
            }
        }
        return example;
    }

    /** {@code text} without the spaces and tabs around it (as cells are compared with missing-value tokens). */
    private static String strip(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (text.charAt(to - 1) == ' ' || text.charAt(to - 1) == '\t')) {
            to--;
        }
        return text.substring(from, to);
    }

    /** The advice for numbers written as text, {@code numbers} showing the example written plainly. */
    private static String writePlainNumbers(String numbers) {
        return "backprop reads them as text; write plain numbers (" + numbers + ") to use the column as a number";
    }

    /**
     * The match of {@code s} as an {@link #AMOUNTS} value, its parentheses (a negative amount in
     * accounting style, {@code ($5)}) taken off first; null if it is not one.
     */
    private static Matcher amount(String s) {
        boolean parenthesized = s.length() > 2 && s.charAt(0) == '(' && s.charAt(s.length() - 1) == ')';
        Matcher m = AMOUNT.matcher(parenthesized ? s.substring(1, s.length() - 1) : s);
        return m.matches() ? m : null;
    }

    /** A year from 1800 to 2200: "4021-05-12" is a part number, "2023.10.1" may be a version. */
    private static boolean plausibleYear(String year) {
        int y = Integer.parseInt(year);
        return y >= 1800 && y <= 2200;
    }

    private static boolean inRange(String number, int max) {
        int v = Integer.parseInt(number);
        return v >= 1 && v <= max;
    }
}
