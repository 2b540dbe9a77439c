package org.backprop.io.csv;

import java.nio.charset.StandardCharsets;

/**
 * One column of a {@link ColumnarTable}, stored as primitives: the numbers ({@code double} per row,
 * NaN where the cell is missing or not a number) and/or the text as dictionary codes ({@code int}
 * per row, {@link #MISSING} for a missing cell, one {@code String} per distinct value), plus counts
 * that say what the column holds. No object is kept per cell.
 *
 * <p>A column read for numbers keeps its text codes too while it has at most {@value #TEXT_CAP}
 * distinct values or holds a non-number (so that it can still become a categorical column with the
 * texts as written); a column of more distinct numbers drops them. A text-only column
 * ({@link ColumnarReadOptions#textColumns()}) keeps codes only. A column read for numbers stores
 * its numbers from its first number on (the rows before it read as NaN): a column of text only,
 * such as class labels, holds its codes alone, 4 bytes a row instead of 12.
 */
public final class Column implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** The code of a missing cell. */
    public static final int MISSING = -1;
    /** Distinct values up to which an all-number column also keeps its text. */
    public static final int TEXT_CAP = 4096;

    private final String name;
    private final int position;
    private final boolean readForNumbers;
    private final byte decimal;
    /** The numbers from the first number on; null before it (every row so far NaN) and when released. */
    private DoubleChunks numbers;
    private boolean released;
    private IntChunks codes = new IntChunks();
    private LevelIndex levels = new LevelIndex();
    private int rows;
    private int missingCount;
    private int numberCount;
    private int nonNumberCount;
    private int firstMissingRow = -1;
    private int firstNonNumberRow = -1;
    private String firstNonNumberText;
    /** Cells of a {@link MissingValues#numberTokens() number token}, until {@link #settleNumberTokens}. */
    private int numberTokenCount;
    private int firstNumberTokenRow = -1;
    private String firstNumberTokenText;
    private boolean allIntegers = true;
    private boolean textDropped;

    /** {@code decimal}: the decimal mark of the numbers, '.' or ','. */
    Column(String name, int position, boolean textOnly, char decimal) {
        this.name = name;
        this.position = position;
        this.readForNumbers = !textOnly;
        this.decimal = (byte) decimal;
    }

    void add(byte[] bytes, int start, int end, MissingValues missingValues) {
        int from = start;
        int to = end;
        while (from < to && StrictNumbers.isBlank(bytes[from])) {
            from++;
        }
        while (to > from && StrictNumbers.isBlank(bytes[to - 1])) {
            to--;
        }
        boolean missing = missingValues.isMissing(bytes, from, to);
        if (missing) {
            missingCount++;
            firstMissingRow = firstMissingRow < 0 ? rows : firstMissingRow;
        }
        if (readForNumbers) {
            double v = missing ? Double.NaN : StrictNumbers.parseOrNaN(bytes, from, to, decimal);
            if (numbers == null && !Double.isNaN(v)) {
                numbers = new DoubleChunks();
                for (int r = 0; r < rows; r++) {
                    numbers.add(Double.NaN);
                }
            }
            if (numbers != null) {
                numbers.add(v);
            }
            if (!missing && Double.isNaN(v) && missingValues.isNumberToken(bytes, from, to)) {
                numberTokenCount++;
                if (firstNumberTokenRow < 0) {
                    firstNumberTokenRow = rows;
                    firstNumberTokenText = new String(bytes, start, end - start, StandardCharsets.UTF_8);
                }
            } else if (!missing && Double.isNaN(v)) {
                nonNumberCount++;
                if (firstNonNumberRow < 0) {
                    firstNonNumberRow = rows;
                    firstNonNumberText = new String(bytes, start, end - start, StandardCharsets.UTF_8);
                }
            } else if (!missing) {
                numberCount++;
                allIntegers &= v == Math.rint(v);
            }
        }
        if (codes != null) {
            codes.add(missing ? MISSING : levels.code(bytes, start, end));
            if (readForNumbers && nonNumberCount == 0 && levels.size() > TEXT_CAP) {
                codes = null;
                levels = null;
                textDropped = true;
            }
        }
        rows++;
    }

    /**
     * Decides what the cells of a {@link MissingValues#numberTokens() number token} ({@code NULL},
     * {@code None}, ...) were, once every row is in: missing if the column's numbers are at least as
     * many as its other non-numbers (a column of numbers), else non-numbers like any other text (a
     * text column, where {@code None} is a level). Their text levels stay in the level list.
     */
    void settleNumberTokens(MissingValues missingValues) {
        if (numberTokenCount == 0) {
            return;
        }
        if (numberCount >= nonNumberCount) {
            missingCount += numberTokenCount;
            firstMissingRow = firstMissingRow < 0 ? firstNumberTokenRow : Math.min(firstMissingRow, firstNumberTokenRow);
            if (codes != null) {
                boolean[] token = new boolean[levels.size()];
                for (int code = 0; code < token.length; code++) {
                    token[code] = missingValues.numberTokens().contains(MissingValues.strip(levels.level(code)));
                }
                for (int r = 0; r < rows; r++) {
                    int code = codes.get(r);
                    if (code != MISSING && token[code]) {
                        codes.set(r, MISSING);
                    }
                }
            }
        } else {
            nonNumberCount += numberTokenCount;
            if (firstNonNumberRow < 0 || firstNumberTokenRow < firstNonNumberRow) {
                firstNonNumberRow = firstNumberTokenRow;
                firstNonNumberText = firstNumberTokenText;
            }
        }
        numberTokenCount = 0;
        firstNumberTokenText = null;
    }

    /** Releases the text codes of a column read for numbers (once it is known to be numeric). */
    public void releaseText() {
        if (readForNumbers && codes != null) {
            codes = null;
            levels = null;
            textDropped = true;
        }
    }

    /** Drops the cells (see {@link ColumnarTable#releaseCells()}); the counts stay. */
    void releaseCells() {
        released = true;
        numbers = null;
        codes = null;
        levels = null;
    }

    /**
     * Bytes the column's cells hold, as its storage counts them: the numbers' and codes' chunks as
     * allocated (not only as filled) and the distinct texts; 0 once released. The counts and the
     * name, a few dozen bytes, are not included.
     */
    public long storedBytes() {
        return (numbers == null ? 0 : numbers.bytes()) + (codes == null ? 0 : codes.bytes())
                + (levels == null ? 0 : levels.bytes());
    }

    /** The header name. */
    public String name() {
        return name;
    }

    /** 0-based position in the file. */
    public int position() {
        return position;
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** True if the column was parsed for numbers. */
    public boolean hasNumbers() {
        return readForNumbers;
    }

    /** True if the column kept its text codes. */
    public boolean hasText() {
        return codes != null;
    }

    /** True if the column had more than {@link #TEXT_CAP} distinct numbers and dropped its text. */
    public boolean textDropped() {
        return textDropped;
    }

    /** Cells that are missing (empty or a missing-value token). */
    public int missingCount() {
        return missingCount;
    }

    /** Cells holding a finite number (0 for a text-only column). */
    public int numberCount() {
        return numberCount;
    }

    /** Non-missing cells that are not finite numbers (0 for a text-only column). */
    public int nonNumberCount() {
        return nonNumberCount;
    }

    /** The first missing cell's row, or -1. */
    public int firstMissingRow() {
        return firstMissingRow;
    }

    /** The first non-number cell's row, or -1. */
    public int firstNonNumberRow() {
        return firstNonNumberRow;
    }

    /** The first non-number cell's text as written, or null. */
    public String firstNonNumberText() {
        return firstNonNumberText;
    }

    /** True if every number in the column is a whole number. */
    public boolean allIntegers() {
        return allIntegers;
    }

    /** The number in row {@code row}: NaN if the cell is missing or not a number. */
    public double number(int row) {
        requireCells();
        if (!readForNumbers) {
            throw new IllegalStateException("column \"" + name + "\" was read as text only");
        }
        return numbers == null ? Double.NaN : numbers.get(java.util.Objects.checkIndex(row, rows));
    }

    /** The text code of row {@code row}, {@link #MISSING} for a missing cell. */
    public int code(int row) {
        requireText();
        return codes.get(row);
    }

    /** Number of distinct non-missing texts. */
    public int levelCount() {
        requireText();
        return levels.size();
    }

    /** The text of code {@code code}, as written in the file. */
    public String level(int code) {
        requireText();
        return levels.level(code);
    }

    /** True if row {@code row}'s cell is missing. */
    public boolean isMissing(int row) {
        requireCells();
        if (codes != null) {
            return codes.get(row) == MISSING;
        }
        return nonNumberCount == 0 ? Double.isNaN(number(row)) : missingRowsUnknown();
    }

    private boolean missingRowsUnknown() {
        throw new IllegalStateException("column \"" + name + "\" mixes missing cells and non-numbers without text");
    }

    private void requireCells() {
        if (released) {
            throw new IllegalStateException("the cells of column \"" + name + "\" were released");
        }
    }

    private void requireText() {
        requireCells();
        if (codes == null) {
            throw new IllegalStateException("column \"" + name + "\" kept no text"
                    + (textDropped ? " (more than " + TEXT_CAP + " distinct numbers)" : ""));
        }
    }
}
