package org.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

/**
 * A two-thread team over many jobs, long enough for its {@link SplitChooser} to run jobs split and
 * whole: every index of every {@link ThreadTeam#forRange} call is processed exactly once either way,
 * and a closed team fails on every job it would otherwise have handed to its workers.
 * {@link ThreadTeam#forEachThread} splits from the first job on, without the chooser.
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

    @Test
    void forEachThreadRunsEveryIndexOnceOnTwoThreadsFromTheFirstJob() throws InterruptedException {
        try (ThreadTeam team = ThreadTeam.of(2)) {
            for (int job = 0; job < 3; job++) {
                // Call 0 waits for call 1: both must run at once, on two threads (a chooser running
                // the job whole on the caller would run them one after the other, and call 0 would time out).
                CountDownLatch secondRan = new CountDownLatch(1);
                AtomicIntegerArray visits = new AtomicIntegerArray(2);
                boolean[] waited = new boolean[1];
                team.forEachThread((from, to) -> {
                    assertEquals(from + 1, to);
                    visits.incrementAndGet(from);
                    if (from == 1) {
                        secondRan.countDown();
                    } else {
                        try {
                            waited[0] = secondRan.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
                assertTrue(waited[0], "job " + job + ": call 1 did not run while call 0 waited");
                assertEquals(1, visits.get(0));
                assertEquals(1, visits.get(1));
            }
        }
        int[] calls = new int[1];
        ThreadTeam.CALLING_THREAD.forEachThread((from, to) -> calls[0] += 10 * from + to);
        assertEquals(1, calls[0], "one call (0, 1) on the calling thread alone");
        ThreadTeam closed = ThreadTeam.of(2);
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.forEachThread((from, to) -> { }));
    }
}
