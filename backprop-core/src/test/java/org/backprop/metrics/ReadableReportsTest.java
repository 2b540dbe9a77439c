package org.backprop.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A class report and a confusion matrix print as tables, by class index or by label. */
class ReadableReportsTest {
    private static final int[] ACTUAL = {0, 0, 1, 1, 1, 2};
    private static final int[] PREDICTED = {0, 1, 1, 1, 2, 2};

    @Test
    void aClassReportPrintsOneLinePerClassAndTheMacroF1() {
        ClassReport report = ClassReport.of(ACTUAL, PREDICTED, 3);
        assertEquals("""
                class  precision  recall      f1  support
                    0     1.0000  0.5000  0.6667        2
                    1     0.6667  0.6667  0.6667        3
                    2     0.5000  1.0000  0.6667        1
                macro F1 0.6667""", report.toString());
        assertEquals("""
                 class  precision  recall      f1  support
                   cat     1.0000  0.5000  0.6667        2
                salmon     0.6667  0.6667  0.6667        3
                   eel     0.5000  1.0000  0.6667        1
                macro F1 0.6667""", report.toString(List.of("cat", "salmon", "eel")));
        assertThrows(IllegalArgumentException.class, () -> report.toString(List.of("cat")));
    }

    @Test
    void aConfusionMatrixPrintsByIndexOrByLabel() {
        ConfusionMatrix m = ConfusionMatrix.of(ACTUAL, PREDICTED, 3);
        assertEquals("""
                true\\pred 0 1 2
                        0 1 1 0
                        1 0 2 1
                        2 0 0 1""", m.toString());
        assertEquals("""
                true\\pred cat dog eel
                      cat   1   1   0
                      dog   0   2   1
                      eel   0   0   1""", m.toString(List.of("cat", "dog", "eel")));
    }
}
