package org.backprop.kernel;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Chooses the fastest available {@link Gemm} (and {@link FloatGemm}).
 *
 * <p>Like Lucene, the vector kernels are used only when the boot layer contains
 * {@code jdk.incubator.vector} (the JVM was started with {@code --add-modules jdk.incubator.vector})
 * and the system property {@code backprop.vector} is not {@code false}. They are loaded
 * reflectively, so this class and the scalar kernels run on a JVM without the module. When the
 * scalar fallback is chosen, one WARNING per JVM says how to enable the vector kernels.
 *
 * <p>Bits: the choice changes the speed, not the results. Both kernels sum every output element in
 * the same order ({@link BlockedGemm}); the one order that depends on the hardware is that of the
 * dot products of the matrix–vector shapes (e.g. a layer with one output unit), which the vector
 * kernels split into the lanes of a vector register, and the scalar kernels imitate it with the
 * vector register size of the same JVM ({@link VectorWidth}). So the same seed and settings give
 * the same bits with or without {@code --add-modules jdk.incubator.vector}, with
 * {@code -Dbackprop.vector=false}, on any number of threads, in float64 and float32; but not
 * always across vector register sizes (a machine or {@code -XX:UseAVX}/{@code -XX:MaxVectorSize}
 * setting with 512-bit vectors against one with 256-bit), where networks with such shapes differ in
 * the last bits.
 */
public final class Kernels {
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    /** The once-per-JVM log flag; it never influences which results are computed. */
    private static final AtomicBoolean FALLBACK_LOGGED = new AtomicBoolean();

    private Kernels() {
    }

    /** The best double-precision kernel for this JVM with the given number of threads (at least 1). */
    public static Gemm create(int threads) {
        requireThreads(threads);
        if (vectorAvailable()) {
            return instantiate("org.backprop.kernel.VectorGemm", Gemm.class, threads);
        }
        logFallback();
        return new ScalarGemm(threads);
    }

    /** The best single-precision kernel for this JVM with the given number of threads (at least 1). */
    public static FloatGemm createFloat(int threads) {
        requireThreads(threads);
        if (vectorAvailable()) {
            return instantiate("org.backprop.kernel.VectorFloatGemm", FloatGemm.class, threads);
        }
        logFallback();
        return new ScalarFloatGemm(threads);
    }

    /**
     * The best kernel computing in {@code precision}: {@link #create} for FLOAT64, a
     * {@link Float32Gemm} over the best float kernel and, for matrix–vector shapes, the best double
     * kernel, both on one {@link ThreadTeam} of {@code threads}, for FLOAT32.
     */
    public static Gemm create(int threads, Precision precision) {
        if (precision == Precision.FLOAT64) {
            return create(threads);
        }
        requireThreads(threads);
        ThreadTeam team = ThreadTeam.of(threads);
        if (vectorAvailable()) {
            return new Float32Gemm(instantiate("org.backprop.kernel.VectorFloatGemm", FloatGemm.class, team),
                    instantiate("org.backprop.kernel.VectorFloatGemm", FloatGemm.class, ThreadTeam.CALLING_THREAD),
                    instantiate("org.backprop.kernel.VectorGemm", Gemm.class, team));
        }
        logFallback();
        return scalar(team);
    }

    /**
     * The portable scalar kernels computing in {@code precision}, whatever the JVM offers: as
     * {@link #create(int, Precision)} picks them without the Vector API. They give the bits the
     * vector kernels give on this JVM (see the class comment).
     */
    public static Gemm scalar(int threads, Precision precision) {
        if (precision == Precision.FLOAT64) {
            return scalar(threads);
        }
        requireThreads(threads);
        return scalar(ThreadTeam.of(threads));
    }

    private static Gemm scalar(ThreadTeam team) {
        return new Float32Gemm(new ScalarFloatGemm(team), new ScalarFloatGemm(ThreadTeam.CALLING_THREAD),
                new ScalarGemm(team));
    }

    /** The portable blocked scalar double kernel, whatever the JVM offers. */
    public static Gemm scalar(int threads) {
        requireThreads(threads);
        return new ScalarGemm(threads);
    }

    /** The portable blocked scalar float kernel, whatever the JVM offers. */
    public static FloatGemm scalarFloat(int threads) {
        requireThreads(threads);
        return new ScalarFloatGemm(threads);
    }

    /**
     * True when the vector kernels will be used: {@code jdk.incubator.vector} is in the boot layer
     * and {@code -Dbackprop.vector=false} is not set.
     */
    public static boolean vectorAvailable() {
        return !"false".equalsIgnoreCase(System.getProperty("backprop.vector"))
                && ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** One line describing the kernel {@link #create} would return for {@code threads}. */
    public static String describeBest(int threads) {
        return describeBest(threads, Precision.FLOAT64);
    }

    /** One line describing the kernel {@link #create(int, Precision)} would return. */
    public static String describeBest(int threads, Precision precision) {
        try (Gemm g = create(threads, precision)) {
            return g.describe();
        }
    }

    /**
     * The element-wise kernels for this JVM: vectorized when {@link #vectorAvailable()}, else
     * portable loops. Chosen once per JVM; stateless.
     */
    public static Elementwise elementwise() {
        return ElementwiseHolder.INSTANCE;
    }

    private static final class ElementwiseHolder {
        static final Elementwise INSTANCE = vectorAvailable()
                ? instantiate("org.backprop.kernel.VectorElementwise", Elementwise.class)
                : new ScalarElementwise();
    }

    /** Number of processors the JVM sees: the default thread count. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static void requireThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    private static <T> T instantiate(String className, Class<T> type) {
        try {
            return type.cast(Class.forName(className).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load " + className, e);
        }
    }

    private static <T> T instantiate(String className, Class<T> type, int threads) {
        return instantiate(className, type, ThreadTeam.of(threads));
    }

    private static <T> T instantiate(String className, Class<T> type, ThreadTeam team) {
        try {
            return type.cast(Class.forName(className).getDeclaredConstructor(ThreadTeam.class)
                    .newInstance(team));
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException
                 | IllegalAccessException e) {
            throw new IllegalStateException("cannot load " + className, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot create " + className, e.getCause());
        }
    }

    private static void logFallback() {
        if (FALLBACK_LOGGED.compareAndSet(false, true)) {
            String reason = ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()
                    ? "disabled by -Dbackprop.vector=false"
                    : "module " + VECTOR_MODULE + " is not available";
            // Looked up only here: System.getLogger starts java.util.logging, whose set-up and exit
            // hook would cost every process some milliseconds.
            System.Logger log = System.getLogger(Kernels.class.getName());
            log.log(System.Logger.Level.WARNING, "backprop uses the scalar GEMM kernels (" + reason
                    + "); for the much faster vector kernels start the JVM with --add-modules " + VECTOR_MODULE);
        }
    }
}
