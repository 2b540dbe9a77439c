package org.backprop.io.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One record of a CSV file as {@link CsvScanner} hands it over: the unquoted bytes of its cells
 * (valid UTF-8, {@code ""} already turned into {@code "}), whether each cell was quoted, and the
 * 1-based line on which the record starts. The scanner reuses one instance for every record: copy
 * what you keep.
 */
final class RawRecord {
    private byte[] bytes = new byte[256];
    private int length;
    private int[] ends = new int[16];
    private boolean[] quoted = new boolean[16];
    private int cells;
    private long line;
    private boolean unterminated;

    /** Number of cells. */
    int cellCount() {
        return cells;
    }

    /** The 1-based line on which the record starts. */
    long line() {
        return line;
    }

    /** True if the file ended inside a quoted cell of this record. */
    boolean unterminated() {
        return unterminated;
    }

    /** The shared byte buffer holding every cell of the record; cell {@code i} is {@code [start(i), end(i))}. */
    byte[] bytes() {
        return bytes;
    }

    int start(int cell) {
        return cell == 0 ? 0 : ends[cell - 1];
    }

    int end(int cell) {
        return ends[cell];
    }

    /** True if cell {@code i} was written in quotes. */
    boolean quoted(int cell) {
        return quoted[cell];
    }

    /** Cell {@code i} as text, exactly as written after unquoting. */
    String text(int cell) {
        return new String(bytes, start(cell), end(cell) - start(cell), StandardCharsets.UTF_8);
    }

    /** True if some cell holds a line break (a quoted cell that spans lines). */
    boolean spansLines() {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                return true;
            }
        }
        return false;
    }

    /** True for a line with one unquoted cell of only spaces, tabs or other ASCII blanks (or nothing). */
    boolean isBlank() {
        if (cells != 1) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != 0x0B && b != '\f') {
                return false;
            }
        }
        return true;
    }

    void begin(long startLine) {
        length = 0;
        cells = 0;
        line = startLine;
        unterminated = false;
    }

    void append(byte b) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[length++] = b;
    }

    /** Appends {@code count} bytes of {@code source} from {@code from}. */
    void append(byte[] source, int from, int count) {
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        }
        System.arraycopy(source, from, bytes, length, count);
        length += count;
    }

    void endCell(boolean wasQuoted) {
        if (cells == ends.length) {
            ends = Arrays.copyOf(ends, cells * 2);
            quoted = Arrays.copyOf(quoted, cells * 2);
        }
        ends[cells] = length;
        quoted[cells] = wasQuoted;
        cells++;
    }

    void markUnterminated() {
        unterminated = true;
    }
}
