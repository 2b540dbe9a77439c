package org.backprop.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class OptimizersTest {

    @Test
    void createsEveryKnownOptimizerWithItsId() {
        assertEquals(List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"),
                List.copyOf(Optimizers.names()));
        for (String name : Optimizers.names()) {
            Optimizer optimizer = Optimizers.create(name, LearningRates.of(0.01));
            assertEquals(name, optimizer.id());
            assertEquals(0.01, optimizer.rates().base());
        }
        assertEquals(String.join(", ", Optimizers.names()), Optimizers.NAMES);
    }

    @Test
    void countsTheStateArraysEachAllocates() {
        LearningRates rates = LearningRates.of(0.01);
        assertEquals(List.of(0, 1, 1, 1, 1, 2, 2), Optimizers.names().stream()
                .map(name -> Optimizers.create(name, rates).stateArrays()).toList());
    }

    @Test
    void namesAreCaseInsensitive() {
        assertInstanceOf(AdamW.class, Optimizers.create(" AdamW ", LearningRates.of(1e-3)));
    }

    @Test
    void usesTheDocumentedDefaults() {
        LearningRates rates = LearningRates.of(1e-3);
        assertEquals(0.9, ((Momentum) Optimizers.create("momentum", rates)).momentum());
        assertEquals(0.9, ((Nesterov) Optimizers.create("nesterov", rates)).momentum());
        assertEquals(1e-10, ((AdaGrad) Optimizers.create("adagrad", rates)).epsilon());
        RmsProp rmsProp = (RmsProp) Optimizers.create("rmsprop", rates);
        assertEquals(0.99, rmsProp.alpha());
        assertEquals(1e-8, rmsProp.epsilon());
        Adam adam = (Adam) Optimizers.create("adam", rates);
        assertEquals(0.9, adam.beta1());
        assertEquals(0.999, adam.beta2());
        assertEquals(1e-8, adam.epsilon());
        assertEquals(0.01, ((AdamW) Optimizers.create("adamw", rates)).decoupledDecay());
    }

    @Test
    void describesItsConfiguration() {
        Optimizer adamW = Optimizers.create("adamw", LearningRates.of(1e-3)).clipByNorm(1).weightDecay(1e-4);
        assertEquals("adamw(lr 0.001, betas 0.9, 0.999, eps 1.0E-8, decoupled decay 0.01, clip by norm 1.0, "
                + "L1 0.0, L2 1.0E-4 on weights)", adamW.toString());
        assertEquals("sgd(lr 0.1, no clipping, no regularization)", new Sgd(0.1).toString());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.create("lbfgs", LearningRates.of(0.1)));
        assertEquals("unknown optimizer 'lbfgs'; known: sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw",
                e.getMessage());
    }
}
