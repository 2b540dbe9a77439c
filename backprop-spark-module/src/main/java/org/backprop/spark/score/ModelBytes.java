package org.backprop.spark.score;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.backprop.io.model.Model;
import org.backprop.io.model.ModelFile;

/**
 * An io {@link Model} as the bytes of its model file ({@link ModelFile}: safetensors plus
 * metadata, the file {@code backprop predict} reads), so that it travels to executors and inside
 * Spark ML stages. The model file is the one wire format: spec with every hyperparameter, weights,
 * scalers, labels and the stored preprocessing arrive as {@code backprop train} writes them, and
 * io's types need no second, Java-serialized form of a live network.
 */
public final class ModelBytes implements Serializable {
    private static final long serialVersionUID = 1L;
    private final byte[] bytes;

    private ModelBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The model file bytes of {@code model}. */
    public static ModelBytes of(Model model) {
        try {
            Path dir = Files.createTempDirectory("backprop-model");
            Path file = dir.resolve("model.safetensors");
            try {
                ModelFile.save(file, model);
                return new ModelBytes(Files.readAllBytes(file));
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model to memory: " + e.getMessage(), e);
        }
    }

    /** The bytes of the model file {@code file}, checked by loading it once. */
    public static ModelBytes read(Path file) throws IOException {
        ModelBytes read = new ModelBytes(Files.readAllBytes(file));
        try (Model checked = read.load()) {
            return read;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A new model of these bytes, with one kernel thread (close it when done). */
    public Model load() {
        try {
            Path dir = Files.createTempDirectory("backprop-model");
            Path file = dir.resolve("model.safetensors");
            try {
                Files.write(file, bytes);
                return ModelFile.load(file);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a model file from memory: " + e.getMessage(), e);
        }
    }

    /** Writes the model file to {@code file} (replacing it). */
    public void write(Path file) throws IOException {
        Files.write(file, bytes);
    }
}
