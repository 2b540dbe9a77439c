package org.backprop.cli;

import picocli.CommandLine.Option;

/**
 * How long {@code backprop train} trains: {@code --epochs}, {@code --validation-split} and
 * {@code --patience}, with defaults that work on a table the user has not tuned for.
 *
 * <p>Without {@code --epochs} ("auto"): at most {@link #autoEpochs} epochs (a budget of
 * {@value #STEP_BUDGET} optimizer steps, at least {@value #MIN_AUTO_EPOCHS} and at most
 * {@value #MAX_AUTO_EPOCHS} epochs), {@value #AUTO_VALIDATION_SPLIT} of the rows held out for
 * validation when there are at least {@value #MIN_ROWS_FOR_AUTO_SPLIT} rows, and early stopping
 * with patience {@value #AUTO_PATIENCE} on the validation loss, keeping the best weights. With
 * {@code --epochs N} training runs N epochs, with no validation split and no early stopping unless
 * they are asked for, as before these defaults existed.
 */
final class StoppingOptions {
    /** The optimizer steps an automatic epoch count aims at. */
    static final int STEP_BUDGET = 30_000;
    /** The fewest epochs of the automatic rule. */
    static final int MIN_AUTO_EPOCHS = 20;
    /** The most epochs of the automatic rule. */
    static final int MAX_AUTO_EPOCHS = 200;
    /** The validation fraction of the automatic rule. */
    static final double AUTO_VALIDATION_SPLIT = 0.1;
    /** The automatic rule holds out validation rows only from at least this many rows. */
    static final int MIN_ROWS_FOR_AUTO_SPLIT = 100;
    /** The early-stopping patience of the automatic rule, in epochs. */
    static final int AUTO_PATIENCE = 10;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Epochs (default: auto: enough for about " + STEP_BUDGET + " steps, between "
                    + MIN_AUTO_EPOCHS + " and " + MAX_AUTO_EPOCHS + ", with early stopping on a validation split; "
                    + "with --epochs N exactly N epochs unless --patience is given).")
    Integer epochs;

    @Option(names = "--validation-split", paramLabel = "F",
            description = "Fraction of rows held out for validation, in [0, 1), stratified by class for classification "
                    + "(default: " + AUTO_VALIDATION_SPLIT + " without --epochs when there are at least "
                    + MIN_ROWS_FOR_AUTO_SPLIT + " rows, else 0).")
    Double validationSplit;

    @Option(names = "--patience", paramLabel = "N",
            description = "Early stopping: stop after N epochs without improvement of the validation (or training) loss "
                    + "and keep the best weights (default: " + AUTO_PATIENCE + " without --epochs when there is a "
                    + "validation split, else 0 = off).")
    Integer patience;

    /** True if the epoch count is chosen by the automatic rule. */
    boolean automatic() {
        return epochs == null;
    }

    /** Usage checks of the given values. */
    void check() {
        TrainCommand.require(epochs == null || epochs >= 1, "--epochs must be at least 1, got " + epochs);
        TrainCommand.require(validationSplit == null || (validationSplit >= 0 && validationSplit < 1),
                "--validation-split must be in [0, 1), got " + validationSplit);
        TrainCommand.require(patience == null || patience >= 0, "--patience must be at least 0, got " + patience);
    }

    /**
     * The validation fraction for a table of {@code rows} rows; a usage error if it would leave fewer
     * than 2 training rows or hold out no row at all.
     */
    double validationSplit(int rows) {
        if (validationSplit == null) {
            return automatic() && rows >= MIN_ROWS_FOR_AUTO_SPLIT ? AUTO_VALIDATION_SPLIT : 0.0;
        }
        if (validationSplit > 0) {
            long held = Math.round(validationSplit * rows);
            TrainCommand.require(held >= 1 && rows - held >= 2, "--validation-split " + validationSplit + " of "
                    + rows + " rows would leave " + (rows - held) + " training and " + held + " validation rows; "
                    + "training needs at least 2 rows and validation at least 1");
        }
        return validationSplit;
    }

    /** The epochs to train {@code trainingRows} rows in batches of {@code batchSize}. */
    int epochs(int trainingRows, int batchSize) {
        return epochs != null ? epochs : autoEpochs(trainingRows, batchSize);
    }

    /**
     * The automatic rule: ⌈{@value #STEP_BUDGET} / steps per epoch⌉ clamped to
     * [{@value #MIN_AUTO_EPOCHS}, {@value #MAX_AUTO_EPOCHS}]; e.g. 48,600 training rows in batches
     * of 32 give 20 epochs, 1,000 rows give 200.
     */
    static int autoEpochs(int trainingRows, int batchSize) {
        long stepsPerEpoch = (trainingRows + (long) batchSize - 1) / batchSize;
        long epochs = (STEP_BUDGET + stepsPerEpoch - 1) / stepsPerEpoch;
        return (int) Math.max(MIN_AUTO_EPOCHS, Math.min(MAX_AUTO_EPOCHS, epochs));
    }

    /**
     * The patience: as given, else {@value #AUTO_PATIENCE} under the automatic rule when there is a
     * validation set and {@code canStopEarly}, else 0.
     */
    int patience(boolean hasValidation, boolean canStopEarly) {
        if (patience != null) {
            return patience;
        }
        return automatic() && hasValidation && canStopEarly ? AUTO_PATIENCE : 0;
    }
}
