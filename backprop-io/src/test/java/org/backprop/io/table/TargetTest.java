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
        Target t = Target.forTraining(table("x,y\n1,1\n2,1.0\n3,2.00\n4,2\n5,07\n"), "y", null, false);
        assertEquals(List.of("1", "2", "07"), t.labels().classes());
        assertEquals("target \"y\" has only 3 distinct whole numbers (at most 10)", t.reason());
        assertEquals(List.of("2.5", "2.50"), Target.forTraining(table("x,y\n1,2.5\n2,2.50\n"), "y",
                org.backprop.io.model.Task.CLASSIFICATION, false).labels().classes(), "fractions as written");
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
}
