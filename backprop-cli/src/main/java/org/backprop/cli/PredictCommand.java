package org.backprop.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.backprop.io.csv.CsvTable;
import org.backprop.io.model.Model;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backprop predict}: a model's predictions for the rows of a CSV file. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict the rows of a CSV file with a trained model.",
                "The file needs the model's feature columns (any order, other columns are ignored). Output CSV: "
                        + "the --id-column if given, then <target>_predicted: regression, the prediction in the "
                        + "target's units; classification, the predicted label, then p_<label> for every class."},
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

    @Option(names = "--id-column", paramLabel = "COLUMN",
            description = "Copy this column of --data, as written, as the first output column (default: none).")
    private String idColumn;

    @Override
    public Integer call() {
        try (Model m = CliFiles.loadModel(model.file, 1)) {
            CsvTable table = CliFiles.readCsv(data.file);
            String[] ids = idColumn == null ? null : ids(table);
            String csv = PredictionsCsv.of(m, m.featuresOf(table), idColumn, ids);
            if (out == null) {
                spec.commandLine().getOut().print(csv);
            } else {
                CliFiles.writeText(out, csv);
            }
        }
        return ExitCodes.OK;
    }

    /** The --id-column cells as written; a missing column is a data error listing the columns. */
    private String[] ids(CsvTable table) {
        int column = table.columnIndex(idColumn);
        String[] ids = new String[table.rowCount()];
        for (int r = 0; r < ids.length; r++) {
            ids[r] = table.cell(r, column);
        }
        return ids;
    }
}
