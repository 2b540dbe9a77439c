package org.backprop.io.preprocess;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.backprop.io.csv.ColumnarCsvReader;
import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.csv.ColumnarTable;
import org.junit.jupiter.api.Test;

/** A spreadsheet's total row at the top or bottom of a table is named, by its word or its sums. */
class SummaryRowsTest {

    private static List<String> warnings(String csv) {
        ColumnarTable t = ColumnarCsvReader.parse("t.csv", csv.getBytes(UTF_8), ColumnarReadOptions.all());
        return SummaryRows.warnings(t);
    }

    private static final String ROWS = "red,13,13.47,217.57\nred,44,11.52,1164.3\ngreen,24,13.97,55.55\n"
            + "blue,7,2.5,100.25\ngreen,12,1.01,20.0\n";

    @Test
    void aLastRowOfSumsNamedTotalIsNamed() {
        assertEquals(List.of("line 7 looks like a summary row (\"Total\"; its numbers are the sums of the other rows), "
                + "and is trained on as data: remove it"), warnings("region,units,cost,revenue\n" + ROWS
                + "Total,100,42.47,1557.67\n"));
    }

    @Test
    void aWordOrSumsAloneAreEnoughAtTheTopOrBottom() {
        assertEquals(List.of("line 2 looks like a summary row (\"GRAND TOTAL\"), and is trained on as data: remove it"),
                warnings("region,units\nGRAND TOTAL,1\nred,13\ngreen,24\n"));
        assertEquals(List.of("line 7 looks like a summary row (its numbers are the sums of the other rows), and is "
                + "trained on as data: remove it"), warnings("region,units,cost,revenue\n" + ROWS
                + "all,100,42.470001,1557.6\n"), "within rounding");
    }

    @Test
    void ordinaryRowsAreNotSummaries() {
        assertEquals(List.of(), warnings("region,units,cost,revenue\n" + ROWS + "blue,81,12.0,1000\n"),
                "one column summing up by chance is not enough");
        assertEquals(List.of(), warnings("region,units,cost\nred,0,0\nred,0,0\nTotally,0,0\n"),
                "zeros sum to zero; Totally is no total");
        assertEquals(List.of(), warnings("region,units\nTotal,1\n"), "too few rows to tell");
        assertEquals(List.of(), warnings("x,y\n1,2\n2,4\n3,6\n"), "in 3 rows 3,6 = 1+2, 2+4 by chance");
    }
}
