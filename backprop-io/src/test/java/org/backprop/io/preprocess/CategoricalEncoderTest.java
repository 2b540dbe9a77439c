package org.backprop.io.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
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
}
