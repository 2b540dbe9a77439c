package org.backprop.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import org.backprop.io.DataException;
import org.backprop.io.OptionName;

/**
 * One streaming pass over the bytes of a CSV file, record by record, in constant memory (a 64 KiB
 * read buffer and the current record): RFC 4180 quoting ({@code "a, ""b"""}; a quote inside an
 * unquoted cell is an ordinary character; after a closing quote only the separator (a comma unless
 * told otherwise) or a line end may follow), LF, CRLF or CR line ends (also inside quoted cells), one optional UTF-8 byte order mark,
 * and strict UTF-8 checked byte by byte (an invalid sequence is a {@link DataException} naming the
 * line, the byte offset and the bytes in hex). Byte offsets and line numbers are {@code long}, so
 * files over 2 GiB are read like any other. A file that starts like a gzip, zip, Excel, Parquet or
 * model file is refused as such first ({@link NotCsvSignature}).
 *
 * <p>A line end right before the end of the file does not start another record; an empty line
 * gives a record of one empty cell (the caller decides what blank lines mean).
 */
final class CsvScanner {
    /** Receives each record; the record object is reused for the next one. */
    interface Sink {
        void record(RawRecord record);
    }

    private static final int BUFFER = 1 << 16;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private enum State { RECORD_START, CELL_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private final String source;
    private final byte separator;
    private final RawRecord record = new RawRecord();
    private State state = State.RECORD_START;
    private long line = 1;
    private long offset;
    private boolean swallowLf;
    private boolean crInQuotes;
    // UTF-8 check: continuation bytes still expected, the allowed range of the next one, the sequence so far
    private int utf8Needed;
    private int utf8Low = 0x80;
    private int utf8High = 0xBF;
    private final byte[] utf8Sequence = new byte[4];
    private int utf8Length;
    private long utf8Start;

    private CsvScanner(String source, char separator) {
        this.source = source;
        this.separator = (byte) separator;
    }

    /**
     * Reads {@code in} to its end, cells separated by {@code separator} (an ASCII character other than
     * the quote and line ends), calling {@code sink} once per record; does not close {@code in}.
     *
     * @throws DataException on invalid UTF-8, text after a closing quote, or a file that is not text
     *                       ({@link NotCsvSignature})
     */
    static void scan(String source, InputStream in, char separator, Sink sink) throws IOException {
        new CsvScanner(source, separator).run(in, sink);
    }

    private void run(InputStream in, Sink sink) throws IOException {
        byte[] buffer = new byte[BUFFER];
        int n = in.readNBytes(buffer, 0, NotCsvSignature.LENGTH);
        NotCsvSignature.check(source, buffer, n);
        int from = 0;
        if (n >= BOM.length && buffer[0] == BOM[0] && buffer[1] == BOM[1] && buffer[2] == BOM[2]) {
            from = BOM.length;
            offset = BOM.length;
        }
        consume(buffer, from, n, sink);
        while ((n = in.read(buffer)) > 0) {
            consume(buffer, 0, n, sink);
        }
        finish(sink);
    }

    private void consume(byte[] buffer, int from, int to, Sink sink) {
        for (int i = from; i < to; i++, offset++) {
            byte b = buffer[i];
            if (b < 0 || utf8Needed > 0) {
                checkUtf8(b);
            }
            switch (state) {
                case RECORD_START -> {
                    if (b == '\n' && swallowLf) {
                        swallowLf = false;
                        continue;
                    }
                    swallowLf = false;
                    record.begin(line);
                    startCell(b, sink);
                }
                case CELL_START, UNQUOTED -> {
                    int run = b == '"' && state == State.CELL_START ? 0 : plainRun(buffer, i, to);
                    if (run > 0) {
                        state = State.UNQUOTED;
                        record.append(buffer, i, run);
                        i += run - 1;
                        offset += run - 1;
                    } else if (state == State.CELL_START) {
                        startCell(b, sink);
                    } else {
                        unquoted(b, sink, false);
                    }
                }
                case QUOTED -> quoted(b);
                case QUOTE_IN_QUOTED -> {
                    if (b == '"') {
                        record.append(b);
                        state = State.QUOTED;
                    } else if (b == separator || b == '\n' || b == '\r') {
                        unquoted(b, sink, true);
                    } else {
                        throw DataException.in(source).line(line).naming(OptionName.separator((char) b))
                                .problem("malformed CSV: unexpected character '"
                                + printable(b) + "' after the closing quote of a cell (a quote inside a quoted cell "
                                + "is written \"\")" + SeparatorCheck.hintAfterQuote(separator, line, b));
                    }
                }
                default -> throw new IllegalStateException(state.toString());
            }
        }
    }

    private void startCell(byte b, Sink sink) {
        if (b == '"') {
            state = State.QUOTED;
            crInQuotes = false;
        } else {
            state = State.UNQUOTED;
            unquoted(b, sink, false);
        }
    }

    /**
     * Length of the run of bytes from {@code i} that an unquoted cell takes as they are: ASCII other
     * than the separator and line ends (0 when the byte at {@code i} is none of those, and always 0
     * while a UTF-8 sequence is open), so the byte-by-byte path is left for the bytes it must see.
     */
    private int plainRun(byte[] buffer, int i, int to) {
        if (utf8Needed > 0) {
            return 0;
        }
        int j = i;
        while (j < to) {
            byte b = buffer[j];
            if (b < 0 || b == separator || b == '\n' || b == '\r') {
                break;
            }
            j++;
        }
        return j - i;
    }

    /** A byte outside quotes ({@code wasQuoted}: the cell that this byte ends was quoted). */
    private void unquoted(byte b, Sink sink, boolean wasQuoted) {
        if (b == separator) {
            record.endCell(wasQuoted);
            state = State.CELL_START;
        } else if (b == '\n' || b == '\r') {
            record.endCell(wasQuoted);
            sink.record(record);
            line++;
            swallowLf = b == '\r';
            state = State.RECORD_START;
        } else {
            record.append(b);
        }
    }

    private void quoted(byte b) {
        if (b == '"') {
            state = State.QUOTE_IN_QUOTED;
            return;
        }
        if (b == '\r' || (b == '\n' && !crInQuotes)) {
            line++;
        }
        crInQuotes = b == '\r';
        record.append(b);
    }

    private void finish(Sink sink) {
        if (utf8Needed > 0) {
            throw invalidUtf8();
        }
        switch (state) {
            case RECORD_START -> {
                return;
            }
            case QUOTED -> {
                record.endCell(true);
                record.markUnterminated();
            }
            default -> record.endCell(state == State.QUOTE_IN_QUOTED);
        }
        sink.record(record);
    }

    private void checkUtf8(byte value) {
        int b = value & 0xFF;
        if (utf8Needed > 0) {
            if (b < utf8Low || b > utf8High) {
                throw invalidUtf8();
            }
            utf8Sequence[utf8Length++] = value;
            utf8Needed--;
            utf8Low = 0x80;
            utf8High = 0xBF;
            return;
        }
        utf8Start = offset;
        utf8Length = 0;
        utf8Sequence[utf8Length++] = value;
        if (b >= 0xC2 && b <= 0xDF) {
            utf8Needed = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            utf8Needed = 2;
            utf8Low = b == 0xE0 ? 0xA0 : 0x80;
            utf8High = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            utf8Needed = 3;
            utf8Low = b == 0xF0 ? 0x90 : 0x80;
            utf8High = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw invalidUtf8();
        }
    }

    private DataException invalidUtf8() {
        String hex = HexFormat.ofDelimiter(" ").withPrefix("0x").formatHex(utf8Sequence, 0, Math.max(1, utf8Length));
        int b = utf8Sequence[0] & 0xFF;
        String utf16 = utf8Start == 0 && (b == 0xFF || b == 0xFE)
                ? " (it starts like a UTF-16 byte order mark: Excel's \"Unicode Text\" and PowerShell write UTF-16)"
                : b >= 0xA0 && utf8Length <= 2 ? " (a single accented letter such as 0xe9 = é is Latin-1 or Windows-1252: "
                + "iconv -f windows-1252 -t utf-8 converts it)" : "";
        return DataException.in(source).line(line).byteOffset(utf8Start).text(hex)
                .problem("not valid UTF-8 (bytes shown in hex)" + utf16 + "; save the file as UTF-8");
    }

    private static String printable(byte b) {
        return b >= 0x20 && b < 0x7F ? Character.toString(b) : String.format("\\x%02x", b & 0xFF);
    }
}
