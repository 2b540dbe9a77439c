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

import java.util.HashSet;
import java.util.Set;

import org.backprop.io.AtomicFiles;
import org.backprop.io.DataException;
import org.backprop.io.csv.Column;
import org.backprop.io.csv.ColumnarCsvReader;
import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.model.Model;
import org.backprop.io.preprocess.EncodeWarnings;
import org.backprop.io.table.EncodedRows;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backprop predict}: a model's predictions for the rows of a CSV file. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict the rows of a CSV file with a trained model.",
                "The file needs the model's raw columns (any order, other columns are ignored); the stored "
                        + "preprocessing is applied (a level not seen in training goes to its column's rare levels, or all "
                        + "zeros if it has none, with a warning; a number more than 10 standard deviations from the "
                        + "training mean is predicted with a warning that it extrapolates). Output CSV: "
                        + "the --id-column if given (else the row names of a file whose first header cell is empty, as R's "
                        + "write.csv writes them), then <target>_predicted: regression, the prediction in the "
                        + "target's units; classification, the predicted label, then p_<label> for every class."},
        footer = {"", "Example:", "  backprop predict --model houses.safetensors --data new.csv \\",
                "      --out predictions.csv"})
final class PredictCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private ModelOption model;

    @Mixin
    private DataOption data;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here, atomically (default: standard output).")
    private Path out;

    /** The name of the nameless first column of row names (R's write.csv, pandas' index). */
    private static final String ROW_NAMES = "";

    @Option(names = "--id-column", paramLabel = "COLUMN", converter = ColumnNameConverter.class,
            description = "Copy this column of --data, as written, as the first output column (default: the row "
                    + "names of a file whose first header cell is empty, as R's write.csv writes them, under the "
                    + "header \"\"; else none).")
    private String idColumn;

    @Override
    public Integer call() throws IOException {
        new CommandFiles().input("--model", model.file()).input("--data", data.file).output("--out", out).check();
        PrintWriter stdout = spec.commandLine().getOut();
        try (Model m = CliFiles.loadModel(model.file(), 1)) {
            ColumnarReadOptions stored = m.preprocessor().readOptions(List.of());
            ColumnarReadOptions read = data.format.apply(stored);
            String id = idColumn != null ? idColumn
                    : CliFiles.hasRowNames(data.file, read.separator()) ? ROW_NAMES : null;
            ColumnarTable table;
            try {
                table = CliFiles.readColumns(data.file, withColumn(read, id), data.format.storedFormatNote(stored));
            } catch (DataException e) {
                if (!ColumnarCsvReader.NO_DATA_ROWS.equals(e.getProblem())) {
                    throw e;
                }
                writeHeaderOnly(m, id, stdout);
                return ExitCodes.OK;
            }
            m.preprocessor().check(table);
            EncodeWarnings warnings = new EncodeWarnings();
            EncodedRows features = EncodedRows.all(table, m.preprocessor(), m.featureScaler());
            features.countWarnings(warnings);
            String[] ids = id == null ? null : ids(table, id);
            table.releaseCellsExcept(m.preprocessor().columns());
            CliFiles.warn(spec.commandLine().getErr(), data.file, warnings);
            RowOrigin origin = RowOrigin.of(table);
            if (out == null || AtomicFiles.standardStream(out) == FileDescriptor.out) {
                PredictionsCsv.write(m, features, origin, id, ids, PredictionsCsv.Target.STREAM, text -> {
                    stdout.print(text);
                    StandardOutput.check(stdout);
                });
            } else {
                CliFiles.write(out, file -> {
                    Writer writer = new OutputStreamWriter(file, StandardCharsets.UTF_8);
                    PredictionsCsv.write(m, features, origin, id, ids, PredictionsCsv.Target.FILE, writer::write);
                    writer.flush();
                }, stdout);
            }
        }
        return ExitCodes.OK;
    }

    /**
     * For a --data file of a header and no rows: the predictions header alone (the model's columns are
     * not checked against a header without rows), with a note on standard error.
     */
    private void writeHeaderOnly(Model m, String id, PrintWriter stdout) throws IOException {
        spec.commandLine().getErr().println("backprop: note: " + data.file + " has a header but no data rows: "
                + "wrote the predictions header only");
        String header = PredictionsCsv.header(m, id) + "\n";
        if (out == null || AtomicFiles.standardStream(out) == FileDescriptor.out) {
            stdout.print(header);
            StandardOutput.check(stdout);
        } else {
            CliFiles.write(out, file -> file.write(header.getBytes(StandardCharsets.UTF_8)), stdout);
        }
    }

    /** {@code options} also keeping column {@code idColumn} (if not null), as text. */
    private static ColumnarReadOptions withColumn(ColumnarReadOptions options, String idColumn) {
        if (idColumn == null || (options.columns() != null && options.columns().contains(idColumn))) {
            return options; // a column the model reads anyway keeps its text codes while it can
        }
        Set<String> columns = options.columns() == null ? null : new HashSet<>(options.columns());
        if (columns != null) {
            columns.add(idColumn);
        }
        Set<String> text = new HashSet<>(options.textColumns());
        text.add(idColumn);
        return new ColumnarReadOptions(columns, text, options.missing(), options.separator(), options.decimal());
    }

    /**
     * The --id-column cells as written (without surrounding blanks; a missing-value token gives an
     * empty cell); a missing column is a data error listing the columns.
     */
    private static String[] ids(ColumnarTable table, String idColumn) {
        Column column = table.column(idColumn);
        String[] ids = new String[table.rowCount()];
        boolean text = column.hasText() && !column.textDropped();
        for (int r = 0; r < ids.length; r++) {
            int code = text ? column.code(r) : Column.MISSING;
            double number = text ? Double.NaN : column.number(r);
            ids[r] = text ? (code == Column.MISSING ? "" : column.level(code))
                    : Double.isNaN(number) ? "" : number == Math.rint(number) && Math.abs(number) < 1e15
                    ? Long.toString((long) number) : Double.toString(number);
        }
        return ids;
    }
}
