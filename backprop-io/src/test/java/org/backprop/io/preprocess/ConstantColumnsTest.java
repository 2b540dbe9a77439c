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

    @Test
    void manyConstantColumnsShareOneNotice() {
        StringBuilder header = new StringBuilder("a");
        StringBuilder row = new StringBuilder();
        for (int c = 1; c <= 12; c++) {
            header.append(",k").append(c);
            row.append(",0");
        }
        String csv = header + "\n1" + row + "\n2" + row + "\n";
        assertEquals(List.of("12 constant columns (k1, k2, k3, k4, k5, k6, k7, k8, and 4 more): they teach the model "
                + "nothing, and other values at prediction time move predictions untrained; --ignore leaves them out"),
                notices(csv));
        assertEquals(3, notices("a,k1,k2,k3\n1,0,0,0\n2,0,0,0\n").size(), "up to 3 keep a line each");
    }
}
