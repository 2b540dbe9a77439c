package org.backprop.cli;

import java.util.concurrent.Callable;

import org.backprop.io.model.Model;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code backprop evaluate}: a model's metrics on a labeled CSV file. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a trained model on a CSV file holding its features and target.",
                "Regression: mse, rmse, mae (target units) and r2. Classification: accuracy, log_loss, macro_f1, "
                        + "the per-class table (up to " + MetricsReport.MAX_PER_CLASS_TABLE_CLASSES + " classes) and "
                        + "the confusion matrix (up to " + MetricsReport.MAX_CONFUSION_MATRIX_CLASSES + "); "
                        + "--metrics-json writes them all. The JSON has one key, \"data\".",
                "Rows of a class the model was not trained on count as wrong, as classes of their own in the "
                        + "tables, and are left out of log_loss (a warning names them)."},
        footer = {"", "Example:", "  backprop evaluate --model houses.safetensors --data test.csv \\",
                "      --metrics-json m.json"})
final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private ModelOption model;

    @Mixin
    private DataOption data;

    @Mixin
    private MetricsJsonOption metricsJson;

    @Mixin
    private DropMissingTargetOption dropMissingTarget;

    @Override
    public Integer call() {
        new CommandFiles().input("--model", model.file()).input("--data", data.file)
                .output("--metrics-json", metricsJson.file).check();
        try (Model m = CliFiles.loadModel(model.file(), 1)) {
            LocatedRows rows = CliFiles.labeledRows(spec, data.file, data.format, m, dropMissingTarget.drop, true);
            String[] labels = rows.rows().labels();
            UnknownClasses unknown = labels == null ? null
                    : UnknownClasses.of(m.labels(), labels.length, i -> labels[i]);
            if (unknown != null && !unknown.isEmpty()) {
                spec.commandLine().getErr().println("backprop: warning: " + data.file + ": "
                        + unknown.warning(rows.origin()));
                spec.commandLine().getErr().flush();
            }
            MetricsReport report = new MetricsReport().add("data", SplitMetrics.of(m, rows.rows(), rows.origin()));
            report.print(spec.commandLine().getOut());
            report.writeJson(metricsJson.file, spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }
}
