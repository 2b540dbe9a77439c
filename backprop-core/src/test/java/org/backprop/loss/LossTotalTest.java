package org.backprop.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backprop.check.LossTargets;
import org.backprop.check.TestData;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

/** A loss added a chunk of rows at a time equals one forward pass over all rows, bit for bit. */
class LossTotalTest {

    @Test
    void everyLossSummedInChunksEqualsOneForwardPassBitForBit() {
        RandomSource r = TestData.random(17);
        int n = 1000;
        int k = 3;
        for (String name : Losses.names()) {
            Loss loss = Losses.byName(name);
            Matrix p = TestData.uniform(n, k, -2, 2, r);
            Matrix y = LossTargets.forLoss(name, n, k, r);
            Matrix w = TestData.uniform(n, 1, 0, 3, r);
            double whole = loss.fresh().forward(p, y);
            double weighted = loss.fresh().forward(p, y, w);
            LossTotal total = new LossTotal(loss);
            LossTotal weightedTotal = new LossTotal(loss);
            for (int from = 0, size = 1; from < n; from += size, size = size * 2 + 1) {
                int to = Math.min(n, from + size);
                total.add(p.rowRange(from, to), y.rowRange(from, to), null);
                weightedTotal.add(p.rowRange(from, to), y.rowRange(from, to), w.rowRange(from, to));
            }
            assertEquals(Double.doubleToLongBits(whole), Double.doubleToLongBits(total.value()), name);
            assertEquals(Double.doubleToLongBits(weighted), Double.doubleToLongBits(weightedTotal.value()), name);
        }
    }

    @Test
    void refusesMixedWeightingAndAnEmptyTotal() {
        LossTotal total = new LossTotal(Losses.byName("mse"));
        assertThrows(IllegalStateException.class, total::value);
        total.add(Matrix.column(1, 2), Matrix.column(1, 1), null);
        assertThrows(IllegalArgumentException.class,
                () -> total.add(Matrix.column(1), Matrix.column(1), Matrix.column(1)));
    }
}
