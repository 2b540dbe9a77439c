package org.backprop.io.preprocess;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.backprop.io.csv.ColumnarCsvReader;
import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.csv.ColumnarTable;
import org.junit.jupiter.api.Test;

class TextShapeNoticesTest {

    private static List<String> notices(String csv, TableOptions options) {
        ColumnarTable t = ColumnarCsvReader.parse("t.csv", csv.getBytes(UTF_8), ColumnarReadOptions.all());
        List<String> features = t.columnNames();
        return TextShapeNotices.notices(t, ColumnTypes.decide(t, features, options), options);
    }

    @Test
    void categoricalPercentagesAndAmountsGetOneLineEach() {
        String csv = "rate,price,city\n11.4%,$5,Lyon\n11.4%,$5,Lyon\n0.4%,\"$1,200\",Nice\n";
        assertEquals(List.of("column \"rate\": looks like percentages (\"0.4%\"), so categorical: backprop reads them "
                        + "as text; write plain numbers (0.4 or 0.004) to use the column as a number",
                "column \"price\": looks like amounts with a currency sign or thousands separators (\"$1,200\"), so "
                        + "categorical: backprop reads them as text; write plain numbers (1200) to use the column as a "
                        + "number"), notices(csv, TableOptions.defaults()));
    }

    @Test
    void repeatedDatesStayCategoriesWithANotice() {
        assertEquals(List.of("column \"c\": looks like dates (\"2001-01-22\"), so categorical: backprop does not read "
                + "dates; add numeric columns derived from it (e.g. year, month, day of week)"),
                notices("c,d\n2001-01-22,1\n2001-01-22,2\n", TableOptions.defaults()));
    }

    @Test
    void ordinaryTextDeclaredColumnsAndIgnoredColumnsGetNone() {
        assertEquals(List.of(), notices("c,d\nLyon,1\nLyon,2\nNice,3\n", TableOptions.defaults()), "a city is a category");
        assertEquals(List.of(), notices("c,d\n5%,1\n5%,2\n", TableOptions.defaults().withCategorical(List.of("c"))),
                "declared: the user's choice");
        assertEquals(List.of(), notices("c,d\n1.5,1\n2,2\n", TableOptions.defaults()), "numbers");
    }
}
