package org.backprop.io.preprocess;

/** What a missing feature cell means. */
public enum MissingPolicy {
    /** Numeric: the training median plus a missing-indicator column; categorical: a level of its own. */
    IMPUTE,
    /** A data error; every missing cell is counted and the first one of each column named. */
    ERROR
}
