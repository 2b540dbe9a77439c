package org.backprop.io.preprocess;

/**
 * The type chosen for one feature column and why.
 *
 * @param column the header name
 * @param type   the type
 * @param reason why (e.g. "declared with --categorical", "identifier-like: every value is distinct")
 */
public record ColumnDecision(String column, ColumnType type, String reason) {
}
