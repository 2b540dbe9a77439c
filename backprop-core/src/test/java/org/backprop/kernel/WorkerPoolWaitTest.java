package org.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.backprop.kernel.WorkerPool.WaitStep;
import org.junit.jupiter.api.Test;

/**
 * How a {@link WorkerPool} thread waits: 20 µs spinning, then yielding, for up to 10 ms while its
 * yields find nothing else to run, else for 80 µs, then parking.
 */
class WorkerPoolWaitTest {
    private static final long MICROS = 1_000;

    @Test
    void spinsFirst() {
        assertEquals(WaitStep.SPIN, WorkerPool.waitStep(0, false));
        assertEquals(WaitStep.SPIN, WorkerPool.waitStep(19 * MICROS, false));
        assertEquals(WaitStep.SPIN, WorkerPool.waitStep(19 * MICROS, true));
    }

    @Test
    void keepsItsCoreForTenMillisecondsOnAnIdleMachine() {
        assertEquals(WaitStep.YIELD, WorkerPool.waitStep(20 * MICROS, false));
        assertEquals(WaitStep.YIELD, WorkerPool.waitStep(5_000 * MICROS, false));
        assertEquals(WaitStep.YIELD, WorkerPool.waitStep(10_019 * MICROS, false));
        assertEquals(WaitStep.PARK, WorkerPool.waitStep(10_020 * MICROS, false));
    }

    @Test
    void parksSoonOnceAYieldRanAnotherThread() {
        assertEquals(WaitStep.YIELD, WorkerPool.waitStep(20 * MICROS, true));
        assertEquals(WaitStep.YIELD, WorkerPool.waitStep(99 * MICROS, true));
        assertEquals(WaitStep.PARK, WorkerPool.waitStep(100 * MICROS, true));
        assertEquals(WaitStep.PARK, WorkerPool.waitStep(5_000 * MICROS, true));
    }
}
