package org.backprop.io.csv;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.backprop.io.DataException;

/**
 * Which columns of a {@link CsvTable} are the target and which are features.
 *
 * @param target   the target column's name
 * @param features feature column names, in the order they will appear in the feature table
 */
public record ColumnSelection(String target, List<String> features) {

    /** Copies the feature list. */
    public ColumnSelection {
        features = List.copyOf(features);
    }

    /**
     * Resolves a selection against the table's header.
     *
     * @param target            name of the target column; must exist
     * @param requestedFeatures feature column names; {@code null} or empty means all columns except
     *                          the target, in file order
     * @throws DataException if a column does not exist (the message lists the available ones), a
     *                       feature is listed twice or is the target, or no feature column is left
     */
    public static ColumnSelection resolve(CsvTable table, String target, List<String> requestedFeatures) {
        return resolve(table.source(), table.columnNames(), target, requestedFeatures);
    }

    /** {@link #resolve(CsvTable, String, List)} for a file {@code source} with these header names. */
    public static ColumnSelection resolve(String source, List<String> columnNames, String target,
                                          List<String> requestedFeatures) {
        requireColumn(source, columnNames, target);
        List<String> features = requestedFeatures == null || requestedFeatures.isEmpty()
                ? allBut(columnNames, target)
                : checked(source, columnNames, target, requestedFeatures);
        if (features.isEmpty()) {
            throw DataException.in(source).line(1)
                    .problem("no feature columns left: the only column is the target \"" + target + "\"");
        }
        return new ColumnSelection(target, features);
    }

    /** Throws the "no column named" error unless {@code name} is in {@code columnNames}. */
    public static int requireColumn(String source, List<String> columnNames, String name) {
        int index = columnNames.indexOf(name);
        if (index < 0) {
            throw ColumnarTable.noColumn(source, name, columnNames);
        }
        return index;
    }

    private static List<String> allBut(List<String> columnNames, String target) {
        List<String> names = new ArrayList<>(columnNames);
        names.remove(target);
        return names;
    }

    private static List<String> checked(String source, List<String> columnNames, String target, List<String> requested) {
        Set<String> seen = new HashSet<>();
        for (String name : requested) {
            int c = requireColumn(source, columnNames, name) + 1;
            DataException.Builder at = DataException.in(source).line(1).column(c, name);
            if (name.equals(target)) {
                throw at.problem("the target column cannot also be a feature");
            }
            if (!seen.add(name)) {
                throw at.problem("feature column listed twice");
            }
        }
        return requested;
    }
}
