package org.backprop.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Metrics of several splits ("train", "validation", "test", or "data" for evaluate), printed as
 * text and written as JSON: {@code {"train": {"rows": 80, "mse": …, …}, "validation": {…}}}.
 */
final class MetricsReport {
    private final Map<String, SplitMetrics> splits = new LinkedHashMap<>();

    /** Adds a split's metrics; returns this report. */
    MetricsReport add(String split, SplitMetrics metrics) {
        splits.put(split, metrics);
        return this;
    }

    /** Prints one block per split. */
    void print(PrintWriter out) {
        splits.forEach((split, m) -> {
            out.println(split + " (" + m.rows() + (m.rows() == 1 ? " row):" : " rows):"));
            m.values().forEach((name, value) -> {
                if (value instanceof SplitMetrics.Confusion c) {
                    printConfusion(out, c);
                } else if (value instanceof SplitMetrics.PerClass p) {
                    printPerClass(out, p);
                } else {
                    out.println(String.format(Locale.ROOT, "  %-9s %s", name, value == null ? undefined(name)
                            : format((Double) value)));
                    if (name.equals("accuracy") && m.values().get("confusion_matrix") instanceof SplitMetrics.Confusion c) {
                        printBaseline(out, c);
                    }
                }
            });
        });
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
                    "baseline", format(b.accuracy()), b.label()));
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
                + split + " accuracy " + format(accuracy) + " is no better than always answering \"" + b.label() + "\"");
    }

    private static String undefined(String metric) {
        return metric.equals("roc_auc") ? "undefined (only one class in these rows)" : "undefined (constant target)";
    }

    private static void printPerClass(PrintWriter out, SplitMetrics.PerClass p) {
        int width = 6;
        for (String label : p.labels()) {
            width = Math.max(width, label.length() + 1);
        }
        String row = "    %" + width + "s %10s %10s %10s %10s";
        out.println("  per class:");
        out.println(String.format(Locale.ROOT, row, "", "precision", "recall", "f1", "support"));
        for (int c = 0; c < p.labels().size(); c++) {
            out.println(String.format(Locale.ROOT, row, p.labels().get(c), format(p.report().precision(c)),
                    format(p.report().recall(c)), format(p.report().f1(c)), count(p.report().support(c))));
        }
    }

    private static void printConfusion(PrintWriter out, SplitMetrics.Confusion c) {
        out.println("  confusion matrix (rows = true class, columns = predicted class):");
        int width = 6;
        for (String label : c.labels()) {
            width = Math.max(width, label.length() + 1);
        }
        String cell = "%" + width + "s";
        StringBuilder header = new StringBuilder("    ").append(String.format(Locale.ROOT, cell, ""));
        c.labels().forEach(l -> header.append(String.format(Locale.ROOT, cell, l)));
        out.println(header);
        for (int i = 0; i < c.matrix().length; i++) {
            StringBuilder row = new StringBuilder("    ").append(String.format(Locale.ROOT, cell, c.labels().get(i)));
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
        return new JsonPrimitive((Double) value);
    }

    /** Writes {@link #toJson()} atomically if {@code file} is not null ({@code /dev/stdout}: to {@code stdout}). */
    void writeJson(Path file, PrintWriter stdout) {
        if (file != null) {
            CliFiles.writeText(file, toJson(), stdout);
        }
    }
}
