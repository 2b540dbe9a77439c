package org.backprop.cli;

import com.google.gson.JsonObject;
import java.util.Locale;

import org.backprop.init.Initializer;
import org.backprop.init.Initializers;
import org.backprop.io.table.TrainingToolkit;
import org.backprop.loss.Loss;

import picocli.CommandLine.Option;

/**
 * The training toolkit on {@code backprop train}'s command line: dropout, L1/L2 penalties, the
 * learning-rate schedule with warm-up, gradient clipping, the weight initializer and the Huber
 * loss's δ, read into the library's {@link TrainingToolkit} ({@link #toolkit}), which builds the
 * optimizer and the loss and records them in the model's {@code training} metadata.
 */
final class ToolkitOptions {
    /** The schedule names {@code --lr-schedule} accepts. */
    static final String SCHEDULES = TrainingToolkit.SCHEDULES;

    @Option(names = "--dropout", defaultValue = "0", paramLabel = "RATE",
            description = "Inverted dropout after every hidden layer, drop probability in [0, 1) (default: "
                    + "${DEFAULT-VALUE} = none). Masks come from the seed's \"dropout\" stream; predictions use no dropout.")
    double dropout;

    @Option(names = {"--weight-decay", "--l2"}, paramLabel = "LAMBDA",
            description = "L2 penalty (coupled weight decay) on the weights, not the biases: g += λ·w, as PyTorch's "
                    + "weight_decay (default: 0). With adamw it sets AdamW's decoupled decay instead (default 0.01).")
    Double weightDecay;

    @Option(names = "--l1", defaultValue = "0", paramLabel = "LAMBDA",
            description = "L1 penalty on the weights: g += λ·sign(w) (default: ${DEFAULT-VALUE}).")
    double l1;

    @Option(names = "--lr-schedule", defaultValue = TrainingToolkit.DEFAULT_SCHEDULE, paramLabel = "NAME",
            description = "Learning-rate schedule: " + SCHEDULES + " (default: ${DEFAULT-VALUE}). step: × --lr-gamma "
                    + "every --lr-step-epochs epochs; exponential: × --lr-gamma every epoch; linear and cosine: from 1 "
                    + "to --lr-min-factor over all steps of --epochs.")
    String schedule;

    @Option(names = "--warmup-epochs", defaultValue = "0", paramLabel = "E",
            description = "Linear warm-up of the learning rate from 1/steps to 1 over the first E epochs (may be "
                    + "fractional), then the schedule (default: ${DEFAULT-VALUE} = none).")
    double warmupEpochs;

    @Option(names = "--lr-gamma", paramLabel = "G",
            description = "Decay factor of the step and exponential schedules (default: 0.1 for step, 0.95 for exponential).")
    Double gamma;

    @Option(names = "--lr-step-epochs", defaultValue = "" + TrainingToolkit.DEFAULT_LR_STEP_EPOCHS, paramLabel = "N",
            description = "Epochs between the step schedule's decays (default: ${DEFAULT-VALUE}).")
    int stepEpochs;

    @Option(names = "--lr-min-factor", defaultValue = "0", paramLabel = "F",
            description = "Final learning-rate factor of the linear and cosine schedules (default: ${DEFAULT-VALUE}).")
    double minFactor;

    @Option(names = "--clip-norm", paramLabel = "MAX",
            description = "Rescale the whole gradient to L2 norm at most MAX before each step (default: no clipping).")
    Double clipNorm;

    @Option(names = "--clip-value", paramLabel = "MAX",
            description = "Clamp every gradient element to [−MAX, MAX] before each step, before --clip-norm if both "
                    + "are given (default: no clipping).")
    Double clipValue;

    @Option(names = "--init", defaultValue = TrainingToolkit.DEFAULT_INITIALIZER, paramLabel = "NAME",
            description = "Weight initializer: fan_in_uniform, glorot_uniform, glorot_normal, he_uniform, he_normal "
                    + "or zeros (default: ${DEFAULT-VALUE}); biases start at 0.")
    String init;

    @Option(names = "--huber-delta", defaultValue = "" + TrainingToolkit.DEFAULT_HUBER_DELTA, paramLabel = "DELTA",
            description = "δ of --loss huber: quadratic for |residual| ≤ δ, linear beyond, in standardized target "
                    + "units (default: ${DEFAULT-VALUE}).")
    double huberDelta;

    /** Refuses invalid values with a usage error (exit 2). */
    void check() {
        TrainCommand.require(dropout >= 0 && dropout < 1, "--dropout must be in [0, 1), got " + dropout);
        TrainCommand.require(weightDecay == null || nonNegative(weightDecay),
                "--weight-decay must be a finite number ≥ 0, got " + weightDecay);
        TrainCommand.require(nonNegative(l1), "--l1 must be a finite number ≥ 0, got " + l1);
        TrainCommand.require(scheduleName().matches("constant|step|exponential|linear|cosine"),
                "unknown --lr-schedule '" + schedule + "'; known: " + SCHEDULES);
        TrainCommand.require(nonNegative(warmupEpochs), "--warmup-epochs must be a finite number ≥ 0, got " + warmupEpochs);
        TrainCommand.require(gamma == null || (gamma > 0 && gamma <= 1), "--lr-gamma must be in (0, 1], got " + gamma);
        TrainCommand.require(stepEpochs >= 1, "--lr-step-epochs must be at least 1, got " + stepEpochs);
        TrainCommand.require(minFactor >= 0 && minFactor <= 1, "--lr-min-factor must be in [0, 1], got " + minFactor);
        TrainCommand.require(clipNorm == null || (clipNorm > 0 && Double.isFinite(clipNorm)),
                "--clip-norm must be a positive number, got " + clipNorm);
        TrainCommand.require(clipValue == null || (clipValue > 0 && Double.isFinite(clipValue)),
                "--clip-value must be a positive number, got " + clipValue);
        TrainCommand.require(huberDelta > 0 && Double.isFinite(huberDelta),
                "--huber-delta must be a positive number, got " + huberDelta);
        initializer();
    }

    private static boolean nonNegative(double v) {
        return v >= 0 && Double.isFinite(v);
    }

    /** The --lr-schedule if it spans the run's epochs (linear, cosine: the rate reaches its end at the last epoch), else null. */
    String scheduleOverEpochs() {
        return scheduleName().matches("linear|cosine") ? scheduleName() : null;
    }

    private String scheduleName() {
        return schedule.toLowerCase(Locale.ROOT);
    }

    /** The {@code --init} initializer. */
    Initializer initializer() {
        try {
            return Initializers.byName(init);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, "--init: " + e.getMessage());
        }
    }

    /** These options as the library's toolkit (call {@link #check} first). */
    TrainingToolkit toolkit() {
        return new TrainingToolkit(dropout, weightDecay, l1, scheduleName(), gamma, stepEpochs, minFactor, warmupEpochs,
                clipNorm, clipValue, init, huberDelta);
    }

    /** The loss called {@code name} with this command line's parameters (δ for huber). */
    Loss loss(String name) {
        return toolkit().loss(name);
    }

    /** Records every toolkit setting in the model's training metadata. */
    void addTo(JsonObject training) {
        toolkit().addTo(training);
    }
}
