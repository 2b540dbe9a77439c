package org.backprop.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.backprop.LibraryVersion;
import org.backprop.io.model.Model;
import org.backprop.io.model.ModelFile;
import org.backprop.io.model.ModelMetadata;
import org.backprop.io.model.Task;
import org.backprop.io.preprocess.LabelEncoder;
import org.backprop.io.preprocess.StandardScaler;
import org.backprop.network.NeuralNetwork;

/**
 * Converts a {@link TrainedNetwork} to and from the project's model file ({@link ModelFile}:
 * safetensors plus metadata), the same file {@code backprop predict/evaluate/inspect} read.
 *
 * <p>The feature {@link Standardizer} becomes the file's feature scaler (a std of 0 is stored as a
 * scale of 1, which is how both apply it). A regression model keeps its target scaler: the identity
 * for the Spark estimators (they train on the raw target), the file's own for a model that
 * {@code backprop train} wrote (it standardizes the target by default).
 */
public final class ModelFiles {
    private ModelFiles() {
    }

    /**
     * Writes {@code network} to {@code file} atomically.
     *
     * @param target  the target column's name
     * @param classes the class labels in output order (classification), or null (regression)
     * @param training the training settings as a JSON object, or null
     * @param seed    the root seed of the fit
     */
    public static void save(Path file, TrainedNetwork network, String target, LabelEncoder classes, String training,
                            long seed) throws IOException {
        try (Model model = toModel(network, target, classes, new ModelMetadata(training, seed,
                LibraryVersion.current(), ""))) {
            ModelFile.save(file, model);
        }
    }

    /** The io {@link Model} of {@code network} (close it when done). */
    static Model toModel(TrainedNetwork network, String target, LabelEncoder classes, ModelMetadata metadata) {
        NeuralNetwork net = network.toNetwork();
        StandardScaler features = network.standardizer().toScaler();
        return classes == null
                ? Model.regression(net, network.featureNames(), target, features,
                network.target() != null ? network.target() : StandardScaler.of(new double[] {0}, new double[] {1}),
                metadata)
                : Model.classification(net, network.featureNames(), target, features, classes, metadata);
    }

    /** Reads a model file as a {@link TrainedNetwork} whose label names are {@code [target]}. */
    public static Loaded load(Path file) throws IOException {
        try (Model model = ModelFile.load(file)) {
            NeuralNetwork net = model.network();
            StandardScaler s = model.featureScaler();
            StandardScaler target = model.task() == Task.REGRESSION && !isIdentity(model.targetScaler())
                    ? model.targetScaler() : null;
            TrainedNetwork network = new TrainedNetwork(NetworkSpec.of(net), net.parameters().values(),
                    new Standardizer(s.mean(), s.scale()), model.features(), List.of(model.target()), target);
            return new Loaded(network, model.target(), model.labels(), model.metadata());
        }
    }

    private static boolean isIdentity(StandardScaler scaler) {
        return scaler.mean()[0] == 0 && scaler.scale()[0] == 1;
    }

    /**
     * A model file's content as Spark-side objects.
     *
     * @param network  architecture, parameters, feature standardizer, feature names
     * @param target   the target column's name
     * @param classes  the class labels (classification) or null
     * @param metadata where the model came from
     */
    public record Loaded(TrainedNetwork network, String target, LabelEncoder classes, ModelMetadata metadata) {
    }
}
