package org.backprop.io.preprocess;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.backprop.io.csv.ColumnarCsvReader;
import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.csv.MissingValues;
import org.junit.jupiter.api.Test;

class LookAlikeLevelsTest {

    @Test
    void labelsThatDifferOnlyInCaseOrSpacesAreGrouped() {
        assertEquals(List.of(List.of("NO", "No", "no"), List.of("YES", "Yes", "yes")),
                LookAlikeLevels.groups(List.of("No", "Yes", "no", "NO", "yes", "YES", "maybe")));
        assertEquals(List.of(List.of("red", "red ")), LookAlikeLevels.groups(List.of("red ", "red", "blue")));
        assertEquals(List.of(), LookAlikeLevels.groups(List.of("a", "b", "c")));
    }

    @Test
    void theTargetAndEachColumnGetOneLineSayingHowToMerge() {
        ColumnarTable t = ColumnarCsvReader.parse("t.csv", "colour,size,x\nred,S,1\n\"red \",s,2\nRed,M,3\nblue,L,4\nblue,L,5\n"
                .getBytes(UTF_8), new ColumnarReadOptions(null, Set.of(), MissingValues.defaults()));
        List<ColumnDecision> decisions = ColumnTypes.decide(t, List.of("colour", "size", "x"), TableOptions.defaults());
        assertEquals(List.of("target \"answer\": class labels that differ only in case or spaces are separate classes: "
                + "\"NO\", \"No\", \"no\"; \"YES\", \"Yes\"; to merge a group, write its class labels one way in the "
                + "file", "column \"colour\": levels that differ only in case or spaces are separate levels: \"Red\", "
                + "\"red\", \"red \"; to merge a group, write its levels one way in the file", "column \"size\": levels "
                + "that differ only in case or spaces are separate levels: \"S\", \"s\"; to merge a group, write its "
                + "levels one way in the file"), LookAlikeLevels.notices(t, decisions, "answer",
                List.of("NO", "No", "YES", "Yes", "no")));
        assertEquals(2, LookAlikeLevels.notices(t, decisions, "y", null).size(), "a regression target: no labels");
    }

    @Test
    void manyColumnsMakeFewLines() {
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < 8; c++) {
            csv.append(c == 0 ? "" : ",").append("c").append(c);
        }
        csv.append('\n');
        for (String row : new String[] {"a", "A", "b", "b"}) {
            csv.append((row + ",").repeat(7)).append(row).append('\n');
        }
        ColumnarTable t = ColumnarCsvReader.parse("t.csv", csv.toString().getBytes(UTF_8), ColumnarReadOptions.all());
        List<String> features = List.of("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7");
        List<String> lines = LookAlikeLevels.notices(t, ColumnTypes.decide(t, features, TableOptions.defaults()), "y",
                null);
        assertEquals(LookAlikeLevels.MAX_LINES, lines.size(), lines.toString());
        assertEquals("also 4 more columns with levels that differ only in case or spaces: column \"c4\", column "
                + "\"c5\", column \"c6\", column \"c7\"", lines.get(lines.size() - 1));
    }
}
