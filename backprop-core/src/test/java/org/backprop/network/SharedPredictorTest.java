package org.backprop.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;

import org.backprop.kernel.Precision;
import org.backprop.tensor.Matrix;
import org.backprop.train.AllocationMeter;
import org.junit.jupiter.api.Test;

/** {@link SharedPredictor}: many threads at once, each result the network's bit for bit, no allocation once warm. */
class SharedPredictorTest {

    private static NeuralNetwork network() {
        return NeuralNetwork.builder(11).dense(24, "relu").dense(9, "tanh").dense(2, "linear")
                .seed(3).threads(2).precision(Precision.FLOAT64).build();
    }

    private static Matrix data(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix m = Matrix.zeros(rows, cols);
        for (int k = 0; k < m.size(); k++) {
            m.setFlat(k, random.nextDouble(-2, 2));
        }
        return m;
    }

    @Test
    void threadsPredictingAtOnceGetTheNetworksResults() throws Exception {
        try (NeuralNetwork net = network()) {
            SharedPredictor shared = SharedPredictor.of(net);
            Matrix x = data(200, 11, 5);
            double[] expected = net.predict(x).toArray();
            Thread[] threads = new Thread[4];
            Throwable[] failure = new Throwable[threads.length];
            CountDownLatch start = new CountDownLatch(1);
            for (int t = 0; t < threads.length; t++) {
                int me = t;
                threads[t] = new Thread(() -> {
                    try {
                        start.await();
                        double[] out = new double[2];
                        Matrix batch = Matrix.zeros(200, 2);
                        for (int round = 0; round < 30; round++) {
                            for (int r = 0; r < x.rows(); r++) {
                                shared.predictRow(x.rowRange(r, r + 1).toArray(), out);
                                assertArrayEquals(new double[] {expected[2 * r], expected[2 * r + 1]}, out,
                                        "row " + r + " on thread " + me);
                            }
                            shared.predict(x, batch);
                            assertArrayEquals(expected, batch.toArray(), "batch on thread " + me);
                        }
                    } catch (Throwable e) {
                        failure[me] = e;
                    }
                });
                threads[t].start();
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            for (Throwable f : failure) {
                assertNull(f, () -> String.valueOf(f));
            }
        }
    }

    @Test
    void oneRowAllocatesNothingOnceTheThreadIsWarm() {
        try (NeuralNetwork net = network()) {
            SharedPredictor shared = SharedPredictor.of(net);
            double[] row = data(1, 11, 6).toArray();
            double[] out = new double[2];
            for (int i = 0; i < 100_000; i++) {
                shared.predictRow(row, out);
            }
            AllocationMeter meter = AllocationMeter.allLiveThreads();
            assertNotNull(meter, "this JVM cannot measure allocation");
            long bytes = Long.MAX_VALUE;
            for (int window = 0; window < 5 && bytes > 0; window++) {  // the JIT may still be compiling
                long before = meter.sample();
                for (int i = 0; i < 1000; i++) {
                    shared.predictRow(row, out);
                }
                bytes = Math.min(bytes, meter.sample() - before - meter.overheadPerSample());
            }
            assertTrue(bytes < 1000, "1000 one-row predictions allocated " + bytes + " bytes");
        }
    }
}
