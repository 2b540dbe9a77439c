package org.backprop.io.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backprop.io.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictCsvReaderTest {

    static CsvTable parse(String csv) {
        return StrictCsvReader.parse("data.csv", csv.getBytes(UTF_8));
    }

    static DataException failParse(String csv) {
        return failParse(csv.getBytes(UTF_8));
    }

    static DataException failParse(byte[] bytes) {
        return assertThrows(DataException.class, () -> StrictCsvReader.parse("data.csv", bytes));
    }

    @Test
    void readsQuotedCellsAndKeepsLineNumbers() {
        CsvTable t = parse("name,x\n\"a, \"\"quoted\"\"\",1\n\"multi\nline\",2\nc,3\n");
        assertEquals(List.of("name", "x"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertEquals("a, \"quoted\"", t.cell(0, 0));
        assertEquals("multi\nline", t.cell(1, 0));
        assertEquals(3, t.line(1));
        assertEquals(5, t.line(2), "the row after a two-line cell starts on line 5");
        assertArrayEquals(new double[] {1, 2, 3}, t.doubleColumn("x"));
    }

    @Test
    void acceptsBomCrlfAndMissingFinalNewline() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "a,b\r\n1,2\r\n3.5,-4e2".getBytes(UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        CsvTable t = StrictCsvReader.parse("data.csv", all);
        assertEquals(List.of("a", "b"), t.columnNames());
        assertArrayEquals(new double[] {1, 2, 3.5, -400}, t.doubleColumns(List.of("a", "b")).data());
    }

    @Test
    void trimsHeaderNames() {
        assertEquals(List.of("a", "b"), parse(" a , b\n1,2\n").columnNames());
    }

    @Test
    void ignoresTrailingBlankLinesInsteadOfReadingZeros() {
        CsvTable t = parse("a,b\n1,2\n3,4\n\n\r\n\n");
        assertEquals(2, t.rowCount());
        assertArrayEquals(new double[] {2, 4}, t.doubleColumn("b"));
    }

    @Test
    void blankLineInTheMiddleNamesTheLine() {
        DataException e = failParse("a,b\n1,2\n\n3,4\n");
        assertEquals(3, e.getLine());
        assertTrue(e.getMessage().startsWith("data.csv, line 3: blank line"), e.getMessage());
    }

    @Test
    void raggedRowWithTooFewCells() {
        DataException e = failParse("a,b,c\n1,2,3\n4,5\n");
        assertEquals(3, e.getLine());
        assertTrue(e.getMessage().contains("expected 3 cells as in the header, found 2"), e.getMessage());
    }

    @Test
    void raggedRowWithTooManyCells() {
        DataException e = failParse("a,b\n1,2\n3,4\n5,6,7\n");
        assertEquals(4, e.getLine());
        assertTrue(e.getMessage().contains("expected 2 cells as in the header, found 3"), e.getMessage());
    }

    @Test
    void unclosedQuoteIsReportedAsRaggedWithAHint() {
        DataException e = failParse("a,b\n\"open,1\n2,3\n");
        assertEquals(2, e.getLine());
        assertTrue(e.getMessage().contains("closing quote missing"), e.getMessage());
    }

    @Test
    void textAfterClosingQuoteIsMalformed() {
        DataException e = failParse("a,b\n1,2\n\"x\"y,3\n");
        assertEquals(3, e.getLine());
        assertTrue(e.getMessage().contains("malformed CSV"), e.getMessage());
    }

    @Test
    void emptyFile() {
        DataException e = failParse(new byte[0]);
        assertEquals(0, e.getLine());
        assertEquals("data.csv: the file is empty; expected a header line with column names", e.getMessage());
    }

    @Test
    void fileWithOnlyBomAndNewlinesIsEmpty() {
        DataException e = failParse(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n', '\n'});
        assertTrue(e.getMessage().contains("the file is empty"), e.getMessage());
    }

    @Test
    void headerWithoutRows() {
        DataException e = failParse("a,b\n");
        assertEquals(1, e.getLine());
        assertEquals("data.csv, line 1: has a header but no data rows", e.getMessage());
    }

    @Test
    void duplicateColumnNames() {
        DataException e = failParse("a,b,a\n1,2,3\n");
        assertEquals(1, e.getLine());
        assertEquals(3, e.getColumn());
        assertEquals("a", e.getColumnName());
        assertTrue(e.getMessage().contains("column 1 has the same name"), e.getMessage());
    }

    @Test
    void emptyColumnName() {
        DataException e = failParse("a,,c\n1,2,3\n");
        assertEquals(1, e.getLine());
        assertEquals(2, e.getColumn());
        assertTrue(e.getMessage().contains("empty column name"), e.getMessage());
    }

    @Test
    void invalidUtf8NamesLineAndByteOffset() {
        byte[] bytes = "a,b\n1,2\n3,".getBytes(UTF_8);
        byte[] bad = new byte[bytes.length + 3];
        System.arraycopy(bytes, 0, bad, 0, bytes.length);
        bad[bytes.length] = (byte) 0xFF;
        bad[bytes.length + 1] = '\n';
        bad[bytes.length + 2] = '5';
        DataException e = failParse(bad);
        assertEquals(3, e.getLine());
        assertEquals(bytes.length, e.getByteOffset());
        assertEquals("0xff", e.getText());
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    @Test
    void latin1FileIsInvalidUtf8() {
        byte[] latin1 = "city,t\nZürich,1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        DataException e = failParse(latin1);
        assertEquals(2, e.getLine());
        assertEquals(8, e.getByteOffset());
        assertTrue(e.getMessage().endsWith("not valid UTF-8 (bytes shown in hex) (a single accented letter such as "
                + "0xe9 = é is Latin-1 or Windows-1252: iconv -f windows-1252 -t utf-8 converts it); save the file as "
                + "UTF-8; found \"0xfc\""), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {";", "\t", "|"})
    void singleColumnHeaderWithOtherSeparator(String sep) {
        DataException e = failParse("a" + sep + "b" + sep + "c\n1" + sep + "2" + sep + "3\n");
        assertEquals(1, e.getLine());
        assertEquals(1, e.getColumn());
        assertTrue(e.getMessage().contains("-separated; this reader expects commas"), e.getMessage());
    }

    @Test
    void semicolonMessageWording() {
        DataException e = failParse("a;b\n1;2\n");
        assertTrue(e.getMessage().contains("looks like ';'-separated; this reader expects commas"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {";", "\t", "|"})
    void quotedHeaderWithOtherSeparator(String sep) {
        // R's write.csv2 and spreadsheets quote the names: "a";"b"
        DataException e = failParse("\"a\"" + sep + "\"b\"\n1" + sep + "2\n");
        assertEquals(1, e.getLine());
        assertTrue(e.getMessage().contains("-separated and this reader expects commas"), e.getMessage());
    }

    @Test
    void aNamelessFirstColumnIsReadAsRowNamesCalledEmpty() {
        // R's write.csv(df, file) writes "" over the row names, pandas' to_csv an empty first cell
        CsvTable r = StrictCsvReader.parse("t.csv", "\"\",\"mpg\",\"cyl\"\n\"Mazda RX4\",21,6\n".getBytes(UTF_8));
        assertEquals(List.of("", "mpg", "cyl"), r.columnNames());
        assertEquals("Mazda RX4", r.cell(0, 0));
        CsvTable pandas = StrictCsvReader.parse("t.csv", ",a\n0,1\n1,2\n".getBytes(UTF_8));
        assertEquals(List.of("", "a"), pandas.columnNames());
    }

    @Test
    void anEmptyNameElsewhereOrAloneIsStillAnError() {
        DataException later = failParse("a,,b\n1,2,3\n");
        assertEquals(1, later.getLine());
        assertEquals(2, later.getColumn());
        assertEquals("data.csv, line 1, column 2 \"\": empty column name in the header; name the column; found \"\"",
                later.getMessage());
        DataException alone = failParse("\"\",\"\"\n1,2\n");
        assertEquals(2, alone.getColumn(), "a header of nameless columns: the second is an error");
        DataException two = failParse(",,a\n1,2,3\n");
        assertEquals(2, two.getColumn(), "only the first cell may be empty");
    }

    @Test
    void aTrailingSeparatorOnTheHeaderLineIsExplained() {
        DataException e = failParse("a,b,y,\n1,2,3,\n");
        assertEquals(4, e.getColumn());
        assertTrue(e.getMessage().endsWith("empty column name in the header; a separator at the end of the header "
                + "line makes an empty last column: remove the trailing separators (or name the column); found \"\""),
                e.getMessage());
    }

    @Test
    void excelsSeparatorHintLineIsNamed() {
        for (String hint : List.of("sep=;", "sep=,", "SEP=\t")) {
            DataException e = failParse(hint + "\na;b;y\n1;2;3\n");
            assertEquals(1, e.getLine());
            assertTrue(e.getMessage().contains("the first line is Excel's separator hint, not a header; remove the "
                    + "line"), e.getMessage());
        }
        assertEquals(List.of("sepal"), parse("sepal\n1\n").columnNames(), "a column named sep… is fine");
    }

    @Test
    void aUtf16FileIsNamedAsSuch() {
        DataException e = failParse("\uFEFFa,b\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        assertTrue(e.getMessage().contains("not valid UTF-8 (bytes shown in hex) (it starts like a UTF-16 byte order "
                + "mark: Excel's \"Unicode Text\" and PowerShell write UTF-16); save the file as UTF-8"), e.getMessage());
    }

    @Test
    void singleColumnRowWithOtherSeparator() {
        DataException e = failParse("value\n1|2\n");
        assertEquals(2, e.getLine());
        assertEquals("value", e.getColumnName());
        assertEquals("1|2", e.getText());
    }

    @Test
    void genuineSingleColumnFileIsFine() {
        assertArrayEquals(new double[] {1, 2}, parse("y\n1\n2\n").doubleColumn("y"));
    }

    @Test
    void readsFromPathAndNamesIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("train.csv");
        Files.writeString(file, "a,b\n1,x\n");
        CsvTable t = StrictCsvReader.read(file);
        DataException e = assertThrows(DataException.class, () -> t.doubleColumn("b"));
        assertEquals(file.toString(), e.getFile());
        assertTrue(e.getMessage().startsWith(file + ", line 2, column 2 \"b\": not a number"), e.getMessage());
    }

    @Test
    void headerProblemsHaveNoText() {
        assertNull(failParse("a,b\n").getText());
    }
}
