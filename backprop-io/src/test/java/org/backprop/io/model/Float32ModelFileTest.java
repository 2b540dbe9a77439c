package org.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;

import org.backprop.io.preprocess.StandardScaler;
import org.backprop.kernel.Precision;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Adam;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A float32 network (parameters stored in float) saves into the same model file format and loads
 * back with the same parameters, bit for bit; a float32 network given the loaded parameters
 * predicts as the saved one did.
 */
class Float32ModelFileTest {

    @Test
    void aTrainedFloat32NetworkRoundTrips(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("f32.safetensors");
        NeuralNetwork net = NeuralNetwork.builder(3).dense(16, "relu").dense(1, "linear").seed(9).threads(2)
                .precision(Precision.FLOAT32).build();
        Matrix x = Matrix.wrap(6, 3, SampleModels.rows(6).data().clone());
        Matrix y = Matrix.wrap(6, 1, 1, -1, 0.5, 2, 0, -0.25);
        Adam adam = new Adam(0.01);
        for (int step = 0; step < 5; step++) {
            net.forwardLoss(x, y);
            net.backward();
            adam.step(net.parameters(), net.team());
        }
        try (Model model = Model.regression(net, SampleModels.FEATURES, "y", SampleModels.featureScaler(),
                StandardScaler.of(new double[] {0}, new double[] {1}), new ModelMetadata("{}", 9, "test", ""))) {
            ModelFile.save(file, model);
            double[] saved = net.parameters().values();
            for (double v : saved) {
                assertEquals((float) v, v, "a float32 network's parameters are floats");
            }
            try (Model loaded = ModelFile.load(file);
                 NeuralNetwork again = NeuralNetwork.builder(loaded.spec()).seed(1).threads(1)
                         .precision(Precision.FLOAT32).build()) {
                assertArrayEquals(saved, loaded.network().parameters().values(), "loaded parameters");
                again.parameters().setValues(loaded.network().parameters().values());
                assertArrayEquals(net.predict(x).toArray(), again.predict(x).toArray(),
                        "a float32 network with the loaded parameters predicts as the saved one");
            }
        }
    }
}
