package org.backprop.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.backprop.check.GradientCheck;
import org.backprop.check.GradientCheckOptions;
import org.backprop.check.GradientCheckReport;
import org.backprop.io.model.Model;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backprop gradcheck}: the numerical gradient check of a model's network on the user's rows. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check the analytic gradients of a model's network against central differences "
                + "(f(w+h) − f(w−h)) / 2h of its loss, on a few rows of your data.",
                "Prints the number of elements checked and the worst one by parameter name "
                        + "(e.g. dense1.W[3,4]). Exit code 0 if every element is within tolerance, 7 if not.",
                "An element whose step puts a ReLU pre-activation (or an absolute-error residual) on the other side "
                        + "of its kink is re-checked with a 10x smaller step, then excluded if it still crosses one; "
                        + "both are counted in the report."},
        footer = {"", "Example:", "  backprop gradcheck --model houses.safetensors --data houses.csv \\",
                "      --rows 0:8"})
final class GradcheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private ModelOption model;

    @Mixin
    private DataOption data;

    @Mixin
    private RowsOption rows;

    @Mixin
    private DropMissingTargetOption dropMissingTarget;

    @Option(names = "--tolerance", defaultValue = "1e-6", paramLabel = "X",
            description = "Largest relative error that passes (default: ${DEFAULT-VALUE}).")
    private double tolerance;

    @Option(names = "--step", defaultValue = "1e-6", paramLabel = "H",
            description = "Central-difference step h (default: ${DEFAULT-VALUE}).")
    private double step;

    @Option(names = "--kink-retries", defaultValue = "1", paramLabel = "N",
            description = "Re-checks with a 10x smaller step of an element whose step crosses a kink before it is "
                    + "excluded; -1 compares every element as it comes (default: ${DEFAULT-VALUE}).")
    private int kinkRetries;

    @Override
    public Integer call() {
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new UserError(ExitCodes.USAGE, "--step must be a positive number, got " + step);
        }
        if (kinkRetries < -1) {
            throw new UserError(ExitCodes.USAGE, "--kink-retries must be at least -1, got " + kinkRetries);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Model m = CliFiles.loadModel(model.file(), 1)) {
            LocatedRows all = CliFiles.labeledRowsWithoutEncodingWarnings(spec, data.file, data.format, m,
                    dropMissingTarget.drop);
            RowRange range = rows.resolve(all.rows().size(), spec.commandLine().getErr());
            LocatedRows picked = CliFiles.warnAboutEncoding(spec, data.file, all.select(range.indices()));
            GradientCheckReport report = GradientCheck.network(m.network(), picked.inputs(m),
                    picked.rows().networkTargets(m),
                    GradientCheckOptions.defaults().withTolerance(tolerance).withStep(step)
                            .withKinkRetries(kinkRetries));
            out.println("gradient check of " + m.network().parameters().size() + " parameters on rows " + range
                    + " of " + data.file + " (" + picked.rows().size() + " rows):");
            out.println(report);
            return report.passed() ? ExitCodes.OK : ExitCodes.GRADCHECK_FAILED;
        }
    }
}
