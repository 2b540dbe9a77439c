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
        assertArrayEquals(new double[] {2, 0, 0, 0, 1}, back.encode(row, warnings), "q goes where rare z went");
        assertEquals(List.of("column \"c\": 1 row with a level not seen in training, encoded as the rare levels' "
                + "input c:rare (e.g. \"q\")"), warnings.messages());
        assertThrows(IllegalArgumentException.class, () -> TablePreprocessor.fromJson(p.toJson().replace("\"version\":2",
                "\"version\":9")));
    }

    @Test
    void theTrainingFilesSeparatorAndDecimalMarkAreStoredAndReadOtherFiles() {
        ColumnarReadOptions european = ColumnarReadOptions.all().withSeparator(';').withDecimal(',');
        ColumnarTable t = ColumnarCsvReader.parse("t.csv", "n;c\n1,5;a\n2,5;b\n".getBytes(UTF_8), european);
        TablePreprocessor p = TablePreprocessor.fit(t, ColumnTypes.decide(t, List.of("n", "c"),
                TableOptions.defaults()), new int[] {0, 1}, TableOptions.defaults());
        assertEquals(';', p.separator());
        assertEquals(',', p.decimal());
        TablePreprocessor back = TablePreprocessor.fromJson(p.toJson());
        assertTrue(p.toJson().contains("\"version\":2,\"separator\":\";\",\"decimal\":\",\""), p.toJson());
        ColumnarReadOptions read = back.readOptions(List.of());
        assertEquals(';', read.separator());
        assertEquals(',', read.decimal());
        ColumnarTable other = ColumnarCsvReader.parse("o.csv", "c;n\nb;3,25\n".getBytes(UTF_8), read);
        assertEquals(3.25, back.encode(other, new EncodeWarnings()).get(0, 0), "3,25 read with the stored comma");
    }

    @Test
    void aVersion1PreprocessingReadsCommasAndPoints() {
        TablePreprocessor p = fit(table(CSV), 2);
        String version1 = p.toJson().replace("\"version\":2,\"separator\":\",\",\"decimal\":\".\",",
                "\"version\":1,");
        assertTrue(version1.startsWith("{\"version\":1,\"missing_values\""), version1);
        TablePreprocessor old = TablePreprocessor.fromJson(version1);
        assertEquals(',', old.separator());
        assertEquals('.', old.decimal());
        assertEquals(',', old.readOptions(List.of()).separator());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> TablePreprocessor.fromJson(
                p.toJson().replace("\"separator\":\",\"", "\"separator\":\",,\"")));
        assertTrue(bad.getMessage().contains("\"separator\" must be one character"), bad.getMessage());
    }

    @Test
    void theNamelessFirstColumnIsIgnoredAsRowNamesWhateverItHolds() {
        ColumnarTable t = table("\"\",x,c\n\"1\",1,a\n\"2\",2,b\n\"3\",3,a\n");
        List<ColumnDecision> d = ColumnTypes.decide(t, List.of("", "x", "c"), TableOptions.defaults());
        assertEquals(new ColumnDecision("", ColumnType.IGNORED, RowIdentifiers.ROW_NAMES_REASON), d.get(0));
        TablePreprocessor p = TablePreprocessor.fit(t, d, new int[] {0, 1, 2}, TableOptions.defaults()
                .withMinLevelCount(1));
        assertEquals(List.of("x", "c"), p.columns());
        assertEquals("column \"\": ignored, the nameless first column holds row names (R's write.csv, pandas' "
                + "index): a row id, not a feature", p.describe().get(p.describe().size() - 1));
        ColumnarTable withoutRowNames = ColumnarCsvReader.parse("o.csv", "c,x\nb,5\n".getBytes(UTF_8),
                p.readOptions(List.of()));
        assertEquals(1, p.encode(withoutRowNames, new EncodeWarnings()).rows(), "no row-name column needed");
    }

    @Test
    void aColumnWhoseEveryLevelIsRareIsIgnoredSayingWhatMinLevelCountKeepsIt() {
        ColumnarTable t = table("n,genus,vore\n1,Bos,a\n2,Bos,a\n3,Pan,b\n4,Bos,a\n5,Pan,\n6,Sus,b\n");
        List<String> features = List.of("n", "genus", "vore");
        TablePreprocessor p = TablePreprocessor.fit(t, ColumnTypes.decide(t, features, TableOptions.defaults()),
                new int[] {0, 1, 2, 3, 4, 5}, TableOptions.defaults());
        assertEquals(List.of("n", "vore"), p.columns(), "vore keeps its missing level: not constant");
        assertEquals(List.of(new ColumnDecision("genus", ColumnType.IGNORED, "every level is rare (3 levels, each in "
                + "fewer than 5 training rows), so as one constant input it would teach the model nothing; "
                + "--min-level-count 3 would keep it, giving the levels of 3 rows or more an input of their own")),
                p.ignored());
        assertEquals(List.of("n", "vore:rare", "vore:missing"), p.outputNames());
        TablePreprocessor kept = TablePreprocessor.fit(t, ColumnTypes.decide(t, features, TableOptions.defaults()),
                new int[] {0, 1, 2, 3, 4, 5}, TableOptions.defaults().withMinLevelCount(3));
        assertEquals(List.of("n", "genus=Bos", "genus:rare", "vore=a", "vore:rare", "vore:missing"),
                kept.outputNames());
        DataException none = assertThrows(DataException.class, () -> TablePreprocessor.fit(t,
                ColumnTypes.decide(t, List.of("genus"), TableOptions.defaults()), new int[] {0, 1, 2, 3, 4, 5},
                TableOptions.defaults()));
        assertTrue(none.getMessage().startsWith("t.csv, line 1: no feature column left to train on: [\"genus\" every "
                + "level is rare"), none.getMessage());
    }

    @Test
    void aGeneratedInputNameThatAColumnAlreadyHasGetsASuffixThatTheModelFileKeeps() {
        ColumnarTable t = table("x,x:missing,c,c=red\n,0,blue,1\n1,1,red,2\n2,0,red,3\n3,1,blue,4\n");
        List<String> features = List.of("x", "x:missing", "c", "c=red");
        TablePreprocessor p = TablePreprocessor.fit(t, ColumnTypes.decide(t, features, TableOptions.defaults()),
                new int[] {0, 1, 2, 3}, TableOptions.defaults().withMinLevelCount(1));
        assertEquals(List.of("x", "x:missing~2", "x:missing", "c=blue", "c=red~2", "c=red"), p.outputNames());
        assertEquals(List.of("x:missing~2", "c=red~2"), p.outputNames().stream().filter(n -> n.contains("~")).toList());
        assertTrue(p.describe().containsAll(List.of("column \"x\": input \"x:missing\" is named \"x:missing~2\", as a "
                + "column or another input already has that name", "column \"c\": input \"c=red\" is named \"c=red~2\", "
                + "as a column or another input already has that name")), p.describe().toString());
        assertEquals(p.outputNames(), TablePreprocessor.fromJson(p.toJson()).outputNames(), "read back the same");
        assertArrayEquals(new double[] {2, 1, 0, 0, 1, 5}, p.encode(Map.of("x", "NA", "x:missing", "0", "c", "red",
                "c=red", "5"), new EncodeWarnings()), "positions unchanged: x imputed, its indicator, c=red, column c=red");
    }

    @Test
    void twoGeneratedNamesThatMeetAreSuffixedInInputOrder() {
        ColumnarTable t = table("a,a=b\nb=c,c\nb=c,c\n");
        TablePreprocessor p = TablePreprocessor.fit(t, ColumnTypes.decide(t, List.of("a", "a=b"),
                TableOptions.defaults()), new int[] {0, 1}, TableOptions.defaults().withMinLevelCount(1));
        assertEquals(List.of("a=b=c", "a=b=c~2"), p.outputNames());
    }

    @Test
    void aColumnWithARoleIsSaidToHaveItNotToBeIgnored() {
        ColumnarTable t = table("n,w,id\n1,2,a\n2,3,b\n");
        TableOptions options = TableOptions.defaults().withIgnore(List.of("id")).withRole("w", "row weights "
                + "(--weight-column)");
        TablePreprocessor p = TablePreprocessor.fit(t, ColumnTypes.decide(t, List.of("n", "w", "id"), options),
                new int[] {0, 1}, options);
        assertEquals(List.of("n"), p.columns());
        assertEquals(List.of("column \"w\": used as row weights (--weight-column)", "column \"id\": ignored, "
                + "declared with --ignore"), p.describe());
        assertEquals(p.describe(), TablePreprocessor.fromJson(p.toJson()).describe(), "as the model file says it");
        assertThrows(IllegalArgumentException.class, () -> options.withCategorical(List.of("w")));
    }

    @Test
    void unseenLevelsInAFileAreCountedNotErrors() {
        TablePreprocessor p = fit(table(CSV), 1);
        ColumnarTable other = ColumnarCsvReader.parse("o.csv", "c,n\nx,1\nx,2\na,\n".getBytes(UTF_8),
                p.readOptions(List.of()));
        EncodeWarnings warnings = new EncodeWarnings();
        DoubleTable x = p.encode(other, warnings);
        assertEquals(3, x.rows());
        assertEquals(List.of("column \"c\": 2 rows with a level not seen in training, encoded as all zeros (the "
                + "column has no rare levels) (e.g. \"x\")"), warnings.messages());
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
