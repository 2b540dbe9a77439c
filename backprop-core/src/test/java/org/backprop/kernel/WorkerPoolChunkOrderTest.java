package org.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReferenceArray;

import org.junit.jupiter.api.Test;

/**
 * Which thread runs which chunk of a {@link WorkerPool} job: chunk 0 always on the calling thread,
 * so that jobs split the same way give each thread the rows it wrote in the job before; the other
 * chunks on whichever thread claims them first (the caller too, when the worker is late), each
 * exactly once. That the worker takes chunks at all is {@code ThreadTeamTest}'s.
 */
class WorkerPoolChunkOrderTest {
    private static final int JOBS = 2_000;

    @Test
    void chunkZeroRunsOnTheCallerInEveryJob() {
        WorkerPool pool = new WorkerPool(1, "chunk-order-test");
        try {
            Thread caller = Thread.currentThread();
            for (int job = 0; job < JOBS; job++) {
                int chunks = 1 + job % 3;
                AtomicReferenceArray<Thread> ranOn = new AtomicReferenceArray<>(chunks);
                pool.run(chunk -> {
                    Thread previous = ranOn.getAndSet(chunk, Thread.currentThread());
                    if (previous != null) {
                        throw new AssertionError("chunk " + chunk + " ran twice");
                    }
                }, chunks);
                assertSame(caller, ranOn.get(0), "job " + job + ": chunk 0 ran on " + ranOn.get(0));
                for (int c = 1; c < chunks; c++) {
                    assertTrue(ranOn.get(c) != null, "job " + job + ": chunk " + c + " never ran");
                }
            }
        } finally {
            pool.close();
        }
    }

    @Test
    void aJobOfOneChunkRunsWhollyOnTheCaller() {
        WorkerPool pool = new WorkerPool(1, "chunk-order-test");
        try {
            Thread[] ranOn = new Thread[1];
            int[] runs = new int[1];
            pool.run(chunk -> {
                ranOn[0] = Thread.currentThread();
                runs[0]++;
            }, 1);
            assertSame(Thread.currentThread(), ranOn[0]);
            assertEquals(1, runs[0]);
        } finally {
            pool.close();
        }
    }
}
