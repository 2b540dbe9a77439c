package org.backprop.io.preprocess;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.backprop.io.csv.ColumnarCsvReader;
import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.csv.ColumnarTable;
import org.junit.jupiter.api.Test;

/** The decisions for text columns: identifiers, dates, numbers written as text. */
class ColumnTypesTest {

    private static ColumnDecision decide(String csv, TableOptions options) {
        ColumnarTable t = ColumnarCsvReader.parse("t.csv", csv.getBytes(UTF_8), ColumnarReadOptions.all());
        return ColumnTypes.decide(t, List.of("c"), options).get(0);
    }

    private static ColumnDecision decide(String csv) {
        return decide(csv, TableOptions.defaults());
    }

    @Test
    void distinctTextIsAnIdentifierWithoutSuggestingCategories() {
        ColumnDecision d = decide("c,y\nann,1\nbob,2\ncid,3\n");
        assertEquals(ColumnType.IGNORED, d.type());
        assertEquals("identifier-like: every value is distinct", d.reason(),
                "as categories, every level would be rare: no --categorical hint");
        assertEquals(ColumnType.CATEGORICAL, decide("c,y\nann,1\nbob,2\nann,3\n").type());
    }

    @Test
    void aColumnOfDistinctDatesIsIgnoredWithTheReasonAndWhatToDo() {
        ColumnDecision distinct = decide("c,y\n2001-01-22,1\n2001-01-23,2\n2001-01-24,3\n");
        assertEquals(ColumnType.IGNORED, distinct.type());
        assertEquals("looks like dates (\"2001-01-22\"), every value distinct: backprop does not read dates; add "
                + "numeric columns derived from it (e.g. year, month, day of week)", distinct.reason());
        ColumnDecision repeated = decide("c,y\n2001-01-22,1\n2001-01-22,2\nNA,3\n2001-01-24,3\n");
        assertEquals(ColumnType.CATEGORICAL, repeated.type(), "repeated dates stay categories, as before (train "
                + "adds a notice: TextShapeNoticesTest)");
    }

    @Test
    void implausibleYearsAreNotDates() {
        assertEquals("identifier-like: every value is distinct",
                decide("c,y\n4021-05-12,1\n4021-05-13,2\n4021-06-01,3\n").reason(), "part numbers");
        assertEquals("identifier-like: every value is distinct",
                decide("c,y\n1.2.2023,1\n1.3.2023,2\n2.1.1700,3\n").reason(), "one value outside 1800-2200");
    }

    @Test
    void aDeclaredDateColumnIsTheUsersChoice() {
        ColumnDecision d = decide("c,y\n2001-01-22,1\n2001-01-23,2\n",
                TableOptions.defaults().withCategorical(List.of("c")));
        assertEquals(ColumnType.CATEGORICAL, d.type());
        assertEquals("declared with --categorical", d.reason());
    }

    @Test
    void distinctAmountsAreIgnoredNamingTheShape() {
        ColumnDecision d = decide("c,y\n\"$18,611\",1\n\"$2,100\",2\n$950,3\n");
        assertEquals(ColumnType.IGNORED, d.type());
        assertEquals("looks like amounts with a currency sign or thousands separators (\"$18,611\"), every value "
                + "distinct: backprop reads them as text; write plain numbers (18611) to use the column as a number",
                d.reason());
    }

    @Test
    void aMostlyNumericColumnWithPercentagesNamesThePercentSigns() {
        org.backprop.io.DataException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.backprop.io.DataException.class, () -> decide("c,y\n12%,1\n3,2\n4,3\n5.5,4\n7 %,5\n"));
        assertEquals("t.csv, line 2, column 1 \"c\": not a number; found \"12%\" (the column is mostly numbers: 3 "
                + "numbers; 2 bad cells in this column, which look like percentages (\"12%\"): backprop reads them as "
                + "text; write plain numbers (12 or 0.12) to use the column as a number, or declare --categorical c)",
                e.getMessage());
        org.backprop.io.DataException typo = org.junit.jupiter.api.Assertions.assertThrows(
                org.backprop.io.DataException.class, () -> decide("c,y\n1,1\n3,2\n4O,3\n"));
        assertEquals("t.csv, line 4, column 1 \"c\": not a number; found \"4O\" (the column is mostly numbers: 2 "
                + "numbers; 1 bad cell in this column: fix it, if it means missing add the text to --na-values "
                + "(which replaces the default list NA,N/A,NaN,null,?: keep those in it), or declare --categorical c)", typo.getMessage(), "other non-numbers keep the general hint");
    }

    @Test
    void repeatedPercentagesStayCategorical() {
        ColumnDecision d = decide("c,y\n11.4%,1\n11.4%,2\n3%,3\n");
        assertEquals(ColumnType.CATEGORICAL, d.type(), "the notice says it; the values are not reinterpreted");
    }
}
