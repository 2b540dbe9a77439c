/**
 * Scoring a {@code Dataset<Row>} with a trained network on the executors: a
 * {@link org.backprop.spark.score.Scorer} reads and standardizes the features of chunks of rows and
 * appends {@link org.backprop.spark.score.ScoreColumns}.
 */
package org.backprop.spark.score;
