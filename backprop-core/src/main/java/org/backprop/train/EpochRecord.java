package org.backprop.train;

/**
 * What one epoch produced.
 *
 * @param epoch          0-based epoch index (the seed notebook's convention: "Epoch 0" is the loss
 *                       after the first pass over the data)
 * @param meanBatchLoss  mean of the epoch's batch losses (computed during training, in training mode)
 * @param trainLoss      the loss over the whole training set after the epoch, in inference mode,
 *                       or NaN if it was not evaluated this epoch
 * @param validationLoss the loss over the validation set, or NaN if none or not evaluated
 */
public record EpochRecord(int epoch, double meanBatchLoss, double trainLoss, double validationLoss) {

    /** True if the full-set losses were evaluated this epoch. */
    public boolean evaluated() {
        return !Double.isNaN(trainLoss);
    }
}
