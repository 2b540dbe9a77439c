package org.backprop.kernel;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Child-process half of {@link UnprofiledKernelsTest} and {@link LauncherJitHintsTest}: runs every
 * vector kernel (or, given a name as the argument, that kernel alone, the first hot code of the JVM;
 * {@value #LIST} lists the names)
 * on one thread until a window of calls allocates nothing (then C2 has compiled it without boxing)
 * or the time is up, and prints one line per kernel: {@code kernel <name> <bytes allocated in its
 * last window>}.
 */
public final class UnprofiledKernelsProbe {
    /** The argument that lists the kernels' names ({@code name <name>} lines) instead of running them. */
    static final String LIST = "--list";
    private static final int CALLS_PER_WINDOW = 200;
    private static final long NANOS_PER_KERNEL = 20_000_000_000L;

    private UnprofiledKernelsProbe() {
    }

    public static void main(String[] args) {
        if (!Kernels.vectorAvailable()) {
            System.out.println("vector module absent");
            return;
        }
        Gemm d = Kernels.create(1);
        FloatGemm f = Kernels.createFloat(1);
        Elementwise e = Kernels.elementwise();
        int n = 40;
        double[] a = filled(n * n);
        double[] b = filled(n * n);
        double[] c = new double[n * n];
        float[] af = GemmCase.narrow(a);
        float[] bf = GemmCase.narrow(b);
        float[] cf = new float[n * n];
        int len = 1000;
        double[] x = filled(len);
        double[] y = filled(len);
        double[] z = new double[len];
        float[] xf = new float[len];
        Map<String, Runnable> kernels = new LinkedHashMap<>();
        kernels.put("double mult (micro-kernel)", () -> d.mult(n, n, n, a, 0, b, 0, c, 0, false));
        kernels.put("double multTransA", () -> d.multTransA(n, n, n, a, 0, b, 0, c, 0, true));
        kernels.put("double multTransB", () -> d.multTransB(n, n, n, a, 0, b, 0, c, 0, false));
        kernels.put("double dot products (n = 1)", () -> d.mult(n, 1, n, a, 0, b, 0, c, 0, true));
        kernels.put("double row combinations (m = 1)", () -> d.mult(1, n, n, a, 0, b, 0, c, 0, true));
        kernels.put("double outer product (k = 1)", () -> d.mult(n, n, 1, a, 0, b, 0, c, 0, false));
        kernels.put("double outer product (k = 1), accumulating", () -> d.mult(n, n, 1, a, 0, b, 0, c, 0, true));
        kernels.put("float mult (micro-kernel)", () -> f.mult(n, n, n, af, 0, bf, 0, cf, 0, false));
        kernels.put("float dot products (n = 1)", () -> f.mult(n, 1, n, af, 0, bf, 0, cf, 0, true));
        kernels.put("float row combinations (m = 1)", () -> f.mult(1, n, n, af, 0, bf, 0, cf, 0, false));
        kernels.put("float outer product (k = 1)", () -> f.mult(n, n, 1, af, 0, bf, 0, cf, 0, false));
        kernels.put("positivePart", () -> e.positivePart(x, 0, z, 0, len));
        kernels.put("whereXPositive", () -> e.whereXPositive(x, 0, y, 0, z, 0, len));
        kernels.put("add", () -> e.add(x, 0, y, 0, z, 0, len));
        kernels.put("element-wise outer product", () -> e.outerProduct(x, 0, 20, y, 0, 50, z, 0));
        kernels.put("toFloat", () -> e.toFloat(x, 0, xf, 0, len));
        kernels.put("toDouble", () -> e.toDouble(xf, 0, z, 0, len, true));
        float[] bias = GemmCase.narrow(filled(50));
        kernels.put("biasActivate, positive part", () -> e.biasActivate(z, 0, y, 0, 20, 50, true));
        kernels.put("biasActivate, identity", () -> e.biasActivate(z, 0, y, 0, 20, 50, false));
        kernels.put("biasActivate in float, positive part", () -> e.biasActivate(xf, 0, bias, 0, 20, 50, true));
        kernels.put("biasActivate in float, identity", () -> e.biasActivate(xf, 0, bias, 0, 20, 50, false));
        float[] gf = GemmCase.narrow(filled(len));
        kernels.put("whereXPositive in float", () -> e.whereXPositive(xf, 0, gf, 0, gf, 0, len));
        if (args.length > 0 && args[0].equals(LIST)) {
            kernels.keySet().forEach(name -> System.out.println("name " + name));
            return;
        }
        if (args.length > 0 && !kernels.containsKey(args[0])) {
            throw new IllegalArgumentException("no kernel named " + args[0] + "; kernels: " + kernels.keySet());
        }
        kernels.forEach((name, kernel) -> {
            if (args.length == 0 || args[0].equals(name)) {
                System.out.println("kernel " + name + " " + settledAllocation(kernel));
            }
        });
    }

    /** Bytes allocated by the last window of calls: 0 once compiled without boxing. */
    private static long settledAllocation(Runnable kernel) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + NANOS_PER_KERNEL;
        long bytes;
        do {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < CALLS_PER_WINDOW; i++) {
                kernel.run();
            }
            bytes = threads.getCurrentThreadAllocatedBytes() - before;
        } while (bytes > 0 && System.nanoTime() < deadline);
        return bytes;
    }

    private static double[] filled(int size) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = ((i * 37) % 101) / 101.0 - 0.5;
        }
        return v;
    }
}
