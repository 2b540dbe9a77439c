package org.backprop.io.preprocess;

/**
 * The type chosen for one feature column and why.
 *
 * @param column the header name
 * @param type   the type
 * @param reason why (e.g. "declared with --categorical", "identifier-like: every value is distinct",
 *               or, for a column with another purpose, {@value #USED_AS} that purpose: {@link #role})
 */
public record ColumnDecision(String column, ColumnType type, String reason) {
    /** How the reason of a column that is not a feature because of its role begins. */
    public static final String USED_AS = "used as ";

    /**
     * The decision for a column that is not a feature because it is {@code role} (e.g. "row weights
     * (--weight-column)"): not used as an input, and said so as "used as row weights (--weight-column)",
     * not as ignored.
     */
    public static ColumnDecision role(String column, String role) {
        return new ColumnDecision(column, ColumnType.IGNORED, USED_AS + role);
    }

    /**
     * What became of the column, for the user after its name: the type's description for a used column
     * is its encoder's; here, "used as …" for a column with a role, else "ignored, " and the reason.
     */
    public String describe() {
        return type == ColumnType.IGNORED && !reason.startsWith(USED_AS) ? "ignored, " + reason : reason;
    }
}
