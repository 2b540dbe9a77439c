package org.backprop.io.preprocess;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.backprop.io.csv.Column;
import org.backprop.io.csv.ColumnarTable;

/**
 * Finds class labels and categorical levels that differ only in case or surrounding spaces
 * ({@code NO}, {@code No}, {@code no}; {@code red}, {@code red }), so that {@code train} can say so:
 * they are kept apart, as written (a model must not decide that {@code US} and {@code us} are one
 * thing), but they are most often one value typed several ways, and as separate classes or levels
 * they split its rows, each too few to learn from, without a word. One line per column (the target
 * first), naming the groups and how to merge them (write each one way in the file); at most
 * {@value #MAX_LINES} lines in all, then one naming the other columns.
 */
public final class LookAlikeLevels {
    /** Lines at most, the last of them naming the columns not shown. */
    static final int MAX_LINES = 5;
    /** Groups named in a line at most. */
    private static final int MAX_GROUPS = 4;

    private LookAlikeLevels() {
    }

    /**
     * The groups of {@code values} that are equal once stripped of surrounding white space and
     * lower-cased (in the root locale), each of two values or more, sorted, in the order of their
     * first value.
     */
    static List<List<String>> groups(Collection<String> values) {
        Map<String, TreeSet<String>> byKey = new LinkedHashMap<>();
        for (String v : new TreeSet<>(values)) {
            byKey.computeIfAbsent(v.strip().toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(v);
        }
        List<List<String>> out = new ArrayList<>();
        byKey.values().stream().filter(g -> g.size() > 1).forEach(g -> out.add(List.copyOf(g)));
        return out;
    }

    /**
     * The notices of a training table: the target's class labels {@code targetLabels} (null for a
     * regression) and the levels of each categorical feature column of {@code decisions} in
     * {@code table} that differ only in case or spaces.
     */
    public static List<String> notices(ColumnarTable table, List<ColumnDecision> decisions, String targetName,
                                       Collection<String> targetLabels) {
        List<String> names = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        if (targetLabels != null) {
            List<List<String>> groups = groups(targetLabels);
            if (!groups.isEmpty()) {
                names.add("target \"" + targetName + "\"");
                lines.add(line(groups, "class labels", "classes"));
            }
        }
        for (ColumnDecision d : decisions) {
            if (d.type() == ColumnType.CATEGORICAL) {
                List<List<String>> groups = groups(levels(table.column(d.column())));
                if (!groups.isEmpty()) {
                    names.add("column \"" + d.column() + "\"");
                    lines.add(line(groups, "levels", "levels"));
                }
            }
        }
        List<String> out = new ArrayList<>();
        int shown = lines.size() <= MAX_LINES ? lines.size() : MAX_LINES - 1;
        for (int i = 0; i < shown; i++) {
            out.add(names.get(i) + ": " + lines.get(i));
        }
        if (shown < lines.size()) {
            out.add("also " + (lines.size() - shown) + " more columns with levels that differ only in case or "
                    + "spaces: " + String.join(", ", names.subList(shown, names.size())));
        }
        return out;
    }

    private static List<String> levels(Column c) {
        List<String> levels = new ArrayList<>();
        for (int code = 0; code < c.levelCount(); code++) {
            levels.add(c.level(code));
        }
        return levels;
    }

    /** "levels that differ only in case or spaces are separate levels: "NO", "No"; …; write …". */
    private static String line(List<List<String>> groups, String what, String separate) {
        StringBuilder sb = new StringBuilder(what).append(" that differ only in case or spaces are separate ")
                .append(separate).append(": ");
        for (int i = 0; i < Math.min(groups.size(), MAX_GROUPS); i++) {
            sb.append(i == 0 ? "" : "; ");
            List<String> group = groups.get(i);
            for (int j = 0; j < group.size(); j++) {
                sb.append(j == 0 ? "" : ", ").append('"').append(group.get(j)).append('"');
            }
        }
        if (groups.size() > MAX_GROUPS) {
            sb.append("; … (").append(groups.size()).append(" groups)");
        }
        return sb.append("; to merge a group, write its ").append(what).append(" one way in the file").toString();
    }
}
