package org.backprop.cli;

import com.google.gson.JsonObject;
import java.util.Locale;

import org.backprop.init.Initializer;
import org.backprop.init.Initializers;
import org.backprop.loss.Huber;
import org.backprop.loss.Loss;
import org.backprop.loss.Losses;
import org.backprop.optim.AdamW;
import org.backprop.optim.GradientClipping;
import org.backprop.optim.LearningRateSchedule;
import org.backprop.optim.LearningRates;
import org.backprop.optim.Optimizer;

import picocli.CommandLine.Option;

/**
 * The training toolkit on {@code backprop train}'s command line: dropout, L1/L2 penalties, the
 * learning-rate schedule with warm-up, gradient clipping, the weight initializer and the Huber
 * loss's δ. {@link #optimizer} builds an optimizer with them, {@link #loss} builds the loss and
 * {@link #addTo} records them in the model's {@code training} metadata.
 */
final class ToolkitOptions {
    /** The schedule names {@code --lr-schedule} accepts. */
    static final String SCHEDULES = "constant, step, exponential, linear, cosine";

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

    @Option(names = "--lr-schedule", defaultValue = "constant", paramLabel = "NAME",
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

    @Option(names = "--lr-step-epochs", defaultValue = "30", paramLabel = "N",
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

    @Option(names = "--init", defaultValue = "fan_in_uniform", paramLabel = "NAME",
            description = "Weight initializer: fan_in_uniform, glorot_uniform, glorot_normal, he_uniform, he_normal "
                    + "or zeros (default: ${DEFAULT-VALUE}); biases start at 0.")
    String init;

    @Option(names = "--huber-delta", defaultValue = "1.0", paramLabel = "DELTA",
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

    /** The loss called {@code name} with this command line's parameters (δ for huber). */
    Loss loss(String name) {
        return "huber".equals(name) ? new Huber(huberDelta) : Losses.byName(name);
    }

    /**
     * A new optimizer {@code name} with learning rate {@code lr}, with this command line's schedule,
     * clipping and penalties for a run of {@code epochs} epochs of {@code stepsPerEpoch} steps.
     */
    Optimizer optimizer(String name, double lr, int epochs, int stepsPerEpoch) {
        boolean adamW = "adamw".equals(name.trim().toLowerCase(Locale.ROOT));
        Optimizer optimizer = adamW && weightDecay != null ? new AdamW(LearningRates.of(lr), weightDecay)
                : OptimizerChoice.create(name, lr);
        optimizer.schedule(schedule(epochs, stepsPerEpoch));
        GradientClipping byValue = clipValue == null ? null : GradientClipping.byValue(clipValue);
        GradientClipping byNorm = clipNorm == null ? null : GradientClipping.byNorm(clipNorm);
        if (byValue != null && byNorm != null) {
            optimizer.clipping(new BothClippings(byValue, byNorm));
        } else if (byValue != null || byNorm != null) {
            optimizer.clipping(byValue != null ? byValue : byNorm);
        }
        if (!adamW && weightDecay != null && weightDecay > 0) {
            optimizer.weightDecay(weightDecay);
        }
        if (l1 > 0) {
            optimizer.l1(l1);
        }
        return optimizer;
    }

    /** Clipping by value, then by norm. */
    private record BothClippings(GradientClipping byValue, GradientClipping byNorm) implements GradientClipping {
        @Override
        public void clip(double[] grads) {
            byValue.clip(grads);
            byNorm.clip(grads);
        }
    }

    private LearningRateSchedule schedule(int epochs, int stepsPerEpoch) {
        long totalSteps = (long) epochs * stepsPerEpoch;
        LearningRateSchedule base = switch (scheduleName()) {
            case "step" -> LearningRateSchedule.stepDecay(stepEpochs, gamma == null ? 0.1 : gamma)
                    .perEpoch(stepsPerEpoch);
            case "exponential" -> LearningRateSchedule.exponential(gamma == null ? 0.95 : gamma).perEpoch(stepsPerEpoch);
            case "linear" -> LearningRateSchedule.linear(totalSteps, minFactor);
            case "cosine" -> LearningRateSchedule.cosine(totalSteps, minFactor);
            default -> LearningRateSchedule.constant();
        };
        long warmupSteps = Math.round(warmupEpochs * stepsPerEpoch);
        return warmupSteps > 0 ? base.withWarmup(warmupSteps) : base;
    }

    /** Records every toolkit setting in the model's training metadata. */
    void addTo(JsonObject training) {
        training.addProperty("dropout", dropout);
        if (weightDecay != null) {
            training.addProperty("weight_decay", weightDecay);
        }
        training.addProperty("l1", l1);
        training.addProperty("lr_schedule", scheduleName());
        training.addProperty("warmup_epochs", warmupEpochs);
        if (scheduleName().equals("step") || scheduleName().equals("exponential")) {
            training.addProperty("lr_gamma", gamma != null ? gamma : scheduleName().equals("step") ? 0.1 : 0.95);
        }
        if (scheduleName().equals("step")) {
            training.addProperty("lr_step_epochs", stepEpochs);
        }
        if (scheduleName().equals("linear") || scheduleName().equals("cosine")) {
            training.addProperty("lr_min_factor", minFactor);
        }
        if (clipNorm != null) {
            training.addProperty("clip_norm", clipNorm);
        }
        if (clipValue != null) {
            training.addProperty("clip_value", clipValue);
        }
        training.addProperty("init", initializer().id());
        training.addProperty("huber_delta", huberDelta);
    }
}
