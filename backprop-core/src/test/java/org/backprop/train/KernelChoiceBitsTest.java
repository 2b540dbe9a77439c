package org.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;
import org.backprop.kernel.Precision;
import org.backprop.testing.ChildJvm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same training gives the same bits on the vector kernels (the suite runs with
 * {@code --add-modules jdk.incubator.vector}) and on the scalar ones, chosen in this JVM or by a JVM
 * without the module, in float64 and float32 (README, "Determinism").
 */
class KernelChoiceBitsTest {

    @ParameterizedTest
    @EnumSource(Precision.class)
    void scalarAndVectorKernelsTrainToTheSameBits(Precision precision) throws Exception {
        assertTrue(Kernels.vectorAvailable(), "the suite runs with the Vector API");
        String vector;
        try (Gemm gemm = Kernels.create(2, precision)) {
            vector = KernelChoiceProbe.bits(KernelChoiceProbe.train(gemm, precision));
        }
        try (Gemm gemm = Kernels.scalar(2, precision)) {
            assertEquals(vector, KernelChoiceProbe.bits(KernelChoiceProbe.train(gemm, precision)),
                    precision + ": scalar kernels in this JVM");
        }
        List<String> lines = ChildJvm.run(List.of("-Xss4m"), KernelChoiceProbe.class, precision.name());
        assertTrue(lines.contains("kernel " + describeScalar(precision)), String.join("\n", lines));
        assertTrue(lines.contains("bits " + vector), precision + ": a JVM without jdk.incubator.vector");
    }

    private static String describeScalar(Precision precision) {
        try (Gemm gemm = Kernels.scalar(2, precision)) {
            return gemm.describe();
        }
    }
}
