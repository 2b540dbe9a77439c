/**
 * Optimizers, gradient clipping, L1/L2 regularization and learning-rate schedules.
 *
 * <p>Every {@link org.backprop.optim.Optimizer#step optimizer step} does: count the step, clip the
 * flat gradient buffer in place, add the L1/L2 penalty (weights only by default) into a scratch
 * gradient, then apply the optimizer's rule with {@code schedule factor × group rate}. This is
 * PyTorch's order ({@code clip_grad_norm_} before {@code step()}, {@code weight_decay} inside it).
 *
 * <pre>{@code
 * Optimizer adam = new Adam(LearningRates.of(1e-3).with(ParamKind.BIAS, 1e-4))
 *         .weightDecay(1e-4)                                  // L2: g += 1e-4·w on weights
 *         .clipByNorm(1.0)                                    // global L2 norm ≤ 1
 *         .schedule(LearningRateSchedule.cosine(10_000, 0.01).withWarmup(500));
 * Optimizer adamW = Optimizers.create("adamw", LearningRates.of(1e-3)); // decoupled decay 0.01
 * }</pre>
 *
 * <p>Save and resume: {@link org.backprop.optim.Optimizer#state()} and
 * {@link org.backprop.optim.Optimizer#restore}, with the same configuration and the saved
 * parameters, continue bit-identically.
 */
package org.backprop.optim;
