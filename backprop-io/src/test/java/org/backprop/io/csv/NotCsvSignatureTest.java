package org.backprop.io.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.backprop.io.DataException;
import org.backprop.io.safetensors.SafetensorsWriter;
import org.backprop.io.safetensors.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files given as CSV that are another kind of file are named as what they are, by both readers. */
class NotCsvSignatureTest {
    private static final byte[] CSV = "a,b,y\n1,2,3\n4,5,6\n".getBytes(UTF_8);

    @TempDir
    Path dir;

    private static DataException refused(Path file) {
        DataException columnar = assertThrows(DataException.class,
                () -> ColumnarCsvReader.read(file, ColumnarReadOptions.all()));
        DataException strict = assertThrows(DataException.class, () -> StrictCsvReader.read(file));
        assertEquals(columnar.getMessage(), strict.getMessage());
        assertEquals(0, columnar.getLine(), "not tied to a line");
        return columnar;
    }

    @Test
    void gzipCompressedCsvSaysToDecompressIt() throws IOException {
        Path file = dir.resolve("houses.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(CSV);
        }
        assertEquals(file + ": the file is gzip-compressed, not CSV text: decompress it first (gunzip " + file + ")",
                refused(file).getMessage());
    }

    @Test
    void gzipHintLeavesOutANameThatNeedsQuoting() throws IOException {
        Path file = dir.resolve("my houses.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(CSV);
        }
        assertEquals(file + ": the file is gzip-compressed, not CSV text: decompress it first (gunzip)",
                refused(file).getMessage());
    }

    @Test
    void zipArchiveSuchAsXlsxSaysToExportTheSheet() throws IOException {
        Path file = dir.resolve("book.xlsx");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            out.write("<worksheet/>".getBytes(UTF_8));
            out.closeEntry();
        }
        assertEquals(file + ": the file is a zip archive (an Excel or OpenDocument workbook?), not CSV text: export "
                + "the sheet as CSV", refused(file).getMessage());
    }

    @Test
    void oldExcelWorkbookSaysToExportTheSheet() throws IOException {
        Path file = Files.write(dir.resolve("book.xls"), new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0,
                (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1, 0, 0, 0, 0});
        assertEquals(file + ": the file is an Excel .xls workbook (or another Office file), not CSV text: export the "
                + "sheet as CSV", refused(file).getMessage());
    }

    @Test
    void parquetFileSaysToExportIt() throws IOException {
        Path file = Files.write(dir.resolve("t.parquet"), new byte[] {'P', 'A', 'R', '1', 0x15, 0x04, 0x15, 0, 'P',
                'A', 'R', '1'});
        assertEquals(file + ": the file is a Parquet file, not CSV text: export it as CSV", refused(file).getMessage());
    }

    @Test
    void modelFileAsksWhetherModelWasMeant() throws IOException {
        Path file = dir.resolve("ames.st");
        SafetensorsWriter.write(file, Map.of("w", Tensor.f64(new double[] {1, 2}, 2)), Map.of("k", "v"));
        assertEquals(file + ": the file is a backprop model file (safetensors), not a data table: did you mean "
                + "--model?", refused(file).getMessage());
    }

    @Test
    void textThatStartsLikeASignatureIsStillCsv() {
        for (String csv : List.of("PAR1,PAR2\n1,2\n", "PK,x\n1,2\n", "PAR1\n3\n", "{a},b\n1,2\n", "ab\n1\n")) {
            ColumnarTable t = ColumnarCsvReader.parse("t.csv", csv.getBytes(UTF_8), ColumnarReadOptions.all());
            assertEquals(1, t.rowCount(), csv);
        }
    }

    @Test
    void utf16IsStillNamedByTheEncodingCheck() {
        byte[] utf16 = "\uFEFFa,b\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        DataException e = assertThrows(DataException.class,
                () -> ColumnarCsvReader.parse("u.csv", utf16, ColumnarReadOptions.all()));
        assertEquals(true, e.getMessage().contains("UTF-16 byte order mark"), e.getMessage());
    }
}
