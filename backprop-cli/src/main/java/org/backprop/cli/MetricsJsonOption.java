package org.backprop.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The {@code --metrics-json FILE} option of train and evaluate. */
final class MetricsJsonOption {
    @Option(names = "--metrics-json", paramLabel = "FILE",
            description = "Also write the metrics as JSON: {\"<split>\": {\"<metric>\": value, …}, …}, atomically. "
                    + "The JSON holds every class; the printed report leaves out the per-class table above "
                    + MetricsReport.MAX_PER_CLASS_TABLE_CLASSES + " classes and the confusion matrix above "
                    + MetricsReport.MAX_CONFUSION_MATRIX_CLASSES + ".")
    Path file;
}
