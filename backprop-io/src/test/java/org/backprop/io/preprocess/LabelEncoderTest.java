package org.backprop.io.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backprop.io.DoubleTable;
import org.junit.jupiter.api.Test;

class LabelEncoderTest {

    @Test
    void integerLabelsSortNumerically() {
        LabelEncoder e = LabelEncoder.fit(new String[] {"10", "2", "-1", "2", "10"});
        assertEquals(List.of("-1", "2", "10"), e.classes());
        assertArrayEquals(new int[] {2, 1, 0, 1, 2}, e.encode(new String[] {"10", "2", "-1", "2", "10"}));
    }

    @Test
    void integerLabelsEqualInValueStayDistinct() {
        assertEquals(List.of("07", "7", "8"), LabelEncoder.fit(new String[] {"8", "7", "07"}).classes());
    }

    @Test
    void mixedLabelsSortLexicographically() {
        LabelEncoder e = LabelEncoder.fit(new String[] {"setosa", "10", "Virginica", "2", "versicolor"});
        assertEquals(List.of("10", "2", "Virginica", "setosa", "versicolor"), e.classes());
        assertEquals(3, e.encode("setosa"));
    }

    @Test
    void oneHotAndDecode() {
        LabelEncoder e = LabelEncoder.fit(new String[] {"b", "a", "c"});
        int[] idx = e.encode(new String[] {"c", "a"});
        DoubleTable oneHot = e.oneHot(idx);
        assertArrayEquals(new double[] {0, 0, 1, 1, 0, 0}, oneHot.data());
        assertEquals(List.of("a", "b", "c"), oneHot.columnNames());
        assertArrayEquals(new String[] {"c", "a"}, e.decode(idx));
    }

    @Test
    void unknownLabelIsNamed() {
        LabelEncoder e = LabelEncoder.fit(new String[] {"a", "b"});
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> e.encode("z"));
        assertTrue(x.getMessage().contains("\"z\"") && x.getMessage().contains("[a, b]"), x.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> e.decode(2));
    }

    @Test
    void roundTripsThroughJson() {
        LabelEncoder e = LabelEncoder.fit(new String[] {"x \"quoted\"", "ünï", "a,b"});
        String json = e.toJson();
        assertEquals(e.classes(), LabelEncoder.fromJson(json).classes());
        assertThrows(IllegalArgumentException.class, () -> LabelEncoder.fromJson("{\"a\":1}"));
        assertThrows(IllegalArgumentException.class, () -> LabelEncoder.fromJson("[\"a\",\"a\"]"));
    }
}
