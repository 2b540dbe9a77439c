package org.backprop.spark.data;

import org.apache.spark.Partitioner;

/** Sends the row with stable index i (a {@code Long} key) to partition i mod P. */
final class ModPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;

    ModPartitioner(int partitions) {
        this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        return (int) ((Long) key % partitions);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModPartitioner m && m.partitions == partitions;
    }

    @Override
    public int hashCode() {
        return partitions;
    }
}
