package org.backprop.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.backprop.loss.Losses;
import org.backprop.network.NeuralNetwork;
import org.backprop.op.Activations;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every valid (hidden activation, output activation, loss) combination, checked on a small network. */
class LossNetworkGradientTest {
    private static final List<String> LOGIT_LOSSES = List.of("bce_logits", "softmax_ce");

    /** Every hidden activation with a linear output and every loss; every output activation with each regression loss. */
    static Stream<Arguments> validPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (String loss : Losses.names()) {
            for (String hidden : Activations.names()) {
                pairs.add(Arguments.of(hidden, "linear", loss));
            }
            if (!LOGIT_LOSSES.contains(loss)) {
                for (String output : Activations.names()) {
                    pairs.add(Arguments.of("tanh", output, loss));
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} → {1} with {2}")
    @MethodSource("validPairs")
    void lossAndActivationsPassTheNetworkGradientCheck(String hidden, String output, String loss) {
        RandomSource r = TestData.random(41);
        Matrix x = TestData.uniform(8, 4, -1, 1, r);
        Matrix y = LossTargets.forLoss(loss, 8, 3, r);
        try (NeuralNetwork net = NeuralNetwork.builder(4).dense(6, hidden).dense(3, output)
                .loss(Losses.byName(loss)).seed(12).threads(1).build()) {
            GradientCheckReport report = GradientCheck.network(net, x, y, GradientCheckOptions.defaults());
            assertTrue(report.passed(), hidden + " → " + output + " with " + loss + ": " + report);
        }
    }
}
