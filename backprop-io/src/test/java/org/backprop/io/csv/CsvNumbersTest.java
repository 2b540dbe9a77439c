package org.backprop.io.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.backprop.io.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cell parsing through {@link CsvTable}: every failure names line, column and text. */
class CsvNumbersTest {

    /** Puts {@code cell} on line 3, column 2 ("b") and parses all columns. */
    static DataException failCell(String cell) {
        CsvTable t = StrictCsvReaderTest.parse("a,b\n1,2\n3," + cell + "\n");
        DataException e = assertThrows(DataException.class, () -> t.doubleColumns(List.of("a", "b")));
        assertEquals("data.csv", e.getFile());
        assertEquals(3, e.getLine());
        assertEquals(2, e.getColumn());
        assertEquals("b", e.getColumnName());
        assertEquals(unquote(cell), e.getText());
        return e;
    }

    private static String unquote(String cell) {
        return cell.startsWith("\"") ? cell.substring(1, cell.length() - 1) : cell;
    }

    @Test
    void missingValue() {
        DataException e = failCell("");
        assertEquals("data.csv, line 3, column 2 \"b\": missing value (empty cell); found \"\"", e.getMessage());
    }

    @Test
    void whitespaceOnlyIsMissing() {
        assertTrue(failCell("  ").getProblem().startsWith("missing value"));
    }

    @Test
    void nonNumeric() {
        DataException e = failCell("abc");
        assertEquals("data.csv, line 3, column 2 \"b\": not a number; found \"abc\"", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "-nan", "+NaN", "NAN", "Infinity", "-Infinity", "+Infinity", "inf",
        "-inf", "+Inf", "INF", "infinity", "-INFINITY", "Inf", "nan(0x7ff8)"})
    void nanAndInfinityLiterals(String literal) {
        assertEquals("NaN and infinite values are not allowed", failCell(literal).getProblem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x1p3", "0X10", "-0x1.8p1"})
    void hexFloats(String literal) {
        assertEquals("hexadecimal numbers are not allowed", failCell(literal).getProblem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "1e99999999999", "2e308"})
    void overflow(String literal) {
        assertTrue(failCell(literal).getProblem().startsWith("number too large"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1d", "1f", "1.0D", "1e", "--1", "1.2.3", "1_000", "e5", "."})
    void javaOnlySyntaxAndGarbage(String literal) {
        assertEquals("not a number", failCell(literal).getProblem());
    }

    @Test
    void decimalCommaGetsAHint() {
        assertEquals("not a number (use '.' as the decimal separator)", failCell("\"1,5\"").getProblem());
    }

    @Test
    void acceptedForms() {
        CsvTable t = StrictCsvReaderTest.parse(
                "v\n1\n-2.5\n+3\n.5\n5.\n1e3\n1E-3\n 7 \n1e-400\n1.7976931348623157e308\n");
        assertArrayEquals(new double[] {1, -2.5, 3, 0.5, 5, 1000, 0.001, 7, 0, Double.MAX_VALUE},
                t.doubleColumn("v"));
    }

    @Test
    void parsingIgnoresTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals(1.5, StrictNumbers.parse("1.5"));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
