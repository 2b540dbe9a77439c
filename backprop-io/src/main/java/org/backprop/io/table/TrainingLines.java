package org.backprop.io.table;

import java.util.Locale;
import java.util.Optional;
import org.backprop.io.model.Model;
import org.backprop.layer.LayerSpec;
import org.backprop.train.EpochRecord;
import org.backprop.train.History;

/** The lines {@code backprop train} and {@link Tabular#train} print about a run, before and after its epochs. */
public final class TrainingLines {
    private TrainingLines() {
    }

    /**
     * {@code training regression on 160 rows (40 validation), 8 features → 64 relu→64 relu→1 linear,
     * mse, adam lr 0.001, 100 epochs, batch 32, seed 1}.
     */
    public static String describe(Model model, int trainRows, int validationRows, TabularOptions options, int epochs) {
        return String.format(Locale.ROOT, "training %s on %d %s (%d validation), %d %s → %s, %s, %s lr %s, "
                        + "%d epochs, batch %d, seed %d", model.task().id(), trainRows, trainRows == 1 ? "row" : "rows",
                validationRows, model.features().size(), model.features().size() == 1 ? "feature" : "features",
                layersText(model), model.spec().loss().name(), options.optimizer(), options.effectiveLearningRate(),
                epochs, options.batchSize(), options.seed());
    }

    private static String layersText(Model model) {
        StringBuilder sb = new StringBuilder();
        for (LayerSpec l : model.spec().layers()) {
            sb.append(sb.length() == 0 ? "" : "→").append(l);
        }
        return sb.toString();
    }

    /**
     * How early stopping ended {@code history}, if it did: {@code early stopping after epoch 37: kept
     * the weights of epoch 27 (best validation loss 0.0123)}.
     */
    public static Optional<String> stopping(History history) {
        if (!history.stoppedEarly()) {
            return Optional.empty();
        }
        EpochRecord best = history.epochs().get(history.restoredEpoch());
        return Optional.of("early stopping after epoch " + history.epochs().size() + ": kept the weights of epoch "
                + (history.restoredEpoch() + 1) + " (best " + (best.hasValidation() ? "validation" : "training")
                + " loss " + String.format(Locale.ROOT, "%.6g", best.monitoredLoss()) + ")");
    }
}
