package org.backprop.spark.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.backprop.random.RandomSource;
import org.backprop.random.SeedStreams;

/**
 * The row order of one partition in one epoch: identity, then shuffled from the partition's own
 * named seed stream, which continues from epoch to epoch exactly as the local trainer's "shuffle"
 * stream does. Partition 0 uses the stream "shuffle" (so P = 1 reproduces the local trainer) and
 * partition p &gt; 0 the stream "shuffle-p".
 *
 * <p>The order is a pure function of (seed, partition, rows, epoch). Each JVM memoizes the latest
 * order per partition, so a step costs only a copy of its slice; a task that lands on a JVM without
 * the memo (a new or replacement executor, an earlier epoch) replays the stream from epoch 0.
 */
public final class ShuffleOrders {
    private static final int MEMO_ENTRIES = 256;
    private static final Map<Key, Entry> MEMO = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > MEMO_ENTRIES;
        }
    };

    private record Key(long seed, boolean shuffle, int partition, int rows) {
    }

    private ShuffleOrders() {
    }

    /** The name of partition p's shuffle stream. */
    public static String streamName(int partition) {
        return partition == 0 ? "shuffle" : "shuffle-" + partition;
    }

    /**
     * Positions [from, to) of partition {@code partition}'s order in {@code epoch} (a copy).
     *
     * @param shuffle false keeps the identity order every epoch
     */
    public static int[] slice(long seed, boolean shuffle, int partition, int rows, int epoch, int from, int to) {
        Entry entry;
        synchronized (MEMO) {
            entry = MEMO.computeIfAbsent(new Key(seed, shuffle, partition, rows), k -> new Entry(k));
        }
        synchronized (entry) {
            return Arrays.copyOfRange(entry.orderAt(epoch), from, to);
        }
    }

    /** The replayable state of one partition's stream. */
    private static final class Entry {
        private final Key key;
        private final int[] order;
        private RandomSource stream;
        private int epoch = -1;

        Entry(Key key) {
            this.key = key;
            this.order = new int[key.rows()];
        }

        int[] orderAt(int target) {
            if (target < epoch || stream == null) {
                stream = new SeedStreams(key.seed()).stream(streamName(key.partition()));
                epoch = -1;
            }
            while (epoch < target) {
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                if (key.shuffle()) {
                    stream.shuffle(order);
                }
                epoch++;
            }
            return order;
        }
    }
}
