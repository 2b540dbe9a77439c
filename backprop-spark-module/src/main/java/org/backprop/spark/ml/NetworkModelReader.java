package org.backprop.spark.ml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.BiFunction;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.backprop.spark.score.ModelBytes;

import scala.Option;

/**
 * Loads a model directory written by {@link NetworkModelWriter}: the model file from
 * {@code data/model.safetensors}, then the params from {@code metadata/}.
 *
 * @param <M> the model class
 */
final class NetworkModelReader<M extends Params> extends MLReader<M> {
    private final Class<M> type;
    private final BiFunction<String, ModelBytes, M> create;

    /** @param create makes the model from its uid and the model file's content */
    NetworkModelReader(Class<M> type, BiFunction<String, ModelBytes, M> create) {
        this.type = type;
        this.create = create;
    }

    @Override
    public M load(String path) {
        DefaultParamsReader.Metadata metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, sparkSession(),
                type.getName());
        ModelBytes loaded;
        try {
            java.nio.file.Path dir = Files.createTempDirectory("backprop-model");
            java.nio.file.Path local = dir.resolve(NetworkModelWriter.MODEL_FILE);
            try {
                Path remote = NetworkModelWriter.modelFile(path);
                FileSystem fs = remote.getFileSystem(sc().hadoopConfiguration());
                fs.copyToLocalFile(false, remote, new Path(local.toUri()), true);
                loaded = ModelBytes.read(local);
            } finally {
                Files.deleteIfExists(local);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model file of " + path + ": " + e.getMessage(), e);
        }
        M model = create.apply(metadata.uid(), loaded);
        metadata.getAndSetParams(model, Option.empty());
        return model;
    }
}
