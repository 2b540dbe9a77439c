package org.backprop.cli;

import java.nio.file.Path;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --data FILE}, {@code --separator} and {@code --decimal} options shared by the commands
 * that read a CSV file.
 */
final class DataOption {
    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV file with a header row (UTF-8; comma-separated unless --separator says "
                    + "otherwise; see also --decimal).")
    Path file;

    @Mixin
    CsvFormatOption format;
}
