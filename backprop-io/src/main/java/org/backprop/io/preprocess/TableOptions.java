package org.backprop.io.preprocess;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.backprop.io.DataException;
import org.backprop.io.csv.ColumnSelection;
import org.backprop.io.csv.MissingValues;

/**
 * How the feature columns of a table are typed and encoded.
 *
 * @param categorical   columns declared categorical (read as text, even if they hold numbers)
 * @param numeric       columns declared numeric (a non-number is an error naming the cell)
 * @param ignore        columns not used
 * @param missing       which cells are missing (empty and {@link MissingValues#DEFAULT_TOKENS} by default)
 * @param missingPolicy impute (default) or refuse missing feature cells
 * @param minLevelCount training rows a categorical level needs for a column of its own (default
 *                      {@value CategoricalEncoder#DEFAULT_MIN_COUNT}); rarer levels share one column
 * @param embed         categorical columns to embed (a trainable vector per level) whatever their
 *                      number of levels; columns of more than
 *                      {@value CategoricalEncoder#EMBED_ABOVE_LEVELS} levels are embedded anyway
 * @param roles         columns that are not features because they serve another purpose, with it
 *                      (e.g. {@code Freq} → "row weights (--weight-column)"): not used, and said so
 *                      as {@link ColumnDecision#role}
 */
public record TableOptions(Set<String> categorical, Set<String> numeric, Set<String> ignore, MissingValues missing,
                           MissingPolicy missingPolicy, int minLevelCount, Set<String> embed,
                           Map<String, String> roles) {

    /** Copies the sets and checks that no column is declared twice (a column with a role may be ignored). */
    public TableOptions {
        categorical = Set.copyOf(categorical);
        numeric = Set.copyOf(numeric);
        ignore = Set.copyOf(ignore);
        embed = Set.copyOf(embed);
        roles = Map.copyOf(roles);
        Objects.requireNonNull(missing, "missing");
        Objects.requireNonNull(missingPolicy, "missingPolicy");
        if (minLevelCount < 1) {
            throw new IllegalArgumentException("the minimum level count must be at least 1, got " + minLevelCount);
        }
        for (String c : categorical) {
            if (numeric.contains(c) || ignore.contains(c)) {
                throw new IllegalArgumentException("column \"" + c + "\" is declared with two types");
            }
        }
        for (String c : embed) {
            if (numeric.contains(c) || ignore.contains(c)) {
                throw new IllegalArgumentException("column \"" + c + "\" is declared numeric or ignored and embedded");
            }
        }
        for (String c : numeric) {
            if (ignore.contains(c)) {
                throw new IllegalArgumentException("column \"" + c + "\" is declared with two types");
            }
        }
        for (Map.Entry<String, String> role : roles.entrySet()) {
            String c = role.getKey();
            if (categorical.contains(c) || numeric.contains(c) || embed.contains(c)) {
                throw new IllegalArgumentException("column \"" + c + "\" is the " + role.getValue()
                        + ", not a feature, and is declared a feature type");
            }
        }
    }

    /**
     * Refuses a declared column (categorical, numeric, ignored or embedded) that is not in the header
     * {@code columnNames} of {@code source} (the error lists the columns) or is not one of
     * {@code features}: the check {@code backprop train} and {@code backprop-spark train} share.
     *
     * @throws org.backprop.io.DataException naming the column on the header line
     */
    public void requireDeclaredFeatures(String source, List<String> columnNames, List<String> features) {
        for (Set<String> declared : List.of(categorical, numeric, ignore, embed)) {
            for (String name : declared) {
                int c = ColumnSelection.requireColumn(source, columnNames, name);
                if (!features.contains(name)) {
                    throw DataException.in(source).line(1).column(c + 1, name)
                            .problem("declared a feature type, but it is not a feature column");
                }
            }
        }
    }

    /** Types inferred, default missing tokens, imputation, minimum level count 5. */
    public static TableOptions defaults() {
        return new TableOptions(Set.of(), Set.of(), Set.of(), MissingValues.defaults(), MissingPolicy.IMPUTE,
                CategoricalEncoder.DEFAULT_MIN_COUNT, Set.of(), Map.of());
    }

    public TableOptions withCategorical(List<String> columns) {
        return new TableOptions(Set.copyOf(columns), numeric, ignore, missing, missingPolicy,
                minLevelCount, embed, roles);
    }

    public TableOptions withNumeric(List<String> columns) {
        return new TableOptions(categorical, Set.copyOf(columns), ignore, missing, missingPolicy,
                minLevelCount, embed, roles);
    }

    public TableOptions withIgnore(List<String> columns) {
        return new TableOptions(categorical, numeric, Set.copyOf(columns), missing, missingPolicy,
                minLevelCount, embed, roles);
    }

    public TableOptions withMissingValues(MissingValues tokens) {
        return new TableOptions(categorical, numeric, ignore, tokens, missingPolicy, minLevelCount, embed, roles);
    }

    public TableOptions withMissingPolicy(MissingPolicy policy) {
        return new TableOptions(categorical, numeric, ignore, missing, policy, minLevelCount, embed, roles);
    }

    public TableOptions withEmbed(List<String> columns) {
        return new TableOptions(categorical, numeric, ignore, missing, missingPolicy,
                minLevelCount, Set.copyOf(columns), roles);
    }

    /**
     * These options with column {@code column} not a feature because it is {@code role}, e.g. "row
     * weights (--weight-column)".
     */
    public TableOptions withRole(String column, String role) {
        Map<String, String> more = new java.util.LinkedHashMap<>(roles);
        more.put(column, role);
        return new TableOptions(categorical, numeric, ignore, missing, missingPolicy, minLevelCount, embed, more);
    }

    public TableOptions withMinLevelCount(int count) {
        return new TableOptions(categorical, numeric, ignore, missing, missingPolicy, count, embed, roles);
    }
}
