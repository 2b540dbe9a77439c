package org.backprop.io.preprocess;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.IntFunction;
import org.backprop.io.csv.ColumnarCsvReader;
import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.csv.ColumnarTable;
import org.junit.jupiter.api.Test;

class RowIdentifiersTest {

    /** A table of {@code rows} rows: column {@code name} from {@code cell}, then x = row². */
    private static ColumnarTable table(String name, int rows, IntFunction<String> cell) {
        StringBuilder csv = new StringBuilder(name + ",x\n");
        for (int r = 0; r < rows; r++) {
            csv.append(cell.apply(r)).append(',').append(r * r).append('\n');
        }
        return ColumnarCsvReader.parse("t.csv", csv.toString().getBytes(UTF_8), ColumnarReadOptions.all());
    }

    private static List<String> notices(ColumnarTable t, TableOptions options, boolean featuresDeclared) {
        List<String> features = List.of(t.columnNames().get(0), "x");
        return RowIdentifiers.notices(t, ColumnTypes.decide(t, features, options), options, featuresDeclared);
    }

    private static List<String> notices(ColumnarTable t) {
        return notices(t, TableOptions.defaults(), false);
    }

    @Test
    void rowNumbersInFileOrderGetOneNoticeNamingTheColumnTheRangeAndTheFlag() {
        assertEquals(List.of("column \"n\": looks like a row identifier (the whole numbers 1 … 12 counting up by 1 "
                + "in file order); it is used as a numeric feature, so predictions depend on it: --ignore n leaves "
                + "it out"), notices(table("n", 12, r -> Integer.toString(r + 1))));
        assertEquals(1, notices(table("pos", 10, r -> Integer.toString(r + 100))).size(), "from any start");
    }

    @Test
    void aNamedIdentifierOfDistinctWholeNumbersInAnyOrderGetsANotice() {
        List<String> got = notices(table("PassengerId", 7, r -> Integer.toString((r * 3) % 7 + 20)));
        assertEquals(List.of("column \"PassengerId\": looks like a row identifier (named like one, 7 distinct whole "
                + "numbers from 20 to 26, one per row); it is used as a numeric feature, so predictions depend on it: "
                + "--ignore PassengerId leaves it out"), got);
    }

    @Test
    void ordinaryNumericColumnsGetNone() {
        assertEquals(List.of(), notices(table("n", 9, r -> Integer.toString(r + 1))), "too few rows to tell");
        assertEquals(List.of(), notices(table("n", 12, r -> Integer.toString(2 * r))), "steps of 2");
        assertEquals(List.of(), notices(table("n", 12, r -> (r + 1) + ".5")), "fractions");
        assertEquals(List.of(), notices(table("n", 12, r -> r == 4 ? "NA" : Integer.toString(r + 1))), "a gap");
        assertEquals(List.of(), notices(table("id", 12, r -> Integer.toString(r % 4))), "repeated: a group code");
        assertEquals(List.of(), notices(table("score", 7, r -> Integer.toString((r * 3) % 7))),
                "distinct in any order but not named like an identifier");
    }

    @Test
    void aDeclaredChoiceSilencesIt() {
        ColumnarTable t = table("id", 12, r -> Integer.toString(r + 1));
        assertEquals(List.of(), notices(t, TableOptions.defaults().withNumeric(List.of("id")), false), "--numeric id");
        assertEquals(List.of(), notices(t, TableOptions.defaults(), true), "--features listed");
        assertEquals(List.of(), notices(t, TableOptions.defaults().withIgnore(List.of("id")), false), "--ignore id");
    }

    @Test
    void identifierNames() {
        for (String name : List.of("id", "ID", "Id", "index", "rownames", "Unnamed: 0", "...1", "customer_id",
                "Customer.ID", "PassengerId", "customerID", "user2Id", "order id")) {
            assertTrue(RowIdentifiers.namedLikeIdentifier(name), name);
        }
        for (String name : List.of("paid", "valid", "UUID", "PID", "_id", "idle", "x", "Identity", "width")) {
            assertFalse(RowIdentifiers.namedLikeIdentifier(name), name);
        }
    }
}
