package org.backprop.spark.data;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.backprop.io.csv.ColumnarCsvReader;
import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.preprocess.ColumnDecision;
import org.backprop.io.preprocess.ColumnType;
import org.backprop.io.preprocess.ColumnTypes;
import org.backprop.io.preprocess.TableOptions;
import org.junit.jupiter.api.Test;

/** Column types decided from partition summaries are those of the whole table: dates included. */
class ColumnSummaryTest {

    private static ColumnarTable parse(String csv) {
        return ColumnarCsvReader.parse("t.csv", csv.getBytes(UTF_8), ColumnarReadOptions.all());
    }

    @Test
    void partsDecideADateOrAmountColumnAsTheWholeTableDoes() {
        String[] headerAndParts = {"c,y\n", "2001-01-23,1\n2001-01-22,2\n", "2001-01-24,3\nNA,4\n"};
        String[] amounts = {"c,y\n", "\"$2,100\",1\n$950,2\n", "\"$18,611\",3\n$951,4\n"};
        for (String[] csv : List.of(headerAndParts, amounts)) {
            ColumnarTable whole = parse(csv[0] + csv[1] + csv[2]);
            ColumnDecision expected = ColumnTypes.decide(whole, List.of("c"), TableOptions.defaults()).get(0);
            ColumnSummary first = ColumnSummary.of(parse(csv[0] + csv[1]).column("c"), new boolean[] {true, true},
                    false);
            first.append(ColumnSummary.of(parse(csv[0] + csv[2]).column("c"), new boolean[] {true, true}, false), 2);
            ColumnDecision fromParts = ColumnTypes.decide(first.counts("c"), "c", TableOptions.defaults(),
                    () -> null, first::textShape);
            assertEquals(expected, fromParts);
            assertEquals(ColumnType.IGNORED, fromParts.type(), fromParts::toString);
        }
    }
}
