package org.backprop.spark.train;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.BarrierTaskContext;
import org.apache.spark.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares exchanged over direct TCP connections between the P tasks of a barrier stage, the way
 * Spark's barrier execution mode is meant to be used (Horovod-on-Spark, XGBoost's Rabit): at the
 * stage's start every task listens on an ephemeral port of the host Spark runs its executor on
 * ({@link BarrierTaskContext#getTaskInfos()}), one {@code allGather} tells every task the others'
 * {@code host:port}, and each pair of tasks connects once (the higher partition to the lower). Each
 * step every task then writes its share to each peer and reads theirs, all at once on non-blocking
 * channels (one {@link Selector}), so no pair waits on the other's buffer. A share travels as raw
 * little-endian bytes: a {@value #HEADER}-byte header (partition, rows, mass, loss, the sender's
 * previous transfer time for {@link BarrierTimes}, the number of doubles) and the gradient's IEEE-754
 * bits, so the sum ({@link OrderedSum}) sees the very values its senders computed.
 *
 * <p>Failure: a peer that closes its connection, sends a malformed frame or sends nothing for
 * {@code timeoutMillis} (Spark's {@code spark.network.timeout}), or Spark killing the task (an
 * interrupt, or its kill flag, looked at twice a second while waiting), throws {@link IOException}; the task fails and Spark reruns the whole barrier stage
 * (a lost executor's sockets are closed by its operating system, so its peers fail at once). If a
 * task cannot open its listening socket it says so in the address exchange and every task of the
 * stage falls back to {@link GatherExchange}; all tasks read the same addresses, so they agree.
 */
final class SocketExchange implements ShareExchange {
    private static final Logger LOG = LoggerFactory.getLogger(SocketExchange.class);
    /** partition, rows, mass, loss, previous transfer nanos, number of doubles. */
    static final int HEADER = 4 + 4 + 8 + 8 + 8 + 4;
    private static final int SOCKET_BUFFER_BYTES = 4 << 20;
    private static final String NO_SOCKET = "-";
    private static final long KILL_CHECK_MILLIS = 500;
    private final TaskContext context;
    private final int me;
    private final int parameters;
    private final String[] addresses;
    private final SocketChannel[] peers;
    private final Selector selector;
    private final long timeoutMillis;
    private final ByteBuffer out;
    private final ByteBuffer[] outs;
    private final ByteBuffer[] ins;
    private long previousTransfer;

    private SocketExchange(TaskContext context, int me, int parameters, String[] addresses, SocketChannel[] peers,
                           Selector selector, long timeoutMillis) {
        this.context = context;
        this.me = me;
        this.parameters = parameters;
        this.addresses = addresses;
        this.peers = peers;
        this.selector = selector;
        this.timeoutMillis = timeoutMillis;
        int frame = HEADER + 8 * parameters;
        out = ByteBuffer.allocateDirect(frame).order(ByteOrder.LITTLE_ENDIAN);
        outs = new ByteBuffer[peers.length];
        ins = new ByteBuffer[peers.length];
        for (int q = 0; q < peers.length; q++) {
            if (q != me) {
                outs[q] = out.duplicate();
                ins[q] = ByteBuffer.allocateDirect(frame).order(ByteOrder.LITTLE_ENDIAN);
            }
        }
    }

    /**
     * Connects the calling task to the stage's other tasks (every task of the stage must call this
     * at the same point), or returns a {@link GatherExchange} for the whole stage if some task could
     * not listen on a socket.
     *
     * @param waker         the task thread's waker, for the one {@code allGather} of the addresses
     * @param fallback      the {@code allGather} message form should the stage fall back
     * @param parameters    |θ|: doubles in a share
     * @param timeoutMillis longest wait for a peer's connection or share
     * @throws IOException if a peer cannot be connected to or does not connect in time
     */
    static ShareExchange open(BarrierTaskContext context, GatherWaker waker, ShareMessages.Form fallback,
                              int parameters, long timeoutMillis) throws IOException {
        int me = context.partitionId();
        int parts = context.numPartitions();
        String host = "its executor's host";
        ServerSocketChannel server = null;
        String announced;
        try {
            host = host(context.getTaskInfos()[me].address());
            server = ServerSocketChannel.open();
            server.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
            server.bind(new InetSocketAddress(host, 0), parts);
            announced = host + ":" + ((InetSocketAddress) server.getLocalAddress()).getPort();
        } catch (IOException | RuntimeException e) {
            closeQuietly(server);
            server = null;
            announced = NO_SOCKET + "task " + me + " cannot listen on " + host + " (" + e + ")";
        }
        SocketChannel[] peers = new SocketChannel[parts];
        Selector selector = null;
        boolean connected = false;
        try {
            String[] addresses = waker.allGather(context, announced);
            for (String address : addresses) {
                if (address.startsWith(NO_SOCKET)) {
                    LOG.warn("{}: this barrier stage exchanges its shares through allGather",
                            address.substring(NO_SOCKET.length()));
                    return new GatherExchange(context, waker, fallback);
                }
            }
            selector = Selector.open();
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
            for (int q = 0; q < me; q++) {
                peers[q] = connect(me, q, addresses[q], timeoutMillis);
                peers[q].configureBlocking(false);
                peers[q].register(selector, 0);
            }
            accept(server, selector, context, me, parts, peers, addresses, deadline);
            connected = true;
            return new SocketExchange(context, me, parameters, addresses, peers, selector, timeoutMillis);
        } finally {
            closeQuietly(server);
            if (!connected) {
                for (SocketChannel peer : peers) {
                    closeQuietly(peer);
                }
                closeQuietly(selector);
            }
        }
    }

    /** The host of a {@code host:port} address (an IPv6 literal loses its brackets). */
    static String host(String address) {
        int colon = address.lastIndexOf(':');
        String host = colon > 0 && address.indexOf(']') < colon ? address.substring(0, colon) : address;
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static InetSocketAddress socketAddress(String address) {
        int colon = address.lastIndexOf(':');
        return new InetSocketAddress(host(address), Integer.parseInt(address.substring(colon + 1)));
    }

    /** Connects to a lower partition's task and says who is calling. */
    private static SocketChannel connect(int me, int q, String address, long timeoutMillis) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            configure(channel);
            channel.socket().connect(socketAddress(address), (int) Math.min(Integer.MAX_VALUE, timeoutMillis));
            ByteBuffer hello = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, me);
            while (hello.hasRemaining()) {
                channel.write(hello);
            }
            return channel;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new IOException("barrier task " + me + " cannot connect to task " + q + " at " + address + ": " + e,
                    e);
        }
    }

    /** Accepts the higher partitions' connections and files each under the partition its greeting names. */
    private static void accept(ServerSocketChannel server, Selector selector, TaskContext context, int me, int parts,
                               SocketChannel[] peers, String[] addresses, long deadline) throws IOException {
        int expected = parts - 1 - me;
        if (expected == 0) {
            return;
        }
        server.configureBlocking(false);
        SelectionKey accepting = server.register(selector, SelectionKey.OP_ACCEPT);
        SocketChannel[] accepted = new SocketChannel[expected];
        ByteBuffer[] hellos = new ByteBuffer[expected];
        int count = 0;
        try {
            while (count < expected) {
                SocketChannel channel = server.accept();
                if (channel == null) {
                    await(selector, context, deadline, me, "connections from tasks " + (me + 1) + ".." + (parts - 1));
                    continue;
                }
                configure(channel);
                channel.configureBlocking(false);
                channel.register(selector, 0);
                accepted[count] = channel;
                hellos[count++] = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            }
        } catch (IOException e) {
            for (SocketChannel channel : accepted) {
                closeQuietly(channel);
            }
            throw e;
        } finally {
            accepting.cancel();
        }
        try {
            pump(selector, context, accepted, null, hellos, null, deadline, me, "greetings of tasks " + (me + 1)
                    + ".." + (parts - 1));
            for (int k = 0; k < expected; k++) {
                int q = hellos[k].getInt(0);
                if (q <= me || q >= parts || peers[q] != null) {
                    throw new IOException("barrier task " + me + " at " + addresses[me] + ": a connection greeted as"
                            + " task " + q + ", not one of tasks " + (me + 1) + ".." + (parts - 1));
                }
                peers[q] = accepted[k];
            }
        } catch (IOException e) {
            for (SocketChannel channel : accepted) {
                closeQuietly(channel);
            }
            throw e;
        }
    }

    private static void configure(SocketChannel channel) throws IOException {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER_BYTES);
        channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
    }

    @Override
    public Round exchange(GradientShare mine) throws IOException {
        long t0 = System.nanoTime();
        double[] g = mine.rows() == 0 ? null : mine.gradient();
        int doubles = g == null ? 0 : g.length;
        if (doubles != 0 && doubles != parameters) {
            throw new IllegalArgumentException("a share of " + doubles + " values for " + parameters + " parameters");
        }
        out.clear();
        out.putInt(mine.partition()).putInt(mine.rows()).putDouble(mine.mass()).putDouble(mine.loss())
                .putLong(previousTransfer).putInt(doubles);
        if (g != null) {
            out.asDoubleBuffer().put(g);
        }
        out.limit(HEADER + 8 * doubles);
        for (int q = 0; q < peers.length; q++) {
            if (q != me) {
                outs[q].limit(out.limit()).position(0);
                ins[q].clear().limit(HEADER);
            }
        }
        long t1 = System.nanoTime();
        pump(selector, context, peers, outs, ins, this, System.nanoTime() + timeoutMillis * 1_000_000L, me, "shares");
        long t2 = System.nanoTime();
        List<GradientShare> shares = new ArrayList<>(peers.length);
        long exchange = previousTransfer;
        for (int q = 0; q < peers.length; q++) {
            if (q == me) {
                shares.add(mine);
                continue;
            }
            ByteBuffer in = ins[q];
            int partition = in.getInt(0);
            if (partition != q) {
                throw new IOException("barrier task " + me + ": the connection of task " + q + " (" + addresses[q]
                        + ") carried partition " + partition + "'s share");
            }
            int rows = in.getInt(4);
            exchange = Math.min(exchange, in.getLong(24));
            if (rows == 0) {
                shares.add(GradientShare.empty(q));
                continue;
            }
            double[] received = new double[in.getInt(32)];
            in.position(HEADER);
            in.asDoubleBuffer().get(received);
            shares.add(new GradientShare(q, rows, in.getDouble(8), in.getDouble(16), received));
        }
        long t3 = System.nanoTime();
        previousTransfer = t2 - t1;
        return new Round(shares, t1 - t0, t2 - t1, t3 - t2, exchange);
    }

    /** Checks a share frame's header once it is read and extends the buffer's limit to its doubles. */
    private void framed(int q, ByteBuffer in) throws IOException {
        int doubles = in.getInt(HEADER - 4);
        if (doubles != 0 && doubles != parameters || in.getInt(4) == 0 && doubles != 0) {
            throw new IOException("barrier task " + me + ": task " + q + " (" + addresses[q] + ") sent a share of "
                    + doubles + " values for " + parameters + " parameters");
        }
        in.limit(HEADER + 8 * doubles);
    }

    /**
     * Writes every {@code outs[k]} to {@code channels[k]} and fills every {@code ins[k]} from it, all
     * channels at once, until done; {@code frames} (if not null) extends a share's buffer once its
     * header is in.
     */
    private static void pump(Selector selector, TaskContext context, SocketChannel[] channels, ByteBuffer[] outs,
                             ByteBuffer[] ins, SocketExchange frames, long deadline, int me, String what)
            throws IOException {
        while (true) {
            boolean done = true;
            for (int k = 0; k < channels.length; k++) {
                SocketChannel channel = channels[k];
                if (channel == null) {
                    continue;
                }
                int ops = 0;
                if (outs != null && outs[k].hasRemaining()) {
                    channel.write(outs[k]);
                    ops |= outs[k].hasRemaining() ? SelectionKey.OP_WRITE : 0;
                }
                ByteBuffer in = ins[k];
                if (in.hasRemaining()) {
                    if (channel.read(in) < 0) {
                        throw new EOFException("barrier task " + me + ": a peer closed its connection while sending "
                                + what + (frames == null ? "" : " (task " + k + ", " + frames.addresses[k] + ")"));
                    }
                    if (frames != null && !in.hasRemaining() && in.limit() == HEADER) {
                        frames.framed(k, in);
                    }
                    ops |= in.hasRemaining() ? SelectionKey.OP_READ : 0;
                }
                channel.keyFor(selector).interestOps(ops);
                done &= ops == 0;
            }
            if (done) {
                return;
            }
            await(selector, context, deadline, me, what);
        }
    }

    /** Waits for a ready channel; fails on the deadline or an interrupt (Spark killing the task). */
    private static void await(Selector selector, TaskContext context, long deadline, int me, String what)
            throws IOException {
        if (Thread.currentThread().isInterrupted() || context.isInterrupted()) {
            throw new InterruptedIOException("barrier task " + me + " was killed waiting for " + what + " ("
                    + context.getKillReason().getOrElse(() -> "interrupted") + ")");
        }
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
            throw new SocketTimeoutException("barrier task " + me + " waited longer than spark.network.timeout for "
                    + what);
        }
        // a killed task is not always interrupted: look at the task's state at least every KILL_CHECK_MILLIS
        selector.select(Math.min(left, KILL_CHECK_MILLIS));
        selector.selectedKeys().clear();
    }

    @Override
    public void close() {
        for (SocketChannel peer : peers) {
            closeQuietly(peer);
        }
        closeQuietly(selector);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("closing {}: {}", closeable, e.toString());
        }
    }
}
