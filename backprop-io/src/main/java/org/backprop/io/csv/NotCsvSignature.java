package org.backprop.io.csv;

import org.backprop.io.DataException;
import org.backprop.io.OptionName;

/**
 * Recognises, by the magic bytes at its start, a file given as CSV that is another kind of file,
 * so that the user reads what it is and what to do rather than an encoding or quoting error about
 * its first binary byte:
 * <ul>
 *   <li>gzip ({@code 1f 8b}): "decompress it first (gunzip FILE)" (FILE only when it needs no shell
 *       quoting);</li>
 *   <li>zip ({@code PK 03 04}; .xlsx, .ods and .zip files are zip archives): "export the sheet as CSV";</li>
 *   <li>the older Excel .xls (OLE2 compound file, {@code d0 cf 11 e0 a1 b1 1a e1}): the same;</li>
 *   <li>Parquet ({@code PAR1} then a binary byte: a header named {@code PAR1} is text): "export it as
 *       CSV";</li>
 *   <li>a backprop model file (safetensors: an 8-byte little-endian header length, then the header's
 *       {@code '{'}): "did you mean --model?".</li>
 * </ul>
 * None of these starts like text, so a CSV file is never mistaken for one. UTF-16 files are
 * named by {@link CsvScanner}'s encoding check.
 */
final class NotCsvSignature {
    /** Bytes at the start of the file that {@link #check} looks at. */
    static final int LENGTH = 9;

    private static final byte[] GZIP = {0x1f, (byte) 0x8b};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a,
            (byte) 0xe1};
    private static final byte[] PARQUET = {'P', 'A', 'R', '1'};
    /** Largest safetensors header length taken as a model file (the reader's own limit is 100 MB). */
    private static final long MAX_MODEL_HEADER = 100_000_000L;

    private NotCsvSignature() {
    }

    /**
     * Throws if the first {@code n} bytes of {@code head} (at most {@link #LENGTH} are looked at) are
     * those of a file that is not CSV text.
     *
     * @param source the file's display name, which the message names
     * @throws DataException naming the file, what it is and what to do
     */
    static void check(String source, byte[] head, int n) {
        String problem = problem(source, head, n);
        if (problem != null) {
            throw DataException.in(source).naming(OptionName.MODEL).problem(problem);
        }
    }

    private static String problem(String source, byte[] head, int n) {
        if (startsWith(head, n, GZIP)) {
            return "the file is gzip-compressed, not CSV text: decompress it first (gunzip"
                    + (source.matches("[\\w./+@%:-]+") ? " " + source : "") + ")";
        }
        if (startsWith(head, n, ZIP)) {
            return "the file is a zip archive (an Excel or OpenDocument workbook?), not CSV text: export the sheet as CSV";
        }
        if (startsWith(head, n, OLE2)) {
            return "the file is an Excel .xls workbook (or another Office file), not CSV text: export the sheet as CSV";
        }
        if (startsWith(head, n, PARQUET) && n > PARQUET.length && isBinary(head[PARQUET.length])) {
            return "the file is a Parquet file, not CSV text: export it as CSV";
        }
        if (isSafetensors(head, n)) {
            return "the file is a backprop model file (safetensors), not a data table: did you mean " + OptionName.MODEL
                    + "?";
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int n, byte[] magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** A control byte that text does not hold (not a tab or a line end). */
    private static boolean isBinary(byte b) {
        return (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7f;
    }

    /** An 8-byte little-endian header length of at least 2 ("{}"), then '{'. */
    private static boolean isSafetensors(byte[] head, int n) {
        if (n < 9 || head[8] != '{') {
            return false;
        }
        long length = 0;
        for (int i = 7; i >= 0; i--) {
            length = length << 8 | (head[i] & 0xFF);
        }
        return length >= 2 && length <= MAX_MODEL_HEADER;
    }
}
