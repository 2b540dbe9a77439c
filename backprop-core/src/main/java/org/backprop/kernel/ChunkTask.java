package org.backprop.kernel;

/** One parallel job for a {@link ThreadTeam}'s workers: a fixed number of independent chunks. */
interface ChunkTask {
    /** Computes chunk {@code chunk} (0-based); chunks must not write the same output elements. */
    void runChunk(int chunk);
}
