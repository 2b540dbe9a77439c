package org.backprop.cli;

import java.nio.file.Path;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code --data FILE} and {@code --separator} options shared by the commands that read a CSV file. */
final class DataOption {
    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV file with a header row (comma-separated unless --separator says otherwise, UTF-8).")
    Path file;

    @Mixin
    SeparatorOption separator;
}
