package org.backprop.io.csv;

/**
 * A column's name as the CSV reader keeps it from the header: the cell without surrounding spaces,
 * tabs and other control characters ({@link String#trim}), so that {@code " Gewicht kg "} and
 * {@code Gewicht kg} name one column. A name the user gives (on the command line: {@code --target},
 * {@code --features}, {@code --categorical}, {@code --weight-column}, …) goes through the same
 * function before it is looked up, so a column can be named as written in the file.
 */
public final class HeaderName {
    private HeaderName() {
    }

    /** The name of a column whose header cell, or whose name given by the user, is {@code written}. */
    public static String of(String written) {
        return written.trim();
    }
}
