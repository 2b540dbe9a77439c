package org.backprop.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The {@code --metrics-json FILE} option of train and evaluate. */
final class MetricsJsonOption {
    @Option(names = "--metrics-json", paramLabel = "FILE",
            description = "Also write the metrics as JSON: {\"<split>\": {\"<metric>\": value, …}, …}, atomically.")
    Path file;
}
