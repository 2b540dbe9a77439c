package org.backprop.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The {@code --model MODEL} option shared by the commands that use a trained model. */
final class ModelOption {
    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "Model file written by 'backprop train'.")
    Path file;
}
