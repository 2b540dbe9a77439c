package org.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

/**
 * A two-thread team over many jobs, long enough for its {@link SplitChooser} to run jobs split and
 * whole: every index of every {@link ThreadTeam#forRange} call is processed exactly once either way,
 * and a closed team fails on every job it would otherwise have handed to its workers.
 */
class ThreadTeamTest {

    @Test
    void everyIndexOnceInSplitAndWholeJobs() {
        int count = ThreadTeam.MIN_PARALLEL_ELEMENTS + 7;
        int jobs = 6 * SplitChooser.WINDOW_JOBS;       // the probe's split and whole windows and more
        AtomicIntegerArray visits = new AtomicIntegerArray(count);
        try (ThreadTeam team = ThreadTeam.of(2)) {
            for (int job = 0; job < jobs; job++) {
                team.forRange(count, 1, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        visits.incrementAndGet(i);
                    }
                });
            }
        }
        for (int i = 0; i < count; i++) {
            assertEquals(jobs, visits.get(i), "index " + i);
        }
    }

    @Test
    void closedTeamFailsOnParallelSizedJobs() {
        ThreadTeam team = ThreadTeam.of(2);
        team.close();
        for (int job = 0; job < 3 * SplitChooser.WINDOW_JOBS; job++) {
            assertThrows(IllegalStateException.class,
                    () -> team.forRange(ThreadTeam.MIN_PARALLEL_ELEMENTS, 1, (from, to) -> { }));
        }
        int[] calls = new int[1];
        team.forRange(10, 1, (from, to) -> calls[0]++);    // below the threshold: the caller alone, as before
        assertEquals(1, calls[0]);
    }
}
