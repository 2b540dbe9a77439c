package org.backprop.spark.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A {@link GradientShare} as the {@code String} message {@link org.apache.spark.BarrierTaskContext#allGather}
 * carries, exactly: the share's bytes (partition, rows, mass, loss, the sender's previous
 * {@code allGather} time for {@link BarrierTimes}, then the gradient's IEEE-754 bits), written one of
 * two ways:
 *
 * <ul>
 *   <li>{@link Form#BYTES}, for one JVM ({@code local[N]}): one ISO-8859-1 character per byte. Java
 *       stores such a string as those very bytes, so encoding and decoding are array copies, and Spark
 *       passes the string to the other tasks by reference.</li>
 *   <li>{@link Form#BASE64}, between JVMs: Base64 (4 ASCII characters per 3 bytes). Spark sends the
 *       messages Java-serialized, which writes a character 0x01–0x7F as one byte on a fast path but
 *       0x00 and 0x80–0xFF as two on a slow one: in a loaded local-cluster probe a 370,000-character
 *       string of random bytes took 36–70 ms a round trip, one of ASCII characters 10–19 ms
 *       (SPARK.md, per-step overhead).</li>
 * </ul>
 */
final class ShareMessages {
    private static final int HEADER = 4 + 4 + 8 + 8 + 8;

    /** How a message writes its bytes as characters. */
    enum Form {
        /** One ISO-8859-1 character per byte: for tasks in one JVM. */
        BYTES,
        /** Base64: for tasks in different JVMs. */
        BASE64
    }

    /**
     * A decoded message.
     *
     * @param share               the sender's gradient share
     * @param previousGatherNanos how long the sender's previous {@code allGather} took (0 before its first)
     */
    record Received(GradientShare share, long previousGatherNanos) {
    }

    private ShareMessages() {
    }

    /** @param previousGatherNanos how long the sender's previous {@code allGather} took (0 before its first) */
    static String encode(GradientShare share, long previousGatherNanos, Form form) {
        double[] g = share.gradient();
        ByteBuffer bytes = ByteBuffer.allocate(HEADER + (g == null ? 0 : 8 * g.length))
                .order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(share.partition()).putInt(share.rows()).putDouble(share.mass()).putDouble(share.loss())
                .putLong(previousGatherNanos);
        if (g != null) {
            bytes.asDoubleBuffer().put(g);
        }
        byte[] written = form == Form.BYTES ? bytes.array() : Base64.getEncoder().encode(bytes.array());
        return new String(written, StandardCharsets.ISO_8859_1);
    }

    static Received decode(String message, Form form) {
        byte[] read = form == Form.BYTES ? message.getBytes(StandardCharsets.ISO_8859_1)
                : Base64.getDecoder().decode(message);
        ByteBuffer bytes = ByteBuffer.wrap(read).order(ByteOrder.LITTLE_ENDIAN);
        int partition = bytes.getInt();
        int rows = bytes.getInt();
        double mass = bytes.getDouble();
        double loss = bytes.getDouble();
        long previousGatherNanos = bytes.getLong();
        if (rows == 0) {
            return new Received(GradientShare.empty(partition), previousGatherNanos);
        }
        double[] g = new double[bytes.remaining() / 8];
        bytes.asDoubleBuffer().get(g);
        return new Received(new GradientShare(partition, rows, mass, loss, g), previousGatherNanos);
    }
}
