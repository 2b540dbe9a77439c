package org.backprop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.backprop.io.model.Model;
import org.backprop.io.model.ModelFile;
import org.backprop.io.model.Task;
import org.backprop.network.NeuralNetwork;
import org.backprop.io.preprocess.ColumnEncoder;
import org.backprop.io.preprocess.TablePreprocessor;
import org.backprop.network.ModelSummary;
import org.backprop.trace.Trace;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backprop inspect}: a model's summary and, on data rows, its forward/backward trace. */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show a model: layers, shapes, parameter counts, activations, loss, features, target, "
                + "scalers and how it was trained.",
                "With --data, also run a forward and backward pass on the chosen rows and show every named "
                        + "intermediate (X, N = X·W, P = N + B, A = f(P)) and gradient (dL/dA … dL/dX) per layer."},
        footer = {"", "Example:", "  backprop inspect --model houses.safetensors --data houses.csv \\",
                "      --rows 0:2"})
final class InspectCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private ModelOption model;

    @Option(names = "--data", paramLabel = "FILE",
            description = "CSV file with the model's features and target: trace a pass on some of its rows.")
    private Path data;

    @Mixin
    private CsvFormatOption format;

    @Mixin
    private RowsOption rows;

    @Mixin
    private DropMissingTargetOption dropMissingTarget;

    @Option(names = "--trace-json", paramLabel = "FILE",
            description = "With --data: also write the trace, every value, as JSON (atomically).")
    private Path traceJson;

    @Override
    public Integer call() {
        if (traceJson != null && data == null) {
            throw new UserError(ExitCodes.USAGE, "--trace-json needs --data");
        }
        new CommandFiles().input("--model", model.file()).input("--data", data).output("--trace-json", traceJson).check();
        PrintWriter out = spec.commandLine().getOut();
        try (NeuralNetwork network = CliFiles.loadNetworkOnly(model.file())) {
            if (network != null) {
                if (data != null) {
                    throw new UserError(ExitCodes.USAGE, "--data: " + model.file() + " holds a network alone, "
                            + "without the columns and scalers that read a CSV file");
                }
                out.println("Network " + model.file() + " (format " + ModelFile.FORMAT + " version "
                        + ModelFile.FORMAT_VERSION + ", a network alone: no columns, scalers, task or labels; "
                        + network.precision().name().toLowerCase(Locale.ROOT) + ")");
                out.println();
                out.print(ModelSummary.of(network).table());
                return ExitCodes.OK;
            }
        }
        try (Model m = CliFiles.loadModel(model.file(), 1)) {
            // the rows are read and checked first: a bad --data or --rows prints no summary
            LocatedRows all = data == null ? null : CliFiles.labeledRowsWithoutEncodingWarnings(spec, data, format, m,
                    dropMissingTarget.drop);
            RowRange range = all == null ? null : rows.resolve(all.rows().size(), spec.commandLine().getErr());
            LocatedRows picked = all == null ? null : CliFiles.warnAboutEncoding(spec, data, all.select(range.indices()));
            printSummary(out, m);
            if (picked != null) {
                printTrace(out, m, picked, range);
            }
        }
        return ExitCodes.OK;
    }

    private void printSummary(PrintWriter out, Model m) {
        out.println("Model " + model.file() + " (format " + ModelFile.FORMAT + " version " + ModelFile.FORMAT_VERSION
                + ", written by backprop " + m.metadata().libraryVersion() + ")");
        out.println("Task: " + m.task().id() + ", target \"" + m.target() + "\"");
        if (m.task() == Task.CLASSIFICATION) {
            out.println("Classes (" + m.labels().classCount() + "): " + String.join(", ", m.labels().classes()));
        } else {
            out.println("Target scaler: mean " + m.targetScaler().mean()[0] + ", scale " + m.targetScaler().scale()[0]);
        }
        TablePreprocessor p = m.preprocessor();
        out.println("Columns (" + p.columns().size() + ", missing values: empty"
                + (p.missingValues().tokens().isEmpty() ? "" : ", " + String.join(", ", p.missingValues().tokens()))
                + (p.missingValues().numberTokens().isEmpty() ? "" : ", among numbers also "
                + (p.missingValues().numberTokens().equals(org.backprop.io.csv.MissingValues.NUMBER_TOKENS)
                ? "pandas' other missing-value texts (NULL, None, nan, ...)"
                : String.join(", ", p.missingValues().numberTokens())))
                + "; " + p.missingPolicy().name().toLowerCase(java.util.Locale.ROOT) + "; separator "
                + (p.separator() == '\t' ? "tab" : "'" + p.separator() + "'") + ", decimal '" + p.decimal() + "'):");
        for (ColumnEncoder e : p.encoders()) {
            out.println("  " + e.column() + ": " + e.describe());
        }
        p.ignored().forEach(d -> out.println("  " + d.column() + ": " + d.describe()));
        printFeatures(out, m);
        out.println();
        out.print(ModelSummary.of(m.network()).table());
        out.println();
        out.println("Training: " + m.metadata().training());
        String run = m.metadata().runSummary();
        if (run != null) {
            out.println("Trained: " + run);
        }
        out.println("Seed: " + m.metadata().seed());
        out.println("Command line: " + m.metadata().commandLine());
    }

    /**
     * One line per network input: its name and the feature scaler's mean and scale (the input is
     * (encoded value − mean) / scale), so that a wide model reads as a table rather than two lists
     * of hundreds of numbers; the exact values are the {@code scaler.features.*} tensors.
     */
    private static void printFeatures(PrintWriter out, Model m) {
        List<String> names = m.features();
        double[] mean = m.featureScaler().mean();
        double[] scale = m.featureScaler().scale();
        int width = 4;
        for (String name : names) {
            width = Math.max(width, Math.min(40, name.length()));
        }
        out.println("Features (" + names.size() + "), each standardized as (value − mean) / scale:");
        String row = "  %-" + width + "s  %12s  %12s";
        out.println(String.format(Locale.ROOT, row, "name", "mean", "scale"));
        for (int i = 0; i < names.size(); i++) {
            out.println(String.format(Locale.ROOT, row, names.get(i), String.format(Locale.ROOT, "%.6g", mean[i]),
                    String.format(Locale.ROOT, "%.6g", scale[i])));
        }
    }

    private void printTrace(PrintWriter out, Model m, LocatedRows picked, RowRange range) {
        Trace trace = Trace.record(m.network(), picked.inputs(m), picked.rows().networkTargets(m));
        out.println();
        out.println("Trace of rows " + range + " of " + data + " (" + picked.rows().size() + " rows, standardized "
                + "inputs; loss " + trace.loss() + "):");
        out.print(trace.table());
        if (traceJson != null) {
            CliFiles.writeText(traceJson, trace.toJson(), spec.commandLine().getOut());
            out.println("wrote trace to " + traceJson);
        }
    }
}
