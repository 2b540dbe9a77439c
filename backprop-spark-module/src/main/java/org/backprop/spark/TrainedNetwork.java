package org.backprop.spark;

import java.io.Serializable;
import java.util.List;

import org.backprop.io.preprocess.StandardScaler;
import org.backprop.network.NeuralNetwork;
import org.backprop.tensor.Matrix;

/**
 * A trained network as plain data: architecture, flat parameters, the feature standardizer fitted
 * on the training rows, and the column names. Serializable, so it can travel to executors for
 * scoring. (Saving it as the project's safetensors model file is left to {@code backprop-io}.)
 *
 * @param spec         the architecture
 * @param parameters   the flat parameter vector, in {@link org.backprop.network.ParameterBuffer} order
 * @param standardizer applied to raw features before the network
 * @param featureNames names of the feature values, in input order
 * @param labelNames   names of the outputs
 * @param target       maps the network's outputs back to target units ({@code backprop train}
 *                     standardizes a regression target by default), or null for none
 */
public record TrainedNetwork(NetworkSpec spec, double[] parameters, Standardizer standardizer,
                             List<String> featureNames, List<String> labelNames, StandardScaler target)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A network whose outputs are in target units already (no target scaler). */
    public TrainedNetwork(NetworkSpec spec, double[] parameters, Standardizer standardizer,
                          List<String> featureNames, List<String> labelNames) {
        this(spec, parameters, standardizer, featureNames, labelNames, null);
    }

    public TrainedNetwork {
        parameters = parameters.clone();
        featureNames = List.copyOf(featureNames);
        labelNames = List.copyOf(labelNames);
    }

    /** The flat parameters (a copy). */
    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    /** A local network with these parameters (close it when done). */
    public NeuralNetwork toNetwork() {
        return spec.build(parameters, 1);
    }

    /** Predictions for raw (unstandardized) feature rows {@code x} (n×inputs), n×outputs, in target units. */
    public Matrix predict(Matrix x) {
        try (NeuralNetwork network = toNetwork()) {
            return toTargetUnits(network.predict(standardize(x)));
        }
    }

    /** The network's outputs {@code y} (n×outputs) mapped to target units by {@link #target()}, if any. */
    public Matrix toTargetUnits(Matrix y) {
        return target == null ? y : Matrix.wrap(y.rows(), y.cols(), target.inverseTransform(y.toArray()));
    }

    /** A standardized copy of raw feature rows {@code x}. */
    public Matrix standardize(Matrix x) {
        Matrix scaled = Matrix.zeros(x.rows(), x.cols());
        double[] row = new double[x.cols()];
        for (int i = 0; i < x.rows(); i++) {
            System.arraycopy(x.data(), x.offset() + i * x.cols(), row, 0, row.length);
            System.arraycopy(standardizer.apply(row), 0, scaled.data(), i * x.cols(), row.length);
        }
        return scaled;
    }
}
