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
        try (Lease lease = borrow(spec)) {
            lease.network().parameters().setValues(parameters);
            lease.masks(masks);
            return work.apply(lease.network());
        }
    }

    /**
     * Borrows a network of {@code spec} (parameters as the last user left them) until the lease is
     * closed; for a task that keeps one network over many steps (a barrier stage).
     */
    static Lease borrow(NetworkSpec spec) {
        ConcurrentLinkedDeque<Pooled> free = POOL.computeIfAbsent(spec, s -> new ConcurrentLinkedDeque<>());
        Pooled pooled = free.pollFirst();
        if (pooled == null) {
            MaskSource source = new MaskSource();
            pooled = new Pooled(NeuralNetwork.builder(spec).threads(1).dropoutRandom(source).build(), source);
        }
        return new Lease(pooled, free);
    }

    /** A borrowed network; {@link #close} returns it to the pool. */
    static final class Lease implements AutoCloseable {
        private final Pooled pooled;
        private final ConcurrentLinkedDeque<Pooled> home;

        private Lease(Pooled pooled, ConcurrentLinkedDeque<Pooled> home) {
            this.pooled = pooled;
            this.home = home;
        }

        NeuralNetwork network() {
            return pooled.network();
        }

        /** Points the network's dropout layers at {@code masks} (null: none may be drawn). */
        void masks(RandomSource masks) {
            pooled.masks().target = masks;
        }

        @Override
        public void close() {
            pooled.masks().target = null;
            home.addFirst(pooled);
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
