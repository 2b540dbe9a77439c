package org.backprop.spark.train;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;

import org.backprop.network.NeuralNetwork;
import org.backprop.spark.NetworkSpec;
import org.backprop.spark.ParameterVectors;

/**
 * A per-JVM pool of networks by architecture, so that an executor builds each structure once
 * rather than once per step; every step overwrites the parameters before use. Networks are not
 * thread-safe, so a task borrows one for the duration of its step. Pure memoization: correctness
 * never depends on what the pool holds.
 */
final class ExecutorNetworks {
    private static final Map<NetworkSpec, ConcurrentLinkedDeque<NeuralNetwork>> POOL = new ConcurrentHashMap<>();

    private ExecutorNetworks() {
    }

    /** Runs {@code work} on a network of {@code spec} whose parameters are set to {@code parameters}. */
    static <T> T withNetwork(NetworkSpec spec, double[] parameters, Function<NeuralNetwork, T> work) {
        ConcurrentLinkedDeque<NeuralNetwork> free = POOL.computeIfAbsent(spec, s -> new ConcurrentLinkedDeque<>());
        NeuralNetwork network = free.pollFirst();
        if (network == null) {
            network = spec.build(0L, 1);
        }
        try {
            ParameterVectors.copyInto(parameters, network);
            return work.apply(network);
        } finally {
            free.addFirst(network);
        }
    }
}
