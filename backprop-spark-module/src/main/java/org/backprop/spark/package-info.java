/**
 * backprop on Apache Spark: synchronous data-parallel training that gives the single-machine
 * model (bit for bit at P = 1). It has no model types of its own: executors get the core's one
 * network description ({@link org.backprop.network.NetworkSpec}) and io's scalers, a fit becomes
 * io's {@link org.backprop.io.model.Model}, saved as the model file {@code backprop train} writes,
 * and the training loop around the gradients is the core's {@link org.backprop.train.TrainingRun}.
 * The parts are in the sub-packages:
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
