/**
 * The training loop on Spark: {@link org.backprop.spark.train.SparkTrainer} runs one job per step
 * (executors compute their partitions' gradient shares, the driver adds them in partition order
 * and applies the optimizer) or, where every partition gets a task slot at once, one barrier stage
 * per epoch whose tasks exchange the shares and each apply the optimizer, with the same results;
 * also the step plan, per-partition shuffles, checkpoints and the opt-in local SGD mode.
 */
package org.backprop.spark.train;
