package org.backprop.train;

import java.util.LinkedHashMap;
import java.util.Map;

import org.backprop.loss.LossTotal;
import org.backprop.network.NeuralNetwork;
import org.backprop.network.Predictor;
import org.backprop.tensor.Matrix;

/**
 * Full-set losses (weighted when row weights are given) and extra metrics of the current
 * parameters, in inference mode, on the training set and (if given) the validation set.
 *
 * <p>The network's outputs are computed {@link #CHUNK_ROWS} rows at a time (fewer when the inputs
 * are so wide that a chunk would pass {@link RowSource#BLOCK_VALUES} values, see
 * {@link RowSource#rowsPerBlock}) on buffers of their own ({@link Predictor#onNetworkKernel}), and
 * the loss is added a chunk at a time ({@link LossTotal}), so an evaluation holds a constant: no
 * hidden layer's activations, predictions or targets of all n rows. Only when extra metrics are
 * registered (they take whole matrices), or the loss cannot add its terms a chunk at a time (a
 * user's loss that overrides {@code value}, see {@link org.backprop.loss.Loss#addsTermsInChunks()}),
 * does it keep the n×outputs predictions and targets of each set. The values equal one forward pass
 * and one loss over all rows bit for bit (rows are independent; no chunk of one row is formed from
 * a set of more, which the float32 kernels would round differently).
 *
 * <p>With {@link TrainerConfig#evaluateTrainingSet()} false, the training set is evaluated only at
 * the last epoch, or at every evaluation when early stopping watches it (no validation set); the
 * other records hold the validation set's losses alone (training loss NaN, no training metrics).
 */
final class Evaluator implements EpochEvaluator, AutoCloseable {
    /** Rows per forward pass of an evaluation. */
    static final int CHUNK_ROWS = 1024;

    /** Rows per forward pass of this evaluation's inputs. */
    private final int chunkRows;
    private final NeuralNetwork network;
    private final Map<String, MetricFunction> metrics;
    private final EvaluationSet train;
    private final EvaluationSet validation;
    private final Predictor predictor;
    /** The outputs of one chunk. */
    private final Matrix chunkOutputs;
    /** True if every evaluation includes the training set; else only {@link #lastEpoch}'s. */
    private final boolean trainingSetEveryTime;
    private final int lastEpoch;

    /** One set of rows to evaluate, with the whole-set matrices that extra metrics need (else null). */
    private record EvaluationSet(RowSource x, RowSource y, Matrix w, Matrix xScratch, Matrix yScratch,
                                 Matrix prediction, Matrix targets) {

        static EvaluationSet of(RowSource x, RowSource y, Matrix w, boolean wholeMatrices, int outputs,
                                int chunkRows) {
            int chunk = Math.min(chunkRows, x.rows());
            Matrix targets = null;
            if (wholeMatrices) {
                targets = Matrix.zeros(y.rows(), y.cols());
                Matrix scratch = y.hasViews() ? null : Matrix.zeros(chunk, y.cols());
                for (int from = 0; from < y.rows(); from += chunkRows) {
                    int to = Math.min(from + chunkRows, y.rows());
                    targets.rowRange(from, to).copyFrom(y.rowBlock(from, to, scratch));
                }
            }
            return new EvaluationSet(x, y, w, x.hasViews() ? null : Matrix.zeros(chunk, x.cols()),
                    y.hasViews() ? null : Matrix.zeros(chunk, y.cols()),
                    wholeMatrices ? Matrix.zeros(x.rows(), outputs) : null, targets);
        }
    }

    /**
     * Row weights {@code w} and {@code wValidation} (n×1) may be null: then every row weighs 1.
     * {@code config} says whether every evaluation includes the training set
     * ({@link TrainerConfig#evaluateTrainingSet()}, early stopping without a validation set) and
     * which epoch is the last.
     */
    Evaluator(NeuralNetwork network, Map<String, MetricFunction> metrics, TrainerConfig config, RowSource x,
              RowSource y, Matrix w, RowSource xValidation, RowSource yValidation, Matrix wValidation) {
        this.network = network;
        this.trainingSetEveryTime = config.evaluateTrainingSet() || (config.earlyStopping() && xValidation == null);
        this.lastEpoch = config.epochs() - 1;
        this.metrics = metrics;
        boolean wholeMatrices = !metrics.isEmpty() || !network.loss().addsTermsInChunks();
        this.chunkRows = RowSource.rowsPerBlock(x.cols(), CHUNK_ROWS);
        this.train = EvaluationSet.of(x, y, w, wholeMatrices, network.outputs(), chunkRows);
        this.validation = xValidation == null ? null
                : EvaluationSet.of(xValidation, yValidation, wValidation, wholeMatrices, network.outputs(), chunkRows);
        this.predictor = Predictor.onNetworkKernel(network, chunkRows);
        this.chunkOutputs = Matrix.zeros(Math.min(chunkRows, Math.max(x.rows(),
                xValidation == null ? 0 : xValidation.rows())), network.outputs());
    }

    /**
     * As {@link #Evaluator(NeuralNetwork, Map, TrainerConfig, RowSource, RowSource, Matrix, RowSource,
     * RowSource, Matrix)} with target matrices.
     */
    Evaluator(NeuralNetwork network, Map<String, MetricFunction> metrics, TrainerConfig config, RowSource x,
              Matrix y, Matrix w, RowSource xValidation, Matrix yValidation, Matrix wValidation) {
        this(network, metrics, config, x, RowSource.of(y), w, xValidation, yValidation == null ? null
                : RowSource.of(yValidation), wValidation);
    }

    @Override
    public EpochRecord evaluate(int epoch, double meanBatchLoss) {
        Map<String, Double> trainMetrics = new LinkedHashMap<>();
        Map<String, Double> validationMetrics = new LinkedHashMap<>();
        double trainLoss = trainingSetEveryTime || epoch == lastEpoch ? lossAndMetrics(train, trainMetrics)
                : Double.NaN;
        double validationLoss = validation == null ? Double.NaN : lossAndMetrics(validation, validationMetrics);
        return new EpochRecord(epoch, meanBatchLoss, trainLoss, validationLoss, trainMetrics, validationMetrics);
    }

    private double lossAndMetrics(EvaluationSet set, Map<String, Double> into) {
        LossTotal loss = network.loss().addsTermsInChunks() ? new LossTotal(network.loss()) : null;
        int n = set.x().rows();
        for (int from = 0; from < n; ) {
            int to = Math.min(from + chunkRows, n);
            if (n - to == 1) {
                to--;
            }
            Matrix out = chunkOutputs.rowRange(0, to - from);
            predictor.predict(set.x().rowBlock(from, to, set.xScratch()), out);
            if (loss != null) {
                loss.add(out, set.y().rowBlock(from, to, set.yScratch()),
                        set.w() == null ? null : set.w().rowRange(from, to));
            }
            if (set.prediction() != null) {
                set.prediction().rowRange(from, to).copyFrom(out);
            }
            from = to;
        }
        if (set.prediction() != null) {
            metrics.forEach((name, metric) -> into.put(name, metric.compute(set.targets(), set.prediction())));
        }
        return loss != null ? loss.value() : network.loss().forward(set.prediction(), set.targets(), set.w());
    }

    /** Releases the chunk buffers (the network's kernel keeps running). */
    @Override
    public void close() {
        predictor.close();
    }
}
