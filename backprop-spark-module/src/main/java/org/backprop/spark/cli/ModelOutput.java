package org.backprop.spark.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.backprop.cli.CommandFiles;
import org.backprop.cli.ExitCodes;
import org.backprop.cli.UserError;
import org.backprop.io.model.Model;
import org.backprop.io.model.ModelFile;

/**
 * Where {@code backprop-spark train --out} writes the model: a local path (plain or {@code file:}),
 * checked and written by the CLI's own safe-output code; or any other URI Hadoop's FileSystem
 * knows ({@code hdfs://}, {@code s3a://}), written to a temporary name beside the target and renamed
 * (atomic on HDFS; on object stores the last step is a copy, as those stores allow).
 */
final class ModelOutput {
    private final Path local;
    private final org.apache.hadoop.fs.Path remote;
    private final Configuration conf;

    private ModelOutput(Path local, org.apache.hadoop.fs.Path remote, Configuration conf) {
        this.local = local;
        this.remote = remote;
        this.conf = conf;
    }

    /** The output {@code location}, checked before training: a writable directory, not a directory itself. */
    static ModelOutput check(String location, Configuration conf) {
        URI uri = uri(location);
        if (uri == null || uri.getScheme() == null || uri.getScheme().length() == 1 || "file".equals(uri.getScheme())) {
            Path path = uri != null && "file".equals(uri.getScheme()) ? Path.of(uri) : Path.of(location);
            new CommandFiles().output("--out", path).check();
            return new ModelOutput(path, null, conf);
        }
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(uri);
        try {
            FileSystem fs = target.getFileSystem(conf);
            if (fs.exists(target) && fs.getFileStatus(target).isDirectory()) {
                throw new UserError(ExitCodes.IO, "--out " + location + " is a directory");
            }
            org.apache.hadoop.fs.Path parent = target.getParent();
            if (parent != null && !fs.exists(parent)) {
                throw new UserError(ExitCodes.IO, "--out " + location + ": no such directory " + parent);
            }
        } catch (IOException e) {
            throw new UserError(ExitCodes.IO, "--out " + location + ": " + e.getMessage(), e);
        }
        return new ModelOutput(null, target, conf);
    }

    /** Writes {@code model} (after training; nothing half-written is left at the target). */
    void save(Model model) {
        try {
            if (local != null) {
                ModelFile.save(local, model);
                return;
            }
            Path temp = Files.createTempFile("backprop-model", ".safetensors");
            try {
                ModelFile.save(temp, model);
                FileSystem fs = remote.getFileSystem(conf);
                org.apache.hadoop.fs.Path part = new org.apache.hadoop.fs.Path(remote.getParent(),
                        "." + remote.getName() + ".tmp-" + System.nanoTime());
                fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(temp.toUri()), part);
                if (fs.exists(remote)) {
                    fs.delete(remote, false);
                }
                if (!fs.rename(part, remote)) {
                    fs.delete(part, false);
                    throw new IOException("rename of " + part + " to " + remote + " failed");
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UserError(ExitCodes.IO, "cannot write model " + this + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return local != null ? local.toString() : remote.toString();
    }

    private static URI uri(String location) {
        try {
            return new URI(location);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
