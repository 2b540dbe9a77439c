package org.backprop.io.preprocess;

import java.util.List;

/**
 * Names many columns of one notice in one line instead of one line each: a table of 49 constant
 * columns gets one notice naming {@value #NAMED} of them and counting the rest.
 */
public final class ColumnGroup {
    /** Columns of the same notice up to which each keeps its own line. */
    public static final int SEPARATE_UP_TO = 3;
    /** Columns a grouped notice names; it counts the others. */
    public static final int NAMED = 8;

    private ColumnGroup() {
    }

    /** True if notices about {@code columns} columns are grouped into one line. */
    public static boolean grouped(int columns) {
        return columns > SEPARATE_UP_TO;
    }

    /** The first {@value #NAMED} of {@code columns}, comma-separated, then {@code and N more}. */
    public static String names(List<String> columns) {
        String named = String.join(", ", columns.subList(0, Math.min(NAMED, columns.size())));
        return columns.size() <= NAMED ? named : named + ", and " + (columns.size() - NAMED) + " more";
    }
}
