package org.backprop.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one epoch produced.
 *
 * @param epoch             0-based epoch index (the seed notebook's convention: "Epoch 0" is the
 *                          loss after the first pass over the data)
 * @param meanBatchLoss     mean of the epoch's batch losses (computed during training, in training mode)
 * @param trainLoss         the loss over the whole training set after the epoch, in inference mode,
 *                          or NaN if it was not evaluated this epoch (see
 *                          {@link TrainerConfig#evaluateTrainingSet()})
 * @param validationLoss    the loss over the validation set, or NaN if none or not evaluated
 * @param trainMetrics      extra metrics on the training set by name (empty if not evaluated)
 * @param validationMetrics extra metrics on the validation set by name (empty if none or not evaluated)
 */
public record EpochRecord(int epoch, double meanBatchLoss, double trainLoss, double validationLoss,
                          Map<String, Double> trainMetrics, Map<String, Double> validationMetrics) {

    public EpochRecord {
        trainMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(trainMetrics));
        validationMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(validationMetrics));
    }

    /** A record without extra metrics. */
    public EpochRecord(int epoch, double meanBatchLoss, double trainLoss, double validationLoss) {
        this(epoch, meanBatchLoss, trainLoss, validationLoss, Map.of(), Map.of());
    }

    /** The record of an epoch whose full-set losses were not evaluated. */
    public static EpochRecord notEvaluated(int epoch, double meanBatchLoss) {
        return new EpochRecord(epoch, meanBatchLoss, Double.NaN, Double.NaN);
    }

    /**
     * True if full-set losses were evaluated this epoch: the training set's, the validation set's or
     * both (early stopping observes exactly these epochs).
     */
    public boolean evaluated() {
        return hasTrainLoss() || hasValidation();
    }

    /** True if the whole training set's loss was evaluated this epoch. */
    public boolean hasTrainLoss() {
        return !Double.isNaN(trainLoss);
    }

    /** True if a validation set was evaluated this epoch. */
    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }

    /** The loss early stopping watches: the validation loss if there is one, else the training loss. */
    public double monitoredLoss() {
        return hasValidation() ? validationLoss : trainLoss;
    }
}
