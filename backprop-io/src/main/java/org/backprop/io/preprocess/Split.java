package org.backprop.io.preprocess;

/**
 * Row indices of a train/validation/test split; each array is in ascending order and together they
 * contain every row exactly once.
 */
public record Split(int[] train, int[] validation, int[] test) {
}
