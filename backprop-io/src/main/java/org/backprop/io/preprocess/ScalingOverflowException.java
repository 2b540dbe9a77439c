package org.backprop.io.preprocess;

/**
 * A {@link StandardScaler} transform whose result is beyond the double range, e.g. 1e300 scaled by
 * a feature scale of 1e-10. Names the row and column of the value, so that a caller holding the
 * table can name the file's line and column.
 */
public final class ScalingOverflowException extends ArithmeticException {
    private static final long serialVersionUID = 1L;
    private final int row;
    private final int column;
    private final double value;

    ScalingOverflowException(String message, int row, int column, double value) {
        super(message);
        this.row = row;
        this.column = column;
        this.value = value;
    }

    /**
     * The same overflow with its row counted in a larger set: {@code row} is the row of the value
     * there (e.g. the block's first row plus {@link #row()}).
     */
    public ScalingOverflowException atRow(int row) {
        ScalingOverflowException e = new ScalingOverflowException(getMessage(), row, column, value);
        e.initCause(this);
        return e;
    }

    /** 0-based row of the value in the transformed array. */
    public int row() {
        return row;
    }

    /** 0-based column of the value. */
    public int column() {
        return column;
    }

    /** The input value whose result overflowed. */
    public double value() {
        return value;
    }
}
