package org.backprop.spark.train;

import java.util.List;

import org.backprop.io.model.Model;
import org.backprop.io.model.ModelMetadata;
import org.backprop.io.preprocess.LabelEncoder;
import org.backprop.io.preprocess.StandardScaler;
import org.backprop.network.NetworkSpec;
import org.backprop.network.NeuralNetwork;
import org.backprop.train.History;

/**
 * What a {@link SparkTrainer} fit produced: the trained parameters of the network {@code spec}
 * describes, the scalers the rows were prepared with, and the record of the fit. {@link #regression}
 * and {@link #classification} make it the io {@link Model} that {@code backprop train} makes, saved
 * with {@link org.backprop.io.model.ModelFile} and read by {@code backprop predict/evaluate/inspect}.
 *
 * @param spec          the network's description
 * @param parameters    the trained flat parameters (the best evaluated ones under early stopping)
 * @param featureScaler applied to the features before the network
 * @param targetScaler  applied to the labels for training (the identity unless standardized)
 * @param featureNames  names of the feature values, in input order
 * @param history       the epochs this call closed: mean step loss, evaluated training and validation
 *                      losses, and how early stopping ended the fit
 * @param epochLosses   mean step loss (training mode) of every finished epoch, including those before
 *                      a resume, as the local trainer's {@code EpochRecord.meanBatchLoss}
 * @param steps         optimizer steps done in total (including those before a resume)
 * @param plan          how rows were placed and batched
 * @param stepMillis    wall time of each step (or local-SGD round) run by this call, in ms (a barrier
 *                      stage's time shared evenly by its steps)
 * @param barrierSteps  how many of this call's steps ran inside barrier stages (the others ran one
 *                      Spark job each)
 * @param barrierTimes  where those barrier steps spent their time (measurement only)
 */
public record FitResult(NetworkSpec spec, double[] parameters, StandardScaler featureScaler,
                        StandardScaler targetScaler, List<String> featureNames, History history,
                        List<Double> epochLosses, long steps, ShardPlan plan, double[] stepMillis,
                        long barrierSteps, BarrierTimes barrierTimes) {

    public FitResult {
        parameters = parameters.clone();
        featureNames = List.copyOf(featureNames);
        epochLosses = List.copyOf(epochLosses);
    }

    /** The trained parameters (a copy). */
    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    /** A new network of {@link #spec} holding the trained parameters (close it when done). */
    public NeuralNetwork network() {
        NeuralNetwork network = NeuralNetwork.builder(spec).threads(1).build();
        network.parameters().setValues(parameters);
        return network;
    }

    /**
     * The regression model of this fit (one label column): predictions are mapped back to target
     * units with {@link #targetScaler}. Close it when done.
     */
    public Model regression(String target, ModelMetadata metadata) {
        return Model.regression(network(), featureNames, target, featureScaler, targetScaler, metadata);
    }

    /** The classification model of this fit (one logit per class of {@code classes}). Close it when done. */
    public Model classification(String target, LabelEncoder classes, ModelMetadata metadata) {
        return Model.classification(network(), featureNames, target, featureScaler, classes, metadata);
    }

    /** The median of {@link #stepMillis}, or NaN if no step ran. */
    public double medianStepMillis() {
        if (stepMillis.length == 0) {
            return Double.NaN;
        }
        double[] sorted = stepMillis.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
