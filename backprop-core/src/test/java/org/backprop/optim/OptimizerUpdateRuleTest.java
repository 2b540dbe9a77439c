package org.backprop.optim;

import static org.backprop.optim.TinyParameters.GRADIENTS;
import static org.backprop.optim.TinyParameters.INITIAL;
import static org.backprop.optim.TinyParameters.step;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.network.ParamKind;
import org.backprop.network.ParameterBuffer;
import org.junit.jupiter.api.Test;

/**
 * Properties of the update rules that hold whatever the numbers; the rules themselves are checked
 * value by value against {@code torch.optim} in {@link OptimizerTorchGoldenTest}.
 */
class OptimizerUpdateRuleTest {

    @Test
    void adamWWithZeroDecayIsAdam() {
        ParameterBuffer adam = TinyParameters.create();
        ParameterBuffer adamW = TinyParameters.create();
        Optimizer a = new Adam(1e-2);
        Optimizer b = new AdamW(LearningRates.of(1e-2), 0);
        for (double[] g : GRADIENTS) {
            step(a, adam, g);
            step(b, adamW, g);
        }
        assertArrayEquals(adam.values(), adamW.values());
    }

    @Test
    void perGroupLearningRatesAreHonouredByEveryOptimizer() {
        for (String name : Optimizers.names()) {
            ParameterBuffer params = TinyParameters.create();
            Optimizer frozenBias = Optimizers.create(name, LearningRates.of(0.1).with(ParamKind.BIAS, 0));
            step(frozenBias, params, GRADIENTS[0]);
            assertEquals(INITIAL[2], params.values()[2], 0, name + " must not move the bias at rate 0");
            assertTrue(params.values()[0] < INITIAL[0], name + " must move the weight");
        }
    }

    @Test
    void aRateGivenByParameterNameActsLikeTheSameRateGivenByKind() {
        ParameterBuffer byName = TinyParameters.create();
        ParameterBuffer byKind = TinyParameters.create();
        step(new Sgd(LearningRates.of(0.1).with("d.B", 0.2)), byName, GRADIENTS[0]);
        step(new Sgd(LearningRates.of(0.1).with(ParamKind.BIAS, 0.2)), byKind, GRADIENTS[0]);
        assertArrayEquals(byKind.values(), byName.values());
        assertEquals(INITIAL[2] - 0.2 * GRADIENTS[0][2], byName.values()[2], "the bias moves at 0.2");
    }
}
