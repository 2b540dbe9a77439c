package org.backprop.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The model file of the commands that use a trained model: {@code --model MODEL}, or the file
 * name as the first argument ({@code backprop inspect model.safetensors}), not both.
 */
final class ModelOption {
    @Option(names = "--model", paramLabel = "MODEL",
            description = "Model file written by 'backprop train' (may also be given as the first argument).")
    private Path option;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "The same as --model MODEL.")
    private Path argument;

    /** The model file; a usage error if it was given neither way, or both ways. */
    Path file() {
        if (option != null && argument != null) {
            throw new UserError(ExitCodes.USAGE, "give the model once: --model " + option + " or " + argument
                    + " as the first argument, not both");
        }
        if (option == null && argument == null) {
            throw new UserError(ExitCodes.USAGE, "Missing required option: '--model=MODEL' (or the model file "
                    + "as the first argument)");
        }
        return option != null ? option : argument;
    }
}
