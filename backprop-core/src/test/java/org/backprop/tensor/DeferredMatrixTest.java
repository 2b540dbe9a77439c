package org.backprop.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * {@link Matrix#defer}: deferred values are written once, on the first read through any method
 * (also a view's, a copy's source, from several threads at once); writing methods see them first
 * unless they overwrite everything; {@link Matrix#discardDeferred} drops them unwritten.
 */
class DeferredMatrixTest {

    /** Writes 1, 2, 3, … and counts its calls. */
    private static final class Counting implements DeferredValues {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void writeInto(double[] dst, int offset, int size) {
            calls.incrementAndGet();
            for (int k = 0; k < size; k++) {
                dst[offset + k] = k + 1;
            }
        }
    }

    @Test
    void everyReadSeesTheDeferredValuesWrittenOnce() {
        double[] buffer = new double[10];
        Matrix m = Matrix.view(buffer, 2, 2, 3);
        Counting values = new Counting();
        m.defer(values);
        assertTrue(m.isDeferred());
        assertEquals(0, values.calls.get(), "nothing written before a read");
        assertEquals(5.0, m.get(1, 1));
        assertFalse(m.isDeferred());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, m.toArray());
        assertEquals(0.0, buffer[0], "only the matrix's own elements are written");
        assertEquals(1, values.calls.get(), "written once");

        for (java.util.function.Function<Matrix, double[]> read : java.util.List.<java.util.function.Function<Matrix, double[]>>of(
                x -> x.rowRange(1, 2).toArray(), x -> Matrix.zeros(2, 3).copyFrom(x).toArray(), Matrix::toArray,
                x -> x.selectRows(new int[] {1, 0}).toArray(), x -> new double[] {x.getFlat(4)},
                x -> new double[] {x.allFinite() ? 1 : 0})) {
            Counting again = new Counting();
            m.defer(again);
            double[] got = read.apply(m);
            assertEquals(1, again.calls.get(), "read through " + got.length + " values");
        }
    }

    @Test
    void overwritingDropsAndDiscardKeepsTheOldValues() {
        Matrix m = Matrix.wrap(1, 3, 7, 8, 9);
        Counting values = new Counting();
        m.defer(values);
        m.fill(0.5);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, m.toArray());
        m.defer(values);
        m.set(0, 0, -1);
        assertArrayEquals(new double[] {-1, 2, 3}, m.toArray(), "a single write lands on the deferred values");
        m.defer(values);
        m.discardDeferred();
        assertArrayEquals(new double[] {-1, 2, 3}, m.toArray());
        assertEquals(1, values.calls.get());
    }

    @Test
    void concurrentFirstReadsAllSeeTheValues() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 50; round++) {
                Matrix m = Matrix.zeros(64, 64);
                Counting values = new Counting();
                m.defer(values);
                java.util.List<Future<Double>> sums = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    sums.add(pool.submit(() -> {
                        double sum = 0;
                        double[] d = m.data();
                        for (int k = 0; k < m.size(); k++) {
                            sum += d[k];
                        }
                        return sum;
                    }));
                }
                for (Future<Double> sum : sums) {
                    assertEquals(4096.0 * 4097 / 2, sum.get());
                }
                assertEquals(1, values.calls.get(), "written by one thread only");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
