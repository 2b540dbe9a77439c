package org.backprop.io.table;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.backprop.io.DataException;
import org.backprop.io.csv.ColumnarCsvReader;
import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.model.Model;
import org.backprop.io.model.ModelMetadata;
import org.backprop.io.model.Task;
import org.backprop.io.preprocess.LabelEncoder;
import org.backprop.io.preprocess.StandardScaler;
import org.backprop.loss.SoftmaxCrossEntropy;
import org.backprop.network.NeuralNetwork;
import org.junit.jupiter.api.Test;

class TargetTest {

    private static ColumnarTable table(String csv) {
        return ColumnarCsvReader.parse("t.csv", csv.getBytes(UTF_8), ColumnarReadOptions.all());
    }

    private static Model classifier(String... labels) {
        NeuralNetwork net = NeuralNetwork.builder(1).dense(labels.length, "linear").loss(new SoftmaxCrossEntropy())
                .seed(1).threads(1).build();
        return Model.classification(net, List.of("x"), "y", StandardScaler.of(new double[] {0}, new double[] {1}),
                LabelEncoder.fit(labels), new ModelMetadata("{}", 1, "test", ""));
    }

    @Test
    void wholeNumbersWrittenWithAFractionAreOneClassInTraining() {
        String rows = "1,1\n2,1.0\n3,2.00\n4,2\n5,07\n";
        Target t = Target.forTraining(table("x,y\n" + rows.repeat(3)), "y", null, false);
        assertEquals(List.of("1", "2", "07"), t.labels().classes());
        assertEquals("target \"y\" has only 3 distinct whole numbers (at most 10)", t.reason());
        assertEquals(List.of("2.5", "2.50"), Target.forTraining(table("x,y\n1,2.5\n2,2.50\n"), "y",
                org.backprop.io.model.Task.CLASSIFICATION, false).labels().classes(), "fractions as written");
    }

    /** A CSV of a column x = 1 … n and a target y whose row r holds {@code values[r % values.length]}. */
    private static ColumnarTable cycling(int n, int... values) {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int r = 0; r < n; r++) {
            csv.append(r + 1).append(',').append(values[r % values.length]).append('\n');
        }
        return table(csv.toString());
    }

    @Test
    void aTinyTableOfManyWholeNumbersIsRegression() {
        Target t = Target.forTraining(cycling(12, 1, 2, 3, 4, 5, 6, 7, 8), "y", null, false);
        assertEquals(Task.REGRESSION, t.task());
        assertEquals("target \"y\" has 8 distinct whole numbers in only 12 rows, fewer than 5 rows per value on "
                + "average: too few to be classes", t.reason());
        assertEquals(Task.CLASSIFICATION, Target.forTraining(cycling(12, 1, 2, 3, 4, 5, 6, 7, 8), "y",
                Task.CLASSIFICATION, false).task(), "--task classification still wins");
    }

    @Test
    void wholeNumbersAreClassesFromFiveRowsPerValueOnAverage() {
        assertEquals(Task.REGRESSION, Target.forTraining(cycling(14, 1, 2, 3), "y", null, false).task(), "14 < 3·5");
        assertEquals(Task.CLASSIFICATION, Target.forTraining(cycling(15, 1, 2, 3), "y", null, false).task(), "15 = 3·5");
        assertEquals(Task.REGRESSION, Target.forTraining(cycling(49, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), "y", null, false)
                .task(), "10 values in 49 rows");
        assertEquals(Task.CLASSIFICATION, Target.forTraining(cycling(50, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), "y", null,
                false).task(), "the documented rule for a normal table: 10 whole numbers are classes");
        assertEquals(Task.REGRESSION, Target.forTraining(cycling(500, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), "y", null,
                false).task(), "more than 10 values, however many rows");
    }

    /** A CSV of a column x and a target y holding each of {@code valueAndRows} (value, rows, …) that many times. */
    private static ColumnarTable counted(int... valueAndRows) {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < valueAndRows.length; i += 2) {
            for (int k = 0; k < valueAndRows[i + 1]; k++) {
                csv.append(k).append(',').append(valueAndRows[i]).append('\n');
            }
        }
        return table(csv.toString());
    }

    @Test
    void aCountTargetWithGapsAndSparseValuesIsRegression() {
        // esoph's ncases in 70 training rows: 0 … 17, ten values, five of them in fewer than 5 rows
        Target t = Target.forTraining(counted(0, 25, 1, 13, 2, 8, 3, 6, 4, 7, 5, 3, 6, 4, 8, 1, 9, 2, 17, 1), "y", null,
                false);
        assertEquals(Task.REGRESSION, t.task());
        assertEquals("target \"y\" looks like counts: 10 distinct whole numbers from 0 to 17 with gaps, 5 of them in "
                + "fewer than 5 rows each, too few to be classes", t.reason());
        assertEquals(Task.CLASSIFICATION, Target.forTraining(counted(0, 25, 1, 13, 2, 8, 3, 6, 4, 7, 5, 3, 6, 4, 8, 1,
                9, 2, 17, 1), "y", Task.CLASSIFICATION, false).task(), "--task classification still wins");
    }

    @Test
    void classCodesStayClasses() {
        assertEquals(Task.CLASSIFICATION, Target.forTraining(counted(0, 40, 1, 10), "y", null, false).task(), "0/1");
        assertEquals(Task.CLASSIFICATION, Target.forTraining(counted(1, 6, 2, 9, 3, 20, 4, 12, 5, 7), "y", null, false)
                .task(), "a 1–5 rating, rows enough per value");
        assertEquals(Task.CLASSIFICATION, Target.forTraining(counted(0, 50, 1, 50, 2, 50), "y", null, false).task(),
                "iris' codes");
        assertEquals(Task.CLASSIFICATION, Target.forTraining(counted(3, 20, 4, 163, 5, 1457, 6, 2198, 7, 880, 8, 175,
                9, 5), "y", null, false).task(), "wine quality 3 … 9: no gap, no value under 5 rows");
        assertEquals(Task.CLASSIFICATION, Target.forTraining(counted(1, 30, 2, 30, 4, 3, 7, 2, 9, 1), "y", null, false)
                .task(), "gaps and 3 sparse values, but only 5 values: codes as likely as counts");
    }

    @Test
    void sparseWholeNumberClassesWithoutGapsSuggestRegression() {
        Target t = Target.forTraining(counted(0, 30, 1, 20, 2, 10, 3, 8, 4, 4, 5, 2, 6, 1), "y", null, false);
        assertEquals(Task.CLASSIFICATION, t.task(), "0 … 6 without a gap may be codes");
        assertEquals("target \"y\" has only 7 distinct whole numbers (at most 10), 3 of them in fewer than 5 rows "
                + "each: if they are counts or measurements, not class codes, use --task regression", t.reason());
    }

    @Test
    void twoWholeNumbersAreClassesInATinyTableToo() {
        Target t = Target.forTraining(cycling(4, 0, 1), "y", null, false);
        assertEquals(Task.CLASSIFICATION, t.task());
        assertEquals(Task.CLASSIFICATION, Target.forTraining(cycling(3, 0, 1), "y", null, false).task());
        assertEquals(Task.CLASSIFICATION, Target.forTraining(table("x,y\n1,a\n2,b\n3,c\n4,d\n"), "y", null, false)
                .task(), "text labels are classes whatever the rows");
    }

    @Test
    void theTaskNoticeNamesTheTaskThatOverrides() {
        assertEquals("task: regression (why; --task classification overrides)",
                Target.notice(Task.REGRESSION, "why", null));
        assertEquals("task: classification (why; --task regression overrides)",
                Target.notice(Task.CLASSIFICATION, "why", LabelEncoder.fit(new String[] {"0", "1", "07"})));
        assertEquals("task: classification (why)", Target.notice(Task.CLASSIFICATION, "why",
                LabelEncoder.fit(new String[] {"setosa", "virginica"})), "text labels cannot be a regression");
    }

    @Test
    void aModelOfLabelsAsWrittenBeforeStillReadsThem() {
        Model old = classifier("1.0", "2.0");
        Target t = Target.forModel(table("x,y\n1,2.0\n2,1.0\n"), old);
        assertArrayEquals(new int[] {1, 0}, t.classes());
        Model current = classifier("1", "2");
        assertArrayEquals(new int[] {1, 0}, Target.forModel(table("x,y\n1,2.0\n2,1\n"), current).classes());
        DataException e = assertThrows(DataException.class, () -> Target.forModel(table("x,y\n1,3.0\n"), current));
        assertEquals("t.csv, line 2, column 2 \"y\": class label not known to the model (known: [1, 2]); found "
                + "\"3.0\"", e.getMessage(), "the cell as written");
    }

    @Test
    void labelsTheModelDoesNotKnowMayBeKeptAsClassesAfterItsOwn() {
        Target t = Target.forModel(table("x,y\n1,5\n2,1\n3,3.0\n4,5\n"), classifier("1", "2"), false, true);
        assertEquals(List.of("1", "2", "5", "3"), t.labels().classes(), "the model's, then in order of appearance");
        assertArrayEquals(new int[] {2, 0, 3, 2}, t.classes());
    }

    @Test
    void targetErrorsNameTheLineLikeFeatureErrors() {
        DataException comma = assertThrows(DataException.class, () -> Target.forTraining(
                table("x,price\n1,\"121,757\"\n2,\"216,429\"\n"), "price", null, false));
        assertEquals(2, comma.getLine(), comma.getMessage());
        assertEquals("121,757", comma.getText());
        assertEquals(true, comma.getMessage().startsWith("t.csv, line 2, column 2 \"price\": a number written with "
                + "a comma"), comma.getMessage());

        DataException constant = assertThrows(DataException.class, () -> Target.forTraining(
                table("x1,x2,y\n1.0,2.0,3.0\n"), "y", null, false));
        assertEquals("t.csv, line 2, column 3 \"y\": the target has the same value \"3\" in every row: there is "
                + "nothing to learn (a classification needs at least 2 classes; --task regression fits the constant "
                + "anyway)", constant.getMessage());

        StringBuilder ids = new StringBuilder("x,y\n1,5\n");
        for (int r = 0; r < 60; r++) {
            ids.append(r).append(",id").append(r).append('\n');
        }
        DataException tooMany = assertThrows(DataException.class, () -> Target.forTraining(table(ids.toString()), "y",
                null, false));
        assertEquals(3, tooMany.getLine(), tooMany.getMessage());
        assertEquals("id0", tooMany.getText());
    }

    @Test
    void anUnknownClassOfAModelOfManyClassesNamesTenAndCountsThem() {
        String[] labels = new String[526];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = String.format("c%03d", i);
        }
        DataException e = assertThrows(DataException.class, () -> Target.forModel(table("x,y\n1,c000\n2,new\n"),
                classifier(labels)));
        assertEquals("t.csv, line 3, column 2 \"y\": class label not known to the model (known: 526 classes, such as "
                + "[c000, c001, c002, c003, c004, c005, c006, c007, c008, c009]); found \"new\"", e.getMessage());
        DataException few = assertThrows(DataException.class, () -> Target.forModel(table("x,y\n1,a\n2,z\n"),
                classifier("a", "b")));
        assertEquals(true, few.getMessage().contains("(known: [a, b])"), few.getMessage());
    }
}
