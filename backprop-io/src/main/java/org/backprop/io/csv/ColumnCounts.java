package org.backprop.io.csv;

/**
 * The counts of one column that decide its type ({@code ColumnTypes}) and a target's task
 * ({@code Target}): from one table's {@link Column}, or summed over the parts of a table read in
 * pieces (Spark partitions).
 *
 * @param name               the header name
 * @param rows               data rows
 * @param missing            missing cells
 * @param numbers            cells that are numbers (0 for a column read as text only)
 * @param nonNumbers         non-missing cells that are not numbers (0 for a column read as text only)
 * @param levels             distinct non-missing texts (meaningless if {@code textDropped})
 * @param textDropped        an all-number column dropped its text after {@link Column#TEXT_CAP} levels
 * @param allIntegers        every number is a whole number
 * @param firstNonNumberText the first non-number cell's text, or null
 * @param nonNumberTexts     the most common non-number texts with their counts ({@link NonNumberTexts}),
 *                           for a column of at least as many numbers as non-numbers (the one that
 *                           is an error); else, or when unknown, null
 */
public record ColumnCounts(String name, long rows, long missing, long numbers, long nonNumbers, long levels,
                           boolean textDropped, boolean allIntegers, String firstNonNumberText,
                           String nonNumberTexts) {

    /** The counts of {@code c}. */
    public static ColumnCounts of(Column c) {
        boolean badNumbers = c.hasNumbers() && c.nonNumberCount() > 0 && c.numberCount() >= c.nonNumberCount();
        return new ColumnCounts(c.name(), c.rows(), c.missingCount(), c.hasNumbers() ? c.numberCount() : 0,
                c.hasNumbers() ? c.nonNumberCount() : 0, c.hasText() ? c.levelCount() : 0, c.textDropped(),
                !c.hasNumbers() || c.allIntegers(), c.hasNumbers() && c.nonNumberCount() > 0 ? c.firstNonNumberText()
                        : null, badNumbers ? NonNumberTexts.describe(c) : null);
    }

    /** {@code ": " + }{@link #nonNumberTexts()} when known and there are several bad cells, else "". */
    public String listedNonNumbers() {
        return nonNumberTexts == null || nonNumbers < 2 ? "" : ": " + nonNumberTexts;
    }
}
