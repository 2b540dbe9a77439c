package org.backprop.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import org.backprop.kernel.Precision;
import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;
import org.backprop.train.AllocationMeter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class PredictorTest {

    private static NeuralNetwork network(Precision precision) {
        return NeuralNetwork.builder(13).dense(40, "relu").dropout(0.3).dense(17, "tanh").dense(3, "linear")
                .seed(7).threads(2).precision(precision).build();
    }

    private static Matrix data(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix m = Matrix.zeros(rows, cols);
        for (int k = 0; k < m.size(); k++) {
            m.setFlat(k, random.nextDouble(-2, 2));
        }
        return m;
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void equalsNetworkPredictBitForBitForAnyChunkAndThreads(Precision precision) {
        try (NeuralNetwork net = network(precision)) {
            Matrix x = data(2100, 13, 1);
            Matrix expected = net.predict(x);
            for (int threads : new int[] {1, 2, 3}) {   // 2,100 rows × 1,251 weights: split over the threads
                for (int chunk : new int[] {1, 7, 512, 5000}) {
                    try (Predictor predictor = Predictor.of(net, threads, chunk)) {
                        Matrix got = predictor.predict(x);
                        String what = precision + ", " + threads + " threads, chunks of " + chunk;
                        if (precision == Precision.FLOAT32 && chunk == 1) {
                            assertClose(expected.toArray(), got.toArray(), what);  // one row: computed in double
                        } else {
                            assertArrayEquals(expected.toArray(), got.toArray(), what);
                        }
                    }
                }
            }
        }
    }

    @Test
    void noChunkOfOneRowSoFloat32BatchesAreExactAtAnyRowCount() {
        try (NeuralNetwork net = network(Precision.FLOAT32)) {
            for (int rows : new int[] {1025, 1027, 2049}) {   // once a last chunk of one row, computed in double
                Matrix x = data(rows, 13, rows);
                Matrix expected = net.predict(x);
                for (int threads : new int[] {1, 2}) {
                    try (Predictor predictor = Predictor.of(net, threads, Predictor.DEFAULT_CHUNK_ROWS)) {
                        assertArrayEquals(expected.toArray(), predictor.predict(x).toArray(),
                                rows + " rows, " + threads + " threads");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void oneRowEqualsTheBatchRow(Precision precision) {
        try (NeuralNetwork net = network(precision); Predictor predictor = Predictor.of(net)) {
            Matrix x = data(20, 13, 2);
            Matrix expected = net.predict(x);
            double[] out = new double[3];
            for (int i = 0; i < x.rows(); i++) {
                predictor.predictRow(x.rowRange(i, i + 1).toArray(), out);
                double[] batchRow = expected.rowRange(i, i + 1).toArray();
                if (precision == Precision.FLOAT32) {
                    assertClose(batchRow, out, "row " + i);  // one row: a matrix–vector shape, in double
                } else {
                    assertArrayEquals(batchRow, out, "row " + i);
                }
            }
        }
    }

    /** Within float32 rounding of the products (a few ulps of float, relative to the output's scale). */
    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * Math.max(1, Math.abs(expected[i])), what + ", element " + i);
        }
    }

    @Test
    void oneRowAllocatesNothingOnceWarm() {
        try (NeuralNetwork net = network(Precision.FLOAT64); Predictor predictor = Predictor.of(net)) {
            assertOneRowAllocatesNothingOnceWarm(predictor::predictRow);
        }
    }

    @Test
    void sharedPredictorOneRowAllocatesNothingOnceTheThreadIsWarm() {
        try (NeuralNetwork net = network(Precision.FLOAT64)) {
            assertOneRowAllocatesNothingOnceWarm(SharedPredictor.of(net)::predictRow);
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void batchIntoACallersBufferAllocatesNothingOnceWarm(Precision precision) {
        try (NeuralNetwork net = network(precision); Predictor predictor = Predictor.of(net, 1, 256)) {
            Matrix x = data(1000, 13, 4);   // four chunks of 250 rows
            Matrix out = Matrix.zeros(1000, 3);
            long bytes = fewestBytesOfAWindow(() -> predictor.predict(x, out), 2000, 100);
            assertTrue(bytes < 1000, precision + ": 100 predictions of 1,000 rows allocated " + bytes + " bytes");
        }
    }

    private static void assertOneRowAllocatesNothingOnceWarm(BiConsumer<double[], double[]> predictRow) {
        double[] row = data(1, 13, 3).toArray();
        double[] out = new double[3];
        long bytes = fewestBytesOfAWindow(() -> predictRow.accept(row, out), 100_000, 1000);
        assertTrue(bytes < 1000, "1000 one-row predictions allocated " + bytes + " bytes");
    }

    /**
     * Runs {@code call} {@code warmUp} times, then returns the fewest bytes any of up to 50 windows of
     * {@code perWindow} calls allocated (stopping at a window of 0): the JIT may still be compiling,
     * late on a loaded machine.
     */
    private static long fewestBytesOfAWindow(Runnable call, int warmUp, int perWindow) {
        for (int i = 0; i < warmUp; i++) {
            call.run();
        }
        AllocationMeter meter = AllocationMeter.allLiveThreads();
        assertNotNull(meter, "this JVM cannot measure allocation");
        long bytes = Long.MAX_VALUE;
        for (int window = 0; window < 50 && bytes > 0; window++) {
            long before = meter.sample();
            for (int i = 0; i < perWindow; i++) {
                call.run();
            }
            bytes = Math.min(bytes, meter.sample() - before - meter.overheadPerSample());
        }
        return bytes;
    }

    @Test
    void sharedPredictorServesThreadsPredictingAtOnce() throws Exception {
        try (NeuralNetwork net = network(Precision.FLOAT64)) {
            SharedPredictor shared = SharedPredictor.of(net);
            Matrix x = data(200, 13, 5);
            double[] expected = net.predict(x).toArray();
            Thread[] threads = new Thread[4];
            Throwable[] failure = new Throwable[threads.length];
            CountDownLatch start = new CountDownLatch(1);
            for (int t = 0; t < threads.length; t++) {
                int me = t;
                threads[t] = new Thread(() -> {
                    try {
                        start.await();
                        double[] out = new double[3];
                        Matrix batch = Matrix.zeros(x.rows(), 3);
                        for (int round = 0; round < 30; round++) {
                            for (int r = 0; r < x.rows(); r++) {
                                shared.predictRow(x.rowRange(r, r + 1).toArray(), out);
                                assertArrayEquals(Arrays.copyOfRange(expected, 3 * r, 3 * r + 3), out,
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
                if (f != null) {
                    throw new AssertionError("a predicting thread failed", f);
                }
            }
        }
    }

    @Test
    void predictionsDoNotDependOnWhichThreadAsks() throws Exception {
        try (NeuralNetwork net = network(Precision.FLOAT64)) {
            Matrix x = data(300, 13, 4);
            double[] expected = net.predict(x).toArray();
            Thread[] threads = new Thread[4];
            Throwable[] failure = new Throwable[1];
            for (int t = 0; t < threads.length; t++) {
                threads[t] = new Thread(() -> {
                    try (Predictor predictor = Predictor.of(net)) {
                        for (int r = 0; r < 20; r++) {
                            assertArrayEquals(expected, predictor.predict(x).toArray());
                        }
                    } catch (Throwable e) {
                        failure[0] = e;
                    }
                });
                threads[t].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            if (failure[0] != null) {
                throw new AssertionError("a predicting thread failed", failure[0]);
            }
        }
    }

    @Test
    void probabilitiesOfOneRowAreTheNetworksUnderItsLoss() {
        Matrix x = data(6, 13, 12);
        for (org.backprop.loss.Loss loss : List.of(new org.backprop.loss.SoftmaxCrossEntropy(),
                new org.backprop.loss.BinaryCrossEntropyWithLogits())) {
            try (NeuralNetwork net = NeuralNetwork.builder(13).dense(9, "relu").dense(3, "linear").loss(loss).seed(2)
                    .build(); Predictor predictor = Predictor.of(net)) {
                Matrix expected = net.predictProbabilities(x);
                SharedPredictor shared = SharedPredictor.of(net);
                for (int i = 0; i < x.rows(); i++) {
                    double[] out = new double[4];
                    predictor.predictProbabilitiesRow(x.rowRange(i, i + 1).toArray(), out);
                    assertArrayEquals(expected.rowRange(i, i + 1).toArray(), Arrays.copyOf(out, 3), 0.0, loss.id());
                    double[] fromShared = new double[3];
                    shared.predictProbabilitiesRow(x.rowRange(i, i + 1).toArray(), fromShared);
                    assertArrayEquals(expected.rowRange(i, i + 1).toArray(), fromShared, 0.0, loss.id());
                }
            }
        }
        try (NeuralNetwork net = network(Precision.FLOAT64); Predictor predictor = Predictor.of(net)) {
            assertThrows(UnsupportedOperationException.class,
                    () -> predictor.predictProbabilitiesRow(new double[13], new double[3]));
        }
    }

    @Test
    void probabilitiesOfOneRowAllocateNothingOnceWarm() {
        try (NeuralNetwork net = NeuralNetwork.builder(13).dense(40, "relu").dense(3, "linear")
                .loss(new org.backprop.loss.SoftmaxCrossEntropy()).seed(7).build();
             Predictor predictor = Predictor.of(net)) {
            assertOneRowAllocatesNothingOnceWarm(predictor::predictProbabilitiesRow);
        }
    }

    @Test
    void aLongerFeatureRowANullOneAndAClosedPredictorAreRefused() {
        try (NeuralNetwork net = network(Precision.FLOAT64)) {
            Predictor predictor = Predictor.of(net);
            ShapeException e = assertThrows(ShapeException.class,
                    () -> predictor.predictRow(new double[14], new double[3]));
            assertTrue(e.getMessage().contains("13 inputs") && e.getMessage().contains("14 features"), e.getMessage());
            NullPointerException npe = assertThrows(NullPointerException.class,
                    () -> predictor.predictRow(null, new double[3]));
            assertEquals("features", npe.getMessage());
            predictor.close();
            IllegalStateException closed = assertThrows(IllegalStateException.class,
                    () -> predictor.predictRow(new double[13], new double[3]));
            assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
            assertThrows(IllegalStateException.class, () -> predictor.predict(Matrix.zeros(2, 13)));
            predictor.close();
        }
    }

    @Test
    void wrongShapesAreRefusedNamingThem() {
        try (NeuralNetwork net = network(Precision.FLOAT64); Predictor predictor = Predictor.of(net)) {
            ShapeException e = assertThrows(ShapeException.class,
                    () -> predictor.predictRow(new double[12], new double[3]));
            assertTrue(e.getMessage().contains("13 inputs") && e.getMessage().contains("12 features"), e.getMessage());
            assertThrows(ShapeException.class, () -> predictor.predict(Matrix.zeros(4, 13), Matrix.zeros(3, 3)));
            assertThrows(IllegalArgumentException.class, () -> Predictor.of(net, 0, 10));
            assertEquals(13, predictor.inputs());
            assertEquals(3, predictor.outputs());
        }
    }
}
