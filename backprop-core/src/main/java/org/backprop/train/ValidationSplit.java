package org.backprop.train;

import java.util.Arrays;

import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/**
 * Training rows split into disjoint training and validation sets. The validation rows are
 * round(fraction·n) rows (at least 1, leaving at least 1 for training) chosen by shuffling the row
 * indices with the given stream; both parts keep the original row order. The same stream state
 * always gives the same split.
 *
 * @param trainX          training inputs
 * @param trainY          training targets
 * @param validationX     validation inputs
 * @param validationY     validation targets
 * @param validationRows  the original indices of the validation rows, ascending
 */
public record ValidationSplit(Matrix trainX, Matrix trainY, Matrix validationX, Matrix validationY,
                              int[] validationRows) {

    /** Splits ({@code x}, {@code y}) (same number of rows, at least 2), holding out {@code fraction} in (0, 1). */
    public static ValidationSplit of(Matrix x, Matrix y, double fraction, RandomSource random) {
        int n = x.rows();
        if (y.rows() != n) {
            throw new ShapeException("validation split: X is " + x.shape() + " but y is " + y.shape());
        }
        if (!(fraction > 0 && fraction < 1) || n < 2) {
            throw new IllegalArgumentException("validation split: need a fraction in (0, 1) and at least 2 rows, got "
                    + fraction + " of " + n + " rows");
        }
        int held = heldRows(n, fraction);
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        random.shuffle(order);
        int[] validation = Arrays.copyOfRange(order, 0, held);
        int[] training = Arrays.copyOfRange(order, held, n);
        Arrays.sort(validation);
        Arrays.sort(training);
        return new ValidationSplit(x.selectRows(training), y.selectRows(training), x.selectRows(validation),
                y.selectRows(validation), validation);
    }

    /**
     * How many of {@code n} rows (at least 2) a split of {@code fraction} holds out for validation:
     * round(fraction·n), at least 1 and at most n − 1.
     */
    public static int heldRows(int n, double fraction) {
        return Math.min(n - 1, Math.max(1, (int) Math.round(fraction * n)));
    }

    /** The original indices of the training rows, ascending (every row not held out). */
    public int[] trainingRows() {
        int n = trainX.rows() + validationX.rows();
        int[] rows = new int[trainX.rows()];
        for (int i = 0, v = 0, t = 0; i < n; i++) {
            if (v < validationRows.length && validationRows[v] == i) {
                v++;
            } else {
                rows[t++] = i;
            }
        }
        return rows;
    }
}
