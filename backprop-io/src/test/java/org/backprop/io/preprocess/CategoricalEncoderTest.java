package org.backprop.io.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.backprop.io.csv.MissingValues;
import org.junit.jupiter.api.Test;

class CategoricalEncoderTest {

    @Test
    void aColumnWhoseLevelsAreAllRareSaysItCarriesNothingAndHowToChangeThat() {
        Map<String, Integer> singles = Map.of("Acinonyx", 1, "Aotus", 1, "Bos", 2);
        assertEquals("categorical, 0 levels [], 3 rare levels (fewer than 5 rows) merged into genus:rare, 0 missing; "
                + "every level is rare, so the column is one constant input (lower --min-level-count to use its "
                + "levels, or --ignore genus)", CategoricalEncoder.fromCounts("genus", singles, 0, 5,
                MissingPolicy.IMPUTE, false).describe());
        assertEquals("categorical, 0 levels [], 3 rare levels (fewer than 5 rows) merged into genus:rare, 2 missing "
                + "(a level of its own); every level is rare, so the column tells the model only whether a cell is "
                + "missing (lower --min-level-count to use its levels, or --ignore genus)",
                CategoricalEncoder.fromCounts("genus", singles, 2, 5, MissingPolicy.IMPUTE, false).describe());
        assertEquals("categorical, 1 level [\"Bos\"], 2 rare levels (fewer than 2 rows) merged into genus:rare, "
                + "0 missing", CategoricalEncoder.fromCounts("genus", singles, 0, 2, MissingPolicy.IMPUTE, false)
                .describe(), "one level kept: no such note");
    }

    @Test
    void anUnseenLevelIsReportedAsWhatItBecomes() {
        Map<String, Integer> counts = Map.of("a", 6, "b", 7, "c", 1);
        for (boolean embed : new boolean[] {false, true}) {
            CategoricalEncoder e = CategoricalEncoder.fromCounts("k", counts, 0, 5, MissingPolicy.IMPUTE, embed);
            EncodeWarnings warnings = new EncodeWarnings();
            double[] out = new double[e.outputNames().size()];
            e.encode("row", "zzz", MissingValues.defaults(), out, 0, warnings);
            assertEquals(List.of("column \"k\": 1 row with a level not seen in training, encoded as "
                    + (embed ? "code 0, the rare levels' embedding" : "all zeros") + " (e.g. \"zzz\")"),
                    warnings.messages());
            assertEquals(0.0, java.util.Arrays.stream(out).sum(), "code 0 / all zeros");
        }
    }
}
