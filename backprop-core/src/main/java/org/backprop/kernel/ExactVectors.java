package org.backprop.kernel;

/**
 * Why the vector kernels compare each vector's class with a constant before storing it, reading its
 * lanes, converting it or passing it to an operation, loads and loop accumulators included
 * ({@code if (v.getClass() != VECTOR) throw ExactVectors.notPreferred(...)}), and the exception
 * thrown if that ever fails (it cannot: every vector in the kernels has the preferred species).
 *
 * <p>C2 turns {@code v.intoArray(...)} (and {@code lane}, {@code convertShape}) into machine
 * instructions only when it knows {@code v}'s exact class (e.g. {@code Double512Vector}) while it
 * parses the method. For a load or an fma result it knows that only from the type profile the
 * C1-compiled code gathered. A kernel that HotSpot first compiled at tier 2 (which it does when
 * C2's queue is long) has no such profile, and then every store allocated a boxed vector: the seed
 * workload ran 2.5× slower, allocating 5 MB a step, in about one JVM in fifteen. After a compare of
 * {@code v.getClass()} with a constant class C2 knows the exact type without a profile
 * ({@code -XX:TypeProfileWidth=0} reproduced the failure every time; {@code UnprofiledKernelsTest}).
 * The same holds for an operation's operands: on JDK 17, a kernel compiled on the little profile
 * that {@code jvm.options}' early-compilation hints leave (the first hot code of its JVM) failed to
 * intrinsify {@code add} or {@code fma} whose second operand or loop accumulator was not compared,
 * and stayed boxed, 20–30× slower ({@code LauncherJitHintsTest}).
 *
 * <p>The compare is written out in each kernel, not in a helper method: a call C2 declines to inline
 * (a tier-2 method has no call counts, so C2 may take the call site as never reached) passes its
 * vector boxed, which brought the failure back in about one run in five under
 * {@code -XX:Tier3DelayOn=0}.
 */
final class ExactVectors {
    private ExactVectors() {
    }

    /** The error for a vector of another class than the kernel's preferred species. */
    static IllegalStateException notPreferred(Class<?> vectorClass) {
        return new IllegalStateException("vector kernels use the preferred species only, got " + vectorClass.getName());
    }
}
