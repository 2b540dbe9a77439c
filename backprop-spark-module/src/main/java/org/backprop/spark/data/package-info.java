/**
 * Turning a {@code Dataset<Row>} into training data: which columns hold features and labels
 * ({@link org.backprop.spark.data.InputColumns}), checking every cell and fitting the scalers in
 * one ordered pass, and packing each partition once into a cached primitive
 * {@link org.backprop.spark.data.Block} ({@link org.backprop.spark.data.DataPacker}).
 */
package org.backprop.spark.data;
