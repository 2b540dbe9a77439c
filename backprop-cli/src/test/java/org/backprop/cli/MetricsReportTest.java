package org.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.backprop.metrics.ClassReport;
import org.backprop.metrics.ConfusionMatrix;
import org.junit.jupiter.api.Test;

/** The text report's tables: shown for a few classes, one line instead for many, labels shortened; the JSON whole. */
class MetricsReportTest {

    @Test
    void aFewClassesPrintTheirPerClassTableAndConfusionMatrixAsBefore() {
        // blue: 2 right, 1 taken for green; green: 2 right; red: 1 right, 1 taken for blue
        SplitMetrics m = classification(List.of("blue", "green", "red"),
                new int[] {0, 0, 0, 1, 1, 2, 2}, new int[] {0, 0, 1, 1, 1, 2, 0});
        String text = print(new MetricsReport().add("data", m));
        assertTrue(text.endsWith("""
                  per class:
                            precision     recall         f1    support
                      blue   0.666667   0.666667   0.666667          3
                     green   0.666667    1.00000   0.800000          2
                       red    1.00000   0.500000   0.666667          2
                  confusion matrix (rows = true class, columns = predicted class):
                            blue green   red
                      blue     2     1     0
                     green     0     2     0
                       red     1     0     1
                """), text);
        assertFalse(text.contains("not shown"), text);
    }

    @Test
    void twentyClassesStillPrintTheMatrix() {
        String text = print(new MetricsReport().add("data", diagonal(labels(MetricsReport.MAX_CONFUSION_MATRIX_CLASSES,
                "c"))));
        assertTrue(text.contains("  confusion matrix (rows = true class, columns = predicted class):\n"), text);
        assertTrue(text.contains("  per class:\n"), text);
        assertFalse(text.contains("not shown"), text);
    }

    @Test
    void manyClassesPrintOneLineInsteadOfTheTablesAndTheJsonKeepsEverything() {
        List<String> labels = labels(60, "an artist whose name is rather long, number ");
        MetricsReport report = new MetricsReport().add("train", diagonal(labels)).add("validation", diagonal(labels));
        String text = print(report);

        assertFalse(text.contains("confusion matrix (rows"), text);
        assertFalse(text.contains("per class:"), text);
        assertEquals(2, text.lines().filter(l -> l.equals("  per-class table and confusion matrix not shown for 60 "
                + "classes (only up to 50 and 20); --metrics-json FILE writes them")).count(), text);
        assertTrue(text.contains("  accuracy  1.00000\n"), text);
        assertTrue(text.contains("  macro_f1  1.00000\n"), text);
        assertTrue(text.length() < 2000, () -> text.length() + " characters:\n" + text);

        JsonObject json = JsonParser.parseString(report.toJson()).getAsJsonObject().getAsJsonObject("validation");
        JsonObject confusion = json.getAsJsonObject("confusion_matrix");
        assertEquals(labels, confusion.getAsJsonArray("labels").asList().stream().map(e -> e.getAsString()).toList());
        JsonArray matrix = confusion.getAsJsonArray("matrix");
        assertEquals(60, matrix.size());
        for (int t = 0; t < 60; t++) {
            JsonArray row = matrix.get(t).getAsJsonArray();
            assertEquals(60, row.size());
            for (int p = 0; p < 60; p++) {
                assertEquals(t == p ? 1 : 0, row.get(p).getAsLong(), "[" + t + "][" + p + "]");
            }
        }
        assertEquals(labels.get(59), json.getAsJsonObject("per_class").getAsJsonArray("labels").get(59).getAsString());
        assertEquals(60, json.getAsJsonObject("per_class").getAsJsonArray("f1").size());
    }

    @Test
    void between21And50ClassesPrintThePerClassTableWithShortLabelsButNotTheMatrix() {
        List<String> labels = labels(30, "an artist whose name is rather long, number ");
        String text = print(new MetricsReport().add("data", diagonal(labels)));

        assertTrue(text.contains("  per class:\n"), text);
        assertTrue(text.contains("\n     an artist wh…, number 29    1.00000    1.00000    1.00000          1\n"), text);
        assertFalse(text.contains("confusion matrix (rows"), text);
        assertTrue(text.endsWith("  confusion matrix not shown for 30 classes (only up to 20); --metrics-json FILE "
                + "writes it\n"), text);
        int longest = text.lines().mapToInt(String::length).max().orElseThrow();
        assertTrue(longest <= 100, () -> longest + "\n" + text);
    }

    @Test
    void longLabelsAreShortenedInTheMatrixSoThatTheyStillDiffer() {
        List<String> labels = labels(3, "a label far longer than any column should be, number ");
        String text = print(new MetricsReport().add("data", diagonal(labels)));

        String header = text.lines().dropWhile(l -> !l.startsWith("  confusion matrix")).skip(1).findFirst()
                .orElseThrow();
        assertEquals("    " + " ".repeat(25) + " a label far …, number 00 a label far …, number 01 "
                + "a label far …, number 02", header);
        assertEquals("     a label far …, number 01                        0                        1"
                + "                        0", text.lines().filter(l -> l.contains("…, number 01")).reduce((a, b) -> b)
                .orElseThrow());
    }

    @Test
    void shownLabelKeepsShortLabelsAndCutsTheMiddleOfLongOnes() {
        assertEquals("red", MetricsReport.shownLabel("red"));
        String exactly = "x".repeat(MetricsReport.MAX_LABEL_CHARS);
        assertEquals(exactly, MetricsReport.shownLabel(exactly));
        String cut = MetricsReport.shownLabel("abcdefghijklmnopqrstuvwxyz0123456789");
        assertEquals("abcdefghijkl…z0123456789", cut);
        assertEquals(MetricsReport.MAX_LABEL_CHARS, cut.length());
        assertNotEquals(MetricsReport.shownLabel("the same long beginning, then A"),
                MetricsReport.shownLabel("the same long beginning, then B"));
        String emoji = "🎨".repeat(30); // one code point, two chars each: never split in half
        assertEquals("🎨".repeat(12) + "…" + "🎨".repeat(11), MetricsReport.shownLabel(emoji));
    }

    /** {@code n} labels {@code prefix00}, {@code prefix01}, …, distinct. */
    private static List<String> labels(int n, String prefix) {
        List<String> labels = IntStream.range(0, n).mapToObj(i -> String.format("%s%02d", prefix, i)).toList();
        assertEquals(n, new HashSet<>(labels).size());
        return labels;
    }

    /** One row of each class, each predicted right. */
    private static SplitMetrics diagonal(List<String> labels) {
        int[] each = IntStream.range(0, labels.size()).toArray();
        return classification(labels, each, each);
    }

    /** The classification metrics the report prints, as {@link SplitMetrics} builds them, of these rows. */
    private static SplitMetrics classification(List<String> labels, int[] actual, int[] predicted) {
        int k = labels.size();
        int right = 0;
        for (int i = 0; i < actual.length; i++) {
            right += actual[i] == predicted[i] ? 1 : 0;
        }
        ClassReport report = ClassReport.of(actual, predicted, k);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("accuracy", (double) right / actual.length);
        values.put("log_loss", 0.1);
        values.put("macro_f1", report.macroF1());
        values.put("per_class", new SplitMetrics.PerClass(labels, report));
        values.put("confusion_matrix", new SplitMetrics.Confusion(labels, ConfusionMatrix.of(actual, predicted, k)
                .toArray()));
        return new SplitMetrics(actual.length, values);
    }

    private static String print(MetricsReport report) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            report.print(out);
        }
        return text.toString();
    }
}
