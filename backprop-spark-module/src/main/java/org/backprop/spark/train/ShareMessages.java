package org.backprop.spark.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A {@link GradientShare} as the {@code String} message {@link org.apache.spark.BarrierTaskContext#allGather}
 * carries, exactly: the share's bytes (partition, rows, mass, loss, then the gradient's IEEE-754
 * bits) as one ISO-8859-1 character per byte. Java stores such a string as those very bytes, so
 * encoding and decoding are array copies, and inside one JVM ({@code local[N]}) Spark passes the
 * string by reference; between JVMs Java serialization writes 1–2 bytes per character.
 */
final class ShareMessages {
    private static final int HEADER = 4 + 4 + 8 + 8;

    private ShareMessages() {
    }

    static String encode(GradientShare share) {
        double[] g = share.gradient();
        ByteBuffer bytes = ByteBuffer.allocate(HEADER + (g == null ? 0 : 8 * g.length))
                .order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(share.partition()).putInt(share.rows()).putDouble(share.mass()).putDouble(share.loss());
        if (g != null) {
            bytes.asDoubleBuffer().put(g);
        }
        return new String(bytes.array(), StandardCharsets.ISO_8859_1);
    }

    static GradientShare decode(String message) {
        ByteBuffer bytes = ByteBuffer.wrap(message.getBytes(StandardCharsets.ISO_8859_1))
                .order(ByteOrder.LITTLE_ENDIAN);
        int partition = bytes.getInt();
        int rows = bytes.getInt();
        double mass = bytes.getDouble();
        double loss = bytes.getDouble();
        if (rows == 0) {
            return GradientShare.empty(partition);
        }
        double[] g = new double[bytes.remaining() / 8];
        bytes.asDoubleBuffer().get(g);
        return new GradientShare(partition, rows, mass, loss, g);
    }
}
