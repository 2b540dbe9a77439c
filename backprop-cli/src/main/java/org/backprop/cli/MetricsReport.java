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
            out.println(split + " (" + m.rows() + " rows):");
            m.values().forEach((name, value) -> {
                if (value instanceof SplitMetrics.Confusion c) {
                    printConfusion(out, c);
                } else {
                    out.println(String.format(Locale.ROOT, "  %-9s %s", name,
                            value == null ? "undefined (constant target)" : format((Double) value)));
                }
            });
        });
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
        return new JsonPrimitive((Double) value);
    }

    /** Writes {@link #toJson()} atomically if {@code file} is not null ({@code /dev/stdout}: to {@code stdout}). */
    void writeJson(Path file, PrintWriter stdout) {
        if (file != null) {
            CliFiles.writeText(file, toJson(), stdout);
        }
    }
}
