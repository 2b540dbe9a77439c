package org.backprop.io.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.backprop.io.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ColumnarCsvReaderTest {

    static ColumnarTable parse(String csv) {
        return ColumnarCsvReader.parse("data.csv", csv.getBytes(UTF_8), ColumnarReadOptions.all());
    }

    @Test
    void numbersTextAndMissingCellsInColumns() {
        ColumnarTable t = parse("x,city,y\n1.5,\"Lyon\",2\nNA, Paris ,3\n-2e3,None,\n");
        assertEquals(3, t.rowCount());
        Column x = t.column("x");
        assertEquals(1.5, x.number(0));
        assertTrue(Double.isNaN(x.number(1)));
        assertTrue(x.isMissing(1));
        assertEquals(-2000, x.number(2));
        assertEquals(1, x.missingCount());
        assertEquals(2, x.numberCount());
        Column city = t.column("city");
        assertEquals(3, city.nonNumberCount());
        assertEquals("Lyon", city.level(city.code(0)));
        assertEquals(" Paris ", city.level(city.code(1)), "spaces inside a value are kept as written");
        assertEquals("None", city.level(city.code(2)), "None is a value, not a missing token");
        assertTrue(t.column("y").isMissing(2));
        assertEquals(4, t.line(2));
    }

    @Test
    void linesFollowCellsThatSpanLines() {
        ColumnarTable t = parse("a,b\n\"x\ny\",1\n2,3\n\"p\r\nq\r\nr\",4\n5,6\n");
        assertEquals(2, t.line(0));
        assertEquals(4, t.line(1));
        assertEquals(5, t.line(2));
        assertEquals(8, t.line(3));
        assertEquals("x\ny", t.column("a").level(t.column("a").code(0)));
    }

    @Test
    void lastQuotedCellEndingInCarriageReturnIsRead() {
        ColumnarTable t = parse("a,b\n1,\"x\r\"");
        assertEquals("x\r", t.column("b").level(t.column("b").code(0)));
        assertEquals("x\r", StrictCsvReader.parse("d.csv", "a,b\r\n1,\"x\r\"\r\n".getBytes(UTF_8)).cell(0, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"16\u0012", "\u00001", "1\u0000", "\u000b7", "7\f"})
    void controlCharactersAroundANumberAreNotStripped(String cell) {
        ColumnarTable t = parse("a,b\n1,2\n3," + cell + "\n");
        Column b = t.column("b");
        assertEquals(1, b.nonNumberCount(), "a control character makes the cell not a number");
        assertEquals(cell, b.firstNonNumberText());
        assertThrows(NumberFormatException.class, () -> StrictNumbers.parse(cell));
        DataException e = assertThrows(DataException.class, () -> t.requireNumbers("b"));
        assertEquals(3, e.getLine());
        assertEquals(2, e.getColumn());
        String shown = cell.replace("\u0012", "\\x12").replace("\u0000", "\\x00").replace("\u000b", "\\x0b")
                .replace("\f", "\\x0c");
        assertTrue(e.getMessage().contains("found \"" + shown + "\""), "the control character is spelled out: "
                + e.getMessage());
        assertTrue(e.getMessage().chars().noneMatch(Character::isISOControl), e.getMessage());
    }

    @Test
    void spacesAndTabsAreTheOnlyTrimmedCharacters() {
        assertEquals(7.0, parse("a,b\n \t7\t ,1\n").column("a").number(0));
        assertEquals(7.0, StrictNumbers.parse(" \t7\t "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "Infinity", "-inf", "NAN"})
    void overflowAndInfinitiesAreNotNumbers(String cell) {
        ColumnarTable t = parse("a\n1\n" + cell + "\n");
        DataException e = assertThrows(DataException.class, () -> t.requireNumbers("a"));
        assertTrue(e.getMessage().startsWith("data.csv, line 3, column 1 \"a\": "), e.getMessage());
        assertTrue(e.getProblem().contains("too large") || e.getProblem().contains("NaN and infinite"), e.getMessage());
    }

    @Test
    void fastPathAgreesWithParseDouble() {
        String[] texts = {"0", "-0", "0.1", "123.456", "9007199254740993", "1e22", "1e23", "1.7976931348623157e308",
            "4.9e-324", "2.2250738585072014E-308", "0.30000000000000004", "123456789012345678", "-.5", "5.", "+3e-5",
            "99999999999999999999", "1234567.8901234567"};
        for (String text : texts) {
            byte[] b = text.getBytes(UTF_8);
            assertEquals(Double.parseDouble(text), StrictNumbers.parseOrNaN(b, 0, b.length), text);
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 20000; i++) {
            String text = Double.toString(random.nextDouble(-1e6, 1e6) * Math.pow(10, random.nextInt(-30, 30)));
            byte[] b = text.getBytes(UTF_8);
            assertEquals(Double.parseDouble(text), StrictNumbers.parseOrNaN(b, 0, b.length), text);
            String shortText = String.format(java.util.Locale.ROOT, "%.3f", random.nextDouble(-1e4, 1e4));
            byte[] s = shortText.getBytes(UTF_8);
            assertEquals(Double.parseDouble(shortText), StrictNumbers.parseOrNaN(s, 0, s.length), shortText);
        }
    }

    @Test
    void aDecimalCommaReadsAsTheDecimalPoint() {
        String[] texts = {"0", "-0.5", "123.456", "1e22", "+3e-5", "-.5", "5.", "99999999999999999999.5",
            "1234567.8901234567", "0.30000000000000004", "2.2250738585072014E-308"};
        for (String text : texts) {
            byte[] b = text.replace('.', ',').getBytes(UTF_8);
            assertEquals(Double.parseDouble(text), StrictNumbers.parseOrNaN(b, 0, b.length, (byte) ','), text);
        }
        for (String notANumber : new String[] {"1.5", "1,5.0", "1,234,5", ",", "1.234,5", "1,5e"}) {
            byte[] b = notANumber.getBytes(UTF_8);
            assertTrue(Double.isNaN(StrictNumbers.parseOrNaN(b, 0, b.length, (byte) ',')), notANumber);
        }
        ColumnarTable table = ColumnarCsvReader.parse("eu.csv", "a;b\n3,75;x\n-1,5;y\n".getBytes(UTF_8),
                ColumnarReadOptions.all().withSeparator(';').withDecimal(','));
        assertEquals(3.75, table.column("a").number(0));
        assertEquals(-1.5, table.column("a").number(1));
    }

    @Test
    void onlyTheAskedColumnsAreKeptAndTextColumnsAreNotParsed() {
        ColumnarReadOptions options = new ColumnarReadOptions(Set.of("zip", "y"), Set.of("zip"), MissingValues.defaults());
        ColumnarTable t = ColumnarCsvReader.parse("d.csv", "zip,other,y\n01234,x,1\n1234,y,2\n".getBytes(UTF_8), options);
        Column zip = t.column("zip");
        assertFalse(zip.hasNumbers());
        assertEquals(2, zip.levelCount(), "01234 and 1234 are different levels");
        assertThrows(IllegalArgumentException.class, () -> t.column("other"));
        DataException e = assertThrows(DataException.class, () -> ColumnarCsvReader.parse("d.csv",
                "a,b\n1,2\n".getBytes(UTF_8), new ColumnarReadOptions(Set.of("c"), Set.of(), MissingValues.defaults())));
        assertTrue(e.getMessage().contains("no column named \"c\"; available columns: [a, b]"), e.getMessage());
        DataException several = assertThrows(DataException.class, () -> ColumnarCsvReader.parse("d.csv",
                "year,b\n1,2\n".getBytes(UTF_8), new ColumnarReadOptions(Set.of("z", "b", "yaer", "c"), Set.of(),
                        MissingValues.defaults())));
        assertEquals("d.csv, line 1, column \"c\": no column named \"c\"; 2 more columns are missing too: \"yaer\", "
                + "\"z\"; available columns: [year, b]", several.getMessage());
    }

    @Test
    void configuredMissingTokens() {
        ColumnarReadOptions options = new ColumnarReadOptions(null, Set.of(), MissingValues.of(List.of("-999")));
        ColumnarTable t = ColumnarCsvReader.parse("d.csv", "a\n-999\nNA\n3\n\n\n".getBytes(UTF_8), options);
        Column a = t.column("a");
        assertTrue(a.isMissing(0));
        assertEquals(1, a.nonNumberCount(), "NA is text once the tokens are replaced");
        assertEquals(3, t.rowCount(), "the blank lines at the end are not rows");
    }

    @Test
    void manyDistinctNumbersDropTheirTextButTextColumnsKeepIt() {
        StringBuilder sb = new StringBuilder("n,s\n");
        for (int i = 0; i < Column.TEXT_CAP + 10; i++) {
            sb.append(i).append(",s").append(i % 3).append('\n');
        }
        ColumnarTable t = parse(sb.toString());
        assertTrue(t.column("n").textDropped());
        assertFalse(t.column("n").hasText());
        assertEquals(3, t.column("s").levelCount());
        assertEquals(Column.TEXT_CAP + 9.0, t.column("n").number(Column.TEXT_CAP + 9));
    }

    @Test
    void sameChecksAsTheStrictReader() {
        for (String bad : new String[] {"a,b\n1,2\n\n3,4\n", "a,b\n1\n", "a,b\n\"x\"y,3\n", "", "a,b\n", "a,a\n1,2\n",
            "a;b;c\n1;2;3\n", "a,b\n\"open,1\n2,3\n"}) {
            DataException strict = assertThrows(DataException.class,
                    () -> StrictCsvReader.parse("data.csv", bad.getBytes(UTF_8)));
            DataException columnar = assertThrows(DataException.class, () -> parse(bad));
            assertEquals(strict.getMessage(), columnar.getMessage(), bad);
        }
    }

    /**
     * A real file of 1,000,000 rows (4 numeric columns and one text column, ~40 MB) read in one pass:
     * values checked, rows/s printed.
     */
    @Test
    void aColumnStoresItsNumbersFromItsFirstNumberOn(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("label,late,x\n");
        int n = 40_000; // more than one chunk of rows before the first number
        for (int i = 0; i < n; i++) {
            csv.append(i % 3 == 0 ? "yes" : "no").append(',').append(i < 20_000 ? (i % 2 == 0 ? "" : "text")
                    : Integer.toString(i)).append(',').append(i * 0.5).append('\n');
        }
        Path file = Files.writeString(dir.resolve("late.csv"), csv);
        ColumnarTable t = ColumnarCsvReader.read(file, ColumnarReadOptions.all());
        Column label = t.column("label");
        Column late = t.column("late");
        assertTrue(label.hasNumbers() && Double.isNaN(label.number(5)) && Double.isNaN(label.number(n - 1)));
        assertEquals(n, label.nonNumberCount());
        assertEquals("yes", label.level(label.code(3)));
        for (int i : new int[] {0, 1, 16_384, 19_999}) {
            assertTrue(Double.isNaN(late.number(i)), "row " + i);
        }
        assertEquals(20_000.0, late.number(20_000));
        assertEquals(n - 1.0, late.number(n - 1));
        assertEquals(10_000, late.missingCount());
        assertEquals(10_000, late.nonNumberCount());
        assertEquals(20_000, late.numberCount());
        assertTrue(late.isMissing(0) && !late.isMissing(1));
        assertThrows(IndexOutOfBoundsException.class, () -> late.number(n));
    }

    @Test
    void readsAMillionRowFile(@TempDir Path dir) throws IOException {
        int n = 1_000_000;
        Path file = dir.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, UTF_8)) {
            w.write("id,x,y,z,kind\n");
            for (int i = 0; i < n; i++) {
                w.write(i + "," + (i % 1000) * 0.25 + "," + (-i) + "," + (i % 7) + ".5,k" + (i % 5) + "\n");
            }
        }
        long start = System.nanoTime();
        ColumnarTable t = ColumnarCsvReader.read(file, ColumnarReadOptions.all());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("read %d rows (%d MB) in %.2f s: %.0f rows/s%n", n, Files.size(file) >> 20, seconds,
                n / seconds);
        assertEquals(n, t.rowCount());
        for (int i : new int[] {0, 1, 16383, 16384, 500_000, n - 1}) {
            assertEquals(i, t.column("id").number(i));
            assertEquals((i % 1000) * 0.25, t.column("x").number(i));
            assertEquals(-i, t.column("y").number(i));
            assertEquals(i % 7 + 0.5, t.column("z").number(i));
            assertEquals("k" + (i % 5), t.column("kind").level(t.column("kind").code(i)));
            assertEquals(i + 2L, t.line(i));
        }
        assertEquals(5, t.column("kind").levelCount());
        assertTrue(t.column("id").textDropped());
        assertTrue(seconds < 30, "took " + seconds + " s");
    }

    /**
     * Over several of {@link ColumnFiller}'s batches (filled on its second thread), every column
     * equals the one built from the strict reader's table on one thread: numbers bit for bit, codes
     * in the same order, counts, and line numbers after quoted cells that span lines.
     */
    @Test
    void columnsFilledOnASecondThreadEqualTheStrictReadersColumns() {
        StringBuilder sb = new StringBuilder("id,x,kind,note\n");
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        int n = 3 * ColumnFiller.BATCH_ROWS + 123;
        for (int i = 0; i < n; i++) {
            sb.append(i).append(',').append(random.nextInt(10) == 0 ? "NA" : Double.toString(random.nextGaussian()))
                    .append(",k").append(random.nextInt(5)).append(',')
                    .append(i % 1000 == 7 ? "\"two\nlines\"" : random.nextInt(50) == 0 ? "?" : "n" + i % 11).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(UTF_8);
        ColumnarTable filled = ColumnarCsvReader.parse("data.csv", bytes, ColumnarReadOptions.all());
        ColumnarTable reference = ColumnarTable.of(StrictCsvReader.parse("data.csv", bytes), ColumnarReadOptions.all());
        assertEquals(n, filled.rowCount());
        for (String name : List.of("id", "x", "kind", "note")) {
            Column a = filled.column(name);
            Column b = reference.column(name);
            assertEquals(b.missingCount(), a.missingCount(), name);
            assertEquals(b.nonNumberCount(), a.nonNumberCount(), name);
            assertEquals(b.hasText(), a.hasText(), name);
            for (int r = 0; r < n; r++) {
                assertEquals(Double.doubleToRawLongBits(b.number(r)), Double.doubleToRawLongBits(a.number(r)), name);
                if (b.hasText()) {
                    assertEquals(b.code(r), a.code(r), name);
                }
            }
            if (b.hasText()) {
                assertEquals(b.levelCount(), a.levelCount(), name);
                for (int code = 0; code < b.levelCount(); code++) {
                    assertEquals(b.level(code), a.level(code), name);
                }
            }
        }
        for (int r = 0; r < n; r++) {
            assertEquals(reference.line(r), filled.line(r));
        }
    }

    @Test
    void anErrorAfterSeveralBatchesNamesItsLine() {
        StringBuilder sb = new StringBuilder("a,b\n");
        int bad = 2 * ColumnFiller.BATCH_ROWS + 5;
        for (int i = 0; i < 3 * ColumnFiller.BATCH_ROWS; i++) {
            sb.append(i).append(i == bad ? "\n" : ",1\n");
        }
        DataException e = assertThrows(DataException.class, () -> parse(sb.toString()));
        assertEquals(bad + 2L, e.getLine());
    }

    @Test
    void aRowRepeatingTheHeaderIsNamedAsConcatenatedFiles() {
        DataException e = assertThrows(DataException.class, () -> parse("x1,x2,y\n1,2,3\n x1 ,\"x2\",y\n4,5,6\n"));
        assertEquals("data.csv, line 3: repeats the header (files concatenated?): remove it", e.getMessage());
        DataException strict = assertThrows(DataException.class, () -> StrictCsvReader.parse("data.csv",
                "a,b\n1,2\na,b\n".getBytes(UTF_8)));
        assertEquals(3, strict.getLine(), "both readers share the row checks");
        assertEquals(2, parse("y\n1\ny\n").rowCount(), "a single column may hold its own name");
        assertEquals(2, parse("x,y\nx,1\n2,y\n").rowCount(), "one cell like its name is data");
    }
}
