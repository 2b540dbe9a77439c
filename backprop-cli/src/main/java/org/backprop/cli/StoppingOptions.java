package org.backprop.cli;

import org.backprop.io.table.StoppingRule;

import picocli.CommandLine.Option;

/**
 * How long {@code backprop train} trains: {@code --epochs}, {@code --validation-split} and
 * {@code --patience}; not given, {@link StoppingRule}'s automatic rule (the one {@code
 * TabularOptions.defaults()} follows too) chooses them.
 */
final class StoppingOptions {
    @Option(names = "--epochs", paramLabel = "N",
            description = "Epochs (default: auto: enough for about " + StoppingRule.STEP_BUDGET + " steps, between "
                    + StoppingRule.MIN_AUTO_EPOCHS + " and " + StoppingRule.MAX_AUTO_EPOCHS
                    + ", with early stopping on a validation split; "
                    + "with --epochs N exactly N epochs unless --patience is given).")
    Integer epochs;

    @Option(names = "--validation-split", paramLabel = "F",
            description = "Fraction of rows held out for validation, in [0, 1), stratified by class for classification "
                    + "(default: " + StoppingRule.AUTO_VALIDATION_SPLIT + " without --epochs when there are at least "
                    + StoppingRule.MIN_ROWS_FOR_AUTO_SPLIT + " rows, else 0).")
    Double validationSplit;

    @Option(names = "--patience", paramLabel = "N",
            description = "Early stopping: stop after N epochs without improvement of the validation (or training) loss "
                    + "and keep the best weights (default: " + StoppingRule.AUTO_PATIENCE
                    + " without --epochs when there is a "
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
     * The validation fraction for a table of {@code rows} rows ({@link StoppingRule#validationSplit});
     * a usage error if it would leave fewer than 2 training rows or hold out no row at all.
     */
    double validationSplit(int rows) {
        if (validationSplit != null && validationSplit > 0) {
            long held = Math.round(validationSplit * rows);
            TrainCommand.require(held >= 1 && rows - held >= 2, "--validation-split " + validationSplit + " of "
                    + rows + " rows would leave " + (rows - held) + " training and " + held + " validation rows; "
                    + "training needs at least 2 rows and validation at least 1");
        }
        return StoppingRule.validationSplit(validationSplit, automatic(), rows);
    }

    /** The epochs to train {@code trainingRows} rows in batches of {@code batchSize} ({@link StoppingRule#epochs}). */
    int epochs(int trainingRows, int batchSize) {
        return StoppingRule.epochs(epochs, trainingRows, batchSize);
    }

    /**
     * The patience ({@link StoppingRule#patience}), the automatic one only if {@code canStopEarly}.
     */
    int patience(boolean hasValidation, boolean canStopEarly) {
        return StoppingRule.patience(patience, automatic() && canStopEarly, hasValidation);
    }
}
