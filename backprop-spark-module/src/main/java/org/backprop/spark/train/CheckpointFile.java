package org.backprop.spark.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backprop.optim.OptimizerState;

/**
 * Reads and writes {@link Checkpoint}s in a small binary format (big-endian, magic
 * {@code BPSPARK1}). Writes are atomic: the bytes go to a temporary file in the same directory, are
 * forced to disk, and the file is renamed over the previous checkpoint, so a crash leaves either
 * the old or the new checkpoint, never a torn one.
 */
public final class CheckpointFile {
    /** The checkpoint's file name inside the checkpoint directory. */
    public static final String NAME = "checkpoint.bpck";
    private static final String MAGIC = "BPSPARK1";

    private CheckpointFile() {
    }

    /** The checkpoint file in {@code directory}. */
    public static Path in(Path directory) {
        return directory.resolve(NAME);
    }

    /** Atomically replaces {@code target} with {@code checkpoint}. */
    public static void write(Checkpoint checkpoint, Path target) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, NAME, ".tmp");
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
                writeTo(checkpoint, out);
                out.flush();
                channel.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target, e);
        }
    }

    /** Reads the checkpoint at {@code source}. */
    public static Checkpoint read(Path source) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(source)))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new IllegalArgumentException(source + " is not a backprop-spark checkpoint");
            }
            String fingerprint = in.readUTF();
            long steps = in.readLong();
            int epoch = in.readInt();
            int stepInEpoch = in.readInt();
            int shuffles = in.readInt();
            double lossSum = in.readDouble();
            List<Double> losses = new ArrayList<>();
            for (double v : readDoubles(in)) {
                losses.add(v);
            }
            double[] parameters = readDoubles(in);
            String optimizer = in.readUTF();
            long optimizerStep = in.readLong();
            int buffers = in.readInt();
            Map<String, double[]> state = new LinkedHashMap<>();
            for (int b = 0; b < buffers; b++) {
                state.put(in.readUTF(), readDoubles(in));
            }
            return new Checkpoint(fingerprint, steps, epoch, stepInEpoch, shuffles, lossSum, losses, parameters,
                    new OptimizerState(optimizer, optimizerStep, state));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + source, e);
        }
    }

    private static void writeTo(Checkpoint c, DataOutputStream out) throws IOException {
        out.writeUTF(MAGIC);
        out.writeUTF(c.fingerprint());
        out.writeLong(c.steps());
        out.writeInt(c.epoch());
        out.writeInt(c.stepInEpoch());
        out.writeInt(c.shufflesDrawn());
        out.writeDouble(c.epochLossSum());
        writeDoubles(out, c.epochLosses().stream().mapToDouble(Double::doubleValue).toArray());
        writeDoubles(out, c.parameters());
        out.writeUTF(c.optimizer().optimizer());
        out.writeLong(c.optimizer().step());
        out.writeInt(c.optimizer().buffers().size());
        for (Map.Entry<String, double[]> e : c.optimizer().buffers().entrySet()) {
            out.writeUTF(e.getKey());
            writeDoubles(out, e.getValue());
        }
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeLong(Double.doubleToRawLongBits(v));
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.longBitsToDouble(in.readLong());
        }
        return values;
    }
}
