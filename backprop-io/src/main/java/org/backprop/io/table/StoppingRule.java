package org.backprop.io.table;

/**
 * How long training trains when the epochs are not given ({@link TabularOptions#epochs()} null,
 * {@code backprop train} without {@code --epochs}): the one rule both use.
 *
 * <p>At most {@link #autoEpochs} epochs (a budget of {@value #STEP_BUDGET} optimizer steps, at
 * least {@value #MIN_AUTO_EPOCHS} and at most {@value #MAX_AUTO_EPOCHS} epochs),
 * {@value #AUTO_VALIDATION_SPLIT} of the rows held out for validation when there are at least
 * {@value #MIN_ROWS_FOR_AUTO_SPLIT} rows, and early stopping with patience {@value #AUTO_PATIENCE}
 * on the validation loss, keeping the best weights. With the epochs given, training runs exactly
 * that many, with no validation split and no early stopping unless they are given too.
 */
public final class StoppingRule {
    /** The optimizer steps an automatic epoch count aims at. */
    public static final int STEP_BUDGET = 30_000;
    /** The fewest epochs of the automatic rule. */
    public static final int MIN_AUTO_EPOCHS = 20;
    /** The most epochs of the automatic rule. */
    public static final int MAX_AUTO_EPOCHS = 200;
    /** The validation fraction of the automatic rule. */
    public static final double AUTO_VALIDATION_SPLIT = 0.1;
    /** The automatic rule holds out validation rows only from at least this many rows. */
    public static final int MIN_ROWS_FOR_AUTO_SPLIT = 100;
    /** The early-stopping patience of the automatic rule, in epochs. */
    public static final int AUTO_PATIENCE = 10;

    private StoppingRule() {
    }

    /**
     * The validation fraction of a table of {@code rows} rows: {@code given}, else
     * {@value #AUTO_VALIDATION_SPLIT} under the automatic rule ({@code automatic}) from
     * {@value #MIN_ROWS_FOR_AUTO_SPLIT} rows, else 0.
     */
    public static double validationSplit(Double given, boolean automatic, long rows) {
        if (given != null) {
            return given;
        }
        return automatic && rows >= MIN_ROWS_FOR_AUTO_SPLIT ? AUTO_VALIDATION_SPLIT : 0.0;
    }

    /**
     * The epochs to train {@code trainingRows} rows in batches of {@code batchSize}: {@code given},
     * else {@link #autoEpochs}.
     */
    public static int epochs(Integer given, int trainingRows, int batchSize) {
        return given != null ? given : autoEpochs(trainingRows, batchSize);
    }

    /**
     * The automatic rule: ⌈{@value #STEP_BUDGET} / steps per epoch⌉ clamped to
     * [{@value #MIN_AUTO_EPOCHS}, {@value #MAX_AUTO_EPOCHS}]; e.g. 48,600 training rows in batches
     * of 32 give 20 epochs, 1,000 rows give 200.
     */
    public static int autoEpochs(int trainingRows, int batchSize) {
        long stepsPerEpoch = (trainingRows + (long) batchSize - 1) / batchSize;
        long epochs = (STEP_BUDGET + stepsPerEpoch - 1) / stepsPerEpoch;
        return (int) Math.max(MIN_AUTO_EPOCHS, Math.min(MAX_AUTO_EPOCHS, epochs));
    }

    /**
     * The patience: {@code given}, else {@value #AUTO_PATIENCE} under the automatic rule
     * ({@code automatic}) when there is a validation set, else 0 (off).
     */
    public static int patience(Integer given, boolean automatic, boolean hasValidation) {
        if (given != null) {
            return given;
        }
        return automatic && hasValidation ? AUTO_PATIENCE : 0;
    }
}
