package org.backprop.kernel;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * How much the JIT has compiled so far: the milliseconds its compilations took, summed over the
 * compiler threads ({@link CompilationMXBean#getTotalCompilationTime}; a compilation counts when it
 * ends). {@link SplitChooser} uses it to tell a timing taken while the compiler threads held the
 * cores from one that measured the kernels.
 */
final class JitActivity {
    private JitActivity() {
    }

    /**
     * The JIT's total compilation milliseconds so far, or a constant 0 where the JVM does not report
     * them (no JIT, monitoring unsupported, or a runtime image without {@code java.management}).
     * The JVM's management support is set up at the first call of the supplier, not here: it loads
     * some hundred classes (10–30 ms), which a team that never probes should not pay for.
     */
    static LongSupplier compileMillis() {
        return () -> Source.MILLIS.getAsLong();
    }

    /** The lookup, done when this class is first used. */
    private static final class Source {
        static final LongSupplier MILLIS = lookUp();

        private Source() {
        }
    }

    private static LongSupplier lookUp() {
        try {
            CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            if (jit != null && jit.isCompilationTimeMonitoringSupported()) {
                return jit::getTotalCompilationTime;
            }
        } catch (LinkageError | RuntimeException e) {
            // reported as no activity: the chooser then times probes as it always did
        }
        return () -> 0;
    }
}
