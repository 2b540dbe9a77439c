package org.backprop.cli;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.backprop.io.AtomicFiles;
import org.backprop.io.DoubleTable;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.model.Model;
import org.backprop.io.preprocess.EncodeWarnings;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backprop predict}: a model's predictions for the rows of a CSV file. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict the rows of a CSV file with a trained model.",
                "The file needs the model's raw columns (any order, other columns are ignored); the stored "
                        + "preprocessing is applied (levels not seen in training: all zeros, with a warning). Output CSV: "
                        + "regression: one column named after the target, in its units; classification: the "
                        + "predicted label, then p_<label> for every class."},
        footer = {"", "Example:", "  backprop predict --model houses.safetensors --data new.csv --out predictions.csv"})
final class PredictCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private ModelOption model;

    @Mixin
    private DataOption data;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here, atomically (default: standard output).")
    private Path out;

    @Override
    public Integer call() throws IOException {
        new CommandFiles().input("--model", model.file).input("--data", data.file).output("--out", out).check();
        PrintWriter stdout = spec.commandLine().getOut();
        try (Model m = CliFiles.loadModel(model.file, 1)) {
            ColumnarTable table = CliFiles.readColumns(data.file, m.preprocessor().readOptions(List.of()));
            EncodeWarnings warnings = new EncodeWarnings();
            DoubleTable features = m.preprocessor().encode(table, warnings);
            CliFiles.warn(spec.commandLine().getErr(), data.file, warnings);
            RowOrigin origin = RowOrigin.of(table);
            if (out == null || AtomicFiles.standardStream(out) == FileDescriptor.out) {
                PredictionsCsv.write(m, features, origin, text -> {
                    stdout.print(text);
                    StandardOutput.check(stdout);
                });
            } else {
                CliFiles.write(out, file -> {
                    Writer writer = new OutputStreamWriter(file, StandardCharsets.UTF_8);
                    PredictionsCsv.write(m, features, origin, writer);
                    writer.flush();
                }, stdout);
            }
        }
        return ExitCodes.OK;
    }
}
