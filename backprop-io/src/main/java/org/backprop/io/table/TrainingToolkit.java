package org.backprop.io.table;

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
import org.backprop.optim.Optimizers;

/**
 * The training toolkit beyond layers, optimizer and epochs: dropout, L1/L2 penalties, the
 * learning-rate schedule with warm-up, gradient clipping, the weight initializer and the Huber
 * loss's δ; {@code backprop train}'s {@code --dropout}, {@code --weight-decay}, {@code --l1},
 * {@code --lr-schedule}, {@code --lr-gamma}, {@code --lr-step-epochs}, {@code --lr-min-factor},
 * {@code --warmup-epochs}, {@code --clip-norm}, {@code --clip-value}, {@code --init} and
 * {@code --huber-delta}, with the same defaults ({@link #defaults()}). {@link #optimizer} builds an
 * optimizer with them, {@link #loss} the loss, {@link #addTo} records them in a model's
 * {@code training} metadata.
 *
 * @param dropout      inverted dropout after every hidden layer, in [0, 1) (default 0 = none)
 * @param weightDecay  L2 penalty on the weights (coupled, g += λ·w; with adamw its decoupled decay,
 *                     whose default is then 0.01), or null (default: none)
 * @param l1           L1 penalty on the weights, g += λ·sign(w) (default 0)
 * @param lrSchedule   constant, step, exponential, linear or cosine (default {@value #DEFAULT_SCHEDULE})
 * @param lrGamma      decay factor of step and exponential, in (0, 1], or null for 0.1 (step) / 0.95
 *                     (exponential)
 * @param lrStepEpochs epochs between the step schedule's decays (default {@value #DEFAULT_LR_STEP_EPOCHS})
 * @param lrMinFactor  final factor of the linear and cosine schedules, in [0, 1] (default 0)
 * @param warmupEpochs linear warm-up over the first epochs, may be fractional (default 0 = none)
 * @param clipNorm     rescale the whole gradient to this L2 norm at most, or null (default: none)
 * @param clipValue    clamp every gradient element to [−v, v] (before clipNorm), or null (default: none)
 * @param initializer  the weight initializer's registry name (default {@value #DEFAULT_INITIALIZER})
 * @param huberDelta   δ of the huber loss, in standardized target units (default {@value #DEFAULT_HUBER_DELTA})
 */
public record TrainingToolkit(double dropout, Double weightDecay, double l1, String lrSchedule, Double lrGamma,
                              int lrStepEpochs, double lrMinFactor, double warmupEpochs, Double clipNorm,
                              Double clipValue, String initializer, double huberDelta) {
    /** The schedule names {@link #lrSchedule()} accepts. */
    public static final String SCHEDULES = "constant, step, exponential, linear, cosine";
    /** The default schedule. */
    public static final String DEFAULT_SCHEDULE = "constant";
    /** The default epochs between the step schedule's decays. */
    public static final int DEFAULT_LR_STEP_EPOCHS = 30;
    /** The default weight initializer. */
    public static final String DEFAULT_INITIALIZER = "fan_in_uniform";
    /** The default δ of the huber loss. */
    public static final double DEFAULT_HUBER_DELTA = 1.0;

    /** Checks the values (IllegalArgumentException naming the setting); the schedule is lower-cased. */
    public TrainingToolkit {
        lrSchedule = lrSchedule.toLowerCase(Locale.ROOT);
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), got " + dropout);
        require(weightDecay == null || nonNegative(weightDecay), "weight decay must be a finite number ≥ 0, got "
                + weightDecay);
        require(nonNegative(l1), "l1 must be a finite number ≥ 0, got " + l1);
        require(lrSchedule.matches("constant|step|exponential|linear|cosine"), "unknown learning-rate schedule '"
                + lrSchedule + "'; known: " + SCHEDULES);
        require(nonNegative(warmupEpochs), "warm-up epochs must be a finite number ≥ 0, got " + warmupEpochs);
        require(lrGamma == null || (lrGamma > 0 && lrGamma <= 1), "the learning-rate gamma must be in (0, 1], got "
                + lrGamma);
        require(lrStepEpochs >= 1, "the learning-rate step epochs must be at least 1, got " + lrStepEpochs);
        require(lrMinFactor >= 0 && lrMinFactor <= 1, "the learning-rate min factor must be in [0, 1], got "
                + lrMinFactor);
        require(clipNorm == null || (clipNorm > 0 && Double.isFinite(clipNorm)),
                "clip norm must be a positive number, got " + clipNorm);
        require(clipValue == null || (clipValue > 0 && Double.isFinite(clipValue)),
                "clip value must be a positive number, got " + clipValue);
        require(huberDelta > 0 && Double.isFinite(huberDelta), "the huber delta must be a positive number, got "
                + huberDelta);
        Initializers.byName(initializer);
    }

    /** No dropout, penalty, schedule, warm-up or clipping; fan-in uniform weights; huber δ 1. */
    public static TrainingToolkit defaults() {
        return new TrainingToolkit(0, null, 0, DEFAULT_SCHEDULE, null, DEFAULT_LR_STEP_EPOCHS, 0, 0, null, null,
                DEFAULT_INITIALIZER, DEFAULT_HUBER_DELTA);
    }

    private static boolean nonNegative(double v) {
        return v >= 0 && Double.isFinite(v);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The weight initializer. */
    public Initializer weightInitializer() {
        return Initializers.byName(initializer);
    }

    /** The loss called {@code name} with these parameters (δ for huber). */
    public Loss loss(String name) {
        return "huber".equals(name) ? new Huber(huberDelta) : Losses.byName(name);
    }

    /**
     * A new optimizer {@code name} with learning rate {@code lr}, with this schedule, clipping and
     * penalties, for a run of {@code epochs} epochs of {@code stepsPerEpoch} steps.
     *
     * @throws IllegalArgumentException for an unknown optimizer
     */
    public Optimizer optimizer(String name, double lr, int epochs, int stepsPerEpoch) {
        boolean adamW = "adamw".equals(name.trim().toLowerCase(Locale.ROOT));
        Optimizer optimizer = adamW && weightDecay != null ? new AdamW(LearningRates.of(lr), weightDecay)
                : Optimizers.create(name, LearningRates.of(lr));
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
        LearningRateSchedule base = switch (lrSchedule) {
            case "step" -> LearningRateSchedule.stepDecay(lrStepEpochs, lrGamma == null ? 0.1 : lrGamma)
                    .perEpoch(stepsPerEpoch);
            case "exponential" -> LearningRateSchedule.exponential(lrGamma == null ? 0.95 : lrGamma)
                    .perEpoch(stepsPerEpoch);
            case "linear" -> LearningRateSchedule.linear(totalSteps, lrMinFactor);
            case "cosine" -> LearningRateSchedule.cosine(totalSteps, lrMinFactor);
            default -> LearningRateSchedule.constant();
        };
        long warmupSteps = Math.round(warmupEpochs * stepsPerEpoch);
        return warmupSteps > 0 ? base.withWarmup(warmupSteps) : base;
    }

    /** Records every setting in a model's {@code training} metadata (the keys {@code backprop train} writes). */
    public void addTo(JsonObject training) {
        training.addProperty("dropout", dropout);
        if (weightDecay != null) {
            training.addProperty("weight_decay", weightDecay);
        }
        training.addProperty("l1", l1);
        training.addProperty("lr_schedule", lrSchedule);
        training.addProperty("warmup_epochs", warmupEpochs);
        if (lrSchedule.equals("step") || lrSchedule.equals("exponential")) {
            training.addProperty("lr_gamma", lrGamma != null ? lrGamma : lrSchedule.equals("step") ? 0.1 : 0.95);
        }
        if (lrSchedule.equals("step")) {
            training.addProperty("lr_step_epochs", lrStepEpochs);
        }
        if (lrSchedule.equals("linear") || lrSchedule.equals("cosine")) {
            training.addProperty("lr_min_factor", lrMinFactor);
        }
        if (clipNorm != null) {
            training.addProperty("clip_norm", clipNorm);
        }
        if (clipValue != null) {
            training.addProperty("clip_value", clipValue);
        }
        training.addProperty("init", weightInitializer().id());
        training.addProperty("huber_delta", huberDelta);
    }

    /** A copy with {@link #dropout()} = {@code value}. */
    public TrainingToolkit withDropout(double value) {
        return with(d -> d.dropout = value);
    }

    /** A copy with {@link #weightDecay()} = {@code value}. */
    public TrainingToolkit withWeightDecay(Double value) {
        return with(d -> d.weightDecay = value);
    }

    /** A copy with {@link #l1()} = {@code value}. */
    public TrainingToolkit withL1(double value) {
        return with(d -> d.l1 = value);
    }

    /** A copy with {@link #lrSchedule()} = {@code value}. */
    public TrainingToolkit withLrSchedule(String value) {
        return with(d -> d.lrSchedule = value);
    }

    /** A copy with {@link #lrGamma()} = {@code value}. */
    public TrainingToolkit withLrGamma(Double value) {
        return with(d -> d.lrGamma = value);
    }

    /** A copy with {@link #lrStepEpochs()} = {@code value}. */
    public TrainingToolkit withLrStepEpochs(int value) {
        return with(d -> d.lrStepEpochs = value);
    }

    /** A copy with {@link #lrMinFactor()} = {@code value}. */
    public TrainingToolkit withLrMinFactor(double value) {
        return with(d -> d.lrMinFactor = value);
    }

    /** A copy with {@link #warmupEpochs()} = {@code value}. */
    public TrainingToolkit withWarmupEpochs(double value) {
        return with(d -> d.warmupEpochs = value);
    }

    /** A copy with {@link #clipNorm()} = {@code value}. */
    public TrainingToolkit withClipNorm(Double value) {
        return with(d -> d.clipNorm = value);
    }

    /** A copy with {@link #clipValue()} = {@code value}. */
    public TrainingToolkit withClipValue(Double value) {
        return with(d -> d.clipValue = value);
    }

    /** A copy with {@link #initializer()} = {@code value}. */
    public TrainingToolkit withInitializer(String value) {
        return with(d -> d.initializer = value);
    }

    /** A copy with {@link #huberDelta()} = {@code value}. */
    public TrainingToolkit withHuberDelta(double value) {
        return with(d -> d.huberDelta = value);
    }

    private TrainingToolkit with(java.util.function.Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return d.build();
    }

    /** The components of a copy being changed: one list of them for every {@code with…} method. */
    private static final class Draft {
        private double dropout;
        private Double weightDecay;
        private double l1;
        private String lrSchedule;
        private Double lrGamma;
        private int lrStepEpochs;
        private double lrMinFactor;
        private double warmupEpochs;
        private Double clipNorm;
        private Double clipValue;
        private String initializer;
        private double huberDelta;

        Draft(TrainingToolkit t) {
            dropout = t.dropout;
            weightDecay = t.weightDecay;
            l1 = t.l1;
            lrSchedule = t.lrSchedule;
            lrGamma = t.lrGamma;
            lrStepEpochs = t.lrStepEpochs;
            lrMinFactor = t.lrMinFactor;
            warmupEpochs = t.warmupEpochs;
            clipNorm = t.clipNorm;
            clipValue = t.clipValue;
            initializer = t.initializer;
            huberDelta = t.huberDelta;
        }

        TrainingToolkit build() {
            return new TrainingToolkit(dropout, weightDecay, l1, lrSchedule, lrGamma, lrStepEpochs, lrMinFactor,
                    warmupEpochs, clipNorm, clipValue, initializer, huberDelta);
        }
    }
}
