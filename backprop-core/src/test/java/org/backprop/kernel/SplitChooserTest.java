package org.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link SplitChooser} on a simulated clock: every job advances it by the cost of the mode the
 * chooser picked, so a window's time is what its jobs cost. Checks that the first
 * {@link SplitChooser#WARM_UP_WINDOWS} windows run whole whatever they cost, the probe order (split, whole,
 * whole, split), that the faster mode is used afterwards for {@link SplitChooser#MIN_USE_WINDOWS}
 * windows, doubling while it keeps winning, that a window in use twice as slow as the winner's
 * probe window starts a new probe, and that a probe during which the JIT compiled is repeated.
 */
class SplitChooserTest {
    private static final int W = SplitChooser.WINDOW_JOBS;
    private static final int MIN = SplitChooser.MIN_USE_WINDOWS;

    /** A clock the test moves, and a chooser reading it, past its warm-up unless {@link #fresh}. */
    private static final class Simulation {
        long now;
        /** The JIT's compilation milliseconds so far. */
        long compiledMillis;
        /** Compilation milliseconds each window adds (the JIT busy meanwhile). */
        long compilingPerWindow;
        final SplitChooser chooser = new SplitChooser(() -> now, () -> compiledMillis);

        Simulation() {
            this(false);
        }

        private Simulation(boolean fresh) {
            if (!fresh) {
                assertEquals(repeat(false, SplitChooser.WARM_UP_WINDOWS), run(SplitChooser.WARM_UP_WINDOWS, 1, 900));
            }
        }

        static Simulation fresh() {
            return new Simulation(true);
        }

        /** Runs {@code windows} windows of jobs costing the given nanoseconds; returns each window's mode. */
        List<Boolean> run(int windows, long splitCost, long wholeCost) {
            List<Boolean> modes = new ArrayList<>();
            for (int w = 0; w < windows; w++) {
                boolean first = chooser.splitNext();
                now += first ? splitCost : wholeCost;
                for (int j = 1; j < W; j++) {
                    boolean split = chooser.splitNext();
                    assertEquals(first, split, "window " + w + " changed mode at job " + j);
                    now += split ? splitCost : wholeCost;
                }
                compiledMillis += compilingPerWindow;
                modes.add(first);
            }
            return modes;
        }
    }

    private static List<Boolean> repeat(boolean mode, int times) {
        List<Boolean> list = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            list.add(mode);
        }
        return list;
    }

    private static List<Boolean> concat(List<Boolean> a, List<Boolean> b) {
        List<Boolean> list = new ArrayList<>(a);
        list.addAll(b);
        return list;
    }

    private static final List<Boolean> PROBE = List.of(true, false, false, true);

    @Test
    void runsWholeThroughTheWarmUpWhateverItCostsThenProbes() {
        Simulation s = Simulation.fresh();
        List<Boolean> modes = s.run(SplitChooser.WARM_UP_WINDOWS + 4 + 1, 1, 1_000);
        assertEquals(concat(concat(repeat(false, SplitChooser.WARM_UP_WINDOWS), PROBE), List.of(true)), modes);
    }

    @Test
    void runsWholeAfterAProbeWhereWholeWasFaster() {
        Simulation s = new Simulation();
        List<Boolean> modes = s.run(4 + MIN + 4, 300, 200);
        assertEquals(concat(concat(PROBE, repeat(false, MIN)), PROBE), modes);
    }

    @Test
    void keepsSplittingWhileSplitIsFasterAndProbesLessOften() {
        Simulation s = new Simulation();
        List<Boolean> modes = s.run(4 + MIN + 4 + 2 * MIN + 4 + 4 * MIN + 1, 100, 180);
        List<Boolean> expected = concat(PROBE, repeat(true, MIN));
        expected = concat(concat(expected, PROBE), repeat(true, 2 * MIN));
        expected = concat(concat(expected, PROBE), repeat(true, 4 * MIN));
        expected = concat(expected, List.of(true));
        assertEquals(expected, modes);
    }

    @Test
    void useLengthStopsDoublingAtTheMaximum() {
        Simulation s = new Simulation();
        int windows = 0;
        for (int use = MIN; use <= SplitChooser.MAX_USE_WINDOWS; use *= 2) {
            windows += 4 + use;
        }
        s.run(windows, 100, 180);
        List<Boolean> modes = s.run(4 + SplitChooser.MAX_USE_WINDOWS + 4, 100, 180);
        assertEquals(concat(concat(PROBE, repeat(true, SplitChooser.MAX_USE_WINDOWS)), PROBE), modes);
    }

    @Test
    void repeatsAWholeVerdictWhileTheJitCompilesThenDecides() {
        Simulation s = new Simulation();
        // split windows slower, as when the compiler threads hold the second core; a window takes
        // 256 × 300 ns ≈ 0.08 ms, and the JIT finishes 1 ms of compilations in each
        s.compilingPerWindow = 1;
        assertEquals(concat(probes(SplitChooser.MAX_REPEATED_PROBES + 1), repeat(false, MIN)),
                s.run(4 * (SplitChooser.MAX_REPEATED_PROBES + 1) + MIN, 300, 200),
                "repeated, then decided whatever the JIT did");
        // the count starts again after a verdict: the next probes under compilation are repeated too
        assertEquals(concat(probes(2), List.of(true)), s.run(4 * 2 + 1, 300, 200));
        // split faster from the third probe's first window on: the rest of that probe, then split
        s.compilingPerWindow = 0;
        assertEquals(List.of(false, false, true, true, true), s.run(5, 100, 180));
    }

    @Test
    void aSplitVerdictCountsWhileTheJitCompiles() {
        Simulation s = new Simulation();
        s.compilingPerWindow = 1;
        assertEquals(concat(PROBE, repeat(true, 2)), s.run(4 + 2, 100, 180),
                "the compiler only slows the split windows: split winning anyway is sure");
    }

    @Test
    void compilationUpToAQuarterOfTheProbeCountsAsQuiet() {
        // a probe of four windows of 256 jobs at 1.8 / 1 / 1 / 1.8 ms: 1,433.6 ms; a quarter 358.4 ms
        Simulation quiet = new Simulation();
        quiet.compilingPerWindow = 89;   // 356 ms over the probe
        assertEquals(concat(PROBE, repeat(false, 2)), quiet.run(4 + 2, 1_800_000, 1_000_000));
        Simulation busy = new Simulation();
        busy.compilingPerWindow = 90;    // 360 ms
        assertEquals(concat(PROBE, PROBE), busy.run(8, 1_800_000, 1_000_000));
    }

    @Test
    void compilationBeforeTheProbeDoesNotCount() {
        Simulation s = new Simulation();
        s.compiledMillis += 1_000_000;   // during the warm-up, before the probe's first window
        assertEquals(concat(PROBE, repeat(false, 2)), s.run(4 + 2, 300, 200));
    }

    private static List<Boolean> probes(int count) {
        List<Boolean> list = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            list.addAll(PROBE);
        }
        return list;
    }

    @Test
    void followsTheMachineWhenItChanges() {
        Simulation s = new Simulation();
        assertEquals(concat(PROBE, repeat(true, MIN / 2)), s.run(4 + MIN / 2, 100, 180));
        // the second vCPU becomes busy: split jobs now cost 3x, more than twice the winner's window
        List<Boolean> modes = s.run(1 + 4 + 2, 300, 180);
        assertEquals(concat(concat(List.of(true), PROBE), repeat(false, 2)), modes);
    }
}
