/**
 * Spark ML stages: {@link org.backprop.spark.ml.BackpropRegressor} and
 * {@link org.backprop.spark.ml.BackpropClassifier} (every hyperparameter a {@code Param}, so
 * {@code CrossValidator}/{@code TrainValidationSplit} tune them) and the models they fit, which
 * follow MLlib's column conventions and save as a directory holding the project's model file.
 */
package org.backprop.spark.ml;
