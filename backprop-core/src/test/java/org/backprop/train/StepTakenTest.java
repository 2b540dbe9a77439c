package org.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Sgd;
import org.junit.jupiter.api.Test;

/**
 * A step applied elsewhere ({@link TrainingRun#stepTaken}) reaches the listeners and the loss checks
 * as {@link TrainingRun#step} does, without the optimizer; {@link TrainingRun#stepLimits} gives the
 * ceiling the first step's loss set and the guard's weight bound.
 */
class StepTakenTest {

    @Test
    void stepTakenTellsTheListenersAndKeepsTheParameters() {
        try (NeuralNetwork network = NeuralNetwork.builder(2).dense(3, "relu").dense(1, "linear").seed(1).build()) {
            List<String> heard = new ArrayList<>();
            TrainingListener listener = new TrainingListener() {
                @Override
                public void onBatchEnd(int epoch, int batch, double loss) {
                    heard.add(epoch + "/" + batch + ":" + loss);
                }
            };
            TrainingRun run = new TrainingRun(network, new Sgd(0.1), TrainerConfig.defaults(1), List.of(listener),
                    (epoch, loss) -> EpochRecord.notEvaluated(epoch, loss));
            assertNull(run.stepLimits(), "no ceiling before the first step");
            network.parameters().grads()[0] = 1.0;
            run.step(0, 0, 2.0);
            StepLimits limits = run.stepLimits();
            assertEquals(2.0 * 1e4, limits.lossCeiling());
            assertTrue(limits.lossWithin(2.0 * 1e4));
            assertFalse(limits.lossWithin(Double.NaN));
            assertFalse(limits.parametersWithin(new double[] {0.0, Double.POSITIVE_INFINITY}));
            assertTrue(limits.parametersWithin(network.parameters().values()));

            double[] before = network.parameters().values().clone();
            run.stepTaken(0, 1, 1.5);
            assertEquals(List.of("0/0:2.0", "0/1:1.5"), heard);
            assertTrue(java.util.Arrays.equals(before, network.parameters().values()), "no optimizer step");
        }
    }
}
