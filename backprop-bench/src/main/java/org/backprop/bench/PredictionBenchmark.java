package org.backprop.bench;

import java.util.concurrent.TimeUnit;

import org.backprop.kernel.Precision;
import org.backprop.network.NeuralNetwork;
import org.backprop.network.Predictor;
import org.backprop.tensor.Matrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Prediction with a {@link Predictor}: one row into a caller-supplied buffer (latency: JMH's
 * sample mode reports p50 and p99; add {@code -prof gc} for bytes per call), and batches of 1,000
 * and 100,000 rows (throughput in rows per second, via {@code @OperationsPerInvocation}). Run:
 * {@code java -jar backprop-bench/target/benchmarks.jar PredictionBenchmark -prof gc}. The
 * side-by-side comparison with PyTorch is {@code backprop-bench/compare-prediction.sh}.
 */
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class PredictionBenchmark {

    @Param({"seed", "tabular"})
    public String network;

    @Param({"float64", "float32"})
    public String dtype;

    @Param({"1", "2"})
    public int threads;

    private NeuralNetwork net;
    private Predictor predictor;
    private double[] row;
    private double[] out;
    private Matrix batch1k;
    private Matrix out1k;
    private Matrix batch100k;
    private Matrix out100k;

    @Setup
    public void setUp() {
        PredictionNetworks shape = PredictionNetworks.valueOf(network.toUpperCase(java.util.Locale.ROOT));
        net = shape.build(Precision.parse(dtype), threads);
        predictor = Predictor.of(net, threads, Predictor.DEFAULT_CHUNK_ROWS);
        row = shape.rows(1).toArray();
        out = new double[1];
        batch1k = shape.rows(1_000);
        out1k = Matrix.zeros(1_000, 1);
        batch100k = shape.rows(100_000);
        out100k = Matrix.zeros(100_000, 1);
    }

    @TearDown
    public void tearDown() {
        predictor.close();
        net.close();
    }

    /** One row, one output, no allocation. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double[] oneRow() {
        predictor.predictRow(row, out);
        return out;
    }

    /** 1,000 rows; the score is rows per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(1_000)
    public Matrix batch1000() {
        predictor.predict(batch1k, out1k);
        return out1k;
    }

    /** 100,000 rows; the score is rows per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(100_000)
    public Matrix batch100000() {
        predictor.predict(batch100k, out100k);
        return out100k;
    }
}
