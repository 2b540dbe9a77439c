package org.backprop.kernel;

import java.lang.management.ManagementFactory;

/**
 * The bit size of the vector kernels' registers on this JVM ({@code DoubleVector.SPECIES_PREFERRED}),
 * known also where they are not used, so that the scalar kernels can sum their dot products in the
 * vector kernels' order ({@link ScalarGemm}) and give their bits.
 *
 * <p>With {@code jdk.incubator.vector} in the boot layer (even with {@code -Dbackprop.vector=false})
 * it is the preferred species' size. Without it, it is the size C2 derives that species from: the VM
 * option {@code MaxVectorSize} (bytes; HotSpot sets it from the CPU, e.g. 64 with AVX-512, 32 with
 * AVX2, 16 with NEON or SSE, and lowers it with {@code -XX:UseAVX}), read once through
 * {@code HotSpotDiagnosticMXBean}; 256 where that option cannot be read (not HotSpot). Always a
 * power of two from 128 to 512.
 */
final class VectorWidth {
    private static final int DEFAULT_BITS = 256;

    private VectorWidth() {
    }

    /** The bit size of a vector register of the vector kernels, whether or not they are used. */
    static int bits() {
        return Holder.BITS;
    }

    private static final class Holder {
        static final int BITS = detect();
    }

    private static int detect() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                return (int) Class.forName("org.backprop.kernel.VectorGemm").getDeclaredMethod("vectorBits")
                        .invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read the vector kernels' width", e);
            }
        }
        try {
            var diagnostics = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            int bits = 8 * Integer.parseInt(diagnostics.getVMOption("MaxVectorSize").getValue());
            return Math.max(128, Math.min(512, Integer.highestOneBit(bits)));
        } catch (RuntimeException | LinkageError e) {
            return DEFAULT_BITS;
        }
    }
}
