package org.backprop.io.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backprop.io.DataException;
import org.backprop.io.preprocess.ColumnType;
import org.backprop.io.preprocess.ColumnTypes;
import org.backprop.io.preprocess.TableOptions;
import org.backprop.io.preprocess.TablePreprocessor;
import org.junit.jupiter.api.Test;

/**
 * pandas' default missing-value texts ({@code NULL}, {@code None}, {@code nan}, ...) are missing in a
 * column of numbers and text in a text column; a column of numbers with other texts names them all.
 */
class NumberMissingTokensTest {

    private static ColumnarTable parse(String csv, MissingValues missing) {
        return ColumnarCsvReader.parse("t.csv", csv.getBytes(UTF_8),
                new ColumnarReadOptions(null, java.util.Set.of(), missing));
    }

    @Test
    void pandasMissingTextsAreMissingAmongNumbersOnly() {
        StringBuilder csv = new StringBuilder("x,kind\n");
        String[] marks = {"NULL", "#N/A", "nan", "None", "n/a", "<NA>", "-nan", "1.#QNAN"};
        for (int r = 0; r < 20; r++) {
            csv.append(r < marks.length ? marks[r] : Double.toString(r * 0.5)).append(',')
                    .append(r % 3 == 0 ? "None" : r % 3 == 1 ? "Shed" : "Gar2").append('\n');
        }
        ColumnarTable t = parse(csv.toString(), MissingValues.defaults());
        Column x = t.column("x");
        assertEquals(marks.length, x.missingCount());
        assertEquals(0, x.nonNumberCount());
        assertEquals(0, x.firstMissingRow());
        assertTrue(x.isMissing(3));
        Column kind = t.column("kind");
        assertEquals(0, kind.missingCount(), "None is a level of a text column");
        assertEquals(20, kind.nonNumberCount());
        assertEquals("None", kind.firstNonNumberText());
        assertEquals("None", kind.level(kind.code(0)));
        assertEquals(ColumnType.CATEGORICAL, ColumnTypes.decide(t, List.of("kind"), TableOptions.defaults()).get(0)
                .type());

        ColumnarTable onlyEmpty = parse(csv.toString(), MissingValues.of(List.of()));
        assertEquals(0, onlyEmpty.column("x").missingCount(), "--na-values '' keeps only empty cells");
        assertEquals(marks.length, onlyEmpty.column("x").nonNumberCount());
        ColumnarTable none = parse(csv.toString(), MissingValues.of(List.of("None")));
        assertEquals(7, none.column("kind").missingCount(), "a token the user lists is missing in text too");
    }

    @Test
    void aColumnOfNumbersWithOtherTextsNamesTheMostCommon() {
        StringBuilder csv = new StringBuilder("x,y\n");
        String[] bad = {"-", ".", "-", "n.a.", "-", ".", "x1", "x2", "x3", "x4"};
        for (int r = 0; r < 30; r++) {
            csv.append(r < bad.length ? bad[r] : r < 14 ? "NULL" : Integer.toString(r)).append(",1\n");
        }
        ColumnarTable t = parse(csv.toString(), MissingValues.defaults());
        DataException e = assertThrows(DataException.class, () -> ColumnTypes.decide(t, List.of("x"),
                TableOptions.defaults()));
        assertEquals(2, e.getLine());
        assertTrue(e.getMessage().contains("10 bad cells in this column: \"-\" 3 times, \".\" 2 times, \"n.a.\" 1 time, "
                + "\"x1\" 1 time, \"x2\" 1 time, and 2 other texts: fix them"), e.getMessage());
    }

    @Test
    void theModelKeepsTheTokensAndOlderModelsHaveNone() {
        ColumnarTable t = parse("x,y\n1,1\nNULL,2\n3,3\n", MissingValues.defaults());
        TablePreprocessor p = TablePreprocessor.fit(t, ColumnTypes.decide(t, List.of("x"), TableOptions.defaults()),
                new int[] {0, 1, 2}, TableOptions.defaults());
        TablePreprocessor read = TablePreprocessor.fromJson(p.toJson());
        assertEquals(MissingValues.NUMBER_TOKENS, read.missingValues().numberTokens());
        String old = p.toJson().replaceAll(",?\"missing_in_numbers\":\\[[^\\]]*\\]", "");
        assertEquals(List.of(), TablePreprocessor.fromJson(old).missingValues().numberTokens());
    }
}
