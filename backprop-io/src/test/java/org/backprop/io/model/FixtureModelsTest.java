package org.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.backprop.io.DoubleTable;
import org.backprop.network.NeuralNetwork;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Model files written by every format version must keep loading, with the same predictions, in
 * every later version. The fixtures were written by {@link #writeFixtures} in the version current
 * then (run it with {@code -Dbackprop.writeFixtures=true} only when adding a new format version's
 * fixtures: it writes files named after the current version and never overwrites the old ones).
 */
class FixtureModelsTest {
    private static final DoubleTable ROWS = new DoubleTable(
            new double[] {0, 0, 0, 1, -2, 0.5, 3.25, 1.5, -7}, 3, 3, List.of("x1", "x2", "x3"));

    @Test
    void regressionV1StillLoadsWithItsPredictions() throws Exception {
        try (Model model = ModelFile.load(fixture("regression-v1.safetensors"))) {
            assertEquals(Task.REGRESSION, model.task());
            assertEquals("y", model.target());
            assertEquals("backprop train --data d.csv", model.metadata().commandLine());
            assertEquals(NeuralNetwork.builder(3).dense(4, "tanh").dense(1, "linear").spec(), model.spec(),
                    "version 1 named the parts only: their defaults apply");
            assertArrayEquals(new double[] {REGRESSION_0, REGRESSION_1, REGRESSION_2}, model.predictValues(ROWS), 1e-12);
        }
    }

    @Test
    void classificationV1StillLoadsWithItsProbabilities() throws Exception {
        try (Model model = ModelFile.load(fixture("classification-v1.safetensors"))) {
            assertEquals(List.of("cat", "dog", "eel"), model.labels().classes());
            Matrix p = model.predictProbabilities(ROWS);
            assertArrayEquals(CLASSIFICATION_ROW_2, new double[] {p.get(2, 0), p.get(2, 1), p.get(2, 2)}, 1e-12);
        }
    }

    @Test
    void version2KeepsEveryHyperparameter() throws Exception {
        try (Model model = ModelFile.load(fixture("hyperparameters-v2.safetensors"));
             Model expected = SampleModels.hyperparameters()) {
            assertEquals(expected.spec(), model.spec());
            assertEquals("3 → 4 leaky_relu(slope=0.3) init he_normal → dropout 0.25 → 1 linear, "
                    + "loss huber(delta=2.5, reduction=sum)", model.spec().toString());
            assertArrayEquals(HYPERPARAMETERS, model.predictValues(ROWS), 1e-12);
        }
    }

    /**
     * Not a test: rewrites the fixtures. Excluded from every normal run by its tag; run with
     * {@code mvn -pl backprop-io -am test -Dtest=FixtureModelsTest -Dtest.excludedGroups=none
     * -Dbackprop.writeFixtures=true -Dsurefire.failIfNoSpecifiedTests=false}.
     */
    @Test
    @Tag("fixture-writer")
    @EnabledIfSystemProperty(named = "backprop.writeFixtures", matches = "true")
    void writeFixtures() throws IOException {
        Path dir = Path.of("src/test/resources/fixtures");
        String v = "-v" + ModelFile.FORMAT_VERSION + ".safetensors";
        try (Model r = SampleModels.regression(); Model c = SampleModels.classification();
             Model h = SampleModels.hyperparameters()) {
            save(dir.resolve("regression" + v), r);
            save(dir.resolve("classification" + v), c);
            save(dir.resolve("hyperparameters" + v), h);
            System.out.println("regression " + java.util.Arrays.toString(r.predictValues(ROWS)));
            System.out.println("classification " + c.predictProbabilities(ROWS));
            System.out.println("hyperparameters " + java.util.Arrays.toString(h.predictValues(ROWS)));
        }
    }

    private static void save(Path file, Model model) throws IOException {
        if (!java.nio.file.Files.exists(file)) {
            ModelFile.save(file, model);
        }
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(FixtureModelsTest.class.getResource("/fixtures/" + name).toURI());
    }

    private static final double REGRESSION_0 = 11.549745296341937;
    private static final double REGRESSION_1 = 9.92978831482818;
    private static final double REGRESSION_2 = 12.083738532541576;
    private static final double[] HYPERPARAMETERS = {-0.07053845536678915, -1.0, 1.5621925498739628};
    private static final double[] CLASSIFICATION_ROW_2 = {0.4767633480857848, 0.34128981040097406, 0.18194684151324111};
}
