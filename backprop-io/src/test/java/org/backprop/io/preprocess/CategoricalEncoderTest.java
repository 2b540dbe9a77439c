package org.backprop.io.preprocess;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backprop.io.csv.ColumnarCsvReader;
import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.csv.ColumnarTable;
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
    void aColumnOfDatesWhoseLevelsAreAllRareIsToldToDeriveNumbersNotToLowerTheLevelCount() {
        Map<String, Integer> dates = Map.of("2024-01-02", 1, "2024-01-03", 2, "2024-01-04", 1);
        assertEquals("categorical, 0 levels [], 3 rare levels (fewer than 5 rows) merged into day:rare, 0 missing; "
                + "every level is rare, so the column is one constant input (as levels, dates seldom repeat and new "
                + "rows bring dates never seen: backprop does not read dates; add numeric columns derived from it "
                + "(e.g. year, month, day of week), or --ignore day)", CategoricalEncoder.fromCounts("day", dates, 0, 5,
                MissingPolicy.IMPUTE, false).describe(), "e.g. a column declared --categorical day");
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
                    + (embed ? "code 0, the rare levels' embedding" : "the rare levels' input k:rare")
                    + " (e.g. \"zzz\")"), warnings.messages());
            assertArrayEquals(embed ? new double[] {0} : new double[] {0, 0, 1}, out, "code 0 / k:rare");
        }
    }

    @Test
    void anUnseenLevelOrMissingCellGoesWhereTheRareLevelsWentAsInTraining() {
        CategoricalEncoder e = CategoricalEncoder.fromCounts("k", Map.of("a", 6, "b", 7, "c", 1), 0, 5,
                MissingPolicy.IMPUTE, false);
        assertEquals(List.of("k=a", "k=b", "k:rare"), e.outputNames());
        for (String cell : new String[] {"c", "zzz", "NA"}) {
            double[] out = new double[3];
            e.encode("row", cell, MissingValues.defaults(), out, 0, new EncodeWarnings());
            assertArrayEquals(new double[] {0, 0, 1}, out, cell);
        }
        ColumnarTable t = ColumnarCsvReader.parse("t.csv", "k\nb\nzzz\nNA\n".getBytes(UTF_8),
                new ColumnarReadOptions(null, Set.of("k"), MissingValues.defaults()));
        double[] block = new double[9];
        EncodeWarnings warnings = new EncodeWarnings();
        e.encode(t, new int[] {0, 1, 2}, block, 3, 0, warnings);
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, 1, 0, 0, 1}, block);
        assertEquals(List.of("column \"k\": 1 row with a level not seen in training, encoded as the rare levels' "
                + "input k:rare (e.g. \"zzz\")", "column \"k\": 1 row with a missing value (none in training), "
                + "encoded as the rare levels' input k:rare"), warnings.messages());
    }

    @Test
    void withoutRareLevelsAnUnseenLevelIsAllZeros() {
        CategoricalEncoder e = CategoricalEncoder.fromCounts("k", Map.of("a", 6, "b", 7), 0, 5, MissingPolicy.IMPUTE,
                false);
        EncodeWarnings warnings = new EncodeWarnings();
        double[] out = new double[2];
        e.encode("row", "zzz", MissingValues.defaults(), out, 0, warnings);
        assertArrayEquals(new double[] {0, 0}, out);
        assertEquals(List.of("column \"k\": 1 row with a level not seen in training, encoded as all zeros (the "
                + "column has no rare levels) (e.g. \"zzz\")"), warnings.messages());
    }

    @Test
    void aSavedColumnOfOnlyRareLevelsGivesAnUnseenLevelTheInputOfEveryTrainingRow() {
        // models saved before such columns were ignored keep them: an unseen genus is 1, as every training row
        CategoricalEncoder e = CategoricalEncoder.fromJson(JsonParser.parseString("{\"name\":\"genus\",\"type\":"
                + "\"categorical\",\"levels\":[],\"rare_levels\":[\"Bos\",\"Pan\"],\"missing_level\":false,"
                + "\"missing_in_training\":0,\"min_count\":5}").getAsJsonObject());
        assertTrue(e.isConstant());
        for (String cell : new String[] {"Bos", "Tenrec"}) {
            double[] out = new double[1];
            e.encode("row", cell, MissingValues.defaults(), out, 0, new EncodeWarnings());
            assertArrayEquals(new double[] {1}, out, cell);
        }
    }

    @Test
    void aWholeNumberWrittenAnotherWayFindsItsLevel() {
        // Trained on R's "3" and pandas' "2.0"; rows written the other way find them, without a warning.
        Map<String, Integer> counts = Map.of("3", 6, "2.0", 7, "1", 1, "07", 5);
        CategoricalEncoder e = CategoricalEncoder.fromCounts("beds", counts, 0, 5, MissingPolicy.IMPUTE, false);
        List<String> names = e.outputNames();
        for (String[] cellAndLevel : new String[][] {{"3.0", "beds=3"}, {"3e0", "beds=3"}, {"+3.00", "beds=3"},
            {"2", "beds=2.0"}, {"2.", "beds=2.0"}, {"1.0", "beds:rare"}}) {
            EncodeWarnings warnings = new EncodeWarnings();
            double[] out = new double[names.size()];
            e.encode("row", cellAndLevel[0], MissingValues.defaults(), out, 0, warnings);
            assertEquals(List.of(), warnings.messages(), cellAndLevel[0]);
            assertEquals(1.0, out[names.indexOf(cellAndLevel[1])], cellAndLevel[0] + " -> " + cellAndLevel[1]);
        }
        for (String unseen : new String[] {"3.5", "4.0", "three", " 3.0", "0x3", "3.0f", "Infinity", "7", "03"}) {
            EncodeWarnings warnings = new EncodeWarnings();
            double[] out = new double[names.size()];
            e.encode("row", unseen, MissingValues.defaults(), out, 0, warnings);
            assertEquals(1, warnings.messages().size(), unseen + " is a level not seen in training");
            assertEquals(1.0, out[names.indexOf("beds:rare")], unseen + " goes to the rare levels");
        }
    }

    @Test
    void aNumberWrittenTwoWaysAmongTheLevelsMatchesOnlyAsWritten() {
        Map<String, Integer> counts = Map.of("3", 6, "3.0", 7);
        CategoricalEncoder e = CategoricalEncoder.fromCounts("beds", counts, 0, 5, MissingPolicy.IMPUTE, false);
        List<String> names = e.outputNames();
        for (String[] cellAndLevel : new String[][] {{"3", "beds=3"}, {"3.0", "beds=3.0"}}) {
            double[] out = new double[names.size()];
            e.encode("row", cellAndLevel[0], MissingValues.defaults(), out, 0, new EncodeWarnings());
            assertEquals(1.0, out[names.indexOf(cellAndLevel[1])], cellAndLevel[0]);
        }
        EncodeWarnings warnings = new EncodeWarnings();
        double[] out = new double[names.size()];
        e.encode("row", "3.00", MissingValues.defaults(), out, 0, warnings);
        assertEquals(1, warnings.messages().size(), "3.00 could be either level: unseen");
    }

    @Test
    void wholeNumberDigits() {
        assertEquals("3", CategoricalEncoder.wholeNumberDigits("3.0"));
        assertEquals("-12", CategoricalEncoder.wholeNumberDigits("-12.00"));
        assertEquals("100", CategoricalEncoder.wholeNumberDigits("1e2"));
        assertEquals("0", CategoricalEncoder.wholeNumberDigits("-0.0"));
        assertEquals(null, CategoricalEncoder.wholeNumberDigits("07"));
        assertEquals(null, CategoricalEncoder.wholeNumberDigits("2.5"));
        assertEquals(null, CategoricalEncoder.wholeNumberDigits("1e20"));
        assertEquals(null, CategoricalEncoder.wholeNumberDigits("NaN"));
        assertEquals(null, CategoricalEncoder.wholeNumberDigits(""));
    }
}
