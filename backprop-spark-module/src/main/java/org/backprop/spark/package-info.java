/**
 * backprop on Apache Spark: synchronous data-parallel training that gives the single-machine
 * model (bit for bit at P = 1). This package holds the model as plain, serializable data
 * ({@link org.backprop.spark.NetworkSpec}, {@link org.backprop.spark.TrainedNetwork},
 * {@link org.backprop.spark.Standardizer}) and its model file ({@link org.backprop.spark.ModelFiles});
 * the parts are in the sub-packages:
 * <ul>
 *   <li>{@link org.backprop.spark.ml}: Spark ML estimator and model stages (Params, Pipelines, persistence);</li>
 *   <li>{@link org.backprop.spark.train}: the training loop ({@link org.backprop.spark.train.SparkTrainer}),
 *       its plan, shuffles, executor tasks, ordered sums and checkpoints;</li>
 *   <li>{@link org.backprop.spark.data}: reading, checking and packing the rows into cached blocks;</li>
 *   <li>{@link org.backprop.spark.score}: scoring a {@code Dataset} with a trained network;</li>
 *   <li>{@link org.backprop.spark.cli}: {@code backprop-spark train}.</li>
 * </ul>
 */
package org.backprop.spark;
