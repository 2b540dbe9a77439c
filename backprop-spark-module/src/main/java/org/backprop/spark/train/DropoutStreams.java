package org.backprop.spark.train;

import java.util.LinkedHashMap;
import java.util.Map;

import org.backprop.layer.DropoutSpec;
import org.backprop.layer.LayerSpec;
import org.backprop.network.NetworkSpec;
import org.backprop.random.RandomSource;
import org.backprop.random.SeedStreams;

/**
 * The dropout masks of each partition: partition 0 draws from the root seed's "dropout" stream
 * (so P = 1 draws exactly the local trainer's masks) and partition p &gt; 0 from "dropout-p". A
 * training forward of n rows draws n·D values, D the summed width of the network's dropout layers,
 * and each epoch uses every row of the partition once, so at step t of epoch e partition p's stream
 * stands at D·(e·n<sub>p</sub> + first position of its slice): a pure function of the plan.
 *
 * <p>Each JVM memoizes the latest position per (seed, partition), so a step only continues the
 * stream; a task that lands on a JVM without the memo (a new or replacement executor, an earlier
 * step) replays the stream from the start up to its position.
 */
final class DropoutStreams {
    private static final int MEMO_ENTRIES = 256;
    private static final Map<Key, Positioned> MEMO = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Positioned> eldest) {
            return size() > MEMO_ENTRIES;
        }
    };

    private record Key(long seed, int partition) {
    }

    private DropoutStreams() {
    }

    /** The name of partition p's dropout stream. */
    static String streamName(int partition) {
        return partition == 0 ? "dropout" : "dropout-" + partition;
    }

    /** D: values a training forward draws per row (0 for a network without dropout). */
    static long drawsPerRow(NetworkSpec spec) {
        int[] widths = spec.widths();
        long draws = 0;
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layer = spec.layers().get(i);
            if (layer instanceof DropoutSpec) {
                draws += widths[i];
            }
        }
        return draws;
    }

    /**
     * Partition {@code partition}'s stream standing at {@code position} draws. The caller must hold
     * it for one task at a time (a partition's steps run one after another).
     */
    static RandomSource at(long seed, int partition, long position) {
        Positioned stream;
        synchronized (MEMO) {
            stream = MEMO.computeIfAbsent(new Key(seed, partition), k -> new Positioned(k));
        }
        stream.moveTo(position);
        return stream;
    }

    /** A stream that counts its draws and can be moved forward (or replayed) to a position. */
    private static final class Positioned implements RandomSource {
        private final Key key;
        private RandomSource stream;
        private long drawn;

        Positioned(Key key) {
            this.key = key;
        }

        synchronized void moveTo(long position) {
            if (stream == null || drawn > position) {
                stream = new SeedStreams(key.seed()).stream(streamName(key.partition()));
                drawn = 0;
            }
            for (; drawn < position; drawn++) {
                stream.nextDouble();
            }
        }

        @Override
        public synchronized double nextDouble() {
            drawn++;
            return stream.nextDouble();
        }

        @Override
        public int nextInt(int bound) {
            throw new UnsupportedOperationException("dropout masks draw only nextDouble");
        }

        @Override
        public double nextGaussian() {
            throw new UnsupportedOperationException("dropout masks draw only nextDouble");
        }
    }
}
