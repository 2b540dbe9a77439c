package org.backprop.io.preprocess;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.backprop.io.csv.ColumnarCsvReader;
import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.csv.ColumnarTable;
import org.junit.jupiter.api.Test;

class ConstantColumnsTest {

    private static List<String> notices(String csv) {
        ColumnarTable t = ColumnarCsvReader.parse("t.csv", csv.getBytes(UTF_8), ColumnarReadOptions.all());
        List<String> features = t.columnNames();
        return ConstantColumns.notices(t, ColumnTypes.decide(t, features, TableOptions.defaults()));
    }

    @Test
    void aNumericColumnOfOneValueGetsANoticeNamingTheValueAndTheFlag() {
        assertEquals(List.of("column \"c\": constant (every value is 5.0): it teaches the model nothing, and another "
                + "value at prediction time moves predictions untrained: --ignore c leaves it out"),
                notices("a,c,t\n1,5,x\n2,5,y\n3, 5 ,x\n"));
    }

    @Test
    void varyingMissingTextAndOneRowColumnsGetNone() {
        assertEquals(List.of(), notices("a,c\n1,5\n2,5.5\n"), "varies");
        assertEquals(List.of(), notices("a,c\n1,5\n2,NA\n3,5\n"), "its missing indicator varies");
        assertEquals(List.of(), notices("a,t\n1,x\n2,x\n"), "text: the categorical encoder's business");
        assertEquals(List.of(), notices("a\n1\n"), "one row");
    }
}
