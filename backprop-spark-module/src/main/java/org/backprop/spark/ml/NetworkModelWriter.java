package org.backprop.spark.ml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLWriter;
import org.backprop.spark.score.ModelBytes;

/**
 * Saves a backprop Spark ML model as a directory on any Hadoop file system ({@code file://},
 * {@code hdfs://}, {@code s3a://}…): Spark ML's {@code metadata/} (class, uid, params, as every
 * {@code DefaultParamsWritable} stage) and {@code data/model.safetensors}, the project's model
 * file, which {@code backprop predict/evaluate/inspect} read as it is.
 */
final class NetworkModelWriter extends MLWriter {
    /** The model file's name inside the model directory's {@code data/} folder. */
    static final String MODEL_FILE = "model.safetensors";

    private final Params instance;
    private final ModelBytes file;

    NetworkModelWriter(Params instance, ModelBytes file) {
        this.instance = instance;
        this.file = file;
    }

    /** Where the model file of the model directory {@code path} is. */
    static Path modelFile(String path) {
        return new Path(new Path(path, "data"), MODEL_FILE);
    }

    @Override
    public void saveImpl(String path) {
        DefaultParamsWriter$.MODULE$.saveMetadata(instance, path, sparkSession());
        try {
            java.nio.file.Path dir = Files.createTempDirectory("backprop-model");
            java.nio.file.Path local = dir.resolve(MODEL_FILE);
            try {
                file.write(local);
                Path remote = modelFile(path);
                FileSystem fs = remote.getFileSystem(sc().hadoopConfiguration());
                fs.copyFromLocalFile(false, true, new Path(local.toUri()), remote);
            } finally {
                Files.deleteIfExists(local);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model file of " + path + ": " + e.getMessage(), e);
        }
    }
}
