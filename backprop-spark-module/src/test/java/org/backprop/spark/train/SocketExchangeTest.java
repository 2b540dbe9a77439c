package org.backprop.spark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.BarrierTaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.backprop.spark.SparkSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;

/**
 * The tasks of a real barrier stage ({@code local[2]}) connect to each other ({@link SocketExchange}
 * is what {@code open} returns, not the {@code allGather} fallback) and every step hand each other
 * their shares bit for bit (signed zero, subnormals, infinities, NaN payloads), an empty share
 * included; a peer that closes its connection fails the waiting task with an I/O error naming the
 * peer; and {@code host} reads the host of Spark's task addresses.
 */
class SocketExchangeTest {
    private static final double[] AWKWARD = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_NORMAL, Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.longBitsToDouble(0x7ff0000000000123L), 1.0 / 3,
            -123456.789e-200};
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void tasksExchangeEveryBitOverTheirConnections() {
        List<String> lines = run(new Steps(false));
        assertEquals(List.of("task 0: sockets, 3 steps exact", "task 1: sockets, 3 steps exact"), lines);
    }

    @Test
    void aPeerThatClosesItsConnectionFailsTheWaitingTask() {
        List<String> lines = run(new Steps(true));
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("task 0 failed: java.io.EOFException: barrier task 0: a peer closed its"
                + " connection while sending shares (task 1, 127.0.0.1:"), lines.get(0));
    }

    @Test
    void hostOfSparksTaskAddresses() {
        assertEquals("127.0.0.1", SocketExchange.host("127.0.0.1:35123"));
        assertEquals("executor-7.example.org", SocketExchange.host("executor-7.example.org:7077"));
        assertEquals("::1", SocketExchange.host("[::1]:35123"));
        assertEquals("worker", SocketExchange.host("worker"));
    }

    private static List<String> run(Steps steps) {
        JavaRDD<Integer> tasks = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(List.of(0, 1), 2);
        return tasks.rdd().barrier().mapPartitions(steps, false, ClassTag$.MODULE$.apply(String.class)).toJavaRDD()
                .collect();
    }

    /** A share of task p at step s: AWKWARD scaled per task and step (its bits known to every task). */
    private static GradientShare share(int p, int s) {
        if (p == 1 && s == 1) {
            return GradientShare.empty(1);
        }
        double[] g = AWKWARD.clone();
        g[8] = (p + 1) * (s + 1) / 7.0;
        return new GradientShare(p, 3 + p, 3.5 + p, s - 0.25, g);
    }

    /** Each task opens the exchange and runs 3 steps, or (closing) task 1 leaves at once. */
    private static final class Steps extends AbstractFunction1<Iterator<Integer>, Iterator<String>>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final boolean peerCloses;

        Steps(boolean peerCloses) {
            this.peerCloses = peerCloses;
        }

        @Override
        public Iterator<String> apply(Iterator<Integer> ignored) {
            BarrierTaskContext context = BarrierTaskContext.get();
            int me = context.partitionId();
            List<String> lines = new ArrayList<>();
            try (GatherWaker waker = new GatherWaker("socket-exchange-test-" + me);
                 ShareExchange exchange = SocketExchange.open(context, waker, ShareMessages.Form.BYTES,
                         AWKWARD.length, 20_000)) {
                if (peerCloses && me == 1) {
                    return CollectionConverters.asScala(lines.iterator());
                }
                boolean exact = true;
                for (int s = 0; s < 3; s++) {
                    ShareExchange.Round round = exchange.exchange(share(me, s));
                    for (int p = 0; p < 2; p++) {
                        exact &= same(share(p, s), round.shares().get(p));
                    }
                }
                lines.add("task " + me + ": " + (exchange instanceof SocketExchange ? "sockets" : "allGather") + ", 3 steps "
                        + (exact ? "exact" : "NOT exact"));
            } catch (IOException e) {
                lines.add("task " + me + " failed: " + e);
            }
            return CollectionConverters.asScala(lines.iterator());
        }

        private static boolean same(GradientShare expected, GradientShare got) {
            boolean header = expected.partition() == got.partition() && expected.rows() == got.rows()
                    && Double.compare(expected.mass(), got.mass()) == 0
                    && Double.compare(expected.loss(), got.loss()) == 0;
            if (expected.gradient() == null || got.gradient() == null) {
                return header && expected.gradient() == got.gradient();
            }
            long[] a = Arrays.stream(expected.gradient()).mapToLong(Double::doubleToRawLongBits).toArray();
            long[] b = Arrays.stream(got.gradient()).mapToLong(Double::doubleToRawLongBits).toArray();
            return header && Arrays.equals(a, b);
        }
    }
}
