package org.backprop.spark.train;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.spark.BarrierTaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.backprop.spark.FakeSparkHome;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;

/**
 * Benchmark (not a test): the share exchange of a barrier step alone, for a gradient share of the seed
 * network (46,209 doubles), through {@code allGather} in both {@link ShareMessages.Form}s ({@link GatherExchange})
 * and over the tasks' own sockets ({@link SocketExchange}), alternated {@code rounds} times in one session:
 * P tasks in a barrier stage each exchange 40 shares (encoding and decoding included);
 * prints the median and least ms of the last 30 per task. Run with
 * {@code backprop-spark-module/gather-bench.sh MASTER P [ROUNDS]}.
 */
public final class GatherBench {
    private static final int PARAMETERS = 46_209;
    private static final int EXCHANGES = 40;

    private GatherBench() {
    }

    public static void main(String[] args) throws Exception {
        String master = args.length > 0 ? args[0] : "local-cluster[2,1,1024]";
        int p = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        SparkSession.Builder builder = SparkSession.builder().master(master).appName("backprop-gather-bench")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1");
        if (master.startsWith("local-cluster")) {
            builder.config("spark.executor.extraClassPath", FakeSparkHome.build(Path.of(System.getenv("SPARK_HOME"))));
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            ids.add(i);
        }
        JavaRDD<Integer> tasks = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(ids, p);
        for (int r = 0; r < rounds; r++) {
            for (String form : List.of("BYTES", "BASE64", "SOCKETS")) {
                List<String> lines = tasks.rdd().barrier().mapPartitions(new Exchanges(form), false,
                        ClassTag$.MODULE$.apply(String.class)).toJavaRDD().collect();
                for (String line : lines) {
                    System.out.printf(Locale.ROOT, "RESULT,master=%s,P=%d,round=%d,form=%s,%s%n", master, p, r, form,
                            line);
                }
            }
        }
        spark.stop();
    }

    /** One task: {@value #EXCHANGES} exchanges of a share of {@value #PARAMETERS} random doubles. */
    private static final class Exchanges extends AbstractFunction1<Iterator<Integer>, Iterator<String>>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        /** A {@link ShareMessages.Form} name ({@link GatherExchange}) or SOCKETS ({@link SocketExchange}). */
        private final String form;

        Exchanges(String form) {
            this.form = form;
        }

        @Override
        public Iterator<String> apply(Iterator<Integer> ignored) {
            BarrierTaskContext context = BarrierTaskContext.get();
            Random random = new Random(context.partitionId());
            double[] g = new double[PARAMETERS];
            for (int k = 0; k < g.length; k++) {
                g[k] = random.nextGaussian() * 1e-3;
            }
            GradientShare share = new GradientShare(context.partitionId(), 5, 5, 1, g);
            double[] ms = new double[EXCHANGES];
            try (GatherWaker waker = new GatherWaker("backprop-gather-bench-waker");
                 ShareExchange exchange = form.equals("SOCKETS")
                         ? SocketExchange.open(context, waker, ShareMessages.Form.BASE64, PARAMETERS, 120_000)
                         : new GatherExchange(context, waker, ShareMessages.Form.valueOf(form))) {
                for (int k = 0; k < ms.length; k++) {
                    long t0 = System.nanoTime();
                    exchange.exchange(share);
                    ms[k] = (System.nanoTime() - t0) / 1e6;
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            double[] tail = Arrays.copyOfRange(ms, EXCHANGES / 4, EXCHANGES);
            Arrays.sort(tail);
            String line = String.format(Locale.ROOT, "task=%d,median_ms=%.2f,least_ms=%.2f", context.partitionId(),
                    tail[tail.length / 2], tail[0]);
            return CollectionConverters.asScala(List.of(line).iterator());
        }
    }
}
