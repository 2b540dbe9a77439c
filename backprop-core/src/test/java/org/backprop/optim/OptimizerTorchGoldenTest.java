package org.backprop.optim;

import static org.backprop.golden.MiniJson.asArray;
import static org.backprop.golden.MiniJson.asDoubles;
import static org.backprop.golden.MiniJson.asObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.backprop.golden.GoldenFile;
import org.backprop.golden.MiniJson;
import org.backprop.network.ParamKind;
import org.backprop.network.ParameterBuffer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every optimizer against three steps of {@code torch.optim} in float64 on fixed tensors: golden
 * file {@code golden/optimizers_torch.json}, written by {@code src/test/python/optimizer_golden.py},
 * which holds the initial weight W (2×3) and bias B (1×3), the three gradients, and per case the
 * optimizer, its hyperparameters (weight decay, L1, clipping and their scope included) and, after
 * each step, the parameters and the gradient buffer (clipped in place, never penalised).
 *
 * <p>The two computations round differently (PyTorch multiplies by lr after dividing, its powers
 * come from C's {@code pow}), so each value must agree to {@value #RELATIVE_TOLERANCE} relative; the
 * differences seen are a few ulps (below 1e-15).
 */
class OptimizerTorchGoldenTest {
    private static final double RELATIVE_TOLERANCE = 1e-14;
    private static final Set<String> KNOWN_HYPERPARAMETERS = Set.of("momentum", "eps", "alpha", "beta1", "beta2",
            "weight_decay", "l2_decay_biases", "l1", "decoupled_decay", "decay_biases", "clip_norm", "clip_value");

    private static final Map<String, Object> GOLDEN = asObject(GoldenFile.json("optimizers_torch.json"));

    @TestFactory
    Stream<DynamicTest> threeStepsMatchTorch() {
        return cases().stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> checkCase(c)));
    }

    @Test
    void goldenFileCoversEveryOptimizerAndWeightDecay() {
        Set<String> optimizers = new TreeSet<>();
        Set<String> withDecay = new TreeSet<>();
        for (Map<String, Object> c : cases()) {
            String id = (String) c.get("optimizer");
            optimizers.add(id);
            Map<String, Object> h = asObject(c.get("hyperparameters"));
            if (h.containsKey("weight_decay") || h.containsKey("decoupled_decay")) {
                withDecay.add(id);
            }
        }
        assertEquals(new TreeSet<>(Optimizers.names()), optimizers);
        assertEquals(new TreeSet<>(Optimizers.names()), withDecay, "every optimizer with weight decay");
    }

    private static void checkCase(Map<String, Object> c) {
        Optimizer optimizer = create(c);
        ParameterBuffer params = parameters();
        List<Object> gradients = asArray(GOLDEN.get("gradients"));
        List<Object> steps = asArray(c.get("steps"));
        assertEquals(gradients.size(), steps.size());
        for (int t = 0; t < steps.size(); t++) {
            double[] g = weightThenBias(asObject(gradients.get(t)));
            System.arraycopy(g, 0, params.grads(), 0, g.length);
            optimizer.step(params);
            Map<String, Object> step = asObject(steps.get(t));
            String where = c.get("name") + " step " + (t + 1);
            assertClose(where + " parameter", weightThenBias(step), params.values());
            assertClose(where + " gradient", weightThenBias(asObject(step.get("grads"))), params.grads());
        }
        assertEquals(steps.size(), optimizer.steps());
    }

    private static void assertClose(String what, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, what + "s");
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), Double.MIN_NORMAL);
            assertTrue(error <= RELATIVE_TOLERANCE, what + " " + i + ": backprop " + actual[i] + ", torch "
                    + expected[i] + ", relative error " + error);
        }
    }

    /** The library's optimizer for a case of the golden file, W at rate lr and B at bias_lr. */
    private static Optimizer create(Map<String, Object> c) {
        Map<String, Object> h = asObject(c.get("hyperparameters"));
        assertTrue(KNOWN_HYPERPARAMETERS.containsAll(h.keySet()), "unknown hyperparameter in " + h);
        LearningRates rates = LearningRates.of(number(c, "lr")).with(ParamKind.BIAS, number(c, "bias_lr"));
        String id = (String) c.get("optimizer");
        Optimizer optimizer = switch (id) {
            case "sgd" -> new Sgd(rates);
            case "momentum" -> new Momentum(rates, number(h, "momentum"));
            case "nesterov" -> new Nesterov(rates, number(h, "momentum"));
            case "adagrad" -> new AdaGrad(rates, number(h, "eps"));
            case "rmsprop" -> new RmsProp(rates, number(h, "alpha"), number(h, "eps"));
            case "adam" -> new Adam(rates, number(h, "beta1"), number(h, "beta2"), number(h, "eps"));
            case "adamw" -> {
                AdamW adamW = new AdamW(rates, number(h, "decoupled_decay"), number(h, "beta1"), number(h, "beta2"),
                        number(h, "eps"));
                yield Boolean.TRUE.equals(h.get("decay_biases")) ? adamW.decayApplies(p -> true) : adamW;
            }
            default -> throw new IllegalArgumentException("golden case " + c.get("name") + ": unknown optimizer " + id);
        };
        assertEquals(id, optimizer.id());
        if (h.containsKey("weight_decay")) {
            optimizer.weightDecay(number(h, "weight_decay"));
        }
        if (h.containsKey("l1")) {
            optimizer.l1(number(h, "l1"));
        }
        if (Boolean.TRUE.equals(h.get("l2_decay_biases"))) {
            optimizer.regularization(optimizer.regularization().appliedTo("all parameters", p -> true));
        }
        if (h.containsKey("clip_norm")) {
            optimizer.clipByNorm(number(h, "clip_norm"));
        }
        if (h.containsKey("clip_value")) {
            optimizer.clipByValue(number(h, "clip_value"));
        }
        return optimizer;
    }

    /** A fresh buffer "d.W" (weight) then "d.B" (bias) at the golden file's initial values. */
    private static ParameterBuffer parameters() {
        Map<String, Object> initial = asObject(GOLDEN.get("initial"));
        List<Object> wShape = asArray(asObject(initial.get("W")).get("shape"));
        List<Object> bShape = asArray(asObject(initial.get("B")).get("shape"));
        ParameterBuffer.Layout layout = new ParameterBuffer.Layout();
        layout.add("d", "W", ParamKind.WEIGHT, intAt(wShape, 0), intAt(wShape, 1));
        layout.add("d", "B", ParamKind.BIAS, intAt(bShape, 0), intAt(bShape, 1));
        ParameterBuffer params = layout.allocate();
        double[] values = concat(asDoubles(asObject(initial.get("W")).get("values")), asDoubles(asObject(initial.get("B")).get("values")));
        assertEquals(params.size(), values.length);
        System.arraycopy(values, 0, params.values(), 0, values.length);
        return params;
    }

    private static double[] weightThenBias(Map<String, Object> wb) {
        return concat(asDoubles(wb.get("W")), asDoubles(wb.get("B")));
    }

    private static List<Map<String, Object>> cases() {
        return asArray(GOLDEN.get("cases")).stream().map(MiniJson::asObject).toList();
    }

    private static double number(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof Double d)) {
            throw new IllegalArgumentException("golden file: expected a number at '" + key + "' in " + map);
        }
        return d;
    }

    private static int intAt(List<Object> list, int index) {
        return ((Double) list.get(index)).intValue();
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
