package org.backprop.network;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.loss.BinaryCrossEntropyWithLogits;
import org.backprop.loss.Losses;
import org.backprop.loss.SoftmaxCrossEntropy;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

class LossOutputPairingTest {

    private static String refusal(NetworkBuilder builder) {
        return assertThrows(IllegalArgumentException.class, builder::build).getMessage();
    }

    @Test
    void softmaxCrossEntropyRefusesANonLinearLastLayerNamingBoth() {
        String m = refusal(NeuralNetwork.builder(2).dense(4, "relu").dense(3, "sigmoid")
                .loss(new SoftmaxCrossEntropy()).threads(1));
        assertTrue(m.contains("softmax_ce") && m.contains("'sigmoid'") && m.contains("linear"), m);
    }

    @Test
    void softmaxCrossEntropyRefusesASingleOutputColumn() {
        String m = refusal(NeuralNetwork.builder(2).dense(1, "linear").loss(Losses.byName("softmax_ce")).threads(1));
        assertTrue(m.contains("softmax_ce") && m.contains("has 1") && m.contains("bce_logits"), m);
    }

    @Test
    void bceOnLogitsRefusesASigmoidOutput() {
        String m = refusal(NeuralNetwork.builder(2).dense(1, "sigmoid").loss(new BinaryCrossEntropyWithLogits())
                .threads(1));
        assertTrue(m.contains("bce_logits") && m.contains("'sigmoid'"), m);
    }

    @Test
    void regressionLossesAcceptAnyOutput() {
        for (String loss : new String[] {"mse", "mae", "huber"}) {
            assertDoesNotThrow(
                    () -> NeuralNetwork.builder(2).dense(1, "sigmoid").loss(Losses.byName(loss)).threads(1).build().close(),
                    loss + " must accept a sigmoid output");
        }
    }

    @Test
    void predictProbabilitiesAppliesTheLossLink() {
        try (NeuralNetwork net = NeuralNetwork.builder(2).dense(3, "linear").loss(new SoftmaxCrossEntropy())
                .seed(3).threads(1).build()) {
            Matrix x = Matrix.of(new double[][] {{1, -2}, {500, 300}});
            Matrix logits = net.predict(x);
            Matrix p = net.predictProbabilities(x);
            for (int i = 0; i < 2; i++) {
                double sum = 0;
                for (int j = 0; j < 3; j++) {
                    sum += p.get(i, j);
                }
                assertEquals(1.0, sum, 1e-15);
            }
            double ratio = p.get(0, 1) / p.get(0, 0);
            assertEquals(Math.exp(logits.get(0, 1) - logits.get(0, 0)), ratio, 1e-12);
        }
        try (NeuralNetwork net = NeuralNetwork.builder(2).dense(1, "linear").threads(1).build()) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> net.predictProbabilities(Matrix.row(1, 2)));
            assertTrue(e.getMessage().contains("mse"), e.getMessage());
        }
    }
}
