package org.backprop.io.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backprop.io.DataException;
import org.junit.jupiter.api.Test;

class DataSelectionTest {
    private final CsvTable table = StrictCsvReaderTest.parse("x1,y,x2,kind\n1,10,2,cat\n3,30,4, dog \n");

    @Test
    void regressionUsesAllButTargetByDefault() {
        CsvTable numeric = StrictCsvReaderTest.parse("x1,y,x2\n1,10,2\n3,30,4\n");
        RegressionData d = RegressionData.from(numeric, "y", null);
        assertEquals(List.of("x1", "x2"), d.features().columnNames());
        assertArrayEquals(new double[] {1, 2, 3, 4}, d.features().data());
        assertArrayEquals(new double[] {10, 30}, d.target());
        assertEquals("y", d.targetName());
    }

    @Test
    void explicitFeaturesKeepTheRequestedOrder() {
        RegressionData d = RegressionData.from(table, "y", List.of("x2", "x1"));
        assertArrayEquals(new double[] {2, 1, 4, 3}, d.features().data());
    }

    @Test
    void classificationKeepsTrimmedLabelsAsText() {
        ClassificationData d = ClassificationData.from(table, "kind", List.of("x1", "y", "x2"));
        assertArrayEquals(new String[] {"cat", "dog"}, d.labels());
        assertEquals(3, d.features().cols());
    }

    @Test
    void classificationDefaultIncludesNonNumericColumnsAndFailsOnThem() {
        DataException e = assertThrows(DataException.class, () -> ClassificationData.from(table, "y", List.of()));
        assertEquals(2, e.getLine());
        assertEquals(4, e.getColumn());
        assertEquals("kind", e.getColumnName());
        assertEquals("cat", e.getText());
    }

    @Test
    void missingTargetColumnListsAvailableColumns() {
        DataException e = assertThrows(DataException.class, () -> RegressionData.from(table, "price", null));
        assertEquals("price", e.getColumnName());
        assertEquals(1, e.getLine());
        assertEquals("data.csv, line 1, column \"price\": no column named \"price\"; available columns: [x1, y, x2, kind]",
                e.getMessage());
    }

    @Test
    void missingFeatureColumn() {
        DataException e = assertThrows(DataException.class,
                () -> RegressionData.from(table, "y", List.of("x1", "x3")));
        assertEquals("x3", e.getColumnName());
        assertTrue(e.getMessage().contains("no column named \"x3\""), e.getMessage());
    }

    @Test
    void noFeatureColumnsLeft() {
        CsvTable onlyTarget = StrictCsvReaderTest.parse("y\n1\n2\n");
        DataException e = assertThrows(DataException.class, () -> RegressionData.from(onlyTarget, "y", null));
        assertEquals(1, e.getLine());
        assertTrue(e.getMessage().contains("no feature columns left"), e.getMessage());
    }

    @Test
    void targetListedAsFeature() {
        DataException e = assertThrows(DataException.class,
                () -> RegressionData.from(table, "y", List.of("x1", "y")));
        assertEquals(2, e.getColumn());
        assertTrue(e.getMessage().contains("target column cannot also be a feature"), e.getMessage());
    }

    @Test
    void featureListedTwice() {
        DataException e = assertThrows(DataException.class,
                () -> RegressionData.from(table, "y", List.of("x1", "x1")));
        assertEquals("x1", e.getColumnName());
        assertTrue(e.getMessage().contains("listed twice"), e.getMessage());
    }

    @Test
    void emptyLabelIsMissing() {
        CsvTable t = StrictCsvReaderTest.parse("x,label\n1,a\n2,\n");
        DataException e = assertThrows(DataException.class, () -> ClassificationData.from(t, "label", null));
        assertEquals(3, e.getLine());
        assertEquals(2, e.getColumn());
        assertTrue(e.getMessage().contains("missing value"), e.getMessage());
    }
}
