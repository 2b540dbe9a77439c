package org.backprop.spark.train;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;

import org.backprop.network.NetworkSpec;
import org.backprop.network.NeuralNetwork;
import org.backprop.random.RandomSource;

/**
 * A per-JVM pool of networks by their {@link NetworkSpec} (the core's one description, shipped in
 * the task), so that an executor builds each structure once rather than once per step; every step
 * overwrites the parameters and points the dropout layers at its partition's positioned mask stream
 * ({@link DropoutStreams}) before use. Networks are not thread-safe, so a task borrows one for the
 * duration of its step. Pure memoization: correctness never depends on what the pool holds.
 */
final class ExecutorNetworks {
    private static final Map<NetworkSpec, ConcurrentLinkedDeque<Pooled>> POOL = new ConcurrentHashMap<>();

    /** A pooled network and the mask source its dropout layers draw from. */
    private record Pooled(NeuralNetwork network, MaskSource masks) {
    }

    private ExecutorNetworks() {
    }

    /**
     * Runs {@code work} on a network of {@code spec} whose parameters are set to {@code parameters}
     * and whose dropout layers draw from {@code masks} (null for a network without dropout).
     */
    static <T> T withNetwork(NetworkSpec spec, double[] parameters, RandomSource masks,
                             Function<NeuralNetwork, T> work) {
        ConcurrentLinkedDeque<Pooled> free = POOL.computeIfAbsent(spec, s -> new ConcurrentLinkedDeque<>());
        Pooled pooled = free.pollFirst();
        if (pooled == null) {
            MaskSource source = new MaskSource();
            pooled = new Pooled(NeuralNetwork.builder(spec).threads(1).dropoutRandom(source).build(), source);
        }
        try {
            pooled.network().parameters().setValues(parameters);
            pooled.masks().target = masks;
            return work.apply(pooled.network());
        } finally {
            pooled.masks().target = null;
            free.addFirst(pooled);
        }
    }

    /** Delegates to the current task's mask stream; a draw outside a task is a bug. */
    private static final class MaskSource implements RandomSource {
        private RandomSource target;

        private RandomSource target() {
            if (target == null) {
                throw new IllegalStateException("a dropout mask was drawn without a partition's stream");
            }
            return target;
        }

        @Override
        public double nextDouble() {
            return target().nextDouble();
        }

        @Override
        public int nextInt(int bound) {
            return target().nextInt(bound);
        }

        @Override
        public double nextGaussian() {
            return target().nextGaussian();
        }
    }
}
