package org.backprop.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.Locale;

/**
 * Two or more builds of backprop-core's kernels in one JVM, timed alternately on the shapes of
 * {@link SeedShapesCpuTime} (one thread, the thread's CPU time). Each build's jar is loaded by a class
 * loader of its own, so the same classes exist once per build; the timed batches alternate between
 * the builds (reversing the order every round), so a phase of load from other programs slows every
 * build alike. Prints, per shape and precision, each build's median and best GFLOP/s over the rounds
 * and the median (min–max) of each build's per-round ratio to the first build.
 *
 * <p>Separate JVMs differ by more than the changes measured here on a shared machine (±15 % between
 * runs); within one JVM two loaders of the same jar still differ by up to ±10 % on some shapes (each
 * loader's classes are compiled separately), so an A/A run alongside shows the floor
 * (backprop-bench/KERNELS.md).
 *
 * <pre>
 * java @jvm.options -cp backprop-bench/target/classes org.backprop.bench.GemmBuildsAb ROUNDS \
 *     base=/tmp/base/backprop-core.jar new=backprop-core/target/backprop-core-0.1.0-SNAPSHOT.jar
 * </pre>
 * System properties: {@code -Dshapes=012345} (indices into the shapes), {@code -Dprecisions=df}
 * (d float64, f float32).
 */
public final class GemmBuildsAb {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] FORMS = {"mult", "multTransA", "multTransB"};
    /** Index into {@link #FORMS} and m, n, k of the shapes of {@link SeedShapesCpuTime}. */
    private static final int[][] SHAPES = {{0, 500, 128, 100}, {0, 500, 256, 128}, {1, 128, 256, 500},
        {2, 500, 128, 256}, {1, 100, 128, 500}, {0, 1024, 1024, 1024}};
    private static final int WARM_UP_ROUNDS = 2;
    private static final int BATCHES = 3;

    private GemmBuildsAb() {
    }

    /** One build: its double and float kernels and their three product methods, found reflectively. */
    private record Build(String name, Object doubleKernel, Object floatKernel, Method[] doubleForms,
                         Method[] floatForms) {
        static Build load(String name, String jar) throws ReflectiveOperationException, MalformedURLException {
            URLClassLoader loader = new URLClassLoader(new URL[] {new File(jar).toURI().toURL()},
                    GemmBuildsAb.class.getClassLoader().getParent());
            Class<?> kernels = loader.loadClass("org.backprop.kernel.Kernels");
            Class<?> gemm = loader.loadClass("org.backprop.kernel.Gemm");
            Class<?> floatGemm = loader.loadClass("org.backprop.kernel.FloatGemm");
            Method[] d = new Method[FORMS.length];
            Method[] f = new Method[FORMS.length];
            for (int i = 0; i < FORMS.length; i++) {
                d[i] = gemm.getMethod(FORMS[i], int.class, int.class, int.class, double[].class, int.class,
                        double[].class, int.class, double[].class, int.class, boolean.class);
                f[i] = floatGemm.getMethod(FORMS[i], int.class, int.class, int.class, float[].class, int.class,
                        float[].class, int.class, float[].class, int.class, boolean.class);
            }
            return new Build(name, kernels.getMethod("create", int.class).invoke(null, 1),
                    kernels.getMethod("createFloat", int.class).invoke(null, 1), d, f);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: GemmBuildsAb ROUNDS name=backprop-core.jar name=backprop-core.jar ...");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[0]);
        Build[] builds = new Build[args.length - 1];
        for (int j = 0; j < builds.length; j++) {
            String[] nameJar = args[j + 1].split("=", 2);
            builds[j] = Build.load(nameJar[0], nameJar[1]);
        }
        String shapes = System.getProperty("shapes", "012345");
        String precisions = System.getProperty("precisions", "df");
        SeedShapesCpuTime.Operands x = SeedShapesCpuTime.Operands.random();
        System.out.println("jdk " + Runtime.version() + ", one thread, thread CPU time, " + rounds + " rounds");
        for (char precision : precisions.toCharArray()) {
            boolean isDouble = precision == 'd';
            for (int s = 0; s < SHAPES.length; s++) {
                if (shapes.indexOf((char) ('0' + s)) < 0) {
                    continue;
                }
                int form = SHAPES[s][0];
                int m = SHAPES[s][1];
                int n = SHAPES[s][2];
                int k = SHAPES[s][3];
                Object[] callArgs = isDouble ? new Object[] {m, n, k, x.a(), 0, x.b(), 0, x.c(), 0, false}
                        : new Object[] {m, n, k, x.af(), 0, x.bf(), 0, x.cf(), 0, false};
                int calls = (int) Math.max(3, 3e7 / ((double) m * n * k));
                double[][] gflops = new double[builds.length][rounds];
                for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
                    for (int jj = 0; jj < builds.length; jj++) {
                        int j = (round & 1) == 0 ? jj : builds.length - 1 - jj;
                        Build build = builds[j];
                        Object kernel = isDouble ? build.doubleKernel() : build.floatKernel();
                        Method method = isDouble ? build.doubleForms()[form] : build.floatForms()[form];
                        long best = Long.MAX_VALUE;
                        for (int batch = 0; batch < BATCHES; batch++) {
                            long start = THREADS.getCurrentThreadCpuTime();
                            for (int i = 0; i < calls; i++) {
                                method.invoke(kernel, callArgs);
                            }
                            best = Math.min(best, THREADS.getCurrentThreadCpuTime() - start);
                        }
                        if (round >= 0) {
                            gflops[j][round] = 2.0 * m * n * k * calls / best;
                        }
                    }
                }
                System.out.println(line(isDouble, FORMS[form], m, n, k, builds, gflops, rounds));
            }
        }
    }

    private static String line(boolean isDouble, String form, int m, int n, int k, Build[] builds, double[][] gflops,
                               int rounds) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s %-10s %4d×%4d k %4d",
                isDouble ? "float64" : "float32", form, m, n, k));
        for (int j = 0; j < builds.length; j++) {
            double[] sorted = gflops[j].clone();
            Arrays.sort(sorted);
            sb.append(String.format(Locale.ROOT, " | %s %5.1f (best %5.1f)", builds[j].name(),
                    sorted[rounds / 2], sorted[rounds - 1]));
        }
        for (int j = 1; j < builds.length; j++) {
            double[] ratio = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                ratio[i] = gflops[j][i] / gflops[0][i];
            }
            Arrays.sort(ratio);
            sb.append(String.format(Locale.ROOT, " | %s/%s %.3f (%.2f–%.2f)", builds[j].name(), builds[0].name(),
                    ratio[rounds / 2], ratio[0], ratio[rounds - 1]));
        }
        return sb.toString();
    }
}
