package org.backprop.io.safetensors;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Child-process program for {@link CrashDuringSaveTest}: saves version 1, 2, 3, ... of a large model
 * to the same path, printing {@code begin v} before and {@code saved v} after each save, until killed
 * (or for at most a minute, so that an orphan cannot run forever).
 */
public final class RepeatedSaver {
    private RepeatedSaver() {
    }

    /** Arguments: target path, number of doubles in the big tensor. */
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        int size = Integer.parseInt(args[1]);
        long deadline = System.nanoTime() + 60_000_000_000L;
        for (int version = 1; System.nanoTime() < deadline; version++) {
            Map<String, Tensor> model = model(version, size);
            System.out.println("begin " + version);
            System.out.flush();
            SafetensorsWriter.write(target, model, Map.of("version", Integer.toString(version)));
            System.out.println("saved " + version);
            System.out.flush();
        }
    }

    /** Every value of version {@code v} equals {@code v}; the last tensor sits at the end of the file. */
    static Map<String, Tensor> model(int version, int size) {
        double[] big = new double[size];
        Arrays.fill(big, version);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("big", Tensor.f64(big, size));
        tensors.put("last", Tensor.f64(new double[] {version}, 1));
        return tensors;
    }
}
