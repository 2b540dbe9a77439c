package org.backprop.train;

import java.util.ArrayList;
import java.util.List;

import org.backprop.layer.Layer;
import org.backprop.network.NeuralNetwork;
import org.backprop.network.Parameter;
import org.backprop.optim.Optimizer;
import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/**
 * Mini-batch training: every epoch, (re)shuffle the row order, then for each batch run forward,
 * loss, backward and one optimizer step; evaluate the full-set losses every few epochs. Batch
 * buffers are allocated once, so steady-state steps allocate nothing. A non-finite loss stops
 * training with a {@link TrainingDivergedException} naming the epoch, the batch and the first layer
 * with a non-finite gradient.
 */
public final class Trainer {
    private final NeuralNetwork network;
    private final Optimizer optimizer;
    private final TrainerConfig config;
    private final List<TrainingListener> listeners = new ArrayList<>();

    public Trainer(NeuralNetwork network, Optimizer optimizer, TrainerConfig config) {
        this.network = network;
        this.optimizer = optimizer;
        this.config = config;
    }

    /** Adds a listener called after every batch and epoch; returns this trainer. */
    public Trainer listener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Trains on {@code x} (n×inputs) and {@code y} (n×outputs); returns the per-epoch history. */
    public History fit(Matrix x, Matrix y) {
        return fit(x, y, null, null);
    }

    /** As {@link #fit(Matrix, Matrix)}, also evaluating the loss on a validation set. */
    public History fit(Matrix x, Matrix y, Matrix xValidation, Matrix yValidation) {
        checkData(x, y);
        int n = x.rows();
        Batches batches = new Batches(x, y, Math.min(config.batchSize(), n));
        History history = new History();
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            batches.reset(config.shuffle() ? config.shuffleRandom() : null);
            double lossSum = 0;
            for (int b = 0; b < batches.count(); b++) {
                lossSum += step(batches.load(b), batches.targets(), epoch, b);
            }
            EpochRecord record = evaluate(epoch, lossSum / batches.count(), x, y, xValidation, yValidation);
            history.add(record);
            listeners.forEach(l -> l.onEpochEnd(record));
        }
        return history;
    }

    private double step(Matrix xBatch, Matrix yBatch, int epoch, int batch) {
        double loss = BlockGradient.compute(network, xBatch, yBatch, xBatch.rows());
        if (!Double.isFinite(loss)) {
            throw diverged(epoch, batch, loss);
        }
        optimizer.step(network.parameters());
        for (TrainingListener l : listeners) {
            l.onBatchEnd(epoch, batch, loss);
        }
        return loss;
    }

    private EpochRecord evaluate(int epoch, double meanBatchLoss, Matrix x, Matrix y, Matrix xv, Matrix yv) {
        boolean due = epoch % config.evaluateEvery() == 0 || epoch == config.epochs() - 1;
        if (!due) {
            return new EpochRecord(epoch, meanBatchLoss, Double.NaN, Double.NaN);
        }
        double train = fullLoss(x, y);
        double validation = xv == null ? Double.NaN : fullLoss(xv, yv);
        return new EpochRecord(epoch, meanBatchLoss, train, validation);
    }

    private double fullLoss(Matrix x, Matrix y) {
        return network.loss().forward(network.forward(x, false), y);
    }

    private TrainingDivergedException diverged(int epoch, int batch, double loss) {
        return new TrainingDivergedException("training diverged at epoch " + epoch + ", batch " + batch
                + ": loss is " + loss + "; " + firstNonFinite() + ". Try a smaller learning rate.", epoch, batch);
    }

    /** Names the first layer whose output or parameter gradient is not finite. */
    private String firstNonFinite() {
        for (Layer layer : network.layers()) {
            List<org.backprop.op.Operation> ops = layer.operations();
            if (!ops.get(ops.size() - 1).output().allFinite()) {
                return "first non-finite output in layer " + layer.name();
            }
            for (Parameter p : network.parameters().parameters()) {
                if (p.layer().equals(layer.name()) && !p.grad().allFinite()) {
                    return "first non-finite gradient in layer " + layer.name() + " (dL/d" + p.name() + ")";
                }
            }
        }
        Layer last = network.layers().get(network.layers().size() - 1);
        return "the loss overflowed on finite outputs of layer " + last.name();
    }

    private void checkData(Matrix x, Matrix y) {
        if (x.rows() != y.rows()) {
            throw new ShapeException("fit: X has " + x.rows() + " rows (" + x.shape() + ") but y has "
                    + y.rows() + " (" + y.shape() + ")");
        }
        if (x.rows() == 0) {
            throw new IllegalArgumentException("fit: no training rows");
        }
        if (y.cols() != network.outputs()) {
            throw new ShapeException("fit: y is " + y.shape() + " but the network has " + network.outputs()
                    + " outputs");
        }
    }
}
