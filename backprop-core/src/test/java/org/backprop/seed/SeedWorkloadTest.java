package org.backprop.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.backprop.kernel.Precision;
import org.backprop.train.EpochRecord;
import org.junit.jupiter.api.Test;

/** The README demo: the seed architecture in the library API trains the notebook's data below MSE 0.001. */
class SeedWorkloadTest {

    @Test
    void thousandEpochsReachTrainingMseBelowOneThousandth() {
        List<String> lines = new ArrayList<>();
        SeedWorkload.Result r = SeedWorkload.run(new SeedWorkload.Options(1000, 2, 0, Precision.FLOAT64), lines::add);
        assertTrue(r.finalLoss() < 1e-3, "final training MSE " + r.finalLoss());
        List<EpochRecord> evaluated = r.history().evaluated();
        assertEquals(21, evaluated.size(), "epochs 0, 50, …, 950 and the last, 999");
        assertEquals(21, lines.size());
        assertTrue(lines.get(1).startsWith("Epoch  50 Loss:  "), lines.get(1));
        assertTrue(evaluated.get(0).trainLoss() > 0.05, "starts near the variance of U(0,1), 1/12");
    }
}
