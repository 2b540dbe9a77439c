package org.backprop.io.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import org.backprop.train.EpochRecord;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    private static EpochRecord record(int epoch, double loss, double validation) {
        return new EpochRecord(epoch, loss, loss, validation, Map.of(), Map.of());
    }

    @Test
    void theBarLineNeverReachesTheLastColumn() {
        for (int width : new int[] {80, 60, 40, 200}) {
            ProgressPrinter p = new ProgressPrinter(new PrintWriter(new StringWriter()), 100_000, true, width);
            for (EpochRecord r : new EpochRecord[] {record(0, 0.5, Double.NaN), record(99_999, -1.23456789e-300,
                    -9.87654321e+300), record(41, 123456.789, 0.000123456)}) {
                String line = p.barLine(r, r.epoch() + 1);
                assertEquals(width - 1, line.length(), "padded to clear the previous line: '" + line + "'");
                assertTrue(line.startsWith("[") || width < 80, "a bar from 80 columns up: " + line);
            }
        }
    }

    @Test
    void anEightyColumnLineKeepsTheBarTheLossesAndTheEta() {
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(new StringWriter()), 200, true, 80);
        String line = p.barLine(record(99, 0.0123456, 0.0234567), 100);
        assertTrue(line.startsWith("[#"), line);
        assertTrue(line.contains("epoch 100/200") && line.contains("0.0123456") && line.contains("ETA"), line);
    }

    @Test
    void theLossShownIsTheEpochsMeanBatchLossEvenWhenTheTrainingSetWasEvaluated() {
        StringWriter text = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(text), 2, false, 80);
        p.onEpochEnd(new EpochRecord(0, 0.75, Double.NaN, 0.5));   // training set not evaluated
        p.onEpochEnd(new EpochRecord(1, 0.25, 0.125, 0.375));      // the last epoch: evaluated
        String[] lines = text.toString().split("\\R");
        assertEquals("epoch 1/2  loss 0.750000  validation loss 0.500000", lines[0]);
        assertEquals("epoch 2/2  loss 0.250000  validation loss 0.375000", lines[1]);
    }

    @Test
    void columnsComeFromTheEnvironmentOrDefaultToEighty() {
        assertEquals(80, ProgressPrinter.terminalWidth(null));
        assertEquals(120, ProgressPrinter.terminalWidth("120"));
        assertEquals(80, ProgressPrinter.terminalWidth("wide"));
        assertEquals(80, ProgressPrinter.terminalWidth("3"));
    }
}
