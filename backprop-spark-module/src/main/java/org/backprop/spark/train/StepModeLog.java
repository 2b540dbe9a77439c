package org.backprop.spark.train;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs how a fit runs its steps (barrier stages or one job per step, and why), at the start and on every change. */
final class StepModeLog {
    private static final Logger LOG = LoggerFactory.getLogger(SparkTrainer.class);
    private final ShardPlan plan;
    private String current;

    StepModeLog(ShardPlan plan) {
        this.plan = plan;
    }

    /** The next steps run in a barrier stage, exchanging over sockets ({@link SocketExchange}) or allGather. */
    void barrier(boolean sockets) {
        say("barrier stages (one Spark job per epoch or checkpoint interval; the tasks exchange their gradient"
                + " shares " + (sockets ? "over sockets between them" : "with allGather") + ")");
    }

    /** The next step runs as its own Spark job, because of {@code why}. */
    void perStep(String why) {
        say("one Spark job per step (" + why + ")");
    }

    private void say(String mode) {
        if (!mode.equals(current)) {
            LOG.info("steps: {}; {}", mode, plan);
            current = mode;
        }
    }
}
