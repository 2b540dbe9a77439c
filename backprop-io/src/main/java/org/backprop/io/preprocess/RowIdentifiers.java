package org.backprop.io.preprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.backprop.io.OptionName;
import org.backprop.io.csv.Column;
import org.backprop.io.csv.ColumnarTable;

/**
 * Finds numeric feature columns that look like row identifiers, so that {@code train} can say so
 * before it uses them. A text column of distinct values is ignored as an identifier
 * ({@link ColumnTypes}); a numeric one stays a feature, because the same numbers can be a real input
 * (a year or a day index in a time series: a trend), and a column left out without being asked
 * would change the model silently. But a row number used as a feature is usually a mistake: the
 * network learns the file's order, and new rows' identifiers lie outside the training range. So the
 * user gets one line naming the column, why it looks like an identifier, and the flag that leaves it
 * out ({@code --ignore}).
 *
 * <p>A column looks like a row identifier when no cell is missing, every value is a whole number,
 * and either
 * <ul>
 *   <li>the values count up by 1 from row to row in file order (R's and pandas' row names
 *       {@code 1 … n} and {@code 0 … n−1}, a sequence number), in a file of at least
 *       {@value #MIN_ROWS_IN_ORDER} rows; or</li>
 *   <li>the column is named like an identifier ({@link #namedLikeIdentifier}) and its values are
 *       distinct, in any order.</li>
 * </ul>
 * Columns declared {@code --numeric}, and every column when the features were listed with
 * {@code --features}, are the user's choice and get no notice.
 *
 * <p>One column is a row identifier by its place, not its values: the nameless first column of a
 * file written with row names (R's {@code write.csv} by default, pandas' {@code to_csv} with its
 * index), whose header cell is empty ({@link #isRowNames}). It is never a feature: {@link ColumnTypes}
 * ignores it with {@link #ROW_NAMES_REASON}, which {@code train} prints.
 */
public final class RowIdentifiers {
    /** Rows from which whole numbers counting up by 1 look like row numbers rather than chance. */
    public static final int MIN_ROWS_IN_ORDER = 10;

    private static final Set<String> IDENTIFIER_NAMES = Set.of("id", "index", "rownames", "row.names",
            "row_names", "rowid", "row_id", "row", "unnamed: 0", "...1");

    /** Why the nameless first column is ignored, as {@code train} prints it after {@code ignored, }. */
    public static final String ROW_NAMES_REASON = "the nameless first column holds row names (R's write.csv, "
            + "pandas' index): a row id, not a feature";

    private RowIdentifiers() {
    }

    /**
     * True for the name of the nameless first column, the row names of R's {@code write.csv} and
     * pandas' {@code to_csv} (the CSV reader lets only the first header cell be empty).
     */
    public static boolean isRowNames(String column) {
        return column.isEmpty();
    }

    /**
     * One notice per numeric feature column of {@code decisions} that looks like a row identifier
     * (see the class comment), in column order.
     *
     * @param table            the training table, the numbers of its numeric feature columns kept
     * @param decisions        the feature columns' types
     * @param options          the declared types ({@code --numeric} columns get no notice)
     * @param featuresDeclared true when the user listed the features: then no notice at all
     */
    public static List<String> notices(ColumnarTable table, List<ColumnDecision> decisions, TableOptions options,
                                       boolean featuresDeclared) {
        List<String> out = new ArrayList<>();
        if (featuresDeclared) {
            return out;
        }
        for (ColumnDecision d : decisions) {
            if (d.type() == ColumnType.NUMERIC && !options.numeric().contains(d.column())) {
                String why = why(table.column(d.column()));
                if (why != null) {
                    out.add(notice(d.column(), why));
                }
            }
        }
        return out;
    }

    /** The notice for column {@code name} that looks like an identifier {@code why}. */
    static String notice(String name, String why) {
        return "column \"" + name + "\": looks like a row identifier (" + why + "); it is used as a numeric "
                + "feature, so predictions depend on it: " + OptionName.ignore(name) + " leaves it out";
    }

    /**
     * Why column {@code c} looks like a row identifier, or null if it does not.
     */
    static String why(Column c) {
        int n = c.rows();
        if (n < 2 || c.missingCount() > 0 || c.nonNumberCount() > 0 || c.numberCount() != n || !c.allIntegers()) {
            return null;
        }
        double first = c.number(0);
        double last = c.number(n - 1);
        boolean countsUp = true;
        for (int r = 1; r < n && countsUp; r++) {
            countsUp = c.number(r) == c.number(r - 1) + 1;
        }
        if (countsUp && n >= MIN_ROWS_IN_ORDER) {
            return "the whole numbers " + whole(first) + " … " + whole(last) + " counting up by 1 in file order";
        }
        if (!namedLikeIdentifier(c.name())) {
            return null;
        }
        double[] values = new double[n];
        for (int r = 0; r < n; r++) {
            values[r] = c.number(r);
        }
        Arrays.sort(values);
        for (int i = 1; i < n; i++) {
            if (values[i] == values[i - 1]) {
                return null;
            }
        }
        return "named like one, " + n + " distinct whole numbers from " + whole(values[0]) + " to "
                + whole(values[n - 1]) + ", one per row";
    }

    /**
     * True for a header name that usually holds identifiers: {@code id}, {@code index},
     * {@code rownames} and the names readr and pandas give a nameless first column ({@code ...1},
     * {@code Unnamed: 0}), in any case; names ending in {@code _id}, {@code .id},
     * {@code -id} or {@code " id"} in any case; and camel-case names ending in {@code Id} or
     * {@code ID} after a lower-case letter or digit ({@code PassengerId}, {@code customerID}; not
     * {@code paid} or {@code UUID}).
     */
    public static boolean namedLikeIdentifier(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (IDENTIFIER_NAMES.contains(lower)) {
            return true;
        }
        for (String suffix : List.of("_id", ".id", "-id", " id")) {
            if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                return true;
            }
        }
        String s = name.strip();
        if (s.length() > 2 && (s.endsWith("Id") || s.endsWith("ID"))) {
            char before = s.charAt(s.length() - 3);
            return Character.isLowerCase(before) || Character.isDigit(before);
        }
        return false;
    }

    private static String whole(double v) {
        return Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
