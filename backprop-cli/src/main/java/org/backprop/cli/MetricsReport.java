package org.backprop.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Metrics of several splits ("train", "validation", "test", or "data" for evaluate), printed as
 * text and written as JSON: {@code {"train": {"rows": 80, "mse": …, …}, "validation": {…}}}.
 * The JSON holds everything; the text leaves out the tables that would flood a terminal: the
 * per-class table above {@value #MAX_PER_CLASS_TABLE_CLASSES} classes and the confusion matrix
 * above {@value #MAX_CONFUSION_MATRIX_CLASSES} (one line then says so and names --metrics-json),
 * and shortens a class label longer than {@value #MAX_LABEL_CHARS} characters to its start and end
 * around "…" ({@link #shownLabel}).
 */
final class MetricsReport {
    /**
     * The most classes whose confusion matrix the text prints: k + 1 columns of at most
     * {@value #MAX_LABEL_CHARS} + 1 characters each, so a line stays within about 500 characters
     * (under 200 with labels of up to 8 characters), and a k×k grid larger than 20×20 is no longer
     * read cell by cell anyway.
     */
    static final int MAX_CONFUSION_MATRIX_CLASSES = 20;

    /**
     * The most classes whose per-class table the text prints: one line of about 70 characters per
     * class, so 50 classes stay about a screen; above that macro_f1 sums it up.
     */
    static final int MAX_PER_CLASS_TABLE_CLASSES = 50;

    /** The most characters of a class label the text prints; a longer one is shortened (the JSON keeps it whole). */
    static final int MAX_LABEL_CHARS = 24;

    private final Map<String, SplitMetrics> splits = new LinkedHashMap<>();

    /** Adds a split's metrics; returns this report. */
    MetricsReport add(String split, SplitMetrics metrics) {
        splits.put(split, metrics);
        return this;
    }

    /**
     * Prints one block per split: its metrics, then (classification) the per-class table and the
     * confusion matrix, each only up to its number of classes (see the class comment); one line
     * names the tables left out.
     */
    void print(PrintWriter out) {
        splits.forEach((split, m) -> {
            out.println(split + " (" + m.rows() + (m.rows() == 1 ? " row):" : " rows):"));
            List<LeftOutTable> leftOut = new ArrayList<>();
            m.values().forEach((name, value) -> {
                if (value instanceof SplitMetrics.Confusion c) {
                    printTableOrLeaveOut(c.labels().size(), MAX_CONFUSION_MATRIX_CLASSES, () -> printConfusion(out, c),
                            "confusion matrix", leftOut);
                } else if (value instanceof SplitMetrics.PerClass p) {
                    printTableOrLeaveOut(p.labels().size(), MAX_PER_CLASS_TABLE_CLASSES, () -> printPerClass(out, p),
                            "per-class table", leftOut);
                } else if (!(value instanceof List)) { // unknown_classes: the evaluate warning names them
                    out.println(String.format(Locale.ROOT, "  %-9s %s", name, value == null ? undefined(name)
                            : format((Double) value)));
                    if (name.equals("accuracy") && m.values().get("confusion_matrix") instanceof SplitMetrics.Confusion c) {
                        printBaseline(out, c);
                    }
                }
            });
            if (!leftOut.isEmpty()) {
                out.println(leftOutNote(classCount(m), leftOut));
            }
        });
    }

    /** A table the text left out, and the most classes it is printed for. */
    private record LeftOutTable(String name, int maxClasses) {
    }

    /**
     * Runs {@code print} (of a table of {@code classes} classes) if there are at most
     * {@code maxClasses}, else adds {@code table} to {@code leftOut}.
     */
    private static void printTableOrLeaveOut(int classes, int maxClasses, Runnable print, String table,
                                             List<LeftOutTable> leftOut) {
        if (classes <= maxClasses) {
            print.run();
        } else {
            leftOut.add(new LeftOutTable(table, maxClasses));
        }
    }

    /**
     * The line that names the tables left out, e.g. "per-class table and confusion matrix not shown for
     * 300 classes (only up to 50 and 20); --metrics-json FILE writes them".
     */
    private static String leftOutNote(int classes, List<LeftOutTable> leftOut) {
        return "  " + String.join(" and ", leftOut.stream().map(LeftOutTable::name).toList()) + " not shown for "
                + classes + " classes (only up to " + String.join(" and ", leftOut.stream()
                .map(t -> Integer.toString(t.maxClasses())).toList()) + "); --metrics-json FILE writes "
                + (leftOut.size() == 1 ? "it" : "them");
    }

    /** The number of classes of a classification split's metrics (0 for regression). */
    private static int classCount(SplitMetrics m) {
        return m.values().get("per_class") instanceof SplitMetrics.PerClass p ? p.labels().size()
                : m.values().get("confusion_matrix") instanceof SplitMetrics.Confusion c ? c.labels().size() : 0;
    }

    /**
     * {@code label} as the text prints it (tables, baseline): whole if it has at most {@value #MAX_LABEL_CHARS}
     * characters (code points), else its start and its end around "…", {@value #MAX_LABEL_CHARS} in
     * all, so that labels sharing a long prefix ("… number 1", "… number 2") still tell apart.
     */
    static String shownLabel(String label) {
        int length = label.codePointCount(0, label.length());
        if (length <= MAX_LABEL_CHARS) {
            return label;
        }
        int kept = MAX_LABEL_CHARS - 1;
        int head = (kept + 1) / 2;
        return label.substring(0, label.offsetByCodePoints(0, head)) + "…"
                + label.substring(label.offsetByCodePoints(0, length - (kept - head)));
    }

    /** The width of a right-aligned column holding {@code cells} and at least 6 characters, one space before each. */
    private static int columnWidth(Stream<String> cells) {
        return Math.max(6, cells.mapToInt(String::length).max().orElse(0) + 1);
    }

    /**
     * The accuracy of always answering the most frequent class of these rows (the first in label
     * order on a tie), so that an accuracy that only reflects unbalanced classes shows as such; text
     * only, not in the JSON (it follows from the confusion matrix there).
     */
    private static void printBaseline(PrintWriter out, SplitMetrics.Confusion c) {
        Baseline b = Baseline.of(c);
        if (b != null) {
            out.println(String.format(Locale.ROOT, "  %-9s %s (always \"%s\", the most frequent class of these rows)",
                    "baseline", format(b.accuracy()), shownLabel(b.label())));
        }
    }

    /** Always answering {@code label} is right on a share {@code accuracy} of the rows. */
    private record Baseline(String label, double accuracy) {
        /** The majority class of a confusion matrix's rows, or null without rows. */
        static Baseline of(SplitMetrics.Confusion c) {
            long total = 0;
            long most = -1;
            int mostClass = 0;
            for (int i = 0; i < c.matrix().length; i++) {
                long rowTotal = 0;
                for (long n : c.matrix()[i]) {
                    rowTotal += n;
                }
                total += rowTotal;
                if (rowTotal > most) {
                    most = rowTotal;
                    mostClass = i;
                }
            }
            return total == 0 ? null : new Baseline(c.labels().get(mostClass), (double) most / total);
        }
    }

    /**
     * For the last split (the one that measures unseen rows when there is one), a sentence saying
     * that its accuracy is no better than always answering its most frequent class, if so.
     */
    java.util.Optional<String> noBetterThanBaseline() {
        String split = null;
        for (String s : splits.keySet()) {
            split = s;
        }
        SplitMetrics m = split == null ? null : splits.get(split);
        if (m == null || !(m.values().get("accuracy") instanceof Double accuracy)
                || !(m.values().get("confusion_matrix") instanceof SplitMetrics.Confusion c)) {
            return java.util.Optional.empty();
        }
        Baseline b = Baseline.of(c);
        return b == null || accuracy > b.accuracy() ? java.util.Optional.empty() : java.util.Optional.of("the "
                + split + " accuracy " + format(accuracy) + " is no better than always answering \""
                + shownLabel(b.label()) + "\"");
    }

    private static String undefined(String metric) {
        return metric.equals("roc_auc") ? "undefined (only one class in these rows)"
                : metric.endsWith("log_loss") ? "undefined (no row of a class the model knows)"
                : "undefined (constant target)";
    }

    private static void printPerClass(PrintWriter out, SplitMetrics.PerClass p) {
        List<String> labels = p.labels().stream().map(MetricsReport::shownLabel).toList();
        String row = "    %" + columnWidth(labels.stream()) + "s %10s %10s %10s %10s";
        out.println("  per class:");
        out.println(String.format(Locale.ROOT, row, "", "precision", "recall", "f1", "support"));
        for (int c = 0; c < labels.size(); c++) {
            out.println(String.format(Locale.ROOT, row, labels.get(c), format(p.report().precision(c)),
                    format(p.report().recall(c)), format(p.report().f1(c)), count(p.report().support(c))));
        }
    }

    private static void printConfusion(PrintWriter out, SplitMetrics.Confusion c) {
        out.println("  confusion matrix (rows = true class, columns = predicted class):");
        List<String> labels = c.labels().stream().map(MetricsReport::shownLabel).toList();
        String cell = "%" + columnWidth(Stream.concat(labels.stream(),
                Arrays.stream(c.matrix()).flatMapToLong(Arrays::stream).mapToObj(Long::toString))) + "s";
        StringBuilder header = new StringBuilder("    ").append(String.format(Locale.ROOT, cell, ""));
        labels.forEach(l -> header.append(String.format(Locale.ROOT, cell, l)));
        out.println(header);
        for (int i = 0; i < c.matrix().length; i++) {
            StringBuilder row = new StringBuilder("    ").append(String.format(Locale.ROOT, cell, labels.get(i)));
            for (long n : c.matrix()[i]) {
                row.append(String.format(Locale.ROOT, cell, n));
            }
            out.println(row);
        }
    }

    /** A count (or a total weight) without decimals when it is a whole number. */
    private static String count(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : format(v);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** The report as JSON (see the class comment). */
    String toJson() {
        JsonObject root = new JsonObject();
        splits.forEach((split, m) -> {
            JsonObject o = new JsonObject();
            o.addProperty("rows", m.rows());
            m.values().forEach((name, value) -> o.add(name, json(value)));
            root.add(split, o);
        });
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(root)
                + System.lineSeparator();
    }

    private static JsonElement json(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof SplitMetrics.Confusion c) {
            JsonObject o = new JsonObject();
            JsonArray labels = new JsonArray();
            c.labels().forEach(labels::add);
            JsonArray matrix = new JsonArray();
            for (long[] row : c.matrix()) {
                JsonArray r = new JsonArray();
                for (long n : row) {
                    r.add(n);
                }
                matrix.add(r);
            }
            o.add("labels", labels);
            o.add("matrix", matrix);
            return o;
        }
        if (value instanceof SplitMetrics.PerClass p) {
            JsonObject o = new JsonObject();
            JsonArray labels = new JsonArray();
            p.labels().forEach(labels::add);
            o.add("labels", labels);
            JsonArray precision = new JsonArray();
            JsonArray recall = new JsonArray();
            JsonArray f1 = new JsonArray();
            JsonArray support = new JsonArray();
            for (int c = 0; c < p.labels().size(); c++) {
                precision.add(p.report().precision(c));
                recall.add(p.report().recall(c));
                f1.add(p.report().f1(c));
                support.add(p.report().support(c));
            }
            o.add("precision", precision);
            o.add("recall", recall);
            o.add("f1", f1);
            o.add("support", support);
            return o;
        }
        if (value instanceof List<?> labels) {
            JsonArray array = new JsonArray();
            labels.forEach(l -> array.add((String) l));
            return array;
        }
        return new JsonPrimitive((Double) value);
    }

    /** Writes {@link #toJson()} atomically if {@code file} is not null ({@code /dev/stdout}: to {@code stdout}). */
    void writeJson(Path file, PrintWriter stdout) {
        if (file != null) {
            CliFiles.writeText(file, toJson(), stdout);
        }
    }
}
