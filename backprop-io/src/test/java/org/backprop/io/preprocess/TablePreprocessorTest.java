package org.backprop.io.preprocess;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backprop.io.DataException;
import org.backprop.io.DoubleTable;
import org.backprop.io.csv.ColumnarCsvReader;
import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.csv.ColumnarTable;
import org.junit.jupiter.api.Test;

class TablePreprocessorTest {
    private static final String CSV = "n,c\n1,a\n3,a\nNA,b\n5,b\n7,a\n,z\n";

    private static ColumnarTable table(String csv) {
        return ColumnarCsvReader.parse("t.csv", csv.getBytes(UTF_8), ColumnarReadOptions.all());
    }

    private static TablePreprocessor fit(ColumnarTable t, int minCount) {
        List<ColumnDecision> d = ColumnTypes.decide(t, List.of("n", "c"), TableOptions.defaults());
        return TablePreprocessor.fit(t, d, new int[] {0, 1, 2, 3, 4, 5}, TableOptions.defaults().withMinLevelCount(minCount));
    }

    @Test
    void encodesMedianIndicatorOneHotRareAndMissing() {
        ColumnarTable t = table(CSV);
        TablePreprocessor p = fit(t, 2);
        assertEquals(List.of("n", "n:missing", "c=a", "c=b", "c:rare"), p.outputNames());
        NumericEncoder n = (NumericEncoder) p.encoders().get(0);
        assertEquals(4.0, n.median(), "median of 1, 3, 5, 7");
        DoubleTable x = p.encode(t, new EncodeWarnings());
        assertArrayEquals(new double[] {
            1, 0, 1, 0, 0,
            3, 0, 1, 0, 0,
            4, 1, 0, 1, 0,
            5, 0, 0, 1, 0,
            7, 0, 1, 0, 0,
            4, 1, 0, 0, 1}, x.data());
    }

    @Test
    void jsonRoundTripEncodesTheSame() {
        ColumnarTable t = table(CSV);
        TablePreprocessor p = fit(t, 2);
        TablePreprocessor back = TablePreprocessor.fromJson(p.toJson());
        assertEquals(p.toJson(), back.toJson());
        assertArrayEquals(p.encode(t, new EncodeWarnings()).data(), back.encode(t, new EncodeWarnings()).data());
        Map<String, String> row = new HashMap<>(Map.of("n", " 2 ", "c", "q"));
        EncodeWarnings warnings = new EncodeWarnings();
        assertArrayEquals(new double[] {2, 0, 0, 0, 0}, back.encode(row, warnings));
        assertEquals(List.of("column \"c\": 1 row with a level not seen in training, encoded as all zeros (e.g. \"q\")"),
                warnings.messages());
        assertThrows(IllegalArgumentException.class, () -> TablePreprocessor.fromJson(p.toJson().replace("\"version\":1",
                "\"version\":9")));
    }

    @Test
    void unseenLevelsInAFileAreCountedNotErrors() {
        TablePreprocessor p = fit(table(CSV), 1);
        ColumnarTable other = ColumnarCsvReader.parse("o.csv", "c,n\nx,1\nx,2\na,\n".getBytes(UTF_8),
                p.readOptions(List.of()));
        EncodeWarnings warnings = new EncodeWarnings();
        DoubleTable x = p.encode(other, warnings);
        assertEquals(3, x.rows());
        assertEquals(List.of("column \"c\": 2 rows with a level not seen in training, encoded as all zeros (e.g. \"x\")"),
                warnings.messages());
    }

    @Test
    void strictNumericPreprocessingOfVersionOneModels() {
        TablePreprocessor p = TablePreprocessor.numeric(List.of("n"));
        assertTrue(p.isPlainNumeric());
        DataException e = assertThrows(DataException.class, () -> p.encode(table("n\n1\nNA\n"), new EncodeWarnings()));
        assertEquals("t.csv, line 3, column 1 \"n\": missing value", e.getMessage());
    }

    @Test
    void aNumberColumnDeclaredCategoricalKeepsItsTextAsWritten() {
        ColumnarTable t = ColumnarCsvReader.parse("z.csv", "zip,y\n01200,1\n1200,2\n01200,3\n".getBytes(UTF_8),
                new ColumnarReadOptions(null, java.util.Set.of("zip"), org.backprop.io.csv.MissingValues.defaults()));
        List<ColumnDecision> d = ColumnTypes.decide(t, List.of("zip"), TableOptions.defaults().withCategorical(List.of("zip")));
        TablePreprocessor p = TablePreprocessor.fit(t, d, new int[] {0, 1, 2}, TableOptions.defaults().withMinLevelCount(1));
        assertEquals(List.of("zip=01200", "zip=1200"), p.outputNames());
    }
}
