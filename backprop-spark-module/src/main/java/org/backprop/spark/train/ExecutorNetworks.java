package org.backprop.spark.train;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.backprop.network.NeuralNetwork;
import org.backprop.spark.ParameterVectors;

/**
 * The networks an executor JVM keeps between the steps of a fit, so that it builds each network once per fit
 * and task slot rather than once per step; every step overwrites the parameters before use. Networks are not
 * thread-safe, so a task borrows one for the duration of its step.
 *
 * <p>Per JVM and keyed by the fit's random id ({@link FitStructure#fitId()}), because a Spark executor is the
 * only thing that lives from one task to the next, and a fit's tasks can only meet on it. It is pure
 * memoization (correctness never depends on what it holds: a missing network is rebuilt), it is not reachable
 * from outside this package, and it is bounded: the networks of all but the {@value #FITS} most recently used
 * fits are closed and dropped, so a long-lived executor serving many fits does not grow.
 */
final class ExecutorNetworks {
    private static final int FITS = 4;
    private static final Map<String, Deque<NeuralNetwork>> BY_FIT = new LinkedHashMap<>(8, 0.75f, true);

    private ExecutorNetworks() {
    }

    /** Runs {@code work} on a network of {@code fit}'s architecture whose parameters are {@code parameters}. */
    static <T> T withNetwork(FitStructure fit, double[] parameters, Function<NeuralNetwork, T> work) {
        NeuralNetwork network = borrow(fit.fitId());
        if (network == null) {
            network = fit.spec().build(0L, 1);
        }
        try {
            ParameterVectors.copyInto(parameters, network);
            return work.apply(network);
        } finally {
            giveBack(fit.fitId(), network);
        }
    }

    private static NeuralNetwork borrow(String fitId) {
        synchronized (BY_FIT) {
            NeuralNetwork network = BY_FIT.computeIfAbsent(fitId, id -> new ArrayDeque<>()).pollFirst();
            var eldest = BY_FIT.values().iterator();
            while (BY_FIT.size() > FITS) {
                eldest.next().forEach(NeuralNetwork::close);
                eldest.remove();
            }
            return network;
        }
    }

    private static void giveBack(String fitId, NeuralNetwork network) {
        synchronized (BY_FIT) {
            Deque<NeuralNetwork> free = BY_FIT.get(fitId);
            if (free != null) {
                free.addFirst(network);
                return;
            }
        }
        network.close(); // the fit was dropped meanwhile
    }
}
