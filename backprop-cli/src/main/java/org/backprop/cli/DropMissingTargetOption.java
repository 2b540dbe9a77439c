package org.backprop.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --drop-missing-target} flag of the commands that read a model's target from a file
 * (evaluate, inspect, gradcheck), as train has it: rows whose target is missing are left out
 * (counted on standard output) instead of being a data error.
 */
final class DropMissingTargetOption {
    @Option(names = "--drop-missing-target",
            description = "Leave out rows whose target is missing (counted on the first line) instead of failing.")
    boolean drop;
}
