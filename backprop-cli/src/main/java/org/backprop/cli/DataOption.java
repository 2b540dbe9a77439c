package org.backprop.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The {@code --data FILE} option shared by the commands that read a CSV file. */
final class DataOption {
    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV file with a header row (comma-separated, UTF-8).")
    Path file;
}
