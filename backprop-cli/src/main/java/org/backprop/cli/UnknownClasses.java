package org.backprop.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.backprop.io.preprocess.LabelEncoder;

/**
 * The classes of evaluated rows that the model does not know (its training rows never held them),
 * treated as scikit-learn's metrics treat them: each is a class of its own, after the model's
 * classes, in {@link LabelEncoder}'s order among themselves; its rows count as wrong in accuracy and
 * as a row of the per-class table (recall 0) and of the confusion matrix; they are left out of log
 * loss (and ROC AUC), which cannot score a class the model gives no probability to.
 *
 * @param known    the model's classes
 * @param labels   the unknown classes, in order
 * @param rows     the number of rows of each unknown class, in the order of {@code labels}
 * @param firstRow the 0-based position of the first row of an unknown class, or −1 if there is none
 */
record UnknownClasses(LabelEncoder known, List<String> labels, long[] rows, int firstRow) {

    /** The most unknown classes the warning names; it counts the others. */
    static final int NAMED = 5;

    /** The classes of the {@code n} rows whose label {@code labelOf} gives that {@code known} does not hold. */
    static UnknownClasses of(LabelEncoder known, int n, IntFunction<String> labelOf) {
        Set<String> classes = new HashSet<>(known.classes());
        Map<String, long[]> counts = new LinkedHashMap<>();
        int firstRow = -1;
        for (int i = 0; i < n; i++) {
            String label = labelOf.apply(i);
            if (!classes.contains(label)) {
                counts.computeIfAbsent(label, l -> new long[1])[0]++;
                firstRow = firstRow < 0 ? i : firstRow;
            }
        }
        if (counts.isEmpty()) {
            return new UnknownClasses(known, List.of(), new long[0], -1);
        }
        List<String> labels = LabelEncoder.fit(counts.keySet().toArray(String[]::new)).classes();
        return new UnknownClasses(known, labels, labels.stream().mapToLong(l -> counts.get(l)[0]).toArray(), firstRow);
    }

    /** True if every row's class is one of the model's. */
    boolean isEmpty() {
        return labels.isEmpty();
    }

    /** The classes of the rows' metrics: the model's, then the unknown ones. */
    LabelEncoder all() {
        return isEmpty() ? known : LabelEncoder.of(Stream.concat(known.classes().stream(), labels.stream()).toList());
    }

    /** The number of rows of an unknown class. */
    long rowCount() {
        long sum = 0;
        for (long n : rows) {
            sum += n;
        }
        return sum;
    }

    /**
     * The warning that names the unknown classes (up to {@value #NAMED}) with their rows and the first
     * one's line in {@code origin}, and says how the metrics counted them, e.g. {@code 4 rows hold
     * classes the model was not trained on: "d" (3 rows), "e" (1 row), first at line 5; …}.
     */
    String warning(RowOrigin origin) {
        List<String> named = new ArrayList<>();
        for (int c = 0; c < Math.min(NAMED, labels.size()); c++) {
            named.add("\"" + MetricsReport.shownLabel(labels.get(c)) + "\" (" + rows(rows[c]) + ")");
        }
        if (labels.size() > NAMED) {
            named.add("and " + (labels.size() - NAMED) + " more");
        }
        long total = rowCount();
        String where = origin.lines() == null ? "row " + (firstRow + 1) : "line " + origin.lines().applyAsLong(firstRow);
        String unscored = SplitTally.ranksRows(known.classCount()) ? "log_loss and roc_auc" : "log_loss";
        return rows(total) + (total == 1 ? " holds " : " hold ") + (labels.size() == 1 ? "a class" : "classes")
                + " the model was not trained on: " + String.join(", ", named) + ", first at " + where + "; "
                + (total == 1 ? "it counts" : "they count") + " as wrong in accuracy and as "
                + (labels.size() == 1 ? "a class" : "classes") + " of " + (labels.size() == 1 ? "its" : "their")
                + " own (recall 0) in the per-class table and confusion matrix, and " + (total == 1 ? "is" : "are")
                + " left out of " + unscored + " (the model gives " + (labels.size() == 1 ? "it" : "them")
                + " no probability)";
    }

    private static String rows(long n) {
        return n + (n == 1 ? " row" : " rows");
    }
}
